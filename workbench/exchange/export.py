"""Team → office: a round's records, tombstones and attachments the office has not confirmed.

Incremental by receipt: a record version (or attachment) confirmed in a receipt is not sent
again; anything sent but not yet confirmed is sent again (the office's merge makes resends
harmless). Records still at a version the office holds (briefed to the device, or confirmed by
receipt) stay home.
"""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, LimitExceeded, NotFound
from workbench.exchange.errors import ExchangeState
from workbench.exchange.framing import Limits
from workbench.exchange.identity import device_keys, require_enrolled, revoked_ids
from workbench.exchange.keys import recipient_fingerprint
from workbench.exchange.ledger import next_outgoing
from workbench.exchange.manifest import MEDIA_RE, RECORDS_MEDIA_TYPE, BlobEntry, Manifest, Sender
from workbench.exchange.payload import build_records
from workbench.exchange.recordio import ATTACHMENT_TYPE, PackageRecord, serialize
from workbench.exchange.writer import APP_VERSION, schema_version, write_package
from workbench.models import RECORD_MODELS, Attachment, Round
from workbench.models.base import utcnow
from workbench.models.exchange import PackageLedger, SentRecord, SyncBase
from workbench.roles import Role
from workbench.store import audit
from workbench.store.vault import Vault


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    path: Path
    device_seq: int
    package_hash: str
    counts: dict[str, int]
    attachments: int
    size: int

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    @property
    def empty(self) -> bool:
        return self.records == 0 and self.attachments == 0


def round_rows(session: Session, round_id: str) -> Iterable[Any]:
    """Every row of the round (tombstones included), aggregates only."""
    for model in RECORD_MODELS:
        m: Any = model
        cond = (
            or_(m.id == round_id, m.round_id == round_id)
            if model is Round
            else m.round_id == round_id
        )
        yield from session.scalars(select(m).where(cond).order_by(m.id))


def confirmed_keys(session: Session) -> set[tuple[str, str, int, str]]:
    rows = session.execute(
        select(
            SentRecord.record_type,
            SentRecord.record_id,
            SentRecord.version,
            SentRecord.content_hash,
        )
        .join(PackageLedger, PackageLedger.package_id == SentRecord.package_id)
        .where(PackageLedger.confirmed_at.is_not(None))
    )
    return {(t, i, v, h) for t, i, v, h in rows}


def base_keys(session: Session) -> dict[tuple[str, str], tuple[int, str]]:
    return {
        (b.record_type, b.record_id): (b.version, b.content_hash)
        for b in session.scalars(select(SyncBase))
    }


def display_name(name: str, fallback: str) -> str:
    """Names are display metadata: strip control characters so the importer's checks pass."""
    clean = "".join("_" if unicodedata.category(c) == "Cc" else c for c in name).strip()
    return clean[:255] or fallback


def _media(media_type: str) -> str:
    lowered = media_type.strip().lower()
    return lowered if MEDIA_RE.fullmatch(lowered) else "application/octet-stream"


def export_round(
    vault: Vault, round_id: str, out_path: Path, *, limits: Limits | None = None
) -> ExportResult:
    limits = limits or Limits()
    vault.require(Role.TEAM_LEADER)
    with vault.read() as s:
        dk = device_keys(s)
        cert = require_enrolled(dk)
        if dk.device_id in revoked_ids(s):
            raise ExchangeState("本设备已被巡察办吊销，不能再导出数据")
        if s.get(Round, round_id) is None:
            raise NotFound(f"未找到巡察轮次（{round_id}）", round_id=round_id)
        confirmed, bases = confirmed_keys(s), base_keys(s)
        selected: list[PackageRecord] = []
        refs: set[str] = set()
        for row in round_rows(s, round_id):
            base = bases.get((row.__tablename__, row.id))
            rec = serialize(row, base if base and base[0] < row.version else None)
            refs |= rec.attachment_refs()
            if (rec.type, rec.id, rec.version, rec.hash) in confirmed or base == (
                rec.version,
                rec.hash,
            ):
                continue
            selected.append(rec)
        attachments = [
            a
            for a in s.scalars(select(Attachment).where(Attachment.sha256.in_(sorted(refs))))
            if (ATTACHMENT_TYPE, a.sha256, 0, a.sha256) not in confirmed
        ]
        seq, prev = next_outgoing(s, dk.device_id)
    records_blob = build_records(selected)
    if len(records_blob) > limits.max_records_bytes:
        raise LimitExceeded("本次导出的记录过多，超过数据包上限")
    entries = [
        BlobEntry(
            "records",
            "records",
            len(records_blob),
            hashlib.sha256(records_blob).hexdigest(),
            RECORDS_MEDIA_TYPE,
            "records.json",
        ),
        *(
            BlobEntry(
                a.sha256,
                "attachment",
                a.size,
                a.sha256,
                _media(a.media_type),
                display_name(a.name, a.sha256[:12]),
            )
            for a in attachments
        ),
    ]
    counts: dict[str, int] = {}
    for rec in selected:
        counts[rec.type] = counts.get(rec.type, 0) + 1
    manifest = Manifest(
        kind="team",
        package_id=str(uuid.uuid4()),
        sender=Sender(dk.device_id, dk.store_id, vault.user.name, vault.user.display_name, "field"),
        device_seq=seq,
        prev_hash=prev,
        created_at=utcnow().replace(microsecond=0),
        app_version=APP_VERSION,
        schema_version=schema_version(),
        round_id=round_id,
        recipients=tuple(recipient_fingerprint(r) for r in dk.office_recipients),
        blobs=tuple(entries),
        counts=counts,
    )

    def attachment_source(sha: str) -> Callable[[], Iterable[bytes]]:
        return lambda: vault.attachments.iter_content(sha)

    sources = [lambda: [records_blob], *(attachment_source(a.sha256) for a in attachments)]
    written = write_package(
        out_path, manifest, dk.signing_secret, dk.certificate_frame, sources, dk.office_recipients
    )
    try:
        with vault.session() as s:
            if next_outgoing(s, dk.device_id)[0] != seq:
                raise Conflict("另一个导出同时进行，请重试")
            s.add(
                PackageLedger(
                    package_id=manifest.package_id,
                    direction="out",
                    kind="team",
                    sender_device=dk.device_id,
                    device_seq=seq,
                    package_hash=written.package_hash,
                    prev_hash=prev,
                    round_id=round_id,
                    peers="",
                    created_at=manifest.created_at,
                    records=len(selected),
                    blobs=len(attachments),
                    warning="",
                )
            )
            sent = [
                {
                    "package_id": manifest.package_id,
                    "record_type": r.type,
                    "record_id": r.id,
                    "version": r.version,
                    "content_hash": r.hash,
                }
                for r in selected
            ] + [
                {
                    "package_id": manifest.package_id,
                    "record_type": ATTACHMENT_TYPE,
                    "record_id": a.sha256,
                    "version": 0,
                    "content_hash": a.sha256,
                }
                for a in attachments
            ]
            if sent:
                s.execute(insert(SentRecord), sent)
            audit.record(
                s,
                "package.export",
                "package",
                manifest.package_id,
                {
                    "round_id": round_id,
                    "device_seq": seq,
                    "records": len(selected),
                    "attachments": len(attachments),
                    "to": str(out_path),
                    "certificate": cert.serial,
                },
            )
    except BaseException:
        written.abandon()
        raise
    written.land()
    return ExportResult(
        manifest.package_id,
        Path(out_path),
        seq,
        written.package_hash,
        counts,
        len(attachments),
        written.size,
    )
