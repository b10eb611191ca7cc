"""The office's record sink for a team package: records merged a batch at a time, inside the
import transaction, as the reader validates them. Memory holds a few batches whatever the size.

A batch's new rows are written by a ``PipedRows`` thread while the reader parses and validates
the next batch (one JSON statement per table and batch keeps the GIL free while SQLite works;
``executemany`` on a thread was tried and only took turns with the parser). The session is the
sink's to use only between ``drain`` calls; ``done`` and ``abort`` stop the thread.
"""

from __future__ import annotations

import contextlib

from sqlalchemy.orm import Session

from workbench.exchange.office_merge import MergeStats, merge_batch
from workbench.exchange.recordio import PackageRecord
from workbench.store.rowwriter import PipedRows

MERGE_BATCH = 1000


class TeamMergeSink:
    def __init__(self, session: Session, sender: str, office: str, package_id: str) -> None:
        self.session, self.sender, self.office, self.package_id = (
            session,
            sender,
            office,
            package_id,
        )
        self.stats = MergeStats()
        self._batch: list[tuple[PackageRecord, bytes]] = []
        self._rows: PipedRows | None = None

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append((rec, line))
        if len(self._batch) >= MERGE_BATCH:
            self._merge()

    def drain(self) -> None:
        if self._rows is not None:
            self._rows.drain()

    def done(self) -> None:
        self._merge()
        if self._rows is not None:
            rows, self._rows = self._rows, None
            rows.close()
        self.session.flush()  # the audit head, kept dirty while rows were in flight

    def abort(self) -> None:
        """After a failure: stop writing (what failed is the caller's to roll back)."""
        self._batch = []
        if self._rows is not None:
            rows, self._rows = self._rows, None
            with contextlib.suppress(Exception):
                rows.close(discard=True)

    def _merge(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        if self._rows is None:
            self._rows = PipedRows(self.session)
        merge_batch(
            self.session, self._rows, batch, self.sender, self.office, self.package_id, self.stats
        )
