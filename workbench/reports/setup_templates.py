"""Blank Excel templates the office fills in to set up a round: 被巡察单位, 干部/人员, 巡察组成员
and "3+1" 清单条目 (imported by ``reports/setup_import.py``).

Each template is one sheet with Chinese headers (a note on each says whether it is required and
how to fill it), a frozen header row, set column widths, and drop-downs for the closed
vocabularies: target kinds and sub-types from the taxonomy catalog, the enums by their Chinese
labels. The drop-down lists live on a hidden ``_lists`` sheet (an inline list is capped at 255
characters, and an office's catalog may add kinds). A hidden ``_meta`` sheet names the template
and its format version, so an import recognises a foreign, mismatched or outdated file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from workbench.errors import UsageError
from workbench.reports.errors import OutputExists
from workbench.reports.xlsx_writer import (
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    MAX_ROW,
    write_meta,
)
from workbench.services.catalog import catalog
from workbench.vocab.enums import (
    AttentionLevel,
    CadreLevel,
    ForceType,
    ListKind,
    MemberRole,
    OrgLevel,
)

FORMAT_VERSION = 1  # raised when a template's columns change meaning
PROGRAM = "巡察工作台"
LISTS_SHEET = "_lists"
NAMES_SEPARATOR = "、"  # between the names of one cell (回避单位, 回避人员)
REQUIRED_FONT = Font(name="黑体", bold=True, color="C00000")


def _labels(enum: Any) -> tuple[str, ...]:
    return tuple(m.label for m in enum)


def _kind_titles() -> tuple[str, ...]:
    return tuple(k.title for k in catalog().target_kinds())


def _subtype_titles() -> tuple[str, ...]:
    titles: list[str] = []
    for kind in catalog().target_kinds():
        titles.extend(s.title for s in kind.subtypes if s.title not in titles)
    return tuple(titles)


@dataclass(frozen=True)
class Field:
    header: str
    width: float  # Excel's character units; a Chinese character takes about two
    required: bool = False
    hint: str = ""
    choices: Callable[[], tuple[str, ...]] | None = None
    text: bool = False  # formatted as text, so Excel keeps every digit (身份证号)


@dataclass(frozen=True)
class TemplateSpec:
    kind: str  # targets | persons | members | lists
    title: str  # what people call it
    sheet: str  # Excel forbids "/" in a sheet name
    file_name: str
    fields: tuple[Field, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(f.header for f in self.fields)


TARGETS = TemplateSpec(
    "targets",
    "被巡察单位",
    "被巡察单位",
    "被巡察单位.xlsx",
    (
        Field("名称", 30, True, "单位全称，本轮内不重复"),
        Field("类型", 16, True, "从下拉列表中选择", _kind_titles),
        Field("子类型", 14, False, "只有村、社区有子类型", _subtype_titles),
        Field("关注等级", 12, True, "从下拉列表中选择", lambda: _labels(AttentionLevel)),
        Field("所属县（区）", 14, False, "交叉巡察按此核对回避"),
        Field("一把手", 12),
        Field("上级主管", 24),
        Field("基本情况", 48),
        Field("巡察组", 16, False, "负责的巡察组名称（本轮已建）"),
    ),
)

PERSONS = TemplateSpec(
    "persons",
    "干部/人员",
    "干部人员",
    "干部人员.xlsx",
    (
        Field("姓名", 12, True),
        Field("身份证号", 22, False, "18 位，末位可为 X；本列为文本格式", text=True),
        Field("所在被巡察单位", 30, True, "本轮已有的被巡察单位名称"),
        Field("工作单位", 24, False, "不是被巡察单位本身时填写"),
        Field("职务", 20),
        Field("干部管理权限", 14, True, "从下拉列表中选择", lambda: _labels(CadreLevel)),
        Field("分管工作", 30),
        Field("任职开始", 13, False, "日期，如 2024-03-01"),
        Field("任职结束", 13, False, "日期，如 2026-03-01；在任可空"),
    ),
)

MEMBERS = TemplateSpec(
    "members",
    "巡察组成员",
    "巡察组成员",
    "巡察组成员.xlsx",
    (
        Field("巡察组", 16, True, "本轮已建的巡察组名称"),
        Field("姓名", 12, True),
        Field("组内职务", 12, True, "从下拉列表中选择", lambda: _labels(MemberRole)),
        Field("力量类型", 12, True, "从下拉列表中选择", lambda: _labels(ForceType)),
        Field("原单位", 24),
        Field("来源层级", 10, False, "市级或县级，空为市级", lambda: _labels(OrgLevel)),
        Field("来源县（区）", 14),
        Field("回避单位", 30, False, "本轮被巡察单位名称，多个用“、”分隔"),
        Field("回避人员", 24, False, "本轮已导入的干部姓名，多个用“、”分隔"),
        Field("回避事由", 36),
    ),
)

LISTS = TemplateSpec(
    "lists",
    "3+1清单条目",
    "清单条目",
    "3+1清单条目.xlsx",
    (
        Field("清单类型", 18, True, "从下拉列表中选择", lambda: _labels(ListKind)),
        Field("被巡察单位", 30, False, "空为适用本轮全部被巡察单位"),
        Field("标题", 36, True, "文件名、职能、信息或问题"),
        Field("文号", 20),
        Field("条款", 16),
        Field("内容", 60, False, "政策清单必填：原文摘录"),
        Field("来源单位", 20),
    ),
)

TEMPLATES: dict[str, TemplateSpec] = {t.kind: t for t in (TARGETS, PERSONS, MEMBERS, LISTS)}


def _header(ws: Any, index: int, field: Field) -> None:
    cell = ws.cell(row=1, column=index, value=field.header)
    cell.font = REQUIRED_FONT if field.required else HEADER_FONT
    cell.fill, cell.border, cell.alignment = HEADER_FILL, HEADER_BORDER, HEADER_ALIGN
    note = "必填" if field.required else "选填"
    cell.comment = Comment(f"{note}。{field.hint}" if field.hint else note, PROGRAM)


def _drop_down(ws: Any, letter: str, field: Field, lists: Any, column: int) -> None:
    """A drop-down on the column ``letter`` listing the choices held in ``lists``' ``column``."""
    assert field.choices is not None
    choices = field.choices()
    col = get_column_letter(column)
    lists.cell(row=1, column=column, value=field.header)
    for row, choice in enumerate(choices, start=2):
        lists.cell(row=row, column=column, value=choice)
    validation = DataValidation(
        type="list",
        formula1=f"{quote_sheetname(LISTS_SHEET)}!${col}$2:${col}${len(choices) + 1}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="输入值无效",
        error=f"请从下拉列表中选择“{field.header}”",
    )
    validation.add(f"{letter}2:{letter}{MAX_ROW}")
    ws.add_data_validation(validation)


