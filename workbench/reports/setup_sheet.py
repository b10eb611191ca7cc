"""Reading a filled-in set-up template (``setup_templates``) without trusting it.

The file passes the hostile-file guard (``xlsx_guard``) before openpyxl sees it, and the sheet's
shape check (``xlsx_sheet``) before a row is read; then the hidden ``_meta`` sheet must name this
template kind and format version, and the header row must hold every column. The rows come back as
text keyed by header: a cell the template expects as a date keeps its Excel value.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from workbench.reports.errors import ImportTemplateMismatch, LedgerFileInvalid
from workbench.reports.setup_templates import FORMAT_VERSION, TEMPLATES, TemplateSpec
from workbench.reports.xlsx_guard import checked_xlsx
from workbench.reports.xlsx_rows import UNREADABLE, read_meta, read_rows, text_of
from workbench.reports.xlsx_sheet import check_sheet


@dataclass(frozen=True)
class SetupSheet:
    """A template as read: its kind, its non-blank rows as (Excel row number, cells by header)
    and the SHA-256 of the bytes read."""

    kind: str
    rows: list[tuple[int, dict[str, Any]]]
    sha256: str


def read_setup_sheet(path: Path, kind: str) -> SetupSheet:
    """Read a filled-in template of ``kind``: ``LedgerFileInvalid`` for a damaged, hostile or
    oversized file, ``ImportTemplateMismatch`` for one that is not that template."""
    path = Path(path)
    data = checked_xlsx(path)
    try:
        return _read(path, data, TEMPLATES[kind])
    except UNREADABLE as exc:
        raise LedgerFileInvalid(
            f"无法读取“{path.name}”：文件内容已损坏，或不是 Excel 保存的 .xlsx 文件"
        ) from exc


def _check_identity(path: Path, meta: dict[str, str], spec: TemplateSpec) -> None:
    found = meta.get("template", "")
    if found not in TEMPLATES:
        raise ImportTemplateMismatch(
            f"“{path.name}”不是本系统的导入模板（没有模板标识），"
            "请先保存空白模板，把数据复制进去后再导入",
            why="foreign",
        )
    if found != spec.kind:
        raise ImportTemplateMismatch(
            f"“{path.name}”是“{TEMPLATES[found].title}”模板，不能作为“{spec.title}”导入",
            why="kind",
            template=found,
        )
    version = meta.get("format", "")
    if version != str(FORMAT_VERSION):
        newer = version.isdecimal() and len(version) < 6 and int(version) > FORMAT_VERSION
        hint = "由更新版本的程序生成，请升级本程序" if newer else "已过时，请重新保存空白模板"
        raise ImportTemplateMismatch(
            f"“{path.name}”的模板版本（{version or '无'}）{hint}", why="version", version=version
        )


def _read(path: Path, data: io.BytesIO, spec: TemplateSpec) -> SetupSheet:
    with data.getbuffer() as view:
        sha256 = hashlib.sha256(view).hexdigest()
    wb = load_workbook(data, read_only=True, data_only=True)
    try:
        _check_identity(path, read_meta(data, wb), spec)
        if spec.sheet not in wb.sheetnames:
            raise ImportTemplateMismatch(
                f"“{path.name}”中没有工作表“{spec.sheet}”", why="foreign", sheet=spec.sheet
            )
        ws = wb[spec.sheet]
        sheet = check_sheet(data, ws)
        header = [text_of(h) for h in next(ws.iter_rows(max_row=1, values_only=True), ())]
        columns = {h: header.index(h) for h in spec.headers if h in header}
        missing = [h for h in spec.headers if h not in columns]
        if missing:
            raise ImportTemplateMismatch(
                f"“{path.name}”缺少列：{'、'.join(missing)}（表头不能改动）", why="foreign"
            )
        rows = read_rows(path, ws, sheet, columns, {h: h for h in columns})
    finally:
        wb.close()
    return SetupSheet(spec.kind, rows, sha256)
