"""A 碰撞比对 list the 巡察办 chooses to send to a team with a briefing, so the team can verify on
site. Otherwise a list stays in the store that imported it (issue #19), and a team never sends
one back: its packages carry records only, and the package reader refuses a list in them.

On the wire (a briefing's ``datalist`` blob) a list is a header line naming the source, then one
line per row, ``[row_no, cells]``: the cells as the office read them. The receiver normalises
them again with the import's own reading of a row, so it stores what importing those rows would
have stored, and nothing the office did not read can reach a typed column. Only the roles allowed
to see raw rows may send a list; on the team it is shown to the roles the team's store allows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, MutableMapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Text, cast, insert, select
from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models.datalists import DataRow, DataSource
from workbench.models.fieldrules import (
    INT32_MAX,
    MAX_JSON_ITEMS,
    MAX_JSON_STRING,
    json_fault,
    moment_fault,
    text_fault,
)
from workbench.models.system import AuditEntry
from workbench.services.data_access import require_raw_access
from workbench.services.datalists import (
    BATCH,
    RowReader,
    missing_fields,
    resolve_mapping,
    source_label,
)
from workbench.store import audit
from workbench.strictjson import StrictJSONError, strict_loads
from workbench.vocab.enums import DataListKind

FORMAT = "workbench-datalist"
VERSION = 1
MAX_LINE = 16 << 20  # one row: as a record line may be
RECEIVED = "data.receive"  # the audit entry naming where a received list came from
_HEADER = frozenset(
    [
        "format",
        "version",
        "id",
        "kind",
        "label",
        "source_date",
        "file_name",
        "file_sha256",
        "sheet",
        "headers",
        "mapping",
        "rows",
    ]
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


def _line(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


# -- the office ----------------------------------------------------------------------------------


def lists_to_send(session: Session, round_id: str, source_ids: Sequence[str]) -> list[DataSource]:
    """The round's live lists named, for a briefing; only roles that may see raw rows send any."""
    if not source_ids:
        return []
    require_raw_access(session, "随部署包下发名单")
    chosen = []
    for source_id in dict.fromkeys(s.strip().lower() for s in source_ids):
        source = session.get(DataSource, source_id)
        if source is None or source.deleted_at is not None or source.round_id != round_id:
            raise ValidationError(f"本轮没有名单“{source_id}”，不能随部署包下发", field="lists")
        chosen.append(source)
    return chosen


def list_lines(session: Session, source: DataSource) -> Iterator[bytes]:
    """The list as it travels: its header, then its rows in the file's order, streamed."""
    yield _line(
        {
            "format": FORMAT,
            "version": VERSION,
            "id": source.id,
            "kind": source.kind.value,
            "label": source.label,
            "source_date": source.source_date.isoformat() if source.source_date else None,
            "file_name": source.file_name,
            "file_sha256": source.file_sha256,
            "sheet": source.sheet,
            "headers": source.headers,
            "mapping": source.mapping,
            "rows": source.row_count,
        }
    )
    rows = session.execute(  # the cells as stored, JSON text: not decoded to be encoded again
        select(DataRow.row_no, cast(DataRow.cells, Text))
        .where(DataRow.source_id == source.id)
        .order_by(DataRow.id)
        .execution_options(yield_per=BATCH)
    )
    for row_no, cells in rows:
        yield f"[{row_no},{cells}]\n".encode()


def record_sent(
    session: Session, sources: Sequence[DataSource], package_id: str, devices: Sequence[str]
) -> None:
    for source in sources:
        detail: dict[str, Any] = {"package_id": package_id, "devices": list(devices)}
        detail["label"] = source.label
        detail |= {"file": source.file_name, "rows": source.row_count}
        audit.record(session, "data.send", "data_sources", source.id, detail)


# -- the team ------------------------------------------------------------------------------------


def _refused(reason: str) -> ValidationError:
    return ValidationError(f"部署包中的名单不符合格式要求：{reason}", field="datalist")


