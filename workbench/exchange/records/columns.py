"""The column kinds of a package record: everything the exchange does with a column's values.

``models/fieldrules.py`` reads each column's kind and bounds off the models, with the rules that
entry shares. Per kind, this table holds what only packages need:

- ``check``: the strict check of a value that arrives, fast for the millions that pass and
  saying why (a path relative to the value) for the one that fails;
- ``to_wire`` / ``from_wire``: the package form of an ORM value, and the ORM value of a
  validated package value;
- ``render_sql``: SQL giving a stored column exactly as the package line holds it, or a mark
  (``ODD``) for a stored form it cannot render exactly (``sqllines``, the export).

It sits in exchange/, not beside fieldrules in models/, because all of it is the package's form
(the reader's errors, the wire forms, the export's SQL), which the models layer
may not know. No other module branches on a column's kind.
"""

# ruff: noqa: S608 - the SQL here is built from our own column names, never from data

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any, NoReturn

from workbench.exchange import strict
from workbench.exchange.canonical import StrictJSONError
from workbench.models import fieldrules
from workbench.models.fieldrules import ColumnSpec

Check = Callable[[Any], object]  # returns, or raises StrictJSONError with a relative path

# What a stored value SQL cannot render exactly becomes: a JSON string spelt with an escape that
# canonical JSON never uses ("A" is written as it is). A line holding it is made by ``serialize``
# instead (so is a line whose text holds these six characters after a backslash: rare, and
# exact anyway).
ODD = b"\\u0041"
_ODD_TEXT = "'\\u0041'"  # a text value: json_object quotes it, and the six characters remain
_ODD_JSON = "'\"\\u0041\"'"  # a JSON text (kept verbatim by json() and json_object)


def _refuse(reason: str) -> NoReturn:
    raise StrictJSONError(reason, "")


