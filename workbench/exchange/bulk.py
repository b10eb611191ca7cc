"""Validated package records written as SQLite stores them, straight from their lines.

A bulk import writes tens of thousands of rows. Building each row in Python and encoding the
batch again as JSON cost the importer's thread as much as validating the records. Instead the
records of a batch travel to SQLite as they arrived, each line (its canonical JSON, already
checked byte for byte) in an envelope ``[line, content hash]``; one JSON array per run of one
record type, which the writer (``store/rowwriter.py``) turns into JSONB once and binds to each
statement here. SQLite picks every column out of the lines itself, with the GIL released.

Each column is converted in SQL to exactly what the ORM stores (the merge tests compare stores
written either way byte for byte):

- timestamps ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLAlchemy's SQLite DATETIME storage form) from the
  validated ``YYYY-MM-DDTHH:MM:SS[.ffffff]``,
- booleans 0/1 (``->>`` of ``true``), JSON columns as their compact JSON text (``->`` renders a
  value of canonical JSON byte for byte as it came, which is what the store's JSON serializer
  writes: ``store/engine.py``), a JSON null as the text ``null`` (SQLAlchemy's default),
- dates, enum codes, text and integers as they travel.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from workbench.exchange.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    MODELS,
    SCHEMAS,
    STAMPS,
    ColumnSpec,
    PackageRecord,
)

# The envelope of one record, and where its parts lie in it.
LINE, HASH = "$[0]", "$[1]"


def envelopes(records: Iterable[PackageRecord]) -> bytes:
    """A JSON array of ``[line, hash]``: the lines are canonical JSON, the hashes hex."""
    parts = [b'[%s,"%s"]' % (rec.canonical_line(), rec.hash.encode("ascii")) for rec in records]
    return b"[" + b",".join(parts) + b"]"


def _column(spec: ColumnSpec, value: str, path: str) -> str:
    """The SQL for one column of the JSON ``value`` at ``path`` (names come from our models)."""
    at = f"'{path}.{spec.name}'"
    if spec.kind in ("list", "dict"):
        return f"{value} -> {at}"
    if spec.kind == "datetime":  # 'T' occurs once; 19 characters get ".000000", 26 keep theirs
        return f"substr(replace({value} ->> {at}, 'T', ' ') || '.000000', 1, 26)"
    return f"{value} ->> {at}"


def _names(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


@cache
def record_statements(record_type: str) -> tuple[str, ...]:
    """INSERTs of a run of ``record_type`` envelopes bound as ``?1``: its rows, then (for an
    aggregate) its child rows, in the order the lines list them."""
    model = MODELS[record_type]
    specs = SCHEMAS[model]
    table = model.__tablename__
    values = ", ".join(
        _column(s, "value", f"{LINE}.{'stamps' if s.name in STAMPS else 'fields'}") for s in specs
    )
    statements = [
        f'INSERT INTO "{table}" ({_names(s.name for s in specs)}) '  # noqa: S608
        f"SELECT {values} FROM jsonb_each(?1)"
    ]
    if model in CHILDREN:
        rel, child, fk = CHILDREN[model]
        kids = CHILD_SCHEMAS[child]
        kid_values = ", ".join(_column(s, "c.value", "$") for s in kids)
        statements.append(
            f'INSERT INTO "{child.__tablename__}" ({_names((fk, *(s.name for s in kids)))}) '  # noqa: S608
            f"SELECT r.value ->> '{LINE}.id', {kid_values} "
            f"FROM jsonb_each(?1) AS r, jsonb_each(r.value, '{LINE}.children.{rel}') AS c"
        )
    return tuple(statements)
