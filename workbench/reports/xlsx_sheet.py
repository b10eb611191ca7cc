"""One streamed pass over a worksheet's XML before openpyxl reads it, for what openpyxl cannot
be asked: the shape it must have to be read in bounded memory, and which formulas were saved
without their result.

openpyxl builds a whole ``<row>`` (every cell as a dict) before handing it over, keeps each row
it has read as an empty element until the sheet ends, and pads a gap in row numbers one empty
row at a time. So rows must come in ascending order and stay within Excel's own limits (rows,
columns), and the elements outside the cell data (merged cells, validations, links, which it
turns into objects it keeps) are few. A formula cell without a result (no ``<v>``, or an empty
one that is not a text result) has no cached value: with ``data_only`` openpyxl reads it as
empty, which would blank the field in the store. For readers that refuse merged cells or any
formula (the 碰撞比对 lists), the pass also notes the merged ranges and where formulas are.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import IO, Any
from xml.etree.ElementTree import Element, iterparse

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.xml.constants import SHEET_MAIN_NS

from workbench.reports.errors import LedgerFileInvalid

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
MAX_OTHER_ELEMENTS = 50_000  # outside <sheetData>: merged cells, validations, links, formats
MAX_UNCOMPUTED = 100_000
MAX_ROW_ELEMENTS = 100_000  # a full row of Excel's columns, each with a value and a formula
FORMULA_ROWS_NOTED = 32
_ROW, _CELL, _FORMULA, _VALUE, _DATA, _MERGE = (
    f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("row", "c", "f", "v", "sheetData", "mergeCell")
)


@dataclass(frozen=True)
class SheetShape:
    last_row: int  # the last row number the XML holds (0 when it holds none)
    uncomputed: dict[int, set[int]]  # row → columns (1-based) of formulas without a result
    merged: tuple[str, ...] = ()  # the merged ranges, as "A1:E1"
    # (row, column) of the first formula of each of the first FORMULA_ROWS_NOTED rows with one
    formulas: tuple[tuple[int, int], ...] = ()


def _refuse(title: str, reason: str) -> LedgerFileInvalid:
    return LedgerFileInvalid(f"工作表“{title}”{reason}，不是 Excel 保存的文件")


def _has_result(cell: Element) -> bool:
    """Whether a formula cell holds its cached result: a ``<v>`` with text, or an empty one typed
    as text (the formula gave ""). Writers that compute nothing, openpyxl among them, save an
    empty untyped ``<v>``."""
    value = cell.find(_VALUE)
    return value is not None and (bool(value.text) or cell.get("t") == "str")


def _row_number(row: Element, previous: int) -> int:
    r = row.get("r")
    return int(float(r)) if r else previous + 1


def scan_sheet(source: IO[bytes], title: str) -> SheetShape:
    """Check a worksheet's XML stream and note its formulas saved without a result."""
    uncomputed: dict[int, set[int]] = {}
    merged: list[str] = []
    formulas: list[tuple[int, int]] = []
    found = others = last_row = column = in_row = depth = row_depth = data_depth = 0
    data: Element | None = None
    row: Element | None = None
    # no DTD reaches here (xlsx_guard refuses one), so no entity either
    for event, el in iterparse(source, events=("start", "end")):  # noqa: S314
        if event == "start":
            depth += 1
            if row is not None:
                in_row += 1
                if in_row > MAX_ROW_ELEMENTS:
                    raise _refuse(title, f"第{last_row}行的内容超出 Excel 的上限")
            elif el.tag == _DATA and data is None:
                data, data_depth = el, depth
            elif data is not None and el.tag == _ROW and depth == data_depth + 1:
                number = _row_number(el, last_row)
                if not last_row < number <= EXCEL_MAX_ROWS:
                    raise _refuse(title, f"的行号 {number} 乱序或超出 Excel 的行数上限")
                last_row, row, row_depth, column, in_row = number, el, depth, 0, 0
            else:
                others += 1
                if others > MAX_OTHER_ELEMENTS:
                    raise _refuse(title, f"的单元格以外的内容超过 {MAX_OTHER_ELEMENTS:,} 项")
                if el.tag == _MERGE:
                    merged.append(str(el.get("ref", ""))[:32])
            continue
        depth -= 1
        if row is not None and el.tag == _CELL and depth == row_depth:
            ref = el.get("r")
            column = coordinate_to_tuple(ref)[1] if ref else column + 1
            if column > EXCEL_MAX_COLUMNS:
                raise _refuse(title, f"第{last_row}行超出 Excel 的列数上限")
            has_formula = el.find(_FORMULA) is not None
            new_row = not formulas or formulas[-1][0] != last_row
            if has_formula and new_row and len(formulas) < FORMULA_ROWS_NOTED:
                formulas.append((last_row, column))
            if has_formula and not _has_result(el):
                uncomputed.setdefault(last_row, set()).add(column)
                found += 1
                if found > MAX_UNCOMPUTED:
                    raise _refuse(title, f"有超过 {MAX_UNCOMPUTED:,} 个没有计算结果的公式")
            row.remove(el)  # the row need not hold what was checked
        elif row is not None and el is row and data is not None:
            data.remove(row)
            row = None
        elif el is data:
            data = None
    return SheetShape(last_row, uncomputed, tuple(merged), tuple(formulas))


def check_sheet(data: io.BytesIO, ws: Any) -> SheetShape:
    """``scan_sheet`` of an openpyxl read-only worksheet, from the bytes it was loaded from."""
    with zipfile.ZipFile(data) as zf, zf.open(ws._worksheet_path) as source:
        return scan_sheet(source, str(ws.title))