def _text(value: Any, name: str, limit: int, *, empty: bool = True) -> str:
    if not isinstance(value, str) or len(value) > limit or (not value and not empty):
        raise _refused(f"“{name}”应为不超过 {limit} 个字符的文字")
    if fault := text_fault(value):
        raise _refused(f"“{name}”{fault}")
    return value


def _source(doc: Any, round_id: str) -> DataSource:
    """The header line as a new source of ``round_id`` (not added yet), every value checked."""
    if not isinstance(doc, dict) or set(doc) != _HEADER:
        raise _refused("名单头应含且只含规定的各项")
    if (doc["format"], doc["version"]) != (FORMAT, VERSION):
        raise _refused("不是本程序能读取的名单格式")
    try:
        kind = DataListKind.parse(doc["kind"])
        day = None if doc["source_date"] is None else date.fromisoformat(doc["source_date"])
    except (TypeError, ValueError):
        raise _refused("名单类别或数据日期无效") from None
    if day is not None and (fault := moment_fault(day)):
        raise _refused(f"数据日期{fault}")
    headers = doc["headers"]
    if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
        raise _refused("表头应为文字列表")
    if fault := json_fault(headers):
        raise _refused(f"表头{fault}")
    mapping = doc["mapping"]
    if not isinstance(mapping, dict) or not all(type(i) is int for i in mapping.values()):
        raise _refused("列对应关系应为各项到列号的对应")
    rows = doc["rows"]
    if type(rows) is not int or rows < 1:
        raise _refused("行数应为正整数")
    for name, value, pattern in (("id", doc["id"], _UUID), ("sha256", doc["file_sha256"], _SHA256)):
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise _refused(f"“{name}”格式不正确")
    try:
        resolved = resolve_mapping(kind, tuple(headers), mapping)
    except ValidationError as exc:
        raise _refused(exc.message) from None
    if missing_fields(kind, resolved):
        raise _refused("列对应关系缺少必填项")
    return DataSource(
        id=doc["id"],
        round_id=round_id,
        kind=kind,
        label=source_label(kind, _text(doc["label"], "数据来源", 120)),
        source_date=day,
        file_name=_text(doc["file_name"], "文件名", 255, empty=False),
        file_sha256=doc["file_sha256"],
        sheet=_text(doc["sheet"], "工作表", 120),
        headers=headers,
        mapping=resolved,
        row_count=rows,
        imported_by=None,  # nobody here: where it came from is the ``data.receive`` entry
    )


def _no_float(text: str) -> Any:
    raise ValueError(f"不允许小数：{text[:20]}")


# A row line holds no object (no key to repeat) and only ints, text and null: the plain decoder,
# refusing fractions and NaN, is all the strictness it needs (``strict_loads`` costs 3x as much).
_ROW_DECODER = json.JSONDecoder(parse_float=_no_float, parse_constant=_no_float)


