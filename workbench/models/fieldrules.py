"""What a record's fields may hold: one set of rules for entry and for packages.

The flush guard (``store/fieldguard.py``) applies them to every record a user saves, the package
reader (``exchange/strict.py``, ``exchange/records/columns.py``) to every record it receives, and
exports and briefings read their lines with the reader before sealing
(``exchange/records/linecheck.py``): what a team can save, its office accepts.

- Text: no NUL, no other C0 control but TAB, LF and CR, no DEL or C1 control, no lone surrogate
  (it has no UTF-8 form), no U+FFFE/U+FFFF (non-characters). Ids hold no control at all.
- Dates and timestamps: 1900-01-01 … 2100-12-31 (a year typed as 0001 or 9999 is a slip).
- Integers: 32-bit for ``Integer`` columns, 64-bit otherwise. JSON columns: no floats, nesting
  at most ``MAX_JSON_DEPTH``, at most ``MAX_JSON_ITEMS`` values, strings as text above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.types import JSON

from workbench.models.base import Base, EnumCode
from workbench.vocab.labels import RECORD_LABELS

TEXT_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Unicode's Cc category is exactly these code points: one regex search instead of a loop.
CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
ID_FORBIDDEN_RE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # both above
HEX64_RE = re.compile(r"[0-9a-f]{64}")

DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2100, 12, 31)
DATETIME_MIN = datetime(1900, 1, 1)
DATETIME_MAX = datetime(2100, 12, 31, 23, 59, 59, 999999)
# The same bounds in the package forms; ISO strings of one form compare like the values.
DATE_MIN_ISO, DATE_MAX_ISO = DATE_MIN.isoformat(), DATE_MAX.isoformat()
DATETIME_MIN_ISO, DATETIME_MAX_ISO = DATETIME_MIN.isoformat(), DATETIME_MAX.isoformat()
DATE_RANGE_REASON = f"超出允许范围 {DATE_MIN_ISO} 至 {DATE_MAX_ISO}"

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_TEXT = 1_000_000  # a Text column
MAX_JSON_DEPTH = 10  # nesting inside a JSON column
MAX_JSON_ITEMS = 10_000  # values inside a JSON column
MAX_JSON_STRING = 100_000
MAX_JSON_KEY = 200


def text_fault(value: str) -> str | None:
    """Why ``value`` may not be stored as text, or None."""
    found = TEXT_FORBIDDEN_RE.search(value)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "含 NUL 字符"
    if "\ud800" <= char <= "\udfff":
        return "含无效字符（孤立的代理码位）"
    if char in "\ufffe\uffff":
        return f"含非字符 U+{ord(char):04X}"
    return f"含控制字符 U+{ord(char):04X}"


def id_fault(value: str) -> str | None:
    return "含控制字符" if CONTROL_RE.search(value) else None


def moment_fault(value: date) -> str | None:
    """A date or timestamp outside the range, a timestamp with a time zone (the store keeps
    naive UTC, and a package may hold nothing else), or None."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return "带有时区，应为不带时区的 UTC 时间"
        inside = DATETIME_MIN <= value <= DATETIME_MAX
    else:
        inside = DATE_MIN <= value <= DATE_MAX
    return None if inside else DATE_RANGE_REASON


def json_fault(value: Any, max_items: int = MAX_JSON_ITEMS) -> str | None:
    """Why a JSON column's value breaks the rules, or None; no path is built per element (the
    valid case is the common one; ``exchange.strict.json_value`` names the place)."""
    budget = max_items
    stack: list[tuple[Any, int]] = [(value, 0)]
    forbidden = TEXT_FORBIDDEN_RE.search
    while stack:
        v, depth = stack.pop()
        budget -= 1
        if budget < 0:
            return "内容过多"
        if depth > MAX_JSON_DEPTH:
            return "嵌套层次过深"
        kind = type(v)
        if kind is str:
            if len(v) > MAX_JSON_STRING:
                return f"文字超过 {MAX_JSON_STRING} 个字符"
            if forbidden(v):
                return text_fault(v)
        elif kind is dict:
            for k, item in v.items():
                if type(k) is not str or len(k) > MAX_JSON_KEY or forbidden(k):
                    return "含无效的键"
                stack.append((item, depth + 1))
        elif kind is list:
            stack.extend((item, depth + 1) for item in v)
        elif kind is int:
            if not INT64_MIN <= v <= INT64_MAX:
                return "整数超出范围"
        elif not (v is None or kind is bool):
            return "含不支持的值（如小数）"
    return None


