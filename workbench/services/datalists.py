"""The lists of 大数据碰撞比对 in the store: preview a file's column mapping, import a list all or
nothing, list, page through and remove them.

A list is personal data: only the roles the 巡察办 allows (``data_access``) import, see or
remove one. Its rows are streamed from the file (``datacheck.readers``), each mapped cell
normalised (``datacheck.normalize``) into the ``DataRow`` column ``datacheck.kinds`` names, and
written in batches with Core executemany inside one savepoint: a refused row, a cancel or any
error leaves the store as it was, and memory stays flat whatever the size of the list. On the
office server the rows go in before the store's write lock (``late_lock``), taken for the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from workbench.datacheck import mapping as column_guess
from workbench.datacheck.errors import (
    ListAlreadyImported,
    ListMappingRefused,
    ListRowsRefused,
    RowProblem,
)
from workbench.datacheck.kinds import FIELDS, Field, ValueType
from workbench.datacheck.normalize import ValueProblem, normalize
from workbench.datacheck.readers import Table, open_table
from workbench.datacheck.spelling import refresh_statistics
from workbench.errors import DiskFull, NotFound, ValidationError
from workbench.i18n import N_, Wording
from workbench.jobs import CancelToken, ProgressSink
from workbench.models import Round
from workbench.models.base import utcnow
from workbench.models.datalists import DataMapping, DataRow, DataSource
from workbench.models.system import User
from workbench.services.data_access import require_raw_access
from workbench.services.identifiers import resolve_record
from workbench.store import audit
from workbench.store.engine import page_cache
from workbench.store.late_lock import (
    begin_without_store_lock,
    held_back_dropped_on_error,
    take_lock_on_name,
    take_store_lock_now,
)
from workbench.vocab.enums import DataListKind

BATCH = 5000  # rows per executemany: large enough to amortise, small enough to keep memory flat
SAMPLE_ROWS = 20  # rows a preview shows
IMPORT_CACHE_KIB = 64 * 1024  # SQLite's page cache during an import (restored after)
KEPT_PROBLEMS = 1000  # problems carried by a refusal or kept on a source; all are counted
MAX_PAGE = 1000
_CACHED = 4096  # distinct cells of a field normalised once (bounded: memory stays flat)
_UNIQUE = frozenset({ValueType.ID_NUMBER, ValueType.NAME})  # differ on nearly every row
_LABEL_MAX = 120
# the longest value of a field: SQLite holds no value to its column's width, and a hit copies
# values into its record's text, which the field rules bound (a project's or a contract's name
# may run past its column's 64 characters; a person's name does not)
_WIDTHS = {ValueType.NAME: 64, ValueType.TEXT: 1000}
_EMPTY = N_("“{field}”不能为空")
_TOO_LONG = N_("“{field}”超过 {width} 个字")


@dataclass(frozen=True)
class ListPreview:
    """What a file holds and how its columns would be read, before anything is stored."""

    file_name: str
    sheets: tuple[str, ...]
    sheet: str
    headers: tuple[str, ...]
    sample: tuple[tuple[str | None, ...], ...]  # the first rows, cells as text
    mapping: dict[str, int]  # field key → column index: the remembered one, else guessed
    missing: tuple[str, ...]  # required field keys not mapped
    remembered: bool  # the mapping (in part) is the one confirmed last time for this source


@dataclass(frozen=True)
class ListImport:
    source_id: str
    rows: int  # rows stored
    skipped: tuple[RowProblem, ...]  # the problems of the rows left out (at most KEPT_PROBLEMS)
    skipped_rows: int = 0  # how many rows were left out


@dataclass(frozen=True)
class SourceView:
    id: str
    round_id: str | None
    round_name: str
    kind: DataListKind
    kind_label: str
    label: str
    source_date: date | None
    file_name: str
    file_sha256: str
    sheet: str
    headers: tuple[str, ...]
    mapping: dict[str, str]  # field key → header text
    rows: int
    skipped: int  # problems recorded for the rows left out
    imported_by: str  # the user's display name
    imported_at: datetime


@dataclass(frozen=True)
class RowsPage:
    """Raw rows of one list, as read: ``rows`` are (row number, cells)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str | None, ...]], ...]
    total: int
    offset: int
    limit: int


# -- the column mapping -------------------------------------------------------------------------


