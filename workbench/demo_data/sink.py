"""Batched writing: records go to the store in transactions of about ``BATCH`` rows, so memory
stays flat and progress/cancel are honoured between batches."""

from __future__ import annotations

import io
from collections import Counter

from workbench.jobs import CancelToken, ProgressSink
from workbench.models import RECORD_MODELS, Base, Finding, Interview, Portrait
from workbench.store.vault import Vault

BATCH = 2000  # rows (children included) per transaction
RECORD_TABLES = frozenset(str(m.__tablename__) for m in RECORD_MODELS)


class Sink:
    """Collects ORM objects and writes them a batch per ``vault.session()``; counts what it
    wrote by table (children and attachments too) and reports progress in records."""

    def __init__(
        self, vault: Vault, progress: ProgressSink, cancel: CancelToken, total: int
    ) -> None:
        self.vault = vault
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.label = ""
        self.counts: Counter[str] = Counter()
        self._pending: list[Base] = []
        self._weight = 0

    @property
    def records(self) -> int:
        """Inspection records written or pending (children and attachments not counted)."""
        return sum(n for key, n in self.counts.items() if key in RECORD_TABLES)

    def add(self, obj: Base) -> None:
        self.counts[obj.__tablename__] += 1
        weight = 1
        if isinstance(obj, Interview):
            weight += len(obj.turns)
            self.counts["interview_turns"] += len(obj.turns)
        elif isinstance(obj, Finding):
            weight += len(obj.signoffs)
            self.counts["finding_signoffs"] += len(obj.signoffs)
        elif isinstance(obj, Portrait):
            weight += len(obj.items)
            self.counts["portrait_items"] += len(obj.items)
        self._pending.append(obj)
        self._weight += weight
        if self._weight >= BATCH:
            self.flush()

    def flush(self) -> None:
        self.cancel.raise_if_cancelled()
        if self._pending:
            with self.vault.session() as s:
                s.add_all(self._pending)
            self._pending = []
            self._weight = 0
        self.progress(min(self.records, self.total), self.total, self.label)

    def attach(self, data: bytes, name: str, media_type: str) -> str:
        """Store one attachment (its own short transaction); returns its SHA-256."""
        with self.vault.session() as s:
            info = self.vault.attachments.add(
                s, io.BytesIO(data), name=name, media_type=media_type, size_hint=len(data)
            )
        if not info.deduplicated:
            self.counts["attachments"] += 1
        return info.sha256
