"""The office's record sink for a team package: records merged a batch at a time, inside the
import transaction, as the reader validates them. Memory holds one batch whatever the size.

(A writer thread was tried: SQLite releases the GIL only inside each row's step, and binding
rows needs it, so the two threads mostly took turns and the import got no faster.)
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.exchange.office_merge import MergeStats, merge_batch
from workbench.exchange.recordio import PackageRecord

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

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append((rec, line))
        if len(self._batch) >= MERGE_BATCH:
            self._merge()

    def done(self) -> None:
        self._merge()

    def abort(self) -> None:
        self._batch = []

    def _merge(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            merge_batch(self.session, batch, self.sender, self.office, self.package_id, self.stats)
