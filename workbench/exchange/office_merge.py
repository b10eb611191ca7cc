"""Merge a team package's records into the office store (the rule is in ``merge.py``).

Bookkeeping rows (versions, merge state, conflicts) are written with Core statements: one audit
entry for the package says what happened, instead of one per bookkeeping row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.orm import Session

from workbench.exchange.apply import live_row, prefetch, write_record
from workbench.exchange.bulk import HASH, LINE, envelopes, record_statements
from workbench.exchange.device_scope import Scope, check_claims, may_replace
from workbench.exchange.errors import OutOfRound
from workbench.exchange.merge import Candidate, Key, heads, is_conflict, winner
from workbench.exchange.recordio import MODELS, PackageRecord, parse_record, serialize
from workbench.models.exchange import MergeState, RecordConflict, RecordVersion
from workbench.services.index_queue import queue_from_json
from workbench.store import audit
from workbench.store.rowwriter import JsonStatement, PipedRows, Rows

_VERSIONS: Any = RecordVersion.__table__
_STATE: Any = MergeState.__table__
_CONFLICTS: Any = RecordConflict.__table__


@dataclass
class MergeStats:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


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
    content = rec.canonical_line().decode("utf-8")
    session.execute(
        insert(_VERSIONS).values(
            record_type=rec.type,
            record_id=rec.id,
            device_id=device,
            version=rec.version,
            content_hash=rec.hash,
            parents=json.dumps([list(p) for p in parents]),
            content=content,
            held=held,
        )
    )
    pool[cand] = content


def settle(session: Session, record_type: str, record_id: str, pool: dict[Candidate, str]) -> str:
    """Make the live row, the merge state and the conflict list follow the pool's heads.
    Returns "inserted", "updated" or "unchanged"."""
    head_list = heads(pool)
    best = winner(head_list)
    row = live_row(session, record_type, record_id)
    outcome = "unchanged"
    chosen = parse_record(json.loads(pool[best]), "$")
    current = serialize(row) if row is not None else None
    # Compare everything, stamps included: equal content saved on two devices must show the
    # same device's stamps whichever package came first.
    if current is None or (current.fields, current.children) != (chosen.fields, chosen.children):
        outcome = write_record(session, chosen)
        session.flush()
    session.execute(
        upsert(_STATE)
        .values(
            record_type=record_type,
            record_id=record_id,
            version=best.version,
            content_hash=best.hash,
        )
        .on_conflict_do_update(
            index_elements=["record_type", "record_id"],
            set_={"version": best.version, "content_hash": best.hash},
        )
    )
    where = (_CONFLICTS.c.record_type == record_type, _CONFLICTS.c.record_id == record_id)
    if is_conflict(head_list):
        heads_json = json.dumps([[c.version, c.hash, c.device] for c in head_list])
        session.execute(
            upsert(_CONFLICTS)
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
    row = live_row(session, record_type, record_id)
    if row is None:
        return
    current = serialize(row)
    if any(c.key == (current.version, current.hash) for c in pool):
        return
    state = session.get(MergeState, (record_type, record_id))
    parents: tuple[Key, ...] = ()
    if state is not None and state.version < current.version:
        parents = ((state.version, state.content_hash),)
    add_candidate(session, pool, current, office, parents)


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
                rows = conn.exec_driver_sql(query, tuple(params))
                known.update((record_type, record_id) for (record_id,) in rows)
    return known


# Versions and merge state of a run of never-seen records, from their envelopes (``bulk``). The
# parents are what ``add_candidate`` writes: ``json.dumps`` of ``[[version, hash]]`` or ``[]``.
_VERSIONS_FROM_JSON = (
    "INSERT INTO exchange_versions"  # noqa: S608 (constants only)
    " (record_type, record_id, device_id, version, content_hash, parents, content)"
    f" SELECT value ->> '{LINE}.type', value ->> '{LINE}.id', ?2,"
    f" value ->> '{LINE}.stamps.version', value ->> '{HASH}',"
    f" iif(value ->> '{LINE}.base' IS NULL, '[]', '[[' || (value ->> '{LINE}.base.version')"
    f" || ', \"' || (value ->> '{LINE}.base.hash') || '\"]]'), value -> '{LINE}'"
    " FROM jsonb_each(?1)"
)
_STATE_FROM_JSON = (
    "INSERT INTO exchange_merge_state (record_type, record_id, version, content_hash)"  # noqa: S608
    f" SELECT value ->> '{LINE}.type', value ->> '{LINE}.id', value ->> '{LINE}.stamps.version',"
    f" value ->> '{HASH}' FROM jsonb_each(?1) WHERE true"  # so ON CONFLICT is not read as a join
    " ON CONFLICT (record_type, record_id) DO UPDATE"
    " SET version = excluded.version, content_hash = excluded.content_hash"
)


def insert_unseen(
    session: Session,
    rows: Rows,
    unseen: list[PackageRecord],
    sender: str,
    package_id: str,
) -> None:
    """Records the office has neither a row nor a version of: each is its one head, so the rule
    reduces to writing it as it came (what ``settle`` would do for them, one by one). Written
    from their lines per run of one type (``bulk``): no ORM objects, no flush hooks. What the
    hooks would have done is done here in bulk: one audit entry per record (naming the package),
    and the records queued for the search index, filled after the commit. The audit entries come
    first: chaining them may read the session, which must happen before ``rows`` has work."""
    detail = {"package_id": package_id}
    audit.record_many(session, (("insert", r.type, r.id, detail) for r in unseen), rows)
    for record_type, group in groupby(unseen, key=lambda rec: rec.type):
        statements: list[JsonStatement] = [(sql, ()) for sql in record_statements(record_type)]
        statements += [(_VERSIONS_FROM_JSON, (sender,)), (_STATE_FROM_JSON, ())]
        queue = queue_from_json(record_type)
        if queue is not None:
            statements.append(queue)
        rows.insert_json(envelopes(group), statements)


def merge_batch(
    session: Session,
    rows: PipedRows,
    before: Connection,
    batch: list[PackageRecord],
    scope: Scope,
    office: str,
    package_id: str,
    stats: MergeStats,
) -> None:
    """Merge one batch. Never-seen records go to ``rows`` and may still be in flight when this
    returns; the known ones are merged through the session after ``rows`` is drained.

    Which records are known is asked of ``before``, a read transaction on a second connection
    that sees the store as it was before this import: so the rows in flight need not be waited
    for. Nothing this import writes can change the answer, as a package never carries a record
    twice (the reader refuses it) and each batch asks about its own records only.

    What the device may write is checked on the way (``device_scope``): a record it may not
    claim refuses the package, an edit it may not make is kept as a held version."""
    sender = scope.device_id
    known = known_keys(before, batch)
    unseen = [rec for rec in batch if (rec.type, rec.id) not in known]
    for rec in unseen:
        check_claims(scope, rec, None)
    if unseen:
        insert_unseen(session, rows, unseen, sender, package_id)
        stats.inserted += len(unseen)
    if len(unseen) == len(batch):
        return  # nothing to merge one by one: let the rows be written while the next batch parses
    rows.drain()
    # keeps the rows of the batch to merge one by one in the identity map
    loaded = prefetch(session, [rec for rec in batch if (rec.type, rec.id) in known])
    for rec in batch:
        if (rec.type, rec.id) not in known:
            continue
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
