"""Merge a team package's records into the office store (the rule is in ``merge.py``).

Bookkeeping rows (versions, merge state, conflicts) are written with Core statements: one audit
entry for the package says what happened, instead of one per bookkeeping row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from workbench.exchange.errors import OutOfRound
from workbench.exchange.intake.device_scope import Scope, check_claims, may_replace
from workbench.exchange.records.apply import live_record, live_row, prefetch, write_record
from workbench.exchange.records.bulk import insert_new, known_keys
from workbench.exchange.records.recordio import PackageRecord, parse_record
from workbench.exchange.to_office.merge import Candidate, Key, heads, is_conflict, winner
from workbench.models.exchange import MergeState, RecordConflict, RecordVersion
from workbench.store.rowwriter import driver_sql, upsert

_VERSIONS: Any = RecordVersion.__table__
_CONFLICTS: Any = RecordConflict.__table__

_INSERT_VERSION = (
    "INSERT INTO exchange_versions (record_type, record_id, device_id, version, content_hash,"
    " parents, content, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_STATE = (
    "INSERT INTO exchange_merge_state (record_type, record_id, version, content_hash)"
    " VALUES (?, ?, ?, ?) ON CONFLICT (record_type, record_id) DO UPDATE"
    " SET version = excluded.version, content_hash = excluded.content_hash"
)


@dataclass
class MergeStats:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0


def candidates(session: Session, record_type: str, record_id: str) -> dict[Candidate, str]:
    rows = session.execute(
        select(_VERSIONS).where(
            _VERSIONS.c.record_type == record_type, _VERSIONS.c.record_id == record_id
        )
    ).mappings()
    out: dict[Candidate, str] = {}
    for r in rows:
        parents = tuple((int(v), str(h)) for v, h in json.loads(r["parents"]))
        cand = Candidate(r["version"], r["content_hash"], r["device_id"], parents, bool(r["held"]))
        out[cand] = r["content"]
    return out


def add_candidate(
    session: Session,
    pool: dict[Candidate, str],
    rec: PackageRecord,
    device: str,
    parents: tuple[Key, ...],
    held: bool = False,
) -> None:
    cand = Candidate(rec.version, rec.hash, device, parents, held)
    if any((c.device, c.key) == (device, cand.key) for c in pool):
        return  # the same version from the same device: a resend
    row = _version_row(rec, device, parents, held)
    conn = session.connection()
    conn.exec_driver_sql(driver_sql(conn, _INSERT_VERSION), row)
    pool[cand] = row[6]  # the content


def _version_row(
    rec: PackageRecord, device: str, parents: tuple[Key, ...], held: bool = False
) -> tuple[str, str, str, int, str, str, str, bool]:
    """An ``exchange_versions`` row: parents as ``[[version, hash], …]``, the record's line."""
    parents_json = json.dumps([list(p) for p in parents])
    content = rec.canonical_line().decode("utf-8")
    return (rec.type, rec.id, device, rec.version, rec.hash, parents_json, content, held)


def settle(session: Session, record_type: str, record_id: str, pool: dict[Candidate, str]) -> str:
    """Make the live row, the merge state and the conflict list follow the pool's heads.
    Returns "inserted", "updated" or "unchanged"."""
    head_list = heads(pool)
    best = winner(head_list)
    outcome = "unchanged"
    chosen = parse_record(json.loads(pool[best]), "$")
    current = live_record(session, record_type, record_id)
    # Compare everything, stamps included: equal content saved on two devices must show the
    # same device's stamps whichever package came first.
    if current is None or (current.fields, current.children) != (chosen.fields, chosen.children):
        outcome = write_record(session, chosen)
        session.flush()
    state = (record_type, record_id, best.version, best.hash)
    conn = session.connection()
    conn.exec_driver_sql(driver_sql(conn, _UPSERT_STATE), state)
    where = (_CONFLICTS.c.record_type == record_type, _CONFLICTS.c.record_id == record_id)
    if is_conflict(head_list):
        heads_json = json.dumps([[c.version, c.hash, c.device] for c in head_list])
        session.execute(
            upsert(session, _CONFLICTS)
            .values(record_type=record_type, record_id=record_id, heads=heads_json)
            .on_conflict_do_update(
                index_elements=["record_type", "record_id"], set_={"heads": heads_json}
            )
        )
    else:
        session.execute(delete(_CONFLICTS).where(*where))
    return outcome


