"""A hit's matched rows as an .xlsx (佐证材料), built in memory and never on disk.

One sheet: the rule, the 比对情况 and the 定性提示 on top, then the matched rows side by side (one
column per row, one line per field), so 低保名单's 身份证号 sits next to the roster's. With
``raw`` every cell of each row follows the key fields; without, only the key fields the rule
matched on (``hit_review`` decides: the sheet goes to every reader of a clue or 底稿).

openpyxl's ``save`` writes each worksheet's XML to a ``NamedTemporaryFile`` first, in normal
mode as well as in write-only mode (``ExcelWriter.write_worksheet``), which would leave the
rows in plaintext in the temp folder. ``workbook_bytes`` has the worksheet writer write into a
``BytesIO`` instead and puts that into the zip archive in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from workbench.vocab.enums import DataListKind

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_CELL_CHARS = 32_000  # Excel refuses more than 32,767 characters in a cell
_BOLD = Font(name="黑体", bold=True)
_TITLE = Font(name="黑体", bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class HitSheet:
    """What the sheet shows of a hit (plain values, so this module needs no store)."""

    rule_title: str
    summary: str
    qualification: str
    discipline: str
    subject_name: str
    subject_id_number: str
    status: str  # the decision's label: 属实…
    rows: Sequence[Mapping[str, Any]]  # DataHit.rows


def kind_label(kind: Any) -> str:
    try:
        return DataListKind.parse(str(kind)).label
    except ValueError:
        return str(kind or "")


def row_heading(row: Mapping[str, Any]) -> str:
    """``低保/特困/临时救助名单·县民政局·第12行``: which list and row a column shows."""
    parts = [kind_label(row.get("kind")), str(row.get("source") or "")]
    if row.get("row_no") not in (None, ""):
        parts.append(f"第{row['row_no']}行")
    return "·".join(p for p in parts if p)


def _fields(rows: Sequence[Mapping[str, Any]], key: str) -> list[str]:
    """The labels of ``key`` ("key_fields" or "cells") over all rows, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        for label in row.get(key) or {}:
            seen.setdefault(str(label), None)
    return list(seen)


def side_by_side(
    rows: Sequence[Mapping[str, Any]], *, raw: bool
) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The matched rows as columns: (column headings, [(field, value per row)]). The key fields
    come first; with ``raw`` every cell of the rows follows, marked 原始数据."""
    headings = [row_heading(r) for r in rows]
    lines = [
        (label, [text((r.get("key_fields") or {}).get(label)) for r in rows])
        for label in _fields(rows, "key_fields")
    ]
    if raw:
        lines += [
            (f"原始数据：{label}", [text((r.get("cells") or {}).get(label)) for r in rows])
            for label in _fields(rows, "cells")
        ]
    return headings, lines


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _put(ws: Any, row: int, column: int, value: str, font: Font | None = None) -> None:
    clean = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(clean) > MAX_CELL_CHARS:
        clean = clean[:MAX_CELL_CHARS] + "…"
    cell = ws.cell(row=row, column=column, value=clean or None)
    if clean:
        cell.data_type = "s"  # text, never a formula: a cell reading "=…" stays as written
    cell.alignment = _WRAP
    if font is not None:
        cell.font = font


def hit_workbook(hit: HitSheet, *, raw: bool) -> Workbook:
    wb = Workbook()
    wb.properties.creator = "巡察工作台"
    wb.properties.lastModifiedBy = ""
    wb.properties.title = f"比中数据：{hit.rule_title}"[:200]
    ws: Any = wb.active
    ws.title = "比中数据"
    _put(ws, 1, 1, f"比对疑点：{hit.rule_title}", _TITLE)
    subject = hit.subject_name + (f"（{hit.subject_id_number}）" if hit.subject_id_number else "")
    top = [
        ("比对情况", hit.summary),
        ("定性提示", hit.qualification),
        ("涉及纪律", hit.discipline),
        ("涉及人员", subject),
        ("处理结论", hit.status),
    ]
    for n, (label, value) in enumerate(top, start=2):
        _put(ws, n, 1, label, _BOLD)
        _put(ws, n, 2, value)
    headings, lines = side_by_side(hit.rows, raw=raw)
    head = len(top) + 3
    if not raw:
        _put(ws, head - 1, 1, "（仅列比对所用字段；名单原始数据仅限巡察办授权的角色查看）")
    _put(ws, head, 1, "字段", _BOLD)
    for c, heading in enumerate(headings, start=2):
        _put(ws, head, c, heading, _BOLD)
    for c in range(1, len(headings) + 2):
        ws.cell(row=head, column=c).fill = _HEAD_FILL
    for r, (label, values) in enumerate(lines, start=head + 1):
        _put(ws, r, 1, label, _BOLD)
        for c, value in enumerate(values, start=2):
            _put(ws, r, c, value)
    ws.column_dimensions["A"].width = 18
    for c in range(2, max(len(headings), 1) + 2):
        ws.column_dimensions[get_column_letter(c)].width = 32
    ws.freeze_panes = ws.cell(row=head + 1, column=2)
    return wb


class _MemoryWriter(ExcelWriter):  # type: ignore[misc]
    """``ExcelWriter`` whose worksheets are serialised into memory, not a temp file."""

    def write_worksheet(self, ws: Any) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx file of a normal-mode ``wb``, built wholly in memory."""
    if wb.write_only:
        raise ValueError("write-only workbooks spool to temp files")
    buffer = BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        wb.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        _MemoryWriter(wb, archive).write_data()
    return buffer.getvalue()


def hit_xlsx(hit: HitSheet, *, raw: bool) -> bytes:
    return workbook_bytes(hit_workbook(hit, raw=raw))


def file_name(rule_title: str, subject_name: str, when: dt.date | None = None) -> str:
    """``比中数据-<规则>-<人员>-20260307.xlsx``, the attachment's name in the store."""
    day = (when or dt.date.today()).strftime("%Y%m%d")
    parts: Iterable[str] = ("比中数据", rule_title[:40], subject_name[:20], day)
    safe = "-".join(p.replace("/", "／").replace("\\", "＼") for p in parts if p)
    return f"{safe}.xlsx"
