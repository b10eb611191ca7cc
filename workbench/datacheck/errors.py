"""Errors of the 碰撞比对 layer, each with a stable code and a Chinese message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from workbench.errors import Conflict, ValidationError
from workbench.i18n import N_


class ListFileRefused(ValidationError):
    """A file that is not read at all: wrong format or encoding, active content, too large when
    unpacked, merged cells or formulas where data should be."""

    code: ClassVar[str] = "WB-DATA-FILE"
    default_message: ClassVar[str] = N_("名单文件无法读取")


@dataclass(frozen=True)
class RowProblem:
    row_no: int  # the spreadsheet's row number
    column: str  # the header of the column at fault ("" for the row as a whole)
    reason: str


class ListRowsRefused(ValidationError):
    """Rows that cannot be read; nothing of the list was stored. ``problems`` names them all."""

    code: ClassVar[str] = "WB-DATA-ROWS"
    default_message: ClassVar[str] = N_("名单中有无法读取的行，未导入任何数据")

    def __init__(self, problems: Sequence[RowProblem], message: str | None = None) -> None:
        self.problems = tuple(problems)
        shown = "；".join(
            f"第 {p.row_no} 行{f'“{p.column}”' if p.column else ''}：{p.reason}"
            for p in self.problems[:5]
        )
        more = f"等 {len(self.problems)} 行" if len(self.problems) > 5 else ""
        super().__init__(message or f"{self.default_message}（{shown}{more}）")


class ListMappingRefused(ValidationError):
    """A column mapping that names an unknown field or column, or leaves a required field out."""

    code: ClassVar[str] = "WB-DATA-MAPPING"
    default_message: ClassVar[str] = N_("名单的列对应关系不完整或有误")


class ListAlreadyImported(Conflict):
    """The same file (by SHA-256) was imported as the same kind into the same round already."""

    code: ClassVar[str] = "WB-DATA-DUPLICATE"
    default_message: ClassVar[str] = N_("该名单文件已导入本轮次，未重复导入")
