"""A streaming Excel sheet writer for ledgers people sort and filter.

openpyxl's write-only mode writes each row to a temporary file as it comes, so a 50,000-row
ledger keeps memory flat. Its rules shape this class: column widths and the frozen header go out
before the first row; the auto-filter range and the drop-down validations are written with the
sheet's tail, so they are set in ``close`` once the row count is known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

MAX_CELL_CHARS = 32_000  # Excel refuses more than 32,767 characters in a cell
MAX_ROW = 1_048_576
HEADER_FONT = Font(name="黑体", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="808080")
HEADER_BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class Column:
    """``choices`` become a drop-down list; ``number_format`` styles the column's cells."""

    header: str
    width: float  # in Excel's character units
    choices: tuple[str, ...] = ()
    number_format: str | None = None
    hidden: bool = False


def new_workbook(title: str) -> Workbook:
    wb = Workbook(write_only=True)
    wb.properties.creator = "巡察工作台"
    wb.properties.lastModifiedBy = ""
    wb.properties.title = title
    return wb


class SheetWriter:
    def __init__(self, wb: Workbook, title: str, columns: Sequence[Column]) -> None:
        self.ws: Any = wb.create_sheet(title[:31])  # Excel's limit on sheet names
        self.columns = tuple(columns)
        self.rows = 0
        for index, column in enumerate(self.columns, start=1):
            dim = self.ws.column_dimensions[get_column_letter(index)]
            dim.width = column.width
            dim.hidden = column.hidden
        self.ws.freeze_panes = "A2"
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(self.ws, column.header)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.border, cell.alignment = HEADER_BORDER, HEADER_ALIGN
            header.append(cell)
        self.ws.append(header)

    def _cell(self, value: Any, column: Column) -> Any:
        if isinstance(value, str):
            text = ILLEGAL_CHARACTERS_RE.sub("", value)
            if len(text) > MAX_CELL_CHARS:
                text = text[:MAX_CELL_CHARS] + "…"
            if text.startswith("="):
                # text, never a formula: openpyxl would otherwise write "=…" as one
                cell = WriteOnlyCell(self.ws, text)
                cell.data_type = "s"
                return cell
            return text or None
        if column.number_format and isinstance(value, int | float | Decimal | date | datetime):
            cell = WriteOnlyCell(self.ws, value)
            cell.number_format = column.number_format
            return cell
        return value

    def append(self, values: Sequence[Any]) -> None:
        self.ws.append([self._cell(v, c) for v, c in zip(values, self.columns, strict=True)])
        self.rows += 1

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.append(values)

    def close(self) -> None:
        """Auto-filter over the header and the rows; drop-downs down to the sheet's last row,
        so rows an office adds get them too."""
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        for index, column in enumerate(self.columns, start=1):
            if not column.choices:
                continue
            letter = get_column_letter(index)
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="输入值无效",
                error=f"请从下拉列表中选择“{column.header}”",
            )
            validation.add(f"{letter}2:{letter}{MAX_ROW}")
            self.ws.data_validations.append(validation)


def write_meta(wb: Workbook, values: dict[str, str]) -> None:
    """A hidden sheet saying what the file is, so an import can recognise it."""
    ws: Any = wb.create_sheet("_meta")
    ws.sheet_state = "hidden"
    for key, value in values.items():
        ws.append([key, value])
