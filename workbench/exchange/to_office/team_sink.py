"""Record sinks that write a package's records inside the import transaction, a batch at a
time as the reader validates them: memory holds a batch whatever the package's size."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.exchange.intake.device_scope import Scope
from workbench.exchange.intake.reader import BatchSink
from workbench.exchange.records.recordio import PackageRecord
from workbench.exchange.to_office.office_merge import MergeStats, merge_batch


class TeamMergeSink(BatchSink):
    """The office's sink for a team package: each batch merged (``office_merge``)."""

    def __init__(self, session: Session, scope: Scope, office: str, package_id: str) -> None:
        super().__init__()
        self.session, self.scope, self.office, self.package_id = (
            session,
            scope,
            office,
            package_id,
        )
        self.stats = MergeStats()

    def apply(self, batch: list[PackageRecord]) -> None:
        merge_batch(self.session, batch, self.scope, self.office, self.package_id, self.stats)
