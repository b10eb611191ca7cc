"""Reading an edited 整改台账: the header row mapped to fields, each row's cells parsed (dates
as Excel stores or people type them, status and grade by their Chinese labels). A cell that cannot
be parsed refuses its row with a reason (``RowError``), never the whole file. The file as a whole
is refused (``LedgerFileInvalid``) when it is damaged or hostile, or passes the row or cell caps."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from workbench.errors import ValidationError
from workbench.i18n import N_, Wording
from workbench.reports.errors import LedgerFileInvalid
from workbench.reports.xlsx_guard import checked_xlsx
from workbench.reports.xlsx_ledgers import ID_HEADER, LEDGERS, VERSION_HEADER
from workbench.reports.xlsx_sheet import SheetShape, check_sheet
from workbench.services.common import parse_enum
from workbench.vocab.enums import Grade, RectificationStatus

S = RectificationStatus
SHEET = LEDGERS["rectification"].sheet
HEADERS: dict[str, str] = {
    "编号": "number",
    "被巡察单位": "target",
    "问题归类": "category",
    "问题表现": "problem",
    "整改目标": "goal",
    "整改措施": "measures",
    "分管领导": "leader_in_charge",
    "牵头部门": "lead_department",
    "主要负责人": "responsible_person",
    "具体责任人": "specific_person",
    "整改时限": "due_date",
    "整改状态": "status",
    "进展情况": "progress_notes",
    "销号日期": "closed_on",
    "评估等次": "grade",
    ID_HEADER: "id",
    VERSION_HEADER: "version",
}
LABELS = {key: header for header, key in HEADERS.items()}
REQUIRED = ("id", "problem", "status")
TEXT = (
    "number",
    "category",
    "problem",
    "measures",
    "leader_in_charge",
    "lead_department",
    "responsible_person",
    "progress_notes",
    "goal",
    "specific_person",
)
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
_VERSION = re.compile(r"[0-9]{1,18}")  # ASCII digits int() takes: not "²", nor 5,000 digits
MAX_ROWS = 10_000  # non-blank rows of one import
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
_META_ROWS = 50
# What openpyxl raises on a damaged or malformed part: XML syntax (a SyntaxError), values it
# cannot convert, elements or parts it expects and misses, and zipfile's and zlib's refusals.
UNREADABLE = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    SyntaxError,
    ValueError,
    TypeError,
    LookupError,
    AttributeError,
    ArithmeticError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    OSError,
)


class _Uncomputed:
    """A formula cell saved without its result."""

    def __repr__(self) -> str:
        return "UNCOMPUTED"


UNCOMPUTED = _Uncomputed()


class RowError(Exception):
    """A cell the row cannot be used with: the row is refused with ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- reading the file --------------------------------------------------------------------------


@dataclass(frozen=True)
class Ledger:
    """An edited ledger as read: its ``_meta`` values, its non-blank rows as (Excel row number,
    cells by field) and the SHA-256 of the bytes that were read."""

    meta: dict[str, str]
    rows: list[tuple[int, dict[str, Any]]]
    sha256: str


def read_ledger(path: Path) -> Ledger:
    """Read the whole ledger, refusing with ``LedgerFileInvalid`` a file that is not an .xlsx,
    is damaged or hostile (``xlsx_guard``, ``xlsx_sheet``), is another ledger, lacks a required
    column, or passes the row or cell caps."""
    data = checked_xlsx(path)
    try:
        return _read(path, data)
    except UNREADABLE as exc:
        raise LedgerFileInvalid(
            f"无法读取“{path.name}”：文件内容已损坏，或不是 Excel 保存的 .xlsx 文件"
        ) from exc


def _read(path: Path, data: io.BytesIO) -> Ledger:
    with data.getbuffer() as view:
        sha256 = hashlib.sha256(view).hexdigest()
    wb = load_workbook(data, read_only=True, data_only=True)
    try:
        meta = read_meta(data, wb)
        if (meta.get("ledger") or "rectification") != "rectification":
            raise LedgerFileInvalid(f"“{path.name}”是其他台账，不是整改台账")
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        sheet = check_sheet(data, ws)
        header = [text_of(h) for h in next(ws.iter_rows(max_row=1, values_only=True), ())]
        columns = {HEADERS[h]: i for i, h in enumerate(header) if h in HEADERS}
        missing = [LABELS[k] for k in REQUIRED if k not in columns]
        if missing:
            raise LedgerFileInvalid(f"“{path.name}”缺少列：{'、'.join(missing)}")
        rows = read_rows(path, ws, sheet, columns, LABELS)
    finally:
        wb.close()
    return Ledger(meta, rows, sha256)