def template_workbook(kind: str) -> Workbook:
    """The blank template of ``kind`` (a key of ``TEMPLATES``)."""
    spec = TEMPLATES[kind]
    wb = Workbook()
    wb.properties.creator = PROGRAM
    wb.properties.lastModifiedBy = ""
    wb.properties.title = f"{spec.title}导入模板"
    ws: Any = wb.active
    ws.title = spec.sheet
    lists: Any = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    listed = 0
    for index, field in enumerate(spec.fields, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = field.width
        if field.text:
            ws.column_dimensions[letter].number_format = "@"
        _header(ws, index, field)
        if field.choices is not None:
            listed += 1
            _drop_down(ws, letter, field, lists, listed)
    ws.row_dimensions[1].height = 22
    ws.freeze_panes = "A2"
    write_meta(wb, {"template": kind, "format": str(FORMAT_VERSION), "program": PROGRAM})
    return wb


def write_template(kind: str, path: Path, *, overwrite: bool = False) -> Path:
    """Save the blank template of ``kind`` to ``path``; an existing file is kept unless
    ``overwrite`` (``OutputExists``)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise OutputExists(f"“{path.name}”已存在，不会覆盖", path=str(path))
    try:
        template_workbook(kind).save(path)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    return path


def _unwritable(path: Path, exc: OSError) -> UsageError:
    return UsageError(f"无法保存模板到“{path}”（{exc.strerror or exc}）", path=str(path))


def write_templates(directory: Path, *, overwrite: bool = False) -> list[Path]:
    """All four blank templates into ``directory`` (made if missing); nothing is written when one
    of them would overwrite a file, unless ``overwrite``."""
    directory = Path(directory)
    paths = [directory / spec.file_name for spec in TEMPLATES.values()]
    existing = [p.name for p in paths if p.exists()]
    if existing and not overwrite:
        raise OutputExists(f"文件夹中已有{'、'.join(existing)}，不会覆盖", path=str(directory))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _unwritable(directory, exc) from exc
    return [write_template(k, p, overwrite=True) for k, p in zip(TEMPLATES, paths, strict=True)]
