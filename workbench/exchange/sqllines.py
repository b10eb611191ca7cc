"""A round's records as package lines, rendered by SQLite: the export's one fast path (what it
buys over ``rowdump``: ARCHITECTURE.md, bench/NOTES.md).

One SELECT per table has SQLite write each record's canonical JSON (``json_object`` with the
keys in sorted order, datetimes in ``isoformat`` form, booleans, JSON columns re-rendered with
sorted keys and minimal escapes) and Python only joins the pieces and hashes the content, as
``recordio._encode`` does.

SQLite's escaping of strings is Python's ``json.dumps(ensure_ascii=False)`` (every code point
tested). What the SQL cannot render exactly (a stored form the app never writes: a datetime
without microseconds, a boolean 2, JSON nested deeper than a list of flat objects, a float, a
duplicate key, a value of the wrong SQL type) is flagged by the same query, and that record
goes through ``rowdump`` instead: the lines are always those ``rowdump`` (and so ``serialize``)
gives, byte for byte.
"""

# ruff: noqa: S608 - the SQL here is built from our own table and column names, never from data

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from workbench.exchange.recordio import (
    ATTACHMENT_COLUMNS,
    CHILD_SCHEMAS,
    CHILDREN,
    SCHEMAS,
    STAMPS,
    ColumnSpec,
    PackageRecord,
    join_line,
    type_tail,
)
from workbench.exchange.rowdump import BATCH, one_record, round_filter
from workbench.models import RECORD_MODELS
from workbench.models.base import Base
from workbench.store.engine import driver_errors

Bases = Mapping[tuple[str, str], tuple[int, str]]


class RoundLine(NamedTuple):
    """One record of the round as the export needs it."""

    type: str
    id: str
    version: int
    hash: str  # the content hash (stamps left out)
    line: bytes  # canonical JSON, without the newline
    refs: frozenset[str]  # attachment addresses


# -- SQL rendering of one column --------------------------------------------------------------

# What a value the SQL cannot render exactly becomes: a JSON string spelt with an escape that
# canonical JSON never uses ("A" is written as it is). A line holding it goes through rowdump (so
# does a line whose text holds these six characters after a backslash: rare, and exact anyway).
ODD = b"\\u0041"
_ODD_TEXT = "'\\u0041'"  # a text value: json_object quotes it, and the six characters remain
_ODD_JSON = "'\"\\u0041\"'"  # a JSON text (kept verbatim by json() and json_object)

_DATETIME_GLOB = (
    "[0-9]" * 4 + "-[0-9][0-9]-[0-9][0-9] [0-2][0-9]:[0-9][0-9]:[0-9][0-9].[0-9]" + ("[0-9]" * 5)
)
_DATE_GLOB = "[0-9]" * 4 + "-[0-9][0-9]-[0-9][0-9]"


def _scalar(a: str) -> str:
    """A json_each value ``a`` as JSON text, if it is flat (json_each gives true/false as 1/0)."""
    flat = "WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
    nested = (
        f"WHEN 'real' THEN {_ODD_JSON} WHEN 'object' THEN {_ODD_JSON} WHEN 'array' THEN {_ODD_JSON}"
    )
    return f"CASE {a}.type {flat} {nested} ELSE json_quote({a}.value) END"


def _object(source: str, a: str) -> str:
    """A JSON object of flat values, keys in code point order (UTF-8 byte order is the same)."""
    pairs = f"json_quote({a}.key) || ':' || {_scalar(a)}"
    return (
        f"(SELECT '{{' || coalesce(group_concat({pairs}, ',' ORDER BY {a}.key), '') || '}}'"
        f" FROM json_each({source}) AS {a})"
    )


def _list(c: str) -> str:
    """A list of flat values and flat objects."""
    item = f"CASE e.type WHEN 'object' THEN {_object('e.value', 'k')} ELSE {_scalar('e')} END"
    return (
        f"CASE WHEN {c} = '[]' THEN '[]' WHEN json_type({c}) != 'array' THEN {_ODD_JSON}"
        f" ELSE (SELECT '[' || coalesce(group_concat({item}, ',' ORDER BY e.key), '') || ']'"
        f" FROM json_each({c}) AS e) END"
    )


def _dict(c: str) -> str:
    return f"CASE WHEN json_type({c}) = 'object' THEN {_object(c, 'k')} ELSE {_ODD_JSON} END"


