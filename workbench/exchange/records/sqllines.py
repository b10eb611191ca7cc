"""A round's records as package lines, rendered by SQLite: the export's one fast path (what it
buys over ``serialize``: ARCHITECTURE.md, bench/NOTES.md).

One SELECT per table has SQLite write each record's canonical JSON (``json_object`` with the
keys in sorted order, each column as ``columns.column_sql`` renders its kind) and Python only
joins the pieces and hashes the content, as ``recordio._encode`` does.

SQLite's escaping of strings is Python's ``json.dumps(ensure_ascii=False)`` (every code point
tested). What the SQL cannot render exactly (a stored form the app never writes: a datetime
without microseconds, a boolean 2, JSON nested deeper than a list of flat objects, a float, a
duplicate key, a value of the wrong SQL type) is flagged by the same query, and that record
goes through ``serialize`` instead: the lines are always those ``serialize`` gives, byte for
byte.
"""

# ruff: noqa: S608 - the SQL here is built from our own table and column names, never from data

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from workbench.exchange.records.columns import ODD, column_sql
from workbench.exchange.records.recordio import (
    ATTACHMENT_COLUMNS,
    CHILD_SCHEMAS,
    CHILDREN,
    SCHEMAS,
    STAMPS,
    ColumnSpec,
    join_line,
    stored_record,
    type_tail,
)
from workbench.models import RECORD_MODELS, Round
from workbench.models.base import Base
from workbench.store.engine import driver_errors

Bases = Mapping[tuple[str, str], tuple[int, str]]
BATCH = 2000  # rows per fetchmany: memory stays flat however large the round


class RoundLine(NamedTuple):
    type: str
    id: str
    version: int
    hash: str  # the content hash (stamps left out)
    line: bytes  # canonical JSON, without the newline
    refs: frozenset[str]  # attachment addresses


def _object_sql(specs: tuple[ColumnSpec, ...], alias: str) -> str:
    """``json_object`` of the columns, in key order."""
    ordered = sorted(specs, key=lambda s: s.name)
    pairs = (f"'{s.name}', " + column_sql(s, f'{alias}."{s.name}"') for s in ordered)
    return f"json_object({', '.join(pairs)})"


def round_filter(model: type[Base], alias: str) -> tuple[str, int]:
    """The WHERE of ``export.round_rows`` and how many times it binds the round id."""
    if model is Round:
        return f"{alias}.id = ? OR {alias}.round_id = ?", 2
    return f"{alias}.round_id = ?", 1


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


def _table_lines(
    session: Session, dbapi: Any, model: type[Base], round_id: str, bases: Bases
) -> Iterator[RoundLine]:
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
                    rec = stored_record(session, model, record_id, bases)
                    found = frozenset(rec.attachment_refs())
                    yield RoundLine(rec.type, rec.id, rec.version, rec.hash, rec.line, found)
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
    ``serialize`` gives it: table by table in RECORD_MODELS order, within a table in storage
    order, which the round's index gives without sorting (sorting by id held every rendered row
    of a table in SQLite's sorter: memory that grew with the round)."""
    dbapi = session.connection().connection.driver_connection
    with driver_errors():  # the driver's own cursor: the engine's translation does not apply
        for model in RECORD_MODELS:
            yield from _table_lines(session, dbapi, model, round_id, bases)