def note_local_edit(
    session: Session, pool: dict[Candidate, str], record_type: str, record_id: str, office: str
) -> None:
    """A live row the merge did not write (made or edited here) becomes a version of its own,
    descending from what the merge last wrote, so a concurrent field edit shows as a conflict."""
    current = live_record(session, record_type, record_id)
    if current is None:
        return
    if any(c.key == (current.version, current.hash) for c in pool):
        return
    state = session.get(MergeState, (record_type, record_id))
    parents: tuple[Key, ...] = ()
    if state is not None and state.version < current.version:
        parents = ((state.version, state.content_hash),)
    add_candidate(session, pool, current, office, parents)


def insert_unseen(
    session: Session, unseen: list[PackageRecord], sender: str, package_id: str
) -> None:
    """Records the office has neither a row nor a version of: each is its one head, so the rule
    reduces to writing it as it came (what ``settle`` would do for them, one by one), in bulk
    (``bulk.insert_new``), with its version and merge state."""
    insert_new(session, unseen, {"package_id": package_id})
    conn = session.connection()
    versions = [_version_row(r, sender, (r.base,) if r.base else ()) for r in unseen]
    conn.exec_driver_sql(driver_sql(conn, _INSERT_VERSION), versions)
    conn.exec_driver_sql(
        driver_sql(conn, _UPSERT_STATE), [(r.type, r.id, r.version, r.hash) for r in unseen]
    )


def merge_batch(
    session: Session,
    batch: list[PackageRecord],
    scope: Scope,
    office: str,
    package_id: str,
    stats: MergeStats,
) -> None:
    """Merge one batch: never-seen records in bulk, the known ones one by one through the
    session. What the device may write is checked on the way (``device_scope``): a record it may not
    claim refuses the package, an edit it may not make is kept as a held version."""
    seen = insert_unseen_of(session, batch, scope, package_id, stats)
    if seen:
        merge_seen(session, seen, scope, office, stats)


def insert_unseen_of(
    session: Session, batch: list[PackageRecord], scope: Scope, package_id: str, stats: MergeStats
) -> list[PackageRecord]:
    """The records of ``batch`` the office has neither a row nor a version of, inserted in
    bulk; returns the others, left for ``merge_seen``. Nothing it decides can be undone by
    another writer: a record new here is seen by no one else until this transaction commits."""
    known = known_keys(session.connection(), batch)
    unseen = [rec for rec in batch if (rec.type, rec.id) not in known]
    for rec in unseen:
        check_claims(scope, rec, None)
    if unseen:
        insert_unseen(session, unseen, scope.device_id, package_id)
        stats.inserted += len(unseen)
    return [rec for rec in batch if (rec.type, rec.id) in known]


def merge_seen(
    session: Session, seen: list[PackageRecord], scope: Scope, office: str, stats: MergeStats
) -> None:
    """Merge records the office knows, one by one against its live row, its versions and its
    merge state: what another writer may change meanwhile, so on the office server this runs
    under the store's write lock (docs/store-format.md, "Package import")."""
    sender = scope.device_id
    loaded = prefetch(session, seen)  # keeps their rows in the identity map meanwhile
    for rec in seen:
        row = live_row(session, rec.type, rec.id)
        if row is not None:
            owner = row.id if rec.type == "rounds" else row.round_id
            incoming = rec.id if rec.type == "rounds" else rec.fields["round_id"]
            if owner != incoming:
                raise OutOfRound(f"记录 {rec.type}/{rec.id} 在本库中属于另一轮巡察")
        check_claims(scope, rec, row)
        held = not may_replace(session, scope, rec, row)
        pool = candidates(session, rec.type, rec.id)
        note_local_edit(session, pool, rec.type, rec.id, office)
        add_candidate(session, pool, rec, sender, (rec.base,) if rec.base else (), held)
        outcome = settle(session, rec.type, rec.id, pool)
        setattr(stats, outcome, getattr(stats, outcome) + 1)
        if is_conflict(heads(pool)):
            stats.conflicts += 1
    session.flush()
    del loaded