def column_sql(spec: ColumnSpec, c: str) -> str:
    """Column ``c`` as ``json_object`` should embed it: what ``rowdump`` gives, or ODD."""
    kind = spec.kind
    if kind == "datetime":  # rowdump: fromisoformat → isoformat (".000000" is left out)
        exact = f"{c} GLOB '{_DATETIME_GLOB}' AND datetime({c}) = substr({c}, 1, 19)"
        short = f"replace(substr({c}, 1, 19), ' ', 'T')"
        render = f"CASE substr({c}, 20) WHEN '.000000' THEN {short} ELSE replace({c}, ' ', 'T') END"
        valid = f"{exact} AND substr({c}, 12, 2) < '24'"  # SQLite takes 24:00:00, Python does not
        return f"CASE WHEN {c} IS NULL THEN NULL WHEN {valid} THEN {render} ELSE {_ODD_TEXT} END"
    if kind == "date":
        exact = f"{c} GLOB '{_DATE_GLOB}' AND date({c}) = {c}"
        return f"CASE WHEN {c} IS NULL OR ({exact}) THEN {c} ELSE {_ODD_TEXT} END"
    if kind == "bool":
        word = f"json(CASE {c} WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE {_ODD_JSON} END)"
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE {word} END"
    if kind == "enum":
        codes = ", ".join("'" + code.replace("'", "''") + "'" for code in sorted(spec.codes))
        return f"CASE WHEN {c} IS NULL OR {c} IN ({codes}) THEN {c} ELSE {_ODD_TEXT} END"
    if kind in ("list", "dict"):
        render = _list(c) if kind == "list" else _dict(c)
        return f"CASE WHEN {c} IS NULL THEN NULL ELSE json({render}) END"
    # str and int: SQLite's text and integers are rowdump's too; a real is not (it has no float)
    return f"CASE typeof({c}) WHEN 'real' THEN {_ODD_TEXT} ELSE {c} END"


def _object_sql(specs: tuple[ColumnSpec, ...], alias: str) -> str:
    """``json_object`` of the columns, in key order."""
    ordered = sorted(specs, key=lambda s: s.name)
    pairs = (f"'{s.name}', " + column_sql(s, f'{alias}."{s.name}"') for s in ordered)
    return f"json_object({', '.join(pairs)})"


# -- one table --------------------------------------------------------------------------------


@cache
def _table_sql(model: type[Base]) -> str:
    """id, version, ``{"children":…,"fields":…,"id":…}``, the stamps object, then the
    attachment columns of the rows ``t`` of the round (``?`` is the round id)."""
    specs = SCHEMAS[model]
    fields = _object_sql(tuple(s for s in specs if s.name not in STAMPS), "t")
    stamps = _object_sql(tuple(s for s in specs if s.name in STAMPS), "t")
    if model in CHILDREN:
        rel, child, fk = CHILDREN[model]
        item = _object_sql(CHILD_SCHEMAS[child], "c")
        table = f'"{child.__tablename__}" AS c WHERE c."{fk}" = t.id'
        items = f"(SELECT '[' || group_concat({item}, ',' ORDER BY c.id) || ']' FROM {table})"
        children = f"json_object('{rel}', json(coalesce({items}, '[]')))"
    else:
        children = "json_object()"
    body = f"json_object('children', {children}, 'fields', {fields}, 'id', t.id)"
    refs = "".join(f', t."{name}"' for name in ATTACHMENT_COLUMNS.get(model.__tablename__, ()))
    where, _binds = round_filter(model, "t")
    return (
        f"SELECT t.id, t.version, {body}, {stamps}{refs}"
        f' FROM "{model.__tablename__}" AS t WHERE {where} ORDER BY t.rowid'
    )


def _refs(values: list[Any]) -> frozenset[str]:
    """As ``PackageRecord.attachment_refs``, from the stored columns (a list column's text starts
    with "[", an address never does)."""
    refs: set[str] = set()
    for value in values:
        if not isinstance(value, str):
            continue
        if value.startswith("["):
            refs.update(v for v in json.loads(value) if isinstance(v, str))
        else:
            refs.add(value)
    return frozenset(refs)


def _from_rowdump(rec: PackageRecord) -> RoundLine:
    refs = frozenset(rec.attachment_refs())
    return RoundLine(rec.type, rec.id, rec.version, rec.hash, rec.canonical_line(), refs)


def _table_lines(dbapi: Any, model: type[Base], round_id: str, bases: Bases) -> Iterator[RoundLine]:
    record_type = model.__tablename__
    tail = type_tail(record_type)
    _where, binds = round_filter(model, "t")
    cursor = dbapi.cursor()
    try:
        cursor.execute(_table_sql(model), (round_id,) * binds)
        while batch := cursor.fetchmany(BATCH):
            for record_id, version, body, stamps, *refs in batch:
                middle, stamped = body.encode(), stamps.encode()  # {"children":…,"fields":…,"id":…}
                if ODD in middle or ODD in stamped:
                    yield _from_rowdump(one_record(dbapi, model, record_id, bases))
                    continue
                base = bases.get((record_type, record_id))
                kept = base if base is not None and base[0] < version else None
                line = join_line(record_type, kept, middle[1:-1], stamped)
                digest = hashlib.sha256(middle[:-1] + tail).hexdigest()
                yield RoundLine(record_type, record_id, version, digest, line, _refs(refs))
    finally:
        cursor.close()


def iter_round_lines(session: Session, round_id: str, bases: Bases) -> Iterator[RoundLine]:
    """Every record of the round (tombstones included) with the very line and hash that
    ``rowdump.iter_round_records`` gives it: table by table in the same order, but within a table
    in storage order, which the round's index gives without sorting (sorting by id held every
    rendered row of a table in SQLite's sorter: memory that grew with the round)."""
    dbapi = session.connection().connection.driver_connection
    with driver_errors():  # the driver's own cursor: the engine's translation does not apply
        for model in RECORD_MODELS:
            yield from _table_lines(dbapi, model, round_id, bases)
