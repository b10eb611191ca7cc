"""The office's record sink for a team package: records merged a batch at a time, inside the
import transaction, as the reader validates them. Memory holds a batch whatever the size."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.exchange.device_scope import Scope
from workbench.exchange.office_merge import MergeStats, merge_batch
from workbench.exchange.reader import InlineSink
from workbench.exchange.recordio import PackageRecord

MERGE_BATCH = 1000


class TeamMergeSink(InlineSink):
    def __init__(self, session: Session, scope: Scope, office: str, package_id: str) -> None:
        self.session, self.scope, self.office, self.package_id = (
            session,
            scope,
            office,
            package_id,
        )
        self.stats = MergeStats()
        self._batch: list[PackageRecord] = []

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._batch.append(rec)  # its line is ``rec.line``: the reader checked they are equal
        if len(self._batch) >= MERGE_BATCH:
            self._merge()

    def done(self) -> None:
        self._merge()

    def abort(self) -> None:
        self._batch = []  # what was merged is the caller's to roll back

    def _merge(self) -> None:
        batch, self._batch = self._batch, []
        if batch:
            merge_batch(self.session, batch, self.scope, self.office, self.package_id, self.stats)
