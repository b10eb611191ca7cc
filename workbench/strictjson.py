"""Strict JSON in: refuse what a lenient parser would quietly accept. Duplicate keys, floats
(unless asked for), NaN/Infinity, integers beyond 64 bits, nesting deeper than a bound, lone
surrogates and invalid UTF-8. Packages read with it (``exchange.canonical``), and so do the
office's rule files (``datacheck.rules``).
"""

from __future__ import annotations

import json
from typing import Any

from workbench.models import fieldrules

MAX_DEPTH = 16
MAX_INT_DIGITS = 19  # |n| < 2**63 has at most 19 digits
INT_MIN, INT_MAX = fieldrules.INT64_MIN, fieldrules.INT64_MAX


class StrictJSONError(ValueError):
    """Why a document was refused; ``path`` points into it when known, ``line`` and ``column``
    (from 1) where its text is not JSON at all."""

    def __init__(
        self, message: str, path: str = "$", line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(f"{path}: {message}")
        self.reason = message
        self.path = path
        self.line = line
        self.column = column


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise StrictJSONError(f"重复的键“{key[:40]}”")
        out[key] = value
    return out


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise StrictJSONError("数字过大")
    value = int(text)
    if not INT_MIN <= value <= INT_MAX:
        raise StrictJSONError("数字过大")
    return value


def no_float(text: str) -> Any:
    raise StrictJSONError("不允许小数")


def no_constant(text: str) -> Any:
    raise StrictJSONError(f"不允许 {text}")


def _check_tree(value: Any, depth: int, path: str, max_depth: int) -> None:
    """Depth bound and string sanity (a lone surrogate cannot be stored as UTF-8)."""
    if depth > max_depth:
        raise StrictJSONError("嵌套层次过深", path)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise StrictJSONError("字符串含无效字符", path) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_tree(key, depth + 1, path, max_depth)
            _check_tree(item, depth + 1, f"{path}.{key[:40]}", max_depth)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_tree(item, depth + 1, f"{path}[{index}]", max_depth)


def strict_loads(data: bytes, *, max_depth: int = MAX_DEPTH, floats: bool = False) -> Any:
    """Parse ``data`` (UTF-8 JSON) or raise StrictJSONError. ``floats``: accept numbers with
    a fraction or an exponent (as Python floats; NaN and Infinity stay refused)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StrictJSONError("不是有效的 UTF-8 文本") from None
    try:
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_int,
            parse_float=float if floats else no_float,
            parse_constant=no_constant,
        )
    except StrictJSONError:
        raise
    except RecursionError:  # the C scanner gives up on very deep nesting before we can count
        raise StrictJSONError("嵌套层次过深") from None
    except json.JSONDecodeError as exc:
        message = f"JSON 格式错误（{str(exc)[:80]}）"
        raise StrictJSONError(message, line=exc.lineno, column=exc.colno) from None
    except ValueError as exc:
        raise StrictJSONError(f"JSON 格式错误（{str(exc)[:80]}）") from None
    _check_tree(value, 0, "$", max_depth)
    return value