def source_label(kind: DataListKind, label: str) -> str:
    """The 数据来源 a list is filed under; blank: the kind's name, so the mapping is still
    remembered for the kind."""
    text = " ".join(label.split())
    if len(text) > _LABEL_MAX:
        raise ValidationError(f"数据来源不能超过 {_LABEL_MAX} 个字", field="label")
    return text or kind.label


def field_for(kind: DataListKind, text: str) -> Field:
    """The field of ``kind`` that ``text`` names: its key (``id_number``) or label (身份证号)."""
    wanted = text.strip()
    for candidate in FIELDS[kind]:
        if wanted in (candidate.key, candidate.label):
            return candidate
    known = "、".join(f.label for f in FIELDS[kind])
    raise ListMappingRefused(f"{kind.label}没有“{wanted}”这一项，可选：{known}", field=wanted)


def resolve_mapping(
    kind: DataListKind, headers: tuple[str, ...], mapping: Mapping[str, int | str]
) -> dict[str, int]:
    """``mapping`` (field key or label → column index or header text) as field key → index;
    an unknown field, header or index is refused naming it."""
    resolved: dict[str, int] = {}
    for name, column in mapping.items():
        key = field_for(kind, name).key
        if isinstance(column, int):
            if not 0 <= column < len(headers):
                raise ListMappingRefused(f"“{name}”对应的第 {column + 1} 列不存在", field=key)
            resolved[key] = column
        else:
            resolved[key] = _column_of(headers, column, name)
    return resolved


def _column_of(headers: tuple[str, ...], header: str, name: str) -> int:
    wanted = header.strip()
    matches = [i for i, h in enumerate(headers) if h.strip() == wanted]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ListMappingRefused(f"表头中有 {len(matches)} 个“{wanted}”列，请改用列号", field=name)
    shown = "、".join(h for h in headers if h)
    raise ListMappingRefused(f"表头中没有“{wanted}”列（“{name}”），表头为：{shown}", field=name)


