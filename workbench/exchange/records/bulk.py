"""Records a store has no row of, written in bulk: one INSERT per table and batch.

An import writes tens of thousands of such records. Through the ORM each would be a unit-of-work
object with flush hooks; here each table gets one Core ``executemany`` of the records' values (as
``apply.write_record`` sets them: SQLAlchemy's column types store them exactly as the ORM does),
and what the hooks would have done is done in bulk: one audit entry per record (naming the
package) and the records queued for the search index, filled after the commit.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.orm import Session

from workbench.exchange.records.columns import from_wire
from workbench.exchange.records.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    MODELS,
    SCHEMAS,
    PackageRecord,
)
from workbench.services.index_queue import queue_for_index
from workbench.store import audit
from workbench.store.rowwriter import driver_sql


def known_keys(conn: Connection, records: list[PackageRecord]) -> set[tuple[str, str]]:
    """The (type, id) of ``records`` that have a live row or a version on ``conn``, in two plain
    queries per type and batch (on a first import: none, and finding that out must be cheap)."""
    by_type: dict[str, list[str]] = {}
    for rec in records:
        by_type.setdefault(rec.type, []).append(rec.id)
    known: set[tuple[str, str]] = set()
    for record_type, ids in by_type.items():
        table = MODELS[record_type].__tablename__  # from the models: never from the package
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            live = f'SELECT id FROM "{table}" WHERE id IN ({marks})'  # noqa: S608
            versioned = (
                "SELECT DISTINCT record_id FROM exchange_versions"  # noqa: S608
                f" WHERE record_type = ? AND record_id IN ({marks})"
            )
            for query, params in ((live, chunk), (versioned, [record_type, *chunk])):
                rows = conn.exec_driver_sql(driver_sql(conn, query), tuple(params))
                known.update((record_type, record_id) for (record_id,) in rows)
    return known


def insert_new(session: Session, records: list[PackageRecord], detail: dict[str, Any]) -> None:
    """Insert ``records`` (none of which has a row) with their child rows, stamps verbatim,
    audited (``detail`` names the package) and queued for the search index."""
    audit.record_many(session, (("insert", r.type, r.id, detail) for r in records))
    for record_type, group in groupby(records, key=lambda rec: rec.type):
        _insert_rows(session, record_type, list(group))
    queue_for_index(session, ((r.type, r.id) for r in records))


def _insert_rows(session: Session, record_type: str, records: list[PackageRecord]) -> None:
    model: Any = MODELS[record_type]
    specs = SCHEMAS[model]
    session.execute(
        insert(model.__table__),
        [{s.name: from_wire(s, rec.fields[s.name]) for s in specs} for rec in records],
    )
    if model in CHILDREN:
        rel, child, fk = CHILDREN[model]
        kids: Any = child
        child_specs = CHILD_SCHEMAS[child]
        rows = [
            {fk: rec.id, **{s.name: from_wire(s, item[s.name]) for s in child_specs}}
            for rec in records
            for item in rec.children[rel]
        ]
        if rows:
            session.execute(insert(kids.__table__), rows)
