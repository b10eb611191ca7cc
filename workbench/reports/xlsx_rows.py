"""Reading an edited 整改台账: the header row mapped to fields, each row's cells parsed (dates
as Excel stores or people type them, status and grade by their Chinese labels). A cell that cannot
be parsed refuses its row with a reason (``RowError``), never the whole file."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException

from workbench.errors import ValidationError
from workbench.models.enums import Grade, RectificationStatus
from workbench.reports.errors import LedgerFileInvalid
from workbench.reports.xlsx_ledgers import ID_HEADER, LEDGERS, VERSION_HEADER
from workbench.services.common import parse_enum

S = RectificationStatus
SHEET = LEDGERS["rectification"].sheet
HEADERS: dict[str, str] = {
    "编号": "number",
    "被巡察单位": "target",
    "问题归类": "category",
    "问题表现": "problem",
    "整改措施": "measures",
    "分管领导": "leader_in_charge",
    "牵头部门": "lead_department",
    "主要负责人": "responsible_person",
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
)
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


class RowError(Exception):
    """A cell the row cannot be used with: the row is refused with ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- reading the file --------------------------------------------------------------------------


def read_ledger(path: Path) -> tuple[dict[str, str], Iterator[tuple[int, dict[str, Any]]]]:
    """The file's ``_meta`` values and its non-blank rows as (Excel row number, cells by field).
    Refuses a file that is not an .xlsx, is another ledger or lacks a required column."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise LedgerFileInvalid(f"无法读取“{path.name}”：不是有效的 Excel 文件（.xlsx）") from exc
    meta: dict[str, str] = {}
    if "_meta" in wb.sheetnames:
        for key, value, *_ in wb["_meta"].iter_rows(values_only=True):
            meta[str(key)] = "" if value is None else str(value)
    if meta.get("ledger", "rectification") != "rectification":
        wb.close()
        raise LedgerFileInvalid(f"“{path.name}”是其他台账，不是整改台账")
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(rows, ())]
    columns = {HEADERS[h]: i for i, h in enumerate(header) if h in HEADERS}
    missing = [LABELS[k] for k in REQUIRED if k not in columns]
    if missing:
        wb.close()
        raise LedgerFileInvalid(f"“{path.name}”缺少列：{'、'.join(missing)}")

    def records() -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            for number, values in enumerate(rows, start=2):
                cells = {k: values[i] if i < len(values) else None for k, i in columns.items()}
                if any(v not in (None, "") for v in cells.values()):
                    yield number, cells
        finally:
            wb.close()

    return meta, records()


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any, key: str) -> date | None:
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
    raise RowError(f"{LABELS[key]}“{text}”不是有效日期（如 2026-06-30）")


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
    values: dict[str, str]  # the free-text fields
    due: date | None
    closed: date | None
    status: RectificationStatus
    grade: Grade | None
    record_id: str
    version: int | None
    target: str

    @classmethod
    def parse(cls, number: int, cells: dict[str, Any]) -> Cells:
        version = text_of(cells.get("version"))
        return cls(
            number=number,
            values={k: text_of(cells.get(k)) for k in TEXT},
            due=_date(cells.get("due_date"), "due_date"),
            closed=_date(cells.get("closed_on"), "closed_on"),
            status=_enum(S, cells.get("status"), "status") or S.NOT_STARTED,
            grade=_enum(Grade, cells.get("grade"), "grade"),
            record_id=text_of(cells.get("id")),
            version=int(version) if version.isdigit() else None,
            target=text_of(cells.get("target")),
        )