def _parses(parse: Callable[[str], object], value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


class Kind:
    """A kind whose values are the same in the ORM, on the wire and in SQLite (text, integers);
    the kinds below override what differs. Values handed to these methods are never None."""

    def check(self, spec: ColumnSpec) -> Check:
        raise NotImplementedError

    def to_wire(self, value: Any) -> Any:
        return value

    def from_wire(self, spec: ColumnSpec, value: Any) -> Any:
        return value

    def render_sql(self, spec: ColumnSpec, c: str) -> str:
        # SQLite's text and integers are the wire's; a real is not (a package has no float)
        return f"CASE typeof({c}) WHEN 'real' THEN {_ODD_TEXT} ELSE {c} END"


class Text(Kind):
    def check(self, spec: ColumnSpec) -> Check:
        # one regex per value: free text, 64 hex (which holds nothing forbidden), or an id
        max_len, other = spec.max_len, "格式不正确"
        bad: Callable[[str], object] = fieldrules.TEXT_FORBIDDEN_RE.search
        if spec.name.endswith("sha256"):
            hex_ok = strict.HEX64_RE.fullmatch
            bad = lambda v: not hex_ok(v)  # noqa: E731
        elif spec.name == "id" or spec.name.endswith("_id"):
            bad, other = fieldrules.ID_FORBIDDEN_RE.search, "含控制字符"

        def check(v: Any) -> None:
            if type(v) is not str:
                _refuse("应为字符串")
            if len(v) > max_len:
                _refuse(f"超过 {max_len} 个字符")
            if bad(v):
                _refuse(fieldrules.text_fault(v) or other)

        return check


class Integer(Kind):
    def check(self, spec: ColumnSpec) -> Check:
        lo, hi = spec.lo, spec.hi

        def check(v: Any) -> None:
            if type(v) is not int:
                _refuse("应为整数")
            if not lo <= v <= hi:
                _refuse(f"超出范围 {lo}..{hi}")

        return check


class Boolean(Kind):
    def check(self, spec: ColumnSpec) -> Check:
        def check(v: Any) -> None:
            if type(v) is not bool:
                _refuse("应为 true 或 false")

        return check

    def render_sql(self, spec: ColumnSpec, c: str) -> str:  # SQLite keeps 0/1
        word = f"json(CASE {c} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE {_ODD_JSON} END)"
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE {word} END"


@dataclass(frozen=True)
class Moment(Kind):
    """Timestamps (naive UTC ``YYYY-MM-DDTHH:MM:SS[.ffffff]``) and dates, in ISO form on the
    wire, where the strings of one form compare like the values they spell."""

    parse: Callable[[str], date]
    slow: Callable[[Any, str], date]  # strict's check, which says why
    pattern: re.Pattern[str]
    first: str
    last: str

    def check(self, spec: ColumnSpec) -> Check:
        parse, slow, fullmatch = self.parse, self.slow, self.pattern.fullmatch
        first, last = self.first, self.last

        def check(v: Any) -> None:
            if not (type(v) is str and fullmatch(v) and first <= v <= last and _parses(parse, v)):
                slow(v, "")  # says why; should it find nothing, the fast check still refuses
                _refuse("格式不正确")

        return check

    def to_wire(self, value: Any) -> Any:
        return value.isoformat()

    def from_wire(self, spec: ColumnSpec, value: Any) -> Any:
        return self.parse(value)


class Timestamp(Moment):
    def render_sql(self, spec: ColumnSpec, c: str) -> str:
        # SQLAlchemy stores "2026-01-02 03:04:05.000000"; isoformat() leaves ".000000" out
        glob = "[0-9]" * 4 + "-[0-9][0-9]-[0-9][0-9] [0-2][0-9]:[0-9][0-9]:[0-9][0-9].[0-9]"
        exact = f"{c} GLOB '{glob}{'[0-9]' * 5}' AND datetime({c}) = substr({c}, 1, 19)"
        short = f"replace(substr({c}, 1, 19), ' ', 'T')"
        render = f"CASE substr({c}, 20) WHEN '.000000' THEN {short} ELSE replace({c}, ' ', 'T') END"
        valid = f"{exact} AND substr({c}, 12, 2) < '24'"  # SQLite takes 24:00:00, Python does not
        return f"CASE WHEN {c} IS NULL THEN NULL WHEN {valid} THEN {render} ELSE {_ODD_TEXT} END"


class Day(Moment):
    def render_sql(self, spec: ColumnSpec, c: str) -> str:
        exact = f"{c} GLOB '{'[0-9]' * 4}-[0-9][0-9]-[0-9][0-9]' AND date({c}) = {c}"
        return f"CASE WHEN {c} IS NULL OR ({exact}) THEN {c} ELSE {_ODD_TEXT} END"


class Code(Kind):
    """An enum member, travelling and stored as its code."""

    def check(self, spec: ColumnSpec) -> Check:
        codes = spec.codes

        def check(v: Any) -> None:
            if type(v) is not str or v not in codes:
                _refuse("不是允许的取值")

        return check

    def to_wire(self, value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    def from_wire(self, spec: ColumnSpec, value: Any) -> Any:
        assert spec.enum is not None
        return spec.enum(value)

    def render_sql(self, spec: ColumnSpec, c: str) -> str:
        codes = ", ".join("'" + code.replace("'", "''") + "'" for code in sorted(spec.codes))
        return f"CASE WHEN {c} IS NULL OR {c} IN ({codes}) THEN {c} ELSE {_ODD_TEXT} END"


@dataclass(frozen=True)
class Json(Kind):
    """A JSON column: a list or an object, stored as its compact JSON text."""

    cls: type
    wrong: str  # the refusal of another type

    def check(self, spec: ColumnSpec) -> Check:
        kind, wrong = self.cls, self.wrong

        def check(v: Any) -> None:
            if type(v) is not kind:
                _refuse(wrong)
            if v:
                strict.json_value(v, "")

        return check

    def render_sql(self, spec: ColumnSpec, c: str) -> str:
        # exact for a list of flat values and flat objects, or a flat object: what the app keeps
        if self.cls is list:
            item = (
                f"CASE e.type WHEN 'object' THEN {_object('e.value', 'k')} ELSE {_scalar('e')} END"
            )
            render = (
                f"CASE WHEN {c} = '[]' THEN '[]' WHEN json_type({c}) != 'array' THEN {_ODD_JSON}"
                f" ELSE (SELECT '[' || coalesce(group_concat({item}, ',' ORDER BY e.key), '')"
                f" || ']' FROM json_each({c}) AS e) END"
            )
        else:
            exact = f"json_type({c}) = 'object'"
            render = f"CASE WHEN {exact} THEN {_object(c, 'k')} ELSE {_ODD_JSON} END"
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE json({render}) END"


def _scalar(a: str) -> str:
    """A json_each value ``a`` as JSON text, if it is flat (json_each gives true/false as 1/0)."""
    flat = "WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
    nested = " ".join(f"WHEN '{t}' THEN {_ODD_JSON}" for t in ("real", "object", "array"))
    return f"CASE {a}.type {flat} {nested} ELSE json_quote({a}.value) END"


def _object(source: str, a: str) -> str:
    """A JSON object of flat values, keys in code point order (UTF-8 byte order is the same)."""
    pairs = f"json_quote({a}.key) || ':' || {_scalar(a)}"
    return (
        f"(SELECT '{{' || coalesce(group_concat({pairs}, ',' ORDER BY {a}.key), '') || '}}'"
        f" FROM json_each({source}) AS {a})"
    )


KINDS: dict[str, Kind] = {
    "str": Text(),
    "int": Integer(),
    "bool": Boolean(),
    "datetime": Timestamp(
        datetime.fromisoformat,
        strict.timestamp,
        strict.DATETIME_RE,
        fieldrules.DATETIME_MIN_ISO,
        fieldrules.DATETIME_MAX_ISO,
    ),
    "date": Day(
        date.fromisoformat,
        strict.day,
        strict.DATE_RE,
        fieldrules.DATE_MIN_ISO,
        fieldrules.DATE_MAX_ISO,
    ),
    "enum": Code(),
    "list": Json(list, "应为数组"),
    "dict": Json(dict, "应为对象"),
}


# -- what the other modules call ----------------------------------------------------------------


def to_wire(spec: ColumnSpec, value: Any) -> Any:
    return None if value is None else KINDS[spec.kind].to_wire(value)


def from_wire(spec: ColumnSpec, value: Any) -> Any:
    return None if value is None else KINDS[spec.kind].from_wire(spec, value)


def column_sql(spec: ColumnSpec, c: str) -> str:
    """Stored column ``c`` as ``json_object`` should embed it: ``to_wire`` of what the ORM reads,
    or ODD (NULL is null in both forms)."""
    return KINDS[spec.kind].render_sql(spec, c)


@dataclass(frozen=True)
class _Plan:
    specs: tuple[ColumnSpec, ...]
    names: frozenset[str]
    checks: tuple[tuple[str, bool, Check], ...]  # name, nullable, check


_PLANS: dict[int, _Plan] = {}  # by id() of a module-level spec tuple (hashing one is slow)


def check_fields(raw: Any, specs: tuple[ColumnSpec, ...], path: str) -> dict[str, Any]:
    """``raw`` if it holds exactly the columns of ``specs``, each value by its column's rule.
    A refusal names the first bad column; no path is built for the millions of values that
    pass."""
    plan = _PLANS.get(id(specs))
    if plan is None or plan.specs is not specs:
        checks = tuple((s.name, s.nullable, KINDS[s.kind].check(s)) for s in specs)
        plan = _PLANS[id(specs)] = _Plan(specs, frozenset(s.name for s in specs), checks)
    if type(raw) is not dict or raw.keys() != plan.names:
        strict.obj(raw, path, plan.names)  # says what is wrong
    name = ""
    try:
        for name, nullable, check in plan.checks:
            value = raw[name]
            if value is not None:
                check(value)
            elif not nullable:
                _refuse("不能为空")
    except StrictJSONError as exc:
        raise StrictJSONError(exc.reason, f"{path}.{name}{exc.path}") from None
    fields: dict[str, Any] = raw
    return fields
