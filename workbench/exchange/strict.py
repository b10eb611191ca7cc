"""Hand-written strict validators for decoded JSON: exact key sets, exact types, bounds.

Each raises ``StrictJSONError`` with a path, which the callers turn into coded rejections.
``bool`` is never accepted where an integer is expected (in Python ``True == 1``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from typing import Any, TypeVar

from workbench.exchange.canonical import StrictJSONError
from workbench.models import fieldrules
from workbench.models.fieldrules import CONTROL_RE, MAX_JSON_DEPTH
from workbench.strictjson import INT_MAX, INT_MIN

UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HEX64_RE = re.compile(r"[0-9a-f]{64}")
DATETIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def obj(
    value: Any, path: str, required: Collection[str], optional: Collection[str] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise StrictJSONError("应为对象", path)
    keys = set(value)
    missing = set(required) - keys
    if missing:
        raise StrictJSONError(f"缺少字段 {', '.join(sorted(missing))}", path)
    extra = keys - set(required) - set(optional)
    if extra:
        raise StrictJSONError(f"未知字段 {', '.join(sorted(k[:40] for k in extra))}", path)
    return value


def array(value: Any, path: str, max_items: int) -> list[Any]:
    if not isinstance(value, list):
        raise StrictJSONError("应为数组", path)
    if len(value) > max_items:
        raise StrictJSONError(f"元素超过 {max_items} 个", path)
    return value


def text(
    value: Any,
    path: str,
    max_len: int,
    *,
    pattern: re.Pattern[str] | None = None,
    allow_empty: bool = True,
    allow_control: bool = True,
) -> str:
    if not isinstance(value, str):
        raise StrictJSONError("应为字符串", path)
    if len(value) > max_len:
        raise StrictJSONError(f"超过 {max_len} 个字符", path)
    if not allow_empty and not value.strip():
        raise StrictJSONError("不能为空", path)
    if pattern is not None and not pattern.fullmatch(value):
        raise StrictJSONError("格式不正确", path)
    if not allow_control and CONTROL_RE.search(value):
        raise StrictJSONError("含控制字符", path)
    fault = fieldrules.text_fault(value)
    if fault is not None:
        raise StrictJSONError(fault, path)
    return value


def integer(value: Any, path: str, lo: int = INT_MIN, hi: int = INT_MAX) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise StrictJSONError("应为整数", path)
    if not lo <= value <= hi:
        raise StrictJSONError(f"超出范围 {lo}..{hi}", path)
    return value


def uuid_text(value: Any, path: str) -> str:
    return text(value, path, 36, pattern=UUID_RE)


def hex64(value: Any, path: str) -> str:
    return text(value, path, 64, pattern=HEX64_RE)


def timestamp(value: Any, path: str) -> datetime:
    """Naive UTC ``YYYY-MM-DDTHH:MM:SS[.ffffff]`` (the store's own form)."""
    raw = text(value, path, 26, pattern=DATETIME_RE)
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise StrictJSONError("日期时间不存在", path) from None
    return _in_range(moment, path)


def day(value: Any, path: str) -> date:
    raw = text(value, path, 10, pattern=DATE_RE)
    try:
        day_ = date.fromisoformat(raw)
    except ValueError:
        raise StrictJSONError("日期不存在", path) from None
    return _in_range(day_, path)


Moment = TypeVar("Moment", bound=date)


def _in_range(moment: Moment, path: str) -> Moment:
    fault = fieldrules.moment_fault(moment)
    if fault is not None:
        raise StrictJSONError(fault, path)
    return moment


def json_value(value: Any, path: str, max_items: int = fieldrules.MAX_JSON_ITEMS) -> Any:
    """A free JSON value (list/dict columns): no floats reach here; bound the total size, the
    nesting and the integers (64-bit, as everywhere in a package)."""
    if fieldrules.json_fault(value, max_items) is None:
        return value
    budget = [max_items]

    def walk(v: Any, p: str, depth: int) -> None:
        budget[0] -= 1
        if budget[0] < 0:
            raise StrictJSONError("内容过多", path)
        if depth > MAX_JSON_DEPTH:
            raise StrictJSONError("嵌套层次过深", p)
        if isinstance(v, dict):
            for k, item in v.items():
                text(k, p, fieldrules.MAX_JSON_KEY)
                walk(item, f"{p}.{k[:40]}", depth + 1)
        elif isinstance(v, list):
            for i, item in enumerate(v):
                walk(item, f"{p}[{i}]", depth + 1)
        elif isinstance(v, str):
            text(v, p, fieldrules.MAX_JSON_STRING)
        elif isinstance(v, bool) or v is None:
            return
        elif isinstance(v, int):
            integer(v, p)
        else:
            raise StrictJSONError("不支持的值类型", p)

    walk(value, path, 0)
    return value
