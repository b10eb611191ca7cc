"""Fast strict checks of a record's columns, grouped by kind into tight loops.

A package carries millions of values; checking each through ``recordio._value`` (one call, a
chain of branches and a path string per value) was most of an import's validation time. The
rules here are the same (``models/fieldrules.py``, shared with entry); when a value fails,
``_value`` runs on it to give the message and path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError
from workbench.models import fieldrules

if TYPE_CHECKING:
    from workbench.models.fieldrules import ColumnSpec


@dataclass(frozen=True)
class FieldPlan:
    specs: tuple[ColumnSpec, ...]
    names: frozenset[str]
    texts: tuple[tuple[str, int, bool, int], ...]  # name, max length, nullable, 1 hex / 2 id
    ints: tuple[tuple[str, int, int, bool], ...]  # name, lo, hi, nullable
    bools: tuple[tuple[str, bool], ...]
    enums: tuple[tuple[str, frozenset[str], bool], ...]
    timestamps: tuple[tuple[str, bool], ...]
    dates: tuple[tuple[str, bool], ...]
    jsons: tuple[tuple[str, type, bool], ...]  # name, list or dict, nullable


def field_plan(specs: tuple[ColumnSpec, ...]) -> FieldPlan:
    texts, ints, bools, enums, stamps, dates, jsons = [], [], [], [], [], [], []
    for s in specs:
        if s.kind == "str":
            flag = 1 if s.name.endswith("sha256") else 0
            if not flag and (s.name == "id" or s.name.endswith("_id")):
                flag = 2
            texts.append((s.name, s.max_len, s.nullable, flag))
        elif s.kind == "int":
            ints.append((s.name, s.lo, s.hi, s.nullable))
        elif s.kind == "bool":
            bools.append((s.name, s.nullable))
        elif s.kind == "enum":
            enums.append((s.name, s.codes, s.nullable))
        elif s.kind == "datetime":
            stamps.append((s.name, s.nullable))
        elif s.kind == "date":
            dates.append((s.name, s.nullable))
        else:
            jsons.append((s.name, list if s.kind == "list" else dict, s.nullable))
    return FieldPlan(
        specs,
        frozenset(s.name for s in specs),
        tuple(texts),
        tuple(ints),
        tuple(bools),
        tuple(enums),
        tuple(stamps),
        tuple(dates),
        tuple(jsons),
    )


def _parses(parse: Callable[[str], object], value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def first_bad(raw: dict[str, Any], plan: FieldPlan) -> str | None:
    """The name of the first column whose value breaks its rule, or None."""
    # one regex per value: free text, 64 hex (which holds nothing forbidden), or an id
    text_bad = fieldrules.TEXT_FORBIDDEN_RE.search
    hex_ok, id_bad = strict.HEX64_RE.fullmatch, fieldrules.ID_FORBIDDEN_RE.search
    for name, max_len, nullable, flag in plan.texts:
        v = raw[name]
        if v is None and nullable:
            continue
        if (
            type(v) is not str
            or len(v) > max_len
            or (text_bad(v) if flag == 0 else not hex_ok(v) if flag == 1 else id_bad(v))
        ):
            return name
    for name, lo, hi, nullable in plan.ints:
        v = raw[name]
        if not ((v is None and nullable) or (type(v) is int and lo <= v <= hi)):
            return name
    for name, nullable in plan.bools:
        v = raw[name]
        if not ((v is None and nullable) or type(v) is bool):
            return name
    for name, codes, nullable in plan.enums:
        v = raw[name]
        if not ((v is None and nullable) or (type(v) is str and v in codes)):
            return name
    # one form per kind (the regex), so the ISO strings compare like the values they spell
    first, last = fieldrules.DATETIME_MIN_ISO, fieldrules.DATETIME_MAX_ISO
    for name, nullable in plan.timestamps:
        v = raw[name]
        if v is None and nullable:
            continue
        ok = type(v) is str and strict.DATETIME_RE.fullmatch(v) and first <= v <= last
        if not ok or not _parses(datetime.fromisoformat, v):
            return name
    first, last = fieldrules.DATE_MIN_ISO, fieldrules.DATE_MAX_ISO
    for name, nullable in plan.dates:
        v = raw[name]
        if v is None and nullable:
            continue
        ok = type(v) is str and strict.DATE_RE.fullmatch(v) and first <= v <= last
        if not ok or not _parses(date.fromisoformat, v):
            return name
    for name, kind, nullable in plan.jsons:
        v = raw[name]
        if v is None and nullable:
            continue
        if type(v) is not kind:
            return name
        if v:
            try:
                strict.json_value(v, "")
            except StrictJSONError:
                return name
    return None
