"""Errors of the taxonomy loader.

Every message names the file (or directory) and the problem in Chinese, because the person who
reads it is usually a 巡察办 clerk who has just edited a JSON file in a text editor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.errors import NotFound, ValidationError
from workbench.i18n import N_


class TaxonomyError(ValidationError):
    """A taxonomy file (or the set of files) is malformed or inconsistent."""

    code = "WB-TAXONOMY"
    default_message = N_("分类数据有误")

    def __init__(self, path: Path, problem: str, **details: Any) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"分类数据 {path}：{problem}", path=str(path), problem=problem, **details)


class TaxonomyNotFound(NotFound):
    """A lookup named a framework, version, code or target kind that the catalog does not hold."""

    code = "WB-TAXONOMY-NOT-FOUND"
    default_message = N_("未找到该分类数据")
