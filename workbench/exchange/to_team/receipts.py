"""Receipts: the office signs the list of packages it holds from a device; the device checks the
list against its own export ledger and marks those packages confirmed (which is what the wipe
and the next incremental export look at)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.exchange.enrolment.identity import OfficeKeys, device_keys, office_keys
from workbench.exchange.enrolment.keys import recipient_fingerprint
from workbench.exchange.errors import ReceiptMismatch
from workbench.exchange.intake.anchors import outgoing_claim, record_sent
from workbench.exchange.intake.ledger import next_outgoing
from workbench.exchange.intake.reader import ReadPackage
from workbench.exchange.package.manifest import Manifest, ReceiptEntry, Sender
from workbench.exchange.package.writer import APP_VERSION, schema_version, write_package
from workbench.exchange.records.apply import live_record, set_base
from workbench.exchange.records.recordio import ATTACHMENT_TYPE
from workbench.models.base import utcnow
from workbench.models.exchange import ExchangeDevice, PackageLedger, SentRecord
from workbench.store import audit
from workbench.store.vault import Vault


@dataclass(frozen=True)
class ReceiptResult:
    package_id: str
    path: Path
    device_id: str
    packages: int


def office_sender(vault: Vault, ok: OfficeKeys) -> Sender:
    return Sender(ok.device_id, ok.store_id, vault.user.name, vault.user.display_name, "office")


def record_outgoing(
    session: Session, manifest: Manifest, package_hash: str, peers: list[str]
) -> None:
    session.add(
        PackageLedger(
            package_id=manifest.package_id,
            direction="out",
            kind=manifest.kind,
            sender_device=manifest.sender.device_id,
            device_seq=manifest.device_seq,
            package_hash=package_hash,
            prev_hash=None,
            round_id=manifest.round_id,
            peers=",".join(peers),
            created_at=manifest.created_at,
            records=sum(manifest.counts.values()),
            blobs=max(0, len(manifest.blobs) - 1),
            warning="",
        )
    )
    record_sent(session, manifest)


def issue_receipt(vault: Vault, device_id: str, out_path: Path) -> ReceiptResult:
    with vault.read() as s:
        ok = office_keys(s)
        device = s.get(ExchangeDevice, device_id)
        if device is None:
            raise NotFound(f"未登记的设备：{device_id}", device_id=device_id)
        held = s.scalars(
            select(PackageLedger)
            .where(
                PackageLedger.direction == "in",
                PackageLedger.kind == "team",
                PackageLedger.sender_device == device_id,
            )
            .order_by(PackageLedger.device_seq)
        ).all()
        entries = tuple(ReceiptEntry(p.package_id, p.device_seq, p.package_hash) for p in held)
        seq, _ = next_outgoing(s, ok.device_id)
        anchor = outgoing_claim(s, ok.device_id, [device_id])
        recipient = device.age_recipient
    manifest = Manifest(
        kind="receipt",
        package_id=str(uuid.uuid4()),
        sender=office_sender(vault, ok),
        device_seq=seq,
        prev_hash=None,
        created_at=utcnow().replace(microsecond=0),
        app_version=APP_VERSION,
        schema_version=schema_version(),
        round_id=None,
        recipients=(recipient_fingerprint(recipient),),
        blobs=(),
        audit=anchor,
        receipt_device=device_id,
        receipt=entries,
    )
    written = write_package(out_path, manifest, ok.signing_secret, b"", [], [recipient])
    try:
        with vault.session() as s:
            record_outgoing(s, manifest, written.package_hash, [device_id])
            detail = {"package_id": manifest.package_id, "packages": len(entries)}
            audit.record(s, "receipt.issue", "device", device_id, detail)
    except BaseException:
        written.abandon()
        raise
    written.land()
    return ReceiptResult(manifest.package_id, Path(out_path), device_id, len(entries))


def apply_receipt(session: Session, read: ReadPackage) -> dict[str, int]:
    """Inside the import transaction on the field store."""
    dk = device_keys(session)
    mine = {
        p.package_id: p
        for p in session.scalars(
            select(PackageLedger).where(
                PackageLedger.direction == "out", PackageLedger.sender_device == dk.device_id
            )
        )
    }
    confirmed: list[str] = []
    now = utcnow()
    for entry in read.manifest.receipt:
        row = mine.get(entry.package_id)
        if row is None or (row.device_seq, row.package_hash) != (
            entry.device_seq,
            entry.package_hash,
        ):
            raise ReceiptMismatch(
                f"回执中的第 {entry.device_seq} 号数据包与本设备导出的不一致",
                package_id=entry.package_id,
            )
        if row.confirmed_at is None:
            row.confirmed_at = now
            confirmed.append(row.package_id)
    _advance_bases(session, confirmed)
    return {"listed": len(read.manifest.receipt), "newly_confirmed": len(confirmed)}


def _advance_bases(session: Session, package_ids: list[str]) -> None:
    """A record whose current version the office now holds has that version as its common base:
    the next briefing may update it, and the next edit descends from it."""
    for start in range(0, len(package_ids), 500):
        sent = session.scalars(
            select(SentRecord).where(
                SentRecord.package_id.in_(package_ids[start : start + 500]),
                SentRecord.record_type != ATTACHMENT_TYPE,
            )
        )
        for item in sent:
            current = live_record(session, item.record_type, item.record_id)
            if current is not None and (current.version, current.hash) == (
                item.version,
                item.content_hash,
            ):
                set_base(session, item.record_type, item.record_id, item.version, item.content_hash)
