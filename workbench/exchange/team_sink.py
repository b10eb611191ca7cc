"""The office's record sink for a team package: records merged a batch at a time, inside the
import transaction, as the reader validates them. Memory holds a few batches whatever the size.

A batch's new records are written by a ``PipedRows`` thread while the reader parses and
validates the next batch: their lines go to SQLite as one JSON text, and SQLite picks the rows
out of it with the GIL free (``bulk``; ``executemany`` on a thread was tried and only took turns
with the parser). Which records are new is asked of a second connection that still sees the
store as it was, so no batch waits for the one before. The session is the sink's to use only
between ``drain`` calls; ``done`` and ``abort`` stop the thread and close that connection.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from workbench.exchange.device_scope import Scope
from workbench.exchange.office_merge import MergeStats, merge_batch
from workbench.exchange.recordio import PackageRecord
from workbench.store.rowwriter import PipedRows

MERGE_BATCH = 1000
# SQLite's page cache while a package's rows are written (default: 8 MB). Measured on 56,765
# records: their phase of the import took 4.7 s instead of 5.5-5.7 s, for 9 MiB more peak RSS;
# 32 MiB gained little more and brought the peak near the import's 200 MB bound.
IMPORT_CACHE_KIB = 16 * 1024


class TeamMergeSink:
    def __init__(self, session: Session, scope: Scope, office: str, package_id: str) -> None:
        self.session, self.scope, self.office, self.package_id = (
            session,
            scope,
            office,
            package_id,
        )
        self.stats = MergeStats()
        self._batch: list[PackageRecord] = []
        self._rows: PipedRows | None = None
        self._before: Connection | None = None  # the store before the import: see merge_batch

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append(rec)  # its line is ``rec.line``: the reader checked they are equal
        if len(self._batch) >= MERGE_BATCH:
            self._merge()

    def drain(self) -> None:
        if self._rows is not None:
            self._rows.drain()

    def done(self) -> None:
        self._merge()
        self._close_before()  # before the commit, which it would keep from checkpointing
        if self._rows is not None:
            rows, self._rows = self._rows, None
            rows.close()
        self.session.flush()  # the audit head, kept dirty while rows were in flight

    def abort(self) -> None:
        """After a failure: stop writing (what failed is the caller's to roll back)."""
        self._batch = []
        with contextlib.suppress(Exception):
            self._close_before()
        if self._rows is not None:
            rows, self._rows = self._rows, None
            with contextlib.suppress(Exception):
                rows.close(discard=True)

    def _close_before(self) -> None:
        if self._before is not None:
            before, self._before = self._before, None
            before.close()  # ends its read transaction

    def _merge(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        if self._rows is None:
            # a read: the session's bind begins IMMEDIATE, which would wait for our own lock
            engine = self.session.get_bind()
            assert isinstance(engine, Engine)
            before = engine.connect()
            self._before = before.execution_options(sqlite_begin="DEFERRED")
            self._rows = PipedRows(self.session, cache_kib=IMPORT_CACHE_KIB)
        assert self._before is not None
        merge_batch(
            self.session,
            self._rows,
            self._before,
            batch,
            self.scope,
            self.office,
            self.package_id,
            self.stats,
        )
