"""Office side of a team package: records merged as they stream (``TeamMergeSink``), then the
attachments that arrived in staging files landed in the attachment store."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.exchange.enrolment.identity import office_keys
from workbench.exchange.intake.device_scope import scope_for
from workbench.exchange.intake.reader import MERGE_BATCH, BatchSink, ReadPackage
from workbench.exchange.package.manifest import Manifest
from workbench.exchange.records.recordio import PackageRecord
from workbench.exchange.to_office.office_merge import MergeStats, insert_unseen_of, merge_batch
from workbench.jobs import NEVER_CANCELLED, CancelToken
from workbench.models.base import stored_datetime, utcnow
from workbench.models.system import Attachment
from workbench.services.index_queue import queue_for_index
from workbench.store import audit
from workbench.store.attachments import fsync_pool
from workbench.store.fsutil import fsync_dir
from workbench.store.rowwriter import DirectRows, Insert
from workbench.store.server_attachments import ServerAttachmentStore
from workbench.store.vault import Vault


class TeamMergeSink(BatchSink):
    """Merges each batch (``office_merge``) inside the import transaction as the reader validates
    the records: memory holds a batch whatever the package's size. With ``seen_later`` (a
    package read ahead on the office server) only the records new here are merged as they come;
    the known ones wait for ``merge_known``, which the importer calls under the store's write
    lock."""

    def __init__(self, session: Session, manifest: Manifest, *, seen_later: bool = False) -> None:
        super().__init__()
        self.session = session
        self.scope = scope_for(session, manifest)  # the device's round, teams and users
        self.office = office_keys(session).device_id
        self.package_id = manifest.package_id
        self.stats = MergeStats()
        self.known: list[PackageRecord] | None = [] if seen_later else None

    def apply(self, batch: list[PackageRecord]) -> None:
        if self.known is None:
            merge_batch(self.session, batch, self.scope, self.office, self.package_id, self.stats)
            return
        self.known += insert_unseen_of(self.session, batch, self.scope, self.package_id, self.stats)

    def merge_known(self) -> None:
        """The known records held back, merged now, against what the others committed (as a
        batch: ``merge_batch`` asks again which are known, which costs little)."""
        known, self.known = self.known or [], None
        for start in range(0, len(known), MERGE_BATCH):
            self.apply(known[start : start + MERGE_BATCH])


def team_sink(session: Session, manifest: Manifest, *, seen_later: bool = False) -> TeamMergeSink:
    return TeamMergeSink(session, manifest, seen_later=seen_later)


_INSERT_ATTACHMENT = Insert(
    "attachments", ("sha256", "size", "name", "media_type", "created_at", "created_by")
)


def land_blobs_before_store_lock(
    vault: Vault, session: Session, read: ReadPackage, cancel: CancelToken = NEVER_CANCELLED
) -> None:
    """On the office server, in the import transaction begun without the store's write lock:
    the received blobs' rows, each under the lock on its content, so a large recording goes up
    while the colleagues save. ``land_attachments`` then writes only the attachments' rows."""
    store = vault.attachments
    if not isinstance(store, ServerAttachmentStore):
        return
    incoming = [blob.incoming for blob in read.blobs[1:] if blob.incoming is not None]
    # in the order of their hashes, as every import takes them: two never wait on each other
    for blob in sorted(incoming, key=lambda b: b.sha256 or ""):
        store.land_before_store_lock(session, blob, cancel)


def land_attachments(vault: Vault, session: Session, read: ReadPackage, added: list[str]) -> None:
    """Inside the import transaction: move each received blob to its address (on the office
    server: write its rows in this transaction), make the directories durable (once each,
    concurrently) and insert the rows in bulk, audited and queued for the search index like the
    records. ``added`` collects the landed blobs so a failure later in the transaction can
    remove their files."""
    actor = session.info.get("actor")
    created_by = getattr(actor, "user_id", None)
    created_at = stored_datetime(utcnow())
    directories: set[Path] = set()
    rows: list[tuple[object, ...]] = []
    for blob in read.blobs[1:]:
        if blob.incoming is None:
            continue  # the store holds this content already; its hash was still checked
        target = vault.attachments.land_incoming(blob.incoming, session)
        blob.incoming = None
        directories.add(target.parent)
        sha = blob.entry.sha256
        if sha in added or session.get(Attachment, sha) is not None:
            continue  # sent twice, or the row survived its missing file: the file is restored
        added.append(sha)
        entry = blob.entry
        rows.append((sha, entry.size, entry.name[:255], entry.media_type, created_at, created_by))
    for done in [fsync_pool().submit(fsync_dir, d) for d in directories]:
        done.result()
    if rows:
        DirectRows(session).insert(_INSERT_ATTACHMENT, rows)
        detail = {"package_id": read.manifest.package_id}
        audit.record_many(session, (("insert", "attachments", str(r[0]), detail) for r in rows))
        queue_for_index(session, (("attachments", str(r[0])) for r in rows))


def team_outcome(read: ReadPackage) -> dict[str, int]:
    sink = read.sink
    assert isinstance(sink, TeamMergeSink)
    return asdict(sink.stats)
