"""A list file (.xlsx, .xls, .csv) read as a table of text cells, without trusting it.

The file is read once into memory and never copied to disk: its SHA-256 names what was read.
An .xlsx passes the hostile-file guard (``reports.xlsx_guard``: size, zip bombs, DTDs) and the
sheet's shape pass (``reports.xlsx_sheet``) before openpyxl parses it. A CSV is UTF-8 (with or
without BOM) or GB18030, tried in that order, strictly.

The header row is the first row with at least two filled cells, not all of them “label：value”
notes: a title above it (one cell, often merged across the columns in 民政 exports) and a line
naming the unit and the date are skipped. Merged cells in the header
or data, and formulas (a cached result is not evidence), refuse the file, naming where. Each
cell comes as the text a person would read: dates as ISO text, whole numbers without ".0", and
a number of 15 or more digits as Excel shows it (1.10105194912310E+17): an 18-digit 身份证号
stored as a number has lost its last digits, and ``normalize.id_number`` refuses that text
with the reason. An .xls is read by xlrd, which keeps no formulas (see ``_xls_table``).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import xlrd
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries
from xlrd.compdoc import CompDocError

from workbench.datacheck.errors import ListFileRefused
from workbench.models.fieldrules import TEXT_FORBIDDEN_RE
from workbench.reports.errors import LedgerFileInvalid
from workbench.reports.office_files import OfficeFileRefused, read_regular_file
from workbench.reports.xlsx_guard import Caps, checked_xlsx
from workbench.reports.xlsx_rows import UNREADABLE
from workbench.reports.xlsx_sheet import EXCEL_MAX_COLUMNS, check_sheet

MIB = 1024 * 1024
MAX_CSV_BYTES = 1024 * MIB
MAX_XLS_BYTES = 64 * MIB
# Excel holds at most 1,048,576 rows; a list of a whole county packs to some 100 MB
XLSX_CAPS = Caps(
    file_bytes=256 * MIB,
    unpacked_bytes=2048 * MIB,
    streamed_elements=60_000_000,
    ratio=100,
    what="名单",
)
MAX_CSV_LINE = 4 * MIB  # characters in one line of a CSV (a row of a list has some hundreds)
HEADER_SEARCH_ROWS = 20  # a title and notes above the header take a few rows, not more
BIG_NUMBER = 1e15  # Excel keeps 15 significant digits: beyond that a number has lost some
_UNREADABLE_ENCODING = "文件编码无法识别，请另存为 UTF-8 或 GB18030 编码的 CSV"
_BLANK = re.compile(rb"\s*")
_NOTE = re.compile(r"\S[:：]")  # 填报单位：…, 单位：元
Row = tuple[int, list[str | None]]


@dataclass(frozen=True)
class Table:
    """One sheet of a list file: its header row and, through ``rows()``, the rows below it
    (readable while ``open_table``'s context lasts, as often as needed). A CSV has no sheets:
    ``sheet`` is "" and ``sheets`` empty."""

    file_name: str
    sheet: str
    sheets: tuple[str, ...]
    headers: tuple[str, ...]
    header_row: int  # the spreadsheet's number of the header row
    sha256: str
    _rows: Callable[[], Iterator[Row]] = field(repr=False, compare=False)

    def rows(self) -> Iterator[Row]:
        """The non-blank rows below the header as (row number, one cell per header), streamed.
        May raise ``ListFileRefused`` for a fault met on the way (a CSV row wider than the
        header)."""
        width = len(self.headers)
        for row_no, cells in self._rows():
            if row_no <= self.header_row or not any(c is not None for c in cells):
                continue
            yield row_no, (cells + [None] * width)[:width]


def refuse(path: Path, reason: str) -> ListFileRefused:
    return ListFileRefused(f"无法读取“{path.name}”：{reason}")


@contextmanager
def open_table(path: Path, sheet: str | None = None) -> Iterator[Table]:
    """The table in ``path`` (the named sheet, else the first), or ``ListFileRefused``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xls"):
        raise refuse(path, "只能导入 .xlsx、.xls 或 .csv 文件")
    if path.is_file() and path.stat().st_size == 0:
        raise refuse(path, "文件是空的")
    if suffix == ".csv":
        yield _csv_table(path)
    elif suffix == ".xlsx":
        with _xlsx_table(path, sheet) as table:
            yield table
    else:
        yield _xls_table(path, sheet)


def _read(path: Path, cap: int) -> bytes:
    try:
        data = read_regular_file(path, cap)
    except OfficeFileRefused as refused:
        if refused.why == "not_regular":
            raise refuse(path, "不是普通文件") from None
        raise refuse(path, f"文件超过 {cap // MIB} MB") from None
    except OSError as exc:
        raise refuse(path, f"无法打开文件（{exc.strerror or exc}）") from exc
    if _BLANK.fullmatch(data):  # a match, not a strip: no copy of a large file
        raise refuse(path, "文件是空的")
    return data


def _header(path: Path, rows: Iterator[Row]) -> tuple[int, tuple[str, ...]]:
    """The header row: among the first ``HEADER_SEARCH_ROWS``, the first with at least two
    filled cells that are not all “label：value” notes. A title (one cell) and a line such as
    “填报单位：某镇民政办　　单位：元” above the header are skipped."""
    for row_no, cells in rows:
        if row_no > HEADER_SEARCH_ROWS:
            break
        filled = [c for c in cells if c is not None]
        if len(filled) >= 2 and not all(_NOTE.search(c) for c in filled):
            last = max(i for i, c in enumerate(cells) if c is not None)
            return row_no, tuple((c or "").strip() for c in cells[: last + 1])
    raise refuse(path, f"前 {HEADER_SEARCH_ROWS} 行中没有表头（至少两个非空单元格的一行）")


def _text(value: Any) -> str | None:
    """A cell as the text a person reads in it; blank → None. Control characters other than
    tab and line breaks are dropped: a person never sees them, and the field rules refuse them
    in what a hit copies of its rows."""
    if value is None:
        return None
    if isinstance(value, str):
        if not value.isprintable():  # the common case is one quick test
            value = TEXT_FORBIDDEN_RE.sub("", value)  # what the store keeps from no text
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float):
        if abs(value) >= BIG_NUMBER:
            return f"{value:.14E}"  # as Excel shows it: the digits past 15 are gone
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return str(value)


