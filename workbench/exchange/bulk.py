"""Validated package records written as SQLite stores them, straight from their lines.

A bulk import writes tens of thousands of rows. Building each row in Python and encoding the
batch again as JSON cost the importer's thread as much as validating the records. Instead the
records of a batch travel to SQLite as they arrived, each line (its canonical JSON, already
checked byte for byte) in an envelope ``[line, content hash]``; one JSON array per run of one
record type, which the writer (``store/rowwriter.py``) turns into JSONB once and binds to each
statement here. SQLite picks every column out of the lines itself, with the GIL released.

Each column is converted in SQL to exactly what the ORM stores, as ``columns.extract_sql``
gives its kind (the merge tests compare stores written either way byte for byte).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from workbench.exchange.columns import extract_sql
from workbench.exchange.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    MODELS,
    SCHEMAS,
    STAMPS,
    PackageRecord,
)

# The envelope of one record, and where its parts lie in it.
LINE, HASH = "$[0]", "$[1]"


def envelopes(records: Iterable[PackageRecord]) -> bytes:
    """A JSON array of ``[line, hash]``: the lines are canonical JSON, the hashes hex."""
    parts = [b'[%s,"%s"]' % (rec.canonical_line(), rec.hash.encode("ascii")) for rec in records]
    return b"[" + b",".join(parts) + b"]"


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
        extract_sql(s, "value", f"{LINE}.{'stamps' if s.name in STAMPS else 'fields'}")
        for s in specs
    )
    statements = [
        f'INSERT INTO "{table}" ({_names(s.name for s in specs)}) '  # noqa: S608
        f"SELECT {values} FROM jsonb_each(?1)"
    ]
    if model in CHILDREN:
        rel, child, fk = CHILDREN[model]
        kids = CHILD_SCHEMAS[child]
        kid_values = ", ".join(extract_sql(s, "c.value", "$") for s in kids)
        statements.append(
            f'INSERT INTO "{child.__tablename__}" ({_names((fk, *(s.name for s in kids)))}) '  # noqa: S608
            f"SELECT r.value ->> '{LINE}.id', {kid_values} "
            f"FROM jsonb_each(?1) AS r, jsonb_each(r.value, '{LINE}.children.{rel}') AS c"
        )
    return tuple(statements)