def read_rows(
    path: Path,
    ws: Any,
    sheet: SheetShape,
    columns: dict[str, int],
    labels: dict[str, str],
) -> list[tuple[int, dict[str, Any]]]:
    """The sheet's non-blank rows below the header, as (Excel row number, cells by key), with
    ``columns`` mapping each key to its 0-based column and ``labels`` naming it in refusals.
    ``sheet`` is the worksheet's shape as ``check_sheet`` found it before openpyxl read a row; a
    formula saved without its result is ``UNCOMPUTED``; past ``MAX_ROWS`` rows or a cell past
    Excel's limit refuses the file."""
    width = max(columns.values()) + 1
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(
        ws.iter_rows(min_row=2, max_col=width, values_only=True), start=2
    ):
        if number > sheet.last_row:  # only pads, up to the row count <dimension> claims
            break
        uncomputed = sheet.uncomputed.get(number, set())
        if not uncomputed and all(v is None for v in values):
            continue  # a blank row, or one of openpyxl's pads for a gap
        cells = {k: UNCOMPUTED if i + 1 in uncomputed else values[i] for k, i in columns.items()}
        if not any(v not in (None, "") for v in cells.values()):
            continue
        _check_cells(path, number, cells, labels)
        rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise LedgerFileInvalid(f"“{path.name}”超过 {MAX_ROWS:,} 行，请分成几个文件分别导入")
    return rows


def read_meta(data: io.BytesIO, wb: Any) -> dict[str, str]:
    """The key–value pairs of a workbook's hidden ``_meta`` sheet (empty without one)."""
    if "_meta" not in wb.sheetnames:
        return {}
    meta: dict[str, str] = {}
    check_sheet(data, wb["_meta"])
    for row in wb["_meta"].iter_rows(max_row=_META_ROWS, max_col=2, values_only=True):
        key, value = (*row, None, None)[:2]
        if key is not None:
            meta[str(key)] = "" if value is None else str(value)
    return meta


def _check_cells(path: Path, number: int, cells: dict[str, Any], labels: dict[str, str]) -> None:
    for key, value in cells.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise LedgerFileInvalid(
                f"“{path.name}”第{number}行“{labels[key]}”超过 {MAX_CELL_CHARS:,} 个字符"
                "（Excel 单元格的上限），不是 Excel 保存的文件"
            )


def text_of(value: Any) -> str:
    if value is None or value is UNCOMPUTED:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def date_cell(value: Any, label: str) -> date | None:
    """A date cell as Excel stores it (a date, or an unformatted serial) or as people type it;
    ``RowError`` naming ``label`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 100_000:  # an unformatted Excel serial
        parsed = from_excel(value)
        return parsed.date() if isinstance(parsed, datetime) else None
    text = text_of(value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(
        Wording(N_("{column}“{value}”不是有效日期（如 2026-06-30）"), column=label, value=text)
    )


def _date(value: Any, key: str) -> date | None:
    return date_cell(value, LABELS[key])


def _enum(enum: type[Any], value: Any, key: str) -> Any:
    text = text_of(value)
    if not text:
        return None
    try:
        return parse_enum(enum, text, key, LABELS[key])
    except ValidationError as exc:
        raise RowError(exc.message) from None


@dataclass(frozen=True)
class Cells:
    """One row's cells, parsed."""

    number: int
    values: dict[str, str]  # the free-text fields whose column the sheet has
    due: date | None
    closed: date | None
    status: RectificationStatus
    grade: Grade | None
    record_id: str
    version: int | None
    target: str

    @classmethod
    def parse(cls, number: int, cells: dict[str, Any]) -> Cells:
        for key, value in cells.items():
            if value is UNCOMPUTED:
                raise RowError(
                    f"“{LABELS[key]}”是公式且没有计算结果，请在 Excel 中重新计算并保存后再导入"
                )
        version = text_of(cells.get("version"))
        return cls(
            number=number,
            values={k: text_of(cells[k]) for k in TEXT if k in cells},
            due=_date(cells.get("due_date"), "due_date"),
            closed=_date(cells.get("closed_on"), "closed_on"),
            status=_enum(S, cells.get("status"), "status") or S.NOT_STARTED,
            grade=_enum(Grade, cells.get("grade"), "grade"),
            record_id=text_of(cells.get("id")),
            version=int(version) if _VERSION.fullmatch(version) else None,
            target=text_of(cells.get("target")),
        )
