"""Validated package records as SQLite stores them, for bulk inserts without the ORM
(``store/rowwriter.py``: ``executemany``, or a JSON batch on a writer thread).

A bulk import writes tens of thousands of rows; SQLAlchemy's per-value bind processing cost more
than SQLite's own work. The values here are converted once per column kind into exactly what the
ORM would store (the merge tests compare stores written either way byte for byte):

- timestamps ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLAlchemy's SQLite DATETIME storage format),
- booleans 0/1, JSON columns ``json.dumps`` with its defaults (SQLAlchemy's JSON serializer; a
  None is stored as the JSON ``null``, as SQLAlchemy does unless ``none_as_null``),
- dates, enum codes, text and integers as they travel.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from workbench.exchange.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    MODELS,
    SCHEMAS,
    ColumnSpec,
    PackageRecord,
)
from workbench.store.rowwriter import Insert, Rows

Convert = Callable[[Any], Any]


def stored_timestamp(value: str | None) -> str | None:
    """ISO ``YYYY-MM-DDTHH:MM:SS[.ffffff]`` (already validated) → the stored form."""
    if value is None:
        return None
    micro = value[20:26] if len(value) > 19 else "000000"
    return f"{value[:10]} {value[11:19]}.{micro}"


def _bool(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _json(value: Any) -> str:
    return json.dumps(value)


def _converter(spec: ColumnSpec) -> Convert | None:
    if spec.kind == "datetime":
        return stored_timestamp
    if spec.kind == "bool":
        return _bool
    if spec.kind in ("list", "dict"):
        return _json
    return None


@dataclass(frozen=True)
class TablePlan:
    statement: Insert
    names: tuple[str, ...]
    converters: tuple[Convert | None, ...]

    def __post_init__(self) -> None:
        # itemgetter pulls every value in C; only the converted columns are touched in Python
        object.__setattr__(self, "_get", itemgetter(*self.names))
        converted = tuple((i, c) for i, c in enumerate(self.converters) if c is not None)
        object.__setattr__(self, "_converted", converted)

    def row(self, values: dict[str, Any], *prefix: Any) -> tuple[Any, ...]:
        got = self._get(values)  # type: ignore[attr-defined]
        picked = [got] if len(self.names) == 1 else list(got)
        for index, convert in self._converted:  # type: ignore[attr-defined]
            picked[index] = convert(picked[index])
        return (*prefix, *picked)


def _plan(table: str, specs: Sequence[ColumnSpec], prefix: Sequence[str] = ()) -> TablePlan:
    statement = Insert(table, (*prefix, *(s.name for s in specs)))  # names from the models
    return TablePlan(statement, tuple(s.name for s in specs), tuple(_converter(s) for s in specs))


@cache
def record_plan(record_type: str) -> TablePlan:
    model: Any = MODELS[record_type]
    return _plan(model.__tablename__, SCHEMAS[model])


@cache
def child_plan(record_type: str) -> TablePlan:
    _rel, child, fk = CHILDREN[MODELS[record_type]]
    child_model: Any = child
    return _plan(child_model.__tablename__, CHILD_SCHEMAS[child], prefix=(fk,))


def insert_records(rows: Rows, records: Iterable[PackageRecord]) -> None:
    """Insert records of ONE type (and their child rows) as new rows, stamps verbatim."""
    batch = list(records)
    if not batch:
        return
    record_type = batch[0].type
    plan = record_plan(record_type)
    rows.insert(plan.statement, [plan.row(rec.fields) for rec in batch])
    model = MODELS[record_type]
    if model in CHILDREN:
        rel = CHILDREN[model][0]
        kids = child_plan(record_type)
        children = [kids.row(item, rec.id) for rec in batch for item in rec.children[rel]]
        rows.insert(kids.statement, children)
