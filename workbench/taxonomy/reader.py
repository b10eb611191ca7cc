"""Strict JSON reading: duplicate keys, wrong types, blanks, unknown fields and reused codes are
all refused with a message that names the file and the place inside it.

Strictness is the point: an office edits these files by hand, and a typo such as ``"tilte"`` or a
copied block with a repeated code would otherwise load "successfully" and misfile findings.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

from workbench.taxonomy.errors import TaxonomyError

MAX_FILE_BYTES = 4 * 1024 * 1024  # the largest shipped file is ~30 KB; anything huge is a mistake

ROOT_CODE_RE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")
_CHILD_SUFFIX_RE = re.compile(r"[1-9][0-9]*")

_TYPE_NAMES: dict[type, str] = {
    str: "字符串",
    int: "整数",
    float: "小数",
    bool: "布尔值",
    list: "列表",
    dict: "对象",
    type(None): "null",
}


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads silently keeps the last of two equal keys; a hand-edited file must not.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"不允许 {name}")


def read_json(path: Path) -> object:
    """Read one UTF-8 JSON file (a BOM from Windows Notepad is tolerated)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TaxonomyError(path, f"无法读取文件（{exc.strerror or exc}）") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise TaxonomyError(path, f"文件过大（{len(raw)} 字节），不像分类数据文件")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TaxonomyError(path, "不是 UTF-8 编码的文本文件，请以 UTF-8 保存") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except _DuplicateKey as exc:
        raise TaxonomyError(path, f"JSON 中键“{exc.key}”在同一对象内重复出现") from exc
    except json.JSONDecodeError as exc:
        raise TaxonomyError(
            path, f"不是合法的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from exc
    except ValueError as exc:
        raise TaxonomyError(path, f"不是合法的 JSON（{exc}）") from exc


class Fields:
    """One JSON object being read. Getters record what was read so ``finish`` can refuse the
    rest as unknown fields; codes are registered file-wide so a reused code is caught."""

    def __init__(
        self, path: Path, value: object, where: str = "", codes: dict[str, str] | None = None
    ) -> None:
        self.path = path
        self.where = where
        self._codes: dict[str, str] = {} if codes is None else codes
        if not isinstance(value, dict):
            raise self.error(f"“{where or '文件顶层'}”应为对象，实际为{_type_name(value)}")
        self._data: dict[str, Any] = value
        self._read: set[str] = set()

    def error(self, problem: str) -> TaxonomyError:
        return TaxonomyError(self.path, problem)

    def loc(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str, expected: type, required: bool) -> Any:
        self._read.add(key)
        if key not in self._data:
            if required:
                # A missing field next to a similar-looking one is usually a typo; say so.
                near = difflib.get_close_matches(key, list(self._data), n=1, cutoff=0.75)
                hint = f"（是否把它误写成了“{near[0]}”？）" if near else ""
                raise self.error(f"缺少必填字段“{self.loc(key)}”{hint}")
            return None
        value = self._data[key]
        # bool is an int subclass in Python; JSON true is never a valid number here.
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise self.error(
                f"字段“{self.loc(key)}”应为{_TYPE_NAMES[expected]}，实际为{_type_name(value)}"
            )
        return value

    def text(self, key: str, *, pattern: re.Pattern[str] | None = None, hint: str = "") -> str:
        value: str = self._get(key, str, True)
        return self._check_text(key, value, pattern, hint)

    def optional_text(self, key: str, default: str = "") -> str:
        value: str | None = self._get(key, str, False)
        return default if value is None else self._check_text(key, value, None, "")

    def _check_text(self, key: str, value: str, pattern: re.Pattern[str] | None, hint: str) -> str:
        if not value.strip():
            raise self.error(f"字段“{self.loc(key)}”不能为空")
        if pattern is not None and not pattern.fullmatch(value):
            raise self.error(f"字段“{self.loc(key)}”的值“{value}”格式不正确：{hint}")
        return value

    def integer(self, key: str, *, minimum: int = 1) -> int:
        value: int = self._get(key, int, True)
        if value < minimum:
            raise self.error(f"字段“{self.loc(key)}”应不小于 {minimum}，实际为 {value}")
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        values: list[Any] | None = self._get(key, list, required)
        if values is None:
            return ()
        if not values:
            raise self.error(f"列表“{self.loc(key)}”不能为空")
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"“{self.loc(key)}[{i}]”应为非空字符串")
        if len(set(values)) != len(values):
            raise self.error(f"列表“{self.loc(key)}”中有重复项")
        return tuple(values)

    def objects(self, key: str, *, required: bool = True) -> list[Fields]:
        values: list[Any] | None = self._get(key, list, required)
        if values is None:
            return []
        if not values:
            raise self.error(f"列表“{self.loc(key)}”不能为空")
        return [
            Fields(self.path, value, f"{self.loc(key)}[{i}]", self._codes)
            for i, value in enumerate(values)
        ]

    def code(self, key: str = "code", *, parent: str | None = None) -> str:
        """A node code: a root code, or ``<parent>.<n>`` for a child; unique in the file."""
        value: str = self._get(key, str, True)
        loc = self.loc(key)
        if parent is None:
            if not ROOT_CODE_RE.fullmatch(value):
                raise self.error(
                    f"字段“{loc}”的代码“{value}”格式不正确：应由大写字母、数字和连字符组成，"
                    "以字母开头，如 JL-1"
                )
        elif not (
            value.startswith(parent + ".") and _CHILD_SUFFIX_RE.fullmatch(value[len(parent) + 1 :])
        ):
            raise self.error(
                f"字段“{loc}”的代码“{value}”格式不正确：应为上级代码加序号，如 {parent}.1"
            )
        if value in self._codes:
            raise self.error(f"代码“{value}”重复（“{self._codes[value]}”与“{loc}”）")
        self._codes[value] = loc
        return value

    def finish(self) -> None:
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            names = "、".join(f"“{self.loc(k)}”" for k in unknown)
            raise self.error(f"未知字段 {names}（是否拼写错误？）")
