"""Office side of a team package: attachments into the attachment store, records merged."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workbench.exchange.errors import BlobHashMismatch
from workbench.exchange.framing import ChunkReader
from workbench.exchange.identity import office_keys
from workbench.exchange.office_merge import merge_team_records
from workbench.exchange.reader import ReadPackage
from workbench.store.vault import Vault


def apply_team(
    vault: Vault, session: Session, read: ReadPackage, added: list[str]
) -> dict[str, int]:
    """Runs inside the import transaction; ``added`` collects newly stored blobs so a failure
    later in the transaction can remove their files."""
    assert read.records is not None
    office = office_keys(session)
    for blob in read.blobs[1:]:
        if blob.spool is None:
            continue  # the store holds this content already; its hash was still checked
        source: Any = ChunkReader(blob.spool.chunks())  # a readable stream, as add() reads one
        info = vault.attachments.add(
            session,
            source,
            name=blob.entry.name,
            media_type=blob.entry.media_type,
            size_hint=blob.entry.size,
        )
        if not info.deduplicated:
            added.append(info.sha256)
        if info.sha256 != blob.entry.sha256:
            raise BlobHashMismatch()
    stats = merge_team_records(
        session, read.records.records, read.manifest.sender.device_id, office.device_id
    )
    return stats.as_dict()