# -- the rules of each column, from the models (so a new column is covered without a list) ----


def record_title(table: str, fields: dict[str, Any]) -> str:
    """``信访件 XF-2026-0001``: the type and what a user knows the record by, in messages that
    name a record whose text may break the rules above (so the text is made printable)."""
    label = RECORD_LABELS.get(table, table)
    for key in ("number", "title", "name", "subject_name"):
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return f"{label} {TEXT_FORBIDDEN_RE.sub('?', value[:60])}"
    return f"{label}（{fields.get('id', '')}）"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: str  # str | int | bool | datetime | date | list | dict | enum
    nullable: bool
    max_len: int = MAX_TEXT
    lo: int = INT64_MIN
    hi: int = INT64_MAX
    enum: type[Enum] | None = None
    codes: frozenset[str] = frozenset()


def _annotation(model: type[Base], name: str) -> str:
    for cls in model.__mro__:
        note = getattr(cls, "__annotations__", {}).get(name)
        if note is not None:
            return str(note)
    return ""


def column_spec(model: type[Base], col: Any) -> ColumnSpec:
    t, nullable = col.type, bool(col.nullable)
    if isinstance(t, EnumCode):
        codes = frozenset(m.value for m in t.enum_cls)
        return ColumnSpec(col.name, "enum", nullable, enum=t.enum_cls, codes=codes)
    if isinstance(t, Boolean):
        return ColumnSpec(col.name, "bool", nullable)
    if isinstance(t, BigInteger):
        return ColumnSpec(col.name, "int", nullable)
    if isinstance(t, Integer):
        return ColumnSpec(col.name, "int", nullable, lo=INT32_MIN, hi=INT32_MAX)
    if isinstance(t, DateTime):
        return ColumnSpec(col.name, "datetime", nullable)
    if isinstance(t, Date):
        return ColumnSpec(col.name, "date", nullable)
    if isinstance(t, JSON):
        kind = "dict" if "Mapped[dict" in _annotation(model, col.key) else "list"
        return ColumnSpec(col.name, kind, nullable)
    if isinstance(t, String) and not isinstance(t, Text) and t.length:
        return ColumnSpec(col.name, "str", nullable, max_len=t.length)
    if isinstance(t, String):
        return ColumnSpec(col.name, "str", nullable)
    raise TypeError(f"no package schema for {model.__name__}.{col.name}: {t!r}")


@cache
def column_specs(model: type[Base], skip: str | None = None) -> tuple[ColumnSpec, ...]:
    """Every column of ``model`` (but ``skip``, a child's parent key) with its rules."""
    return tuple(column_spec(model, c) for c in model.__table__.columns if c.name != skip)


def value_fault(spec: ColumnSpec, value: Any) -> str | None:
    """Why a stored (Python) value breaks its column's rules, or None; None values and enum
    members are the database's and the enum type's to refuse."""
    kind = spec.kind
    if value is None or kind in ("enum", "bool"):
        return None
    if kind == "str":
        if not isinstance(value, str):
            return "应为文字"
        if len(value) > spec.max_len:
            return f"超过 {spec.max_len} 个字符"
        if spec.name.endswith("sha256"):
            return None if HEX64_RE.fullmatch(value) else "不是有效的 SHA-256"
        if spec.name == "id" or spec.name.endswith("_id"):
            return text_fault(value) or id_fault(value)
        return text_fault(value)
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return "应为整数"
        return None if spec.lo <= value <= spec.hi else f"超出范围 {spec.lo}..{spec.hi}"
    if kind in ("datetime", "date"):
        return moment_fault(value) if isinstance(value, date) else "应为日期"
    if not isinstance(value, list | dict):
        return "应为列表" if kind == "list" else "应为对象"
    return json_fault(value)
