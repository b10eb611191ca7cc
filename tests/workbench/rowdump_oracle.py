"""A test oracle: a round's records in package form, read straight from SQL rows.

It was the export's path before SQLite rendered the lines (``sqllines``); it stays as a second,
independent conversion of stored values (one converter per kind, written apart from
``exchange/records/columns.py``), against which the tests check ``serialize`` and the SQL rendering.

``recordio.serialize`` works on ORM objects: building them, loading their children and converting
every attribute back with ``_out`` costs most of an export. Here each table is one plain SELECT
of the schema's columns, streamed in batches, and only the columns whose stored form differs from
the package form get a converter, chosen once per column. Children come from one query per child
table ordered by parent, merged with the parent stream (both ordered by parent id), so Python
holds a batch, never the round (SQLite's own ORDER BY sorter, in memory under SQLCipher's
temp_store, still sorts each table's rows of the round, as it does for the ORM query).
The output equals ``serialize`` over ``export.round_rows``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Generator, Iterator, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from workbench.exchange.records.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    SCHEMAS,
    ColumnSpec,
    PackageRecord,
    make_record,
)
from workbench.exchange.records.sqllines import BATCH, round_filter
from workbench.models import RECORD_MODELS
from workbench.models.base import Base
from workbench.store.engine import driver_errors

Converter = Callable[[Any], Any]
# (index, converter) for each column whose stored value differs from its package value
Conversions = tuple[tuple[int, Converter], ...]
_PARENT_KEY = ColumnSpec("parent", "str", nullable=False)  # leads each child row, as stored


def _datetime(value: Any) -> str:
    # SQLAlchemy reads SQLite DateTime text with fromisoformat; _out gives isoformat()
    # ("2026-01-02 03:04:05.000000" → "2026-01-02T03:04:05").
    return datetime.fromisoformat(value).isoformat()


def _date(value: Any) -> str:
    return date.fromisoformat(value).isoformat()


def _json(value: Any) -> Any:
    # the JSON type's reader is json.loads (no custom deserializer is configured); most
    # list columns hold "[]", which needs no parser
    return [] if value == "[]" else json.loads(value)


def _enum(enum_cls: type[Enum]) -> Converter:
    codes = frozenset(m.value for m in enum_cls)

    def code(value: Any) -> Any:
        # a stored code is its own package value; anything else fails as the ORM would
        return value if value in codes else enum_cls(value).value

    return code


def _converter(spec: ColumnSpec) -> Converter | None:
    if spec.kind == "datetime":
        return _datetime
    if spec.kind == "date":
        return _date
    if spec.kind == "bool":
        return bool  # SQLite keeps 0/1
    if spec.kind in ("list", "dict"):
        return _json
    if spec.kind == "enum":
        assert spec.enum is not None
        return _enum(spec.enum)
    return None  # str and int come back as they are


def _conversions(specs: tuple[ColumnSpec, ...]) -> Conversions:
    pairs = ((i, _converter(s)) for i, s in enumerate(specs))
    return tuple((i, f) for i, f in pairs if f is not None)


def _q(name: str) -> str:
    return f'"{name}"'


def _select(columns: str, source: str, where: str, order: str) -> str:
    # identifiers come from our own models; the round id is always a bound parameter
    return f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {order}"


def _batches(dbapi: Any, sql: str, params: tuple[Any, ...]) -> Iterator[list[tuple[Any, ...]]]:
    # The driver's own cursor gives plain tuples (no Row objects); fetchmany bounds memory.
    cursor = dbapi.cursor()
    try:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(BATCH):
            yield batch
    finally:
        cursor.close()


def _values(
    dbapi: Any, sql: str, params: tuple[Any, ...], conversions: Conversions
) -> Iterator[list[Any]]:
    """The rows of ``sql``, each converted to package values. Row by row: a dict built and
    consumed at once is cheaper than converting a batch column-wise (fewer objects survive to
    the collector's older generations)."""
    for batch in _batches(dbapi, sql, params):
        for row in batch:
            values = list(row)
            for i, convert in conversions:
                if (value := values[i]) is not None:  # NULL is None in both forms
                    values[i] = convert(value)
            yield values


def _child_rows(
    dbapi: Any, model: type[Base], where: str, params: tuple[Any, ...]
) -> Generator[tuple[str, dict[str, Any]]]:
    """(parent id, child fields) of the parents ``p`` that ``where`` picks, by parent id, then
    child id."""
    _rel, child, fk = CHILDREN[model]
    specs = CHILD_SCHEMAS[child]
    names = tuple(s.name for s in specs)
    conversions = _conversions((_PARENT_KEY, *specs))
    selected = ", ".join(f"c.{_q(n)}" for n in (fk, *names))
    source = f"{_q(child.__tablename__)} AS c JOIN {_q(model.__tablename__)} AS p"
    sql = _select(selected, f"{source} ON p.id = c.{_q(fk)}", where, f"c.{_q(fk)}, c.id")
    for parent, *values in _values(dbapi, sql, params, conversions):
        yield parent, dict(zip(names, values, strict=True))


def one_record(
    dbapi: Any, model: type[Base], record_id: str, bases: Mapping[tuple[str, str], tuple[int, str]]
) -> PackageRecord:
    """The record ``record_id`` of ``model``'s table, as ``iter_round_records`` gives it."""
    (record,) = _records(dbapi, model, "{a}.id = ?", (record_id,), bases)
    return record


def _records(
    dbapi: Any,
    model: type[Base],
    where: str,
    params: tuple[Any, ...],
    bases: Mapping[tuple[str, str], tuple[int, str]],
) -> Iterator[PackageRecord]:
    """The records of the rows ``where`` picks (``{a}`` in it stands for the table alias)."""
    record_type = model.__tablename__
    specs = SCHEMAS[model]
    names = tuple(s.name for s in specs)
    conversions = _conversions(specs)
    columns = ", ".join(f"t.{_q(n)}" for n in names)
    sql = _select(columns, f"{_q(record_type)} AS t", where.format(a="t"), "t.id")
    rel = CHILDREN[model][0] if model in CHILDREN else ""
    kids = _child_rows(dbapi, model, where.format(a="p"), params) if rel else None
    pending = next(kids, None) if kids is not None else None
    try:
        for values in _values(dbapi, sql, params, conversions):
            fields = dict(zip(names, values, strict=True))
            record_id, version = fields["id"], fields["version"]
            children: dict[str, list[dict[str, Any]]] = {}
            if kids is not None:
                items: list[dict[str, Any]] = []
                # both streams are ordered by parent id, so this parent's children are the run
                # at the head of the child stream (the join leaves no child without a parent)
                while pending is not None and pending[0] <= record_id:
                    if pending[0] == record_id:
                        items.append(pending[1])
                    pending = next(kids, None)
                children[rel] = items
            base = bases.get((record_type, record_id))
            kept = base if base and base[0] < version else None
            yield make_record(record_type, record_id, kept, fields, children)
    finally:
        if kids is not None:
            kids.close()  # the child cursor, when the consumer stops early


def iter_round_records(
    session: Session, round_id: str, bases: Mapping[tuple[str, str], tuple[int, str]]
) -> Iterator[PackageRecord]:
    """Every row of the round (tombstones included), as
    ``serialize(row, base if base and base[0] < row.version else None)`` would give, in the
    order of ``export.round_rows`` (RECORD_MODELS order, then id)."""
    # the session's own connection, so the rows are those of its transaction
    dbapi = session.connection().connection.driver_connection
    with driver_errors():  # the driver's own cursor: the engine's translation does not apply
        for model in RECORD_MODELS:
            where, binds = round_filter(model, "{a}")
            yield from _records(dbapi, model, where, (round_id,) * binds, bases)
