"""Write a validated package record into its live row (and child rows), stamps verbatim.

Callers set ``session.info["preserve_stamps"]`` so the flush hook keeps the incoming stamps; the
audit and search-index hooks still run, so every write is audited and indexed as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.records.columns import from_wire
from workbench.exchange.records.recordio import (
    CHILD_SCHEMAS,
    CHILDREN,
    MODELS,
    SCHEMAS,
    PackageRecord,
    serialize,
)
from workbench.models.exchange import SyncBase

# The search index follows every write through a flush hook that this import registers: an
# import must index what it writes even in a process that never loaded the services.
from workbench.services import indexing  # noqa: F401
from workbench.store.rowwriter import upsert


def prefetch(session: Session, records: Iterable[PackageRecord]) -> list[Any]:
    """Load the live rows of ``records`` in a few queries instead of one per record. The session
    holds rows weakly: keep the returned list alive while working on them."""
    by_type: dict[str, list[str]] = {}
    for rec in records:
        by_type.setdefault(rec.type, []).append(rec.id)
    rows: list[Any] = []
    for record_type, ids in by_type.items():
        model: Any = MODELS[record_type]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows += session.scalars(select(model).where(model.id.in_(chunk))).all()
    return rows


def live_row(session: Session, record_type: str, record_id: str) -> Any:
    return session.get(MODELS[record_type], record_id)


def live_record(session: Session, record_type: str, record_id: str) -> PackageRecord | None:
    row = live_row(session, record_type, record_id)
    return None if row is None else serialize(row)


def write_record(session: Session, rec: PackageRecord) -> str:
    """Insert or overwrite; returns "inserted" or "updated"."""
    assert session.info.get("preserve_stamps"), "imports must keep the incoming stamps"
    model = MODELS[rec.type]
    row: Any = session.get(model, rec.id)
    outcome = "updated"
    if row is None:
        row = model()
        outcome = "inserted"
    for spec in SCHEMAS[model]:
        setattr(row, spec.name, from_wire(spec, rec.fields[spec.name]))
    if outcome == "inserted":
        session.add(row)
    if model in CHILDREN:
        rel, child_model, _fk = CHILDREN[model]
        specs = CHILD_SCHEMAS[child_model]
        current = {c.id: c for c in getattr(row, rel)}
        kept = []
        for item in rec.children.get(rel, []):
            child: Any = current.get(item["id"]) or child_model()
            for spec in specs:
                setattr(child, spec.name, from_wire(spec, item[spec.name]))
            kept.append(child)
        setattr(row, rel, kept)  # children no longer listed are deleted (delete-orphan)
    return outcome


def set_base(session: Session, record_type: str, record_id: str, version: int, digest: str) -> None:
    """Field side: remember a version of a record the office is known to hold."""
    table: Any = SyncBase.__table__
    session.execute(
        upsert(session, table)
        .values(record_type=record_type, record_id=record_id, version=version, content_hash=digest)
        .on_conflict_do_update(
            index_elements=["record_type", "record_id"],
            set_={"version": version, "content_hash": digest},
        )
    )


def base_keys(session: Session) -> dict[tuple[str, str], tuple[int, str]]:
    """Every record's sync base: the version (and its hash) it was last sent or received at."""
    return {
        (b.record_type, b.record_id): (b.version, b.content_hash)
        for b in session.scalars(select(SyncBase))
    }