def _row_value(line: bytes) -> Any:
    try:
        return _ROW_DECODER.decode(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError too
        raise _refused(f"数据行不是有效的 JSON（{str(exc)[:80]}）") from None


class ListReceiver:
    """One list of a briefing, fed as it is decrypted, inside the import's transaction.

    A list this store holds (by id) is not written again, nor one it removed (the team removed
    its copy on purpose, as it would a record it edited), nor the same file of the round held
    under another id (two copies would match every person against itself); anything else is
    added, its rows read as an import reads them. ``outcome`` counts lists by what was done."""

    def __init__(
        self,
        session: Session,
        round_id: str,
        sent: dict[str, Any],  # package_id, sent_by, sent_at: where the list came from
        outcome: MutableMapping[str, int],
    ) -> None:
        self.session, self.round_id, self.sent, self.outcome = session, round_id, sent, outcome
        self._pending = bytearray()
        self._header: DataSource | None = None  # the source the header names
        self._reader: RowReader | None = None
        self._batch: list[dict[str, Any]] = []
        self._rows = 0
        self._result = ""

    def feed(self, chunk: bytes | memoryview) -> None:
        self._pending += chunk
        start = 0
        while (end := self._pending.find(b"\n", start)) >= 0:
            self._take(bytes(self._pending[start:end]))
            start = end + 1
        del self._pending[:start]
        if len(self._pending) > MAX_LINE:
            raise _refused(f"一行超过 {MAX_LINE} 字节")

    def _take(self, line: bytes) -> None:
        if self._header is None:
            try:
                self._header = _source(strict_loads(line), self.round_id)
            except StrictJSONError as exc:
                raise _refused(exc.reason) from None
            self._begin(self._header)
        elif self._reader is not None:  # else a list not stored again: only hashed
            self._row(_row_value(line))

    def _begin(self, source: DataSource) -> None:
        session = self.session
        held = session.get(DataSource, source.id)
        same_file = session.scalars(
            select(DataSource.id).where(
                DataSource.round_id == self.round_id,
                DataSource.kind == source.kind,
                DataSource.file_sha256 == source.file_sha256,
                DataSource.deleted_at.is_(None),
            )
        ).first()
        if held is not None:
            self._result = "lists_unchanged" if held.deleted_at is None else "lists_kept"
        elif same_file is not None:
            self._result = "lists_kept"
        else:
            self._result = "lists_added"
            session.add(source)
            session.flush()
            self._reader = RowReader(source.kind, tuple(source.headers), source.mapping)

    def _row(self, value: Any) -> None:
        assert self._reader is not None and self._header is not None
        if not (isinstance(value, list) and len(value) == 2 and type(value[0]) is int):
            raise _refused("每行应为行号和单元格")
        row_no, cells = value
        flat = isinstance(cells, list) and all(c is None or type(c) is str for c in cells)
        if not 1 <= row_no <= INT32_MAX or not flat or len(cells) > MAX_JSON_ITEMS:
            raise _refused(f"第 {row_no} 行应为正的行号和至多 {MAX_JSON_ITEMS} 个文字单元格")
        if fault := text_fault("".join(c for c in cells if c)):  # one scan for the whole row
            raise _refused(f"第 {row_no} 行的单元格{fault}")
        if any(len(c) > MAX_JSON_STRING for c in cells if c):
            raise _refused(f"第 {row_no} 行的单元格超过 {MAX_JSON_STRING} 个字符")
        values, problems = self._reader.read(row_no, cells)
        if values is None:
            raise _refused(f"第 {row_no} 行无法读取（{problems[0].column}：{problems[0].reason}）")
        values["source_id"] = self._header.id
        self._batch.append(values)
        self._rows += 1
        if len(self._batch) == BATCH:
            self._write()

    def _write(self) -> None:
        if self._batch:
            self.session.connection().execute(insert(DataRow), self._batch)
            self._batch = []

    def finish(self) -> None:
        """At the blob's end, once its hash is checked: the last rows and the audit entry."""
        if self._pending or self._header is None:
            raise _refused("名单不完整")
        self._write()
        if self._reader is not None and self._rows != self._header.row_count:
            raise _refused(f"名单头写有 {self._header.row_count} 行，实际 {self._rows} 行")
        self.outcome[self._result] = self.outcome.get(self._result, 0) + 1
        source = self._header
        detail = {**self.sent, "outcome": self._result, "kind": source.kind.value}
        detail |= {"label": source.label, "file": source.file_name, "rows": source.row_count}
        audit.record(self.session, RECEIVED, "data_sources", source.id, detail)
        self.session.flush()


def received_from(session: Session, source_ids: Sequence[str]) -> dict[str, tuple[str, datetime]]:
    """source id → (who sent it, when) for the lists a briefing brought into this store."""
    found: dict[str, tuple[str, datetime]] = {}
    if not source_ids:
        return found
    entries = session.execute(
        select(AuditEntry.object_id, AuditEntry.detail).where(
            AuditEntry.action == RECEIVED, AuditEntry.object_id.in_(source_ids)
        )
    )
    for source_id, detail in entries:
        sent = json.loads(detail)
        if sent["outcome"] != "lists_added":
            continue
        found[str(source_id)] = (sent["sent_by"], datetime.fromisoformat(sent["sent_at"]))
    return found
