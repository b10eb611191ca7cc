"""The office's record sink for a team package: batches merged on a writer thread.

The reader validates records on the importing thread; each full batch is handed to one writer
thread that merges it into the import transaction (``merge_batch``). SQLite releases the GIL
while it works, so its inserts overlap with the validation of the next batch. Until ``done`` or
``abort`` returns, only the writer uses the session; the queue holds at most two batches, so
memory stays at a few batches whatever the package size. A failure on either side stops both.
"""

from __future__ import annotations

import queue
import threading

from sqlalchemy.orm import Session

from workbench.exchange.office_merge import MergeStats, merge_batch
from workbench.exchange.recordio import PackageRecord

MERGE_BATCH = 1000
Batch = list[tuple[PackageRecord, bytes]]


class TeamMergeSink:
    def __init__(self, session: Session, sender: str, office: str, package_id: str) -> None:
        self.session, self.sender, self.office, self.package_id = (
            session,
            sender,
            office,
            package_id,
        )
        self.stats = MergeStats()
        self._batch: Batch = []
        self._queue: queue.Queue[Batch | None] = queue.Queue(maxsize=2)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._aborted = False

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append((rec, line))
        if len(self._batch) >= MERGE_BATCH:
            self._hand_over()

    def done(self) -> None:
        """Every record is in the transaction (or the writer's error is raised here)."""
        if self._batch:
            self._hand_over()
        self._stop()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        """Stop the writer before the transaction is rolled back; safe to call at any time."""
        self._aborted = True
        self._stop()

    def _hand_over(self) -> None:
        if self._error is not None:
            raise self._error
        batch, self._batch = self._batch, []
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="merge-writer", daemon=True)
            self._thread.start()
        self._queue.put(batch)  # waits while the writer is two batches behind

    def _stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is not None or self._aborted:
                continue  # drain, so the reader never waits on a full queue
            try:
                merge_batch(
                    self.session, batch, self.sender, self.office, self.package_id, self.stats
                )
            except BaseException as exc:  # handed to the reader's thread by add()/done()
                self._error = exc
