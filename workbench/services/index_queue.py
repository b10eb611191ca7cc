"""Index after the commit: a persistent queue for records written without the ORM.

A bulk package import inserts tens of thousands of rows with SQLAlchemy Core, so the
``after_flush`` hook in ``indexing`` never sees them, and indexing them inside the import's
transaction would cost most of its time. The importer instead calls :func:`queue_for_index` in
its own transaction: the keys land in ``search_pending`` together with the rows, or not at all.
:func:`catch_up` drains the queue afterwards, a batch per write transaction: the batch's rows are
(re)indexed and its keys deleted in one commit, so a crash or a cancel at any point leaves each
key either done or still queued. Indexing a key twice is harmless (an upsert), so running the
catch-up again is always safe.

The SQL is the same on SQLite and PostgreSQL (``ON CONFLICT DO NOTHING`` is both's), written
with named parameters so each driver gets its own marks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol, cast

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import Attachment
from workbench.models.base import RecordMixin
from workbench.search import SearchDoc, index_documents, remove_documents
from workbench.search.text import pinyin_full
from workbench.services.indexing import BUILDERS, RECORD_TYPES
from workbench.store.late_lock import begin_without_store_lock, take_store_lock_now
from workbench.store.separation import as_store_job

# Keys name the TABLE (what a Core importer has at hand), not the search record type. An
# interview's transcript turns are indexed with their interview: queue the interview.
SEARCHABLE_TABLES: dict[str, Any] = {cast(Any, model).__tablename__: model for model in BUILDERS}

_QUEUE = text(
    "INSERT INTO search_pending (record_type, record_id) VALUES (:t, :i) ON CONFLICT DO NOTHING"
)
_COUNT = text("SELECT count(*) FROM search_pending")
# The primary key's order: a batch's keys come grouped by table, one row query per table.
_BATCH = text(
    "SELECT record_type, record_id FROM search_pending ORDER BY record_type, record_id LIMIT :n"
)
_DONE = text("DELETE FROM search_pending WHERE record_type = :t AND record_id = :i")


class Store(Protocol):
    """What the catch-up needs of an unlocked store (``Vault``): read and write units of work."""

    def read(self) -> AbstractContextManager[Session]: ...

    def session(self) -> AbstractContextManager[Session]: ...


def queue_for_index(session: Session, keys: Iterable[tuple[str, str]]) -> int:
    """Queue (table name, record id) keys for :func:`catch_up`, in the caller's transaction.

    Keys of tables that are not searchable are ignored, keys already queued are kept once.
    Returns how many keys were newly queued. Never commits.
    """
    rows = _searchable(keys)
    if not rows:
        return 0
    result = session.connection().execute(_QUEUE, rows)
    return max(result.rowcount, 0)


def _searchable(keys: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [
        {"t": table, "i": str(record_id)} for table, record_id in keys if table in SEARCHABLE_TABLES
    ]


def pending_count(session: Session) -> int:
    """How many queued records are not yet in the search index."""
    return int(session.connection().execute(_COUNT).scalar_one())


def _index_batch(session: Session, keys: list[tuple[str, str]]) -> None:
    """Index the records behind ``keys``; remove the documents of rows gone or tombstoned."""
    ids_by_table: dict[str, list[str]] = defaultdict(list)
    for table, record_id in keys:
        ids_by_table[table].append(record_id)
    removed: list[tuple[str, str]] = []
    docs: list[SearchDoc] = []
    for table, ids in ids_by_table.items():
        model = SEARCHABLE_TABLES.get(table)
        if model is None:  # queued by a later program version or by hand: nothing to index
            continue
        record_type, build = RECORD_TYPES[model], BUILDERS[model]
        key = "sha256" if model is Attachment else "id"  # what the queue and the index key on
        query = select(model).where(getattr(model, key).in_(ids))
        found = {str(getattr(row, key)): row for row in session.scalars(query)}
        for record_id in ids:
            row = found.get(record_id)
            if row is None or (isinstance(row, RecordMixin) and row.deleted_at is not None):
                removed.append((record_type, record_id))
            else:
                docs.append(build(row))
    if removed:
        remove_documents(session, removed)
    if docs:
        index_documents(session, docs)


def catch_up(
    vault: Store,
    *,
    batch: int = 1000,
    limit: int | None = None,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> int:
    """Index what is queued, ``batch`` keys per write transaction, at most ``limit`` keys (all
    when None); returns how many keys were processed. ``progress(done, total)`` follows each
    batch. A cancel takes effect between batches and returns early: what was done stays done,
    the rest stays queued. (The desktop runs one batch per job, so that the other work of its
    single DB worker gets in between.)"""
    if batch < 1:
        raise ValueError("batch must be at least 1")
    with vault.read() as session:
        total = pending_count(session)
    if limit is not None:
        total = min(total, limit)
    done = 0
    progress(done, total)
    if total:
        pinyin_full("巡察")  # its dictionaries load in seconds: not under the store's write lock
    while done < total and not cancel.cancelled:
        with vault.session() as session:
            # on the office server: another desktop's catch-up or import holds the write lock
            # a while; this one is a background job and waits its turn, not the busy timeout
            begin_without_store_lock(session)
            take_store_lock_now(session)
            as_store_job(session)  # indexing shows nothing to the user who happens to be in
            conn = session.connection()
            size = batch if limit is None else min(batch, limit - done)
            keys = [(str(t), str(i)) for t, i in conn.execute(_BATCH, {"n": size})]
            if not keys:
                break
            _index_batch(session, keys)
            conn.execute(_DONE, [{"t": t, "i": i} for t, i in keys])
        done += len(keys)  # keys queued meanwhile (another process) wait for the next run
        progress(done, total)
    return done