def missing_fields(kind: DataListKind, mapping: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(f.key for f in FIELDS[kind] if f.required and f.key not in mapping)


def _remembered(session: Session, kind: DataListKind, label: str) -> DataMapping | None:
    return session.get(DataMapping, (kind, label))


def _offered(
    session: Session, kind: DataListKind, label: str, headers: tuple[str, ...]
) -> tuple[dict[str, int], bool]:
    """The mapping offered for ``headers``: what was confirmed last time for this kind and
    source, where its header is still there, over the guess from the headers."""
    guessed = column_guess.guess(kind, headers)
    remembered = _remembered(session, kind, label)
    confirmed: dict[str, int] = {}
    if remembered is not None:
        known = {f.key for f in FIELDS[kind]}
        for key, header in remembered.mapping.items():
            if key in known and headers.count(header) == 1:
                confirmed[key] = headers.index(header)
    # a column confirmed for one field is not also guessed for another
    taken = set(confirmed.values())
    offered = {k: i for k, i in guessed.items() if k not in confirmed and i not in taken}
    return offered | confirmed, bool(confirmed)


def _remember(session: Session, kind: DataListKind, label: str, mapping: dict[str, str]) -> None:
    row = _remembered(session, kind, label)
    actor = getattr(session.info.get("actor"), "user_id", None)
    if row is None:
        session.add(DataMapping(kind=kind, label=label, mapping=mapping, updated_by=actor))
    elif row.mapping != mapping:
        row.mapping = mapping
        row.updated_by = actor
        row.updated_at = utcnow()


def preview_list(
    session: Session, path: Path, kind: DataListKind, label: str = "", sheet: str | None = None
) -> ListPreview:
    """The file's sheets, headers and first rows, with the mapping an import would use."""
    require_raw_access(session, "导入名单")
    kind = DataListKind.parse(kind)
    label = source_label(kind, label)
    with open_table(path, sheet) as table:
        sample: list[tuple[str | None, ...]] = []
        for _row_no, cells in table.rows():
            if len(sample) == SAMPLE_ROWS:
                break
            sample.append(tuple(cells))
        mapping, used = _offered(session, kind, label, table.headers)
        return ListPreview(
            file_name=table.file_name,
            sheets=table.sheets,
            sheet=table.sheet,
            headers=table.headers,
            sample=tuple(sample),
            mapping=mapping,
            missing=missing_fields(kind, mapping),
            remembered=used,
        )


# -- the import ---------------------------------------------------------------------------------


def _blank(cell: str | None) -> bool:
    return cell is None or not cell.strip()


class RowReader:
    """One row of the file → the values of its ``DataRow``, or the problems that refuse it."""

    def __init__(
        self, kind: DataListKind, headers: tuple[str, ...], mapping: Mapping[str, int]
    ) -> None:
        by_key = {f.key: f for f in FIELDS[kind]}
        # in the file's column order, so a row's problems read left to right
        self._fields = sorted(
            ((by_key[key], index, headers[index]) for key, index in mapping.items()),
            key=lambda mapped: mapped[1],
        )
        # every typed column a value: the unmapped ones as an empty cell would give
        self._empty: dict[str, Any] = {}
        for field in FIELDS[kind]:
            self._empty[field.column] = normalize(field.type, None)
        for column in ("name", "place", "org", "org_code", "related_name", "category"):
            self._empty.setdefault(column, "")
        self._cache: dict[str, dict[str | None, Any]] = {
            f.key: {} for f in FIELDS[kind] if f.type not in _UNIQUE
        }

    def read(
        self, row_no: int, cells: list[str | None]
    ) -> tuple[dict[str, Any] | None, list[RowProblem]]:
        values = dict(self._empty)
        problems: list[RowProblem] = []
        for field, index, header in self._fields:
            cell = cells[index] if index < len(cells) else None
            value = self._value(field, cell)
            if isinstance(value, ValueProblem):
                problems.append(RowProblem(row_no, header, value.reason))
                continue
            if field.required and value in (None, ""):
                reason = Wording(_EMPTY, field=Wording(field.label))
                problems.append(RowProblem(row_no, header, reason))
            width = _WIDTHS.get(field.type)
            if width is not None and isinstance(value, str) and len(value) > width:
                reason = Wording(_TOO_LONG, field=Wording(field.label), width=str(width))
                problems.append(RowProblem(row_no, header, reason))
                continue
            values[field.column] = value
        if problems:
            return None, problems
        values["row_no"] = row_no
        values["cells"] = cells
        return values, problems

    def _value(self, field: Field, cell: str | None) -> Any:
        """The normalised cell, or the problem with it. Places, categories, dates and amounts
        repeat down a list: their first ``_CACHED`` distinct cells are normalised once."""
        cache = self._cache.get(field.key)
        if cache is not None and cell in cache:
            return cache[cell]
        try:
            value = normalize(field.type, cell)
        except ValueProblem as problem:
            value = problem
        if cache is not None and len(cache) < _CACHED:
            cache[cell] = value
        return value


def _refuse_duplicate(
    session: Session, kind: DataListKind, round_id: str, table: Table, label: str
) -> None:
    earlier = session.scalars(
        select(DataSource).where(
            DataSource.file_sha256 == table.sha256,
            DataSource.kind == kind,
            DataSource.round_id == round_id,
            DataSource.deleted_at.is_(None),
        )
    ).first()
    if earlier is not None:
        raise ListAlreadyImported(
            f"“{table.file_name}”已于 {earlier.imported_at:%Y-%m-%d %H:%M} 作为“{earlier.label}”"
            f"导入本轮次（{earlier.row_count} 行），未重复导入；如需重新导入，请先删除原名单",
            source_id=earlier.id,
        )


def _refusal(problems: list[RowProblem], bad_rows: int, count: int) -> ListRowsRefused:
    shown = "；".join(
        f"第 {p.row_no} 行{f'“{p.column}”' if p.column else ''}：{p.reason}" for p in problems[:5]
    )
    more = f"等 {count} 处" if count > 5 else ""
    refused = ListRowsRefused(
        problems,
        f"名单中有 {bad_rows} 行无法读取，未导入任何数据（{shown}{more}）",
    )
    refused.details.update(bad_rows=bad_rows, problem_count=count)
    return refused


def import_list(
    session: Session,
    path: Path,
    *,
    kind: DataListKind,
    round_id: str,
    label: str = "",
    source_date: date | None = None,
    mapping: Mapping[str, int | str] | None = None,
    sheet: str | None = None,
    skip_bad: bool = False,
    progress: ProgressSink | None = None,
    cancel: CancelToken | None = None,
) -> ListImport:
    """Import the list in ``path`` into the round, all or nothing. ``mapping`` (field key or
    label → column index or header text) is the confirmed one; None takes the one offered
    (``preview_list``). A row that cannot be read refuses the whole list (``ListRowsRefused``
    naming the rows) unless ``skip_bad``, which stores the others and records those left out.
    A fresh ``session`` on the office server takes the store's lock after the rows."""
    begin_without_store_lock(session)
    require_raw_access(session, "导入名单")
    kind = DataListKind.parse(kind)
    label = source_label(kind, label)
    round_id = resolve_record(session, "rounds", round_id)
    with open_table(path, sheet) as table:
        # the same file into the same round from two desktops: the second sees the first's
        take_lock_on_name(session, f"data list {round_id} {kind.value} {table.sha256}")
        _refuse_duplicate(session, kind, round_id, table, label)
        if mapping is None:
            chosen, _ = _offered(session, kind, label, table.headers)
        else:
            chosen = resolve_mapping(kind, table.headers, mapping)
        if missing := missing_fields(kind, chosen):
            names = "、".join(f.label for f in FIELDS[kind] if f.key in missing)
            raise ListMappingRefused(
                f"{kind.label}必须指明这些项对应的列：{names}", missing=list(missing)
            )
        try:
            with (
                session.begin_nested(),
                page_cache(session, IMPORT_CACHE_KIB),
                held_back_dropped_on_error(session),  # their rows go with the savepoint
            ):
                done = _store(
                    session,
                    table,
                    kind=kind,
                    round_id=round_id,
                    label=label,
                    source_date=source_date,
                    mapping=chosen,
                    skip_bad=skip_bad,
                    progress=progress,
                    cancel=cancel,
                )
                refresh_statistics(session.connection())
                return done
        except OperationalError as exc:
            # a full disk ends SQLite's whole transaction, so the savepoint's rollback fails
            # too ("no such savepoint"): the full disk is what the user must hear of
            if (full := _full_disk(exc)) is not None:
                raise full from None
            raise


def _full_disk(exc: BaseException) -> DiskFull | None:
    seen = exc.__context__
    while seen is not None and not isinstance(seen, DiskFull):
        seen = seen.__context__
    return seen


def _store(
    session: Session,
    table: Table,
    *,
    kind: DataListKind,
    round_id: str,
    label: str,
    source_date: date | None,
    mapping: dict[str, int],
    skip_bad: bool,
    progress: ProgressSink | None,
    cancel: CancelToken | None,
) -> ListImport:
    """The rows of ``table`` into a new source, inside the caller's savepoint."""
    actor = getattr(session.info.get("actor"), "user_id", None)
    named = {key: table.headers[index] for key, index in mapping.items()}
    source = DataSource(
        round_id=round_id,
        kind=kind,
        label=label,
        source_date=source_date,
        file_name=table.file_name,
        file_sha256=table.sha256,
        sheet=table.sheet,
        headers=list(table.headers),
        mapping=mapping,
        imported_by=actor,
    )
    session.add(source)
    session.flush()
    reader = RowReader(kind, table.headers, mapping)
    statement = insert(DataRow)
    connection = session.connection()
    batch: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    stored = bad_rows = problem_count = 0
    for read, (row_no, cells) in enumerate(table.rows(), start=1):
        if cancel is not None and read % BATCH == 0:
            cancel.raise_if_cancelled()  # also while only bad rows are met
        if all(_blank(c) for c in cells):
            continue  # a spreadsheet's empty rows are not rows of the list
        values, found = reader.read(row_no, cells)
        if values is None:
            bad_rows += 1
            problem_count += len(found)
            problems.extend(found[: max(0, KEPT_PROBLEMS - len(problems))])
            continue
        if bad_rows and not skip_bad:
            continue  # refused already: read on only to name every bad row
        values["source_id"] = source.id
        batch.append(values)
        if len(batch) == BATCH:
            stored += _write(connection, statement, batch, progress, stored, cancel)
    if bad_rows and (not skip_bad or stored + len(batch) == 0):
        raise _refusal(problems, bad_rows, problem_count)
    stored += _write(connection, statement, batch, progress, stored, cancel)
    if not stored:
        raise ValidationError(f"“{table.file_name}”中没有数据行，未导入", field="file")
    take_store_lock_now(session)  # the rows are in: one writer at a time from here
    source.row_count = stored
    source.skipped_rows = [
        {"row_no": p.row_no, "column": p.column, "reason": p.reason} for p in problems
    ]
    _remember(session, kind, label, named)
    audit.record(
        session,
        "data.import",
        "data_sources",
        source.id,
        {
            "kind": kind.value,
            "label": label,
            "file": table.file_name,
            "sha256": table.sha256,
            "rows": stored,
            "skipped": bad_rows,
        },
    )
    session.flush()
    return ListImport(source.id, stored, tuple(problems), bad_rows)


def _write(
    connection: Any,
    statement: Any,
    batch: list[dict[str, Any]],
    progress: ProgressSink | None,
    done: int,
    cancel: CancelToken | None,
) -> int:
    """Insert ``batch`` (emptied) and report; a cancel is noticed between batches."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    count = len(batch)
    if batch:
        connection.execute(statement, batch)
        batch.clear()
    if progress is not None:
        progress(done + count, None, "正在导入名单")
    return count


# -- reading and removing -----------------------------------------------------------------------


def _live_source(session: Session, source_id: str) -> DataSource:
    source = session.get(DataSource, source_id.strip().lower())
    if source is None or source.deleted_at is not None:
        raise NotFound(f"未找到名单“{source_id}”", field="source")
    return source


def _views(session: Session, sources: list[DataSource]) -> Iterator[SourceView]:
    rounds = dict(session.execute(select(Round.id, Round.name)).all())
    users = dict(session.execute(select(User.id, User.display_name)).all())
    for s in sources:
        yield SourceView(
            id=s.id,
            round_id=s.round_id,
            round_name=rounds.get(s.round_id, "") if s.round_id else "",
            kind=s.kind,
            kind_label=s.kind.label,
            label=s.label,
            source_date=s.source_date,
            file_name=s.file_name,
            file_sha256=s.file_sha256,
            sheet=s.sheet,
            headers=tuple(s.headers),
            mapping={
                key: s.headers[index] for key, index in s.mapping.items() if index < len(s.headers)
            },
            rows=s.row_count,
            skipped=len(s.skipped_rows),
            imported_by=users.get(s.imported_by, "") if s.imported_by else "",
            imported_at=s.imported_at,
        )


def list_sources(session: Session, round_id: str | None = None) -> list[SourceView]:
    """The lists in the store (of one round), newest first."""
    require_raw_access(session, "查看名单")
    query = select(DataSource).where(DataSource.deleted_at.is_(None))
    if round_id is not None:
        query = query.where(DataSource.round_id == round_id)
    sources = list(session.scalars(query.order_by(DataSource.imported_at.desc(), DataSource.id)))
    return list(_views(session, sources))


def source_rows(session: Session, source_id: str, offset: int = 0, limit: int = 100) -> RowsPage:
    """A page of a list's rows as read, in the file's order."""
    require_raw_access(session, "查看名单")
    source = _live_source(session, source_id)
    limit = max(0, min(limit, MAX_PAGE))
    total = session.scalar(select(func.count()).where(DataRow.source_id == source.id)) or 0
    found = session.execute(
        select(DataRow.row_no, DataRow.cells)
        .where(DataRow.source_id == source.id)
        .order_by(DataRow.id)
        .offset(max(0, offset))
        .limit(limit)
    )
    rows = tuple((row_no, tuple(cells)) for row_no, cells in found)
    return RowsPage(tuple(source.headers), rows, total, offset, limit)


def remove_source(session: Session, source_id: str) -> SourceView:
    """Remove a list: the source stays as a tombstone naming what was imported, its rows are
    deleted at once, since personal data must not linger in the store once it is not needed.
    Hits keep their own copy of the rows they matched."""
    require_raw_access(session, "删除名单")
    source = _live_source(session, source_id)
    session.execute(delete(DataRow).where(DataRow.source_id == source.id))
    source.deleted_at = utcnow()
    source.deleted_by = getattr(session.info.get("actor"), "user_id", None)
    audit.record(
        session,
        "data.remove",
        "data_sources",
        source.id,
        {
            "kind": source.kind.value,
            "label": source.label,
            "file": source.file_name,
            "sha256": source.file_sha256,
            "rows": source.row_count,
        },
    )
    session.flush()
    return next(_views(session, [source]))