# -- CSV ------------------------------------------------------------------------------------


def _csv_encoding(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            for start in range(0, len(data), MIB):  # checked in chunks: no second copy as text
                decoder.decode(data[start : start + MIB])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise ListFileRefused(_UNREADABLE_ENCODING)


def _csv_table(path: Path) -> Table:
    data = _read(path, MAX_CSV_BYTES)
    if b"\x00" in data:
        raise refuse(path, "含有 NUL 字符，不是文本 CSV（可能是 UTF-16 编码或其他格式的文件）")
    encoding = _csv_encoding(data)
    head = data[: 64 * 1024]  # some systems export tab-separated text named .csv
    delimiter = "\t" if head.count(b"\t") > head.count(b",") else ","

    def lines() -> Iterator[str]:
        """The file's lines, none longer than ``MAX_CSV_LINE``: the csv module splits a whole
        line into a list before anyone can count its cells (a 50 MB line of “a,” took 1 GB)."""
        text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        number = 0
        while line := text.readline(MAX_CSV_LINE + 1):
            number += 1
            if len(line) > MAX_CSV_LINE:
                raise refuse(
                    path, f"第 {number} 行超过 {MAX_CSV_LINE // MIB} M 个字符，不是一行名单"
                )
            yield line

    def records() -> Iterator[Row]:
        row_no = 0
        try:  # Excel numbers records, a quoted line break staying in its row
            for cells in csv.reader(lines(), delimiter=delimiter, strict=True):
                if len(cells) > EXCEL_MAX_COLUMNS:
                    raise refuse(
                        path,
                        f"第 {row_no + 1} 行有 {len(cells):,} 列，超过 Excel 的列数上限"
                        f"（{EXCEL_MAX_COLUMNS:,} 列）",
                    )
                row_no += 1
                yield row_no, [_text(c) for c in cells]
        except csv.Error:  # its message is English and names no row
            raise refuse(
                path, f"CSV 格式有误：第 {row_no + 1} 行的引号不成对，或某个值过长（超过 128 KB）"
            ) from None

    header_row, headers = _header(path, records())

    def rows() -> Iterator[Row]:
        for row_no, cells in records():
            if row_no > header_row and any(c is not None for c in cells[len(headers) :]):
                raise refuse(
                    path,
                    f"第 {row_no} 行有 {len(cells)} 列，比表头（{len(headers)} 列）多："
                    "可能是某个值里的逗号没有加引号，请检查后重新导出",
                )
            yield row_no, cells

    return Table(
        file_name=path.name,
        sheet="",
        sheets=(),
        headers=headers,
        header_row=header_row,
        sha256=hashlib.sha256(data).hexdigest(),
        _rows=rows,
    )


# -- .xlsx ----------------------------------------------------------------------------------


@contextmanager
def _xlsx_table(path: Path, sheet: str | None) -> Iterator[Table]:
    try:
        data = checked_xlsx(path, XLSX_CAPS)
    except LedgerFileInvalid as exc:
        raise ListFileRefused(str(exc)) from None
    sha256 = hashlib.sha256(data.getbuffer()).hexdigest()
    names = zipfile.ZipFile(data).namelist()
    if "word/document.xml" in names:
        raise refuse(path, "是 Word 文档（.docx）改了扩展名，不是 Excel 工作簿")
    if not any(name.startswith("xl/") for name in names):
        raise refuse(path, "不是 Excel 工作簿（可能是改了扩展名的其他文件）")
    try:
        book = load_workbook(data, read_only=True, data_only=False, keep_links=False)
    except UNREADABLE as exc:
        raise refuse(path, "文件内容已损坏，或不是 Excel 保存的 .xlsx 文件") from exc
    try:
        sheets = tuple(str(ws.title) for ws in book.worksheets)  # not chart sheets
        title = sheets[0] if sheet is None else sheet
        if title not in sheets:
            raise refuse(path, f"没有名为“{sheet}”的工作表（有：{'、'.join(sheets)}）")
        ws = book[title]
        try:
            shape = check_sheet(data, ws)
        except LedgerFileInvalid as exc:
            raise refuse(path, str(exc)) from None

        ws.reset_dimensions()  # the <dimension> a writer saved may be wrong: read what is there

        def rows(width: int | None = None) -> Iterator[Row]:
            """The rows, each cut at ``width`` columns: openpyxl builds a row as wide as its
            last cell, so one cell in column XFD makes a tuple of 16,384 on every row."""
            try:  # openpyxl yields a missing row as an empty one: counting keeps the numbers
                found = ws.iter_rows(values_only=True, max_col=width)
                for row_no, values in enumerate(found, start=1):
                    yield row_no, [_text(v) for v in values]
            except UNREADABLE as exc:
                raise refuse(path, "文件内容已损坏，或不是 Excel 保存的 .xlsx 文件") from exc

        if shape.last_row == 0:
            raise refuse(path, f"工作表“{title}”是空的")
        header_row, headers = _header(path, rows())
        _check_merges_and_formulas(path, title, header_row, shape.merged, shape.formulas)
        width = len(headers)
        yield Table(path.name, title, sheets, headers, header_row, sha256, lambda: rows(width))
    finally:
        book.close()


def _check_merges_and_formulas(
    path: Path,
    title: str,
    header_row: int,
    merged: tuple[str, ...],
    formulas: tuple[tuple[int, int], ...],
) -> None:
    for ref in merged:
        try:
            last_row = range_boundaries(ref)[3]
        except (ValueError, TypeError):
            raise refuse(path, f"工作表“{title}”的合并单元格“{ref}”无效") from None
        if last_row is None or last_row >= header_row:
            raise refuse(
                path,
                f"工作表“{title}”的 {ref} 是合并单元格：请取消合并并在每行填上完整的值后再导入",
            )
    for row, column in formulas:
        if row >= header_row:
            raise refuse(
                path,
                f"工作表“{title}”的 {get_column_letter(column)}{row} 是公式：公式的计算结果不能"
                "作为核查依据，请把公式列“选择性粘贴为数值”后再导入",
            )


# -- .xls -----------------------------------------------------------------------------------

_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
# what xlrd raises on a damaged or crafted file: its own errors and the parsing it gives up on
# (a mutation fuzz of a real .xls also met an unknown code page and a half-built drawing object)
_XLS_UNREADABLE = (
    xlrd.XLRDError,
    LookupError,
    AttributeError,
    CompDocError,
    struct.error,
    IndexError,
    KeyError,
    ValueError,
    TypeError,
    AssertionError,
    UnicodeError,
    EOFError,
    OverflowError,
    ZeroDivisionError,
)


def _xls_table(path: Path, sheet: str | None) -> Table:
    """An Excel 97-2003 workbook, read by xlrd from the bytes. xlrd keeps a formula's cached
    value and not the formula, so formulas cannot be refused here as they are in an .xlsx."""
    data = _read(path, MAX_XLS_BYTES)
    if not data.startswith(_OLE_MAGIC):
        raise refuse(path, "不是 Excel 97-2003 工作簿（.xls），或文件已损坏")
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
        sheets = tuple(str(name) for name in book.sheet_names())
        title = sheets[0] if sheet is None else sheet
        if title not in sheets:
            raise refuse(path, f"没有名为“{sheet}”的工作表（有：{'、'.join(sheets)}）")
        ws = book.sheet_by_name(title)
        grid = [[_xls_text(cell, book.datemode) for cell in ws.row(r)] for r in range(ws.nrows)]
        merged = tuple(ws.merged_cells)
        book.release_resources()
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise refuse(path, "文件设置了打开密码，请在 Excel 中取消密码后再导入") from None
        raise refuse(path, "不是 Excel 97-2003 工作簿（.xls），或文件已损坏") from exc
    except _XLS_UNREADABLE as exc:
        raise refuse(path, "不是 Excel 97-2003 工作簿（.xls），或文件已损坏") from exc

    def rows() -> Iterator[Row]:
        yield from enumerate(grid, start=1)

    if not grid:
        raise refuse(path, f"工作表“{title}”是空的")
    header_row, headers = _header(path, rows())
    ranges = tuple(
        f"{get_column_letter(clo + 1)}{rlo + 1}:{get_column_letter(chi)}{rhi}"
        for rlo, rhi, clo, chi in merged
    )
    _check_merges_and_formulas(path, title, header_row, ranges, ())
    return Table(
        path.name, title, sheets, headers, header_row, hashlib.sha256(data).hexdigest(), rows
    )


def _xls_text(cell: Any, datemode: int) -> str | None:
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return _text(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return _text(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _text(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return str(xlrd.error_text_from_code.get(cell.value, "#错误"))
    return _text(cell.value)
