"""Team → office: a round's records, tombstones and attachments the office has not confirmed.

Incremental by receipt: a record version (or attachment) confirmed in a receipt is not sent
again; anything sent but not yet confirmed is sent again (the office's merge makes resends
harmless). Records still at a version the office holds (briefed to the device, or confirmed by
receipt) stay home.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workbench.errors import LimitExceeded, NotFound
from workbench.exchange.errors import ExchangeState
from workbench.exchange.framing import Limits
from workbench.exchange.identity import device_keys, require_enrolled, revoked_ids
from workbench.exchange.keys import recipient_fingerprint
from workbench.exchange.ledger import next_outgoing
from workbench.exchange.manifest import MEDIA_RE, RECORDS_MEDIA_TYPE, BlobEntry, Manifest, Sender
from workbench.exchange.payload import RecordsWriter
from workbench.exchange.recordio import ATTACHMENT_TYPE
from workbench.exchange.rowdump import iter_round_records
from workbench.exchange.spool import Spool
from workbench.exchange.writer import APP_VERSION, Written, schema_version, write_package
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
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


SENT_CHUNK = 5000
_INSERT_SENT = (
    "INSERT INTO exchange_sent (package_id, record_type, record_id, version, content_hash)"
    " VALUES (?, ?, ?, ?, ?)"
)


@dataclass
class _Selection:
    """What the records pass found: the records blob (spooled: a round may hold hundreds of
    thousands of records), how many records it holds and the attachments they use."""

    writer: RecordsWriter
    count: int
    refs: set[str]


def _select_records(
    session: Session, round_id: str, package_id: str, blob: Spool, confirmed: set[Any]
) -> _Selection:
    """Serialise the round's records the office does not hold into ``blob``, line by line, and
    note each in ``exchange_sent`` (the export's transaction commits only with the package)."""
    bases = base_keys(session)
    writer = RecordsWriter(blob.write)
    refs: set[str] = set()
    sent: list[tuple[Any, ...]] = []
    conn = session.connection()
    count = 0
    for rec in iter_round_records(session, round_id, bases):
        refs |= rec.attachment_refs()
        key = (rec.type, rec.id, rec.version, rec.hash)
        if key in confirmed or bases.get((rec.type, rec.id)) == (rec.version, rec.hash):
            continue
        writer.add(rec)
        sent.append((package_id, *key))
        count += 1
        if len(sent) >= SENT_CHUNK:
            conn.exec_driver_sql(_INSERT_SENT, sent)
            sent = []
    if sent:
        conn.exec_driver_sql(_INSERT_SENT, sent)
    blob.close()
    return _Selection(writer, count, refs)


def export_round(
    vault: Vault,
    round_id: str,
    out_path: Path,
    *,
    limits: Limits | None = None,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ExportResult:
    """Write the package; ``progress`` gets (bytes written, package size), ``cancel`` is honoured
    until the ledger commit (a cancelled export leaves no file and uses no sequence number).

    One write transaction spans the export: what is sent is noted as the records are read, the
    package is written (``.part``, fsynced) inside it, and it lands only after the commit; any
    failure before that rolls everything back and removes the partial file."""
    limits = limits or Limits()
    vault.require(Role.TEAM_LEADER)
    outgoing = vault.layout.root / "exchange" / "outgoing"
    outgoing.mkdir(parents=True, exist_ok=True)
    for leftover in outgoing.glob("*.spool"):  # an export interrupted by a crash
        leftover.unlink(missing_ok=True)
    blob = Spool(outgoing)
    written: list[Written] = []
    try:
        with vault.session() as s:
            result = _export(
                vault, s, round_id, Path(out_path), limits, blob, written, progress, cancel
            )
    except BaseException:
        for part in written:
            part.abandon()
        raise
    finally:
        blob.discard()
    written[0].land()
    return result


def _export(
    vault: Vault,
    s: Session,
    round_id: str,
    out_path: Path,
    limits: Limits,
    spool: Spool,
    written_out: list[Written],
    progress: ProgressSink,
    cancel: CancelToken,
) -> ExportResult:
    dk = device_keys(s)
    cert = require_enrolled(dk)
    if dk.device_id in revoked_ids(s):
        raise ExchangeState("本设备已被巡察办吊销，不能再导出数据")
    if s.get(Round, round_id) is None:
        raise NotFound(f"未找到巡察轮次（{round_id}）", round_id=round_id)
    package_id = str(uuid.uuid4())
    confirmed = confirmed_keys(s)
    picked = _select_records(s, round_id, package_id, spool, confirmed)
    attachments = [
        a
        for a in s.scalars(select(Attachment).where(Attachment.sha256.in_(sorted(picked.refs))))
        if (ATTACHMENT_TYPE, a.sha256, 0, a.sha256) not in confirmed
    ]
    del confirmed
    seq, prev = next_outgoing(s, dk.device_id)
    cancel.raise_if_cancelled()
    records_size = picked.writer.size
    if records_size > limits.max_records_bytes or picked.count > limits.max_records:
        raise LimitExceeded("本次导出的记录过多，超过数据包上限")
    entries = [
        BlobEntry(
            "records",
            "records",
            records_size,
            picked.writer.sha256,
            RECORDS_MEDIA_TYPE,
            "records.jsonl",
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
    counts = dict(picked.writer.counts)
    manifest = Manifest(
        kind="team",
        package_id=package_id,
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

    sources = [spool.chunks, *(attachment_source(a.sha256) for a in attachments)]
    written = write_package(
        out_path,
        manifest,
        dk.signing_secret,
        dk.certificate_frame,
        sources,
        dk.office_recipients,
        progress=progress,
        cancel=cancel,
    )
    written_out.append(written)
    s.add(
        PackageLedger(
            package_id=package_id,
            direction="out",
            kind="team",
            sender_device=dk.device_id,
            device_seq=seq,
            package_hash=written.package_hash,
            prev_hash=prev,
            round_id=round_id,
            peers="",
            created_at=manifest.created_at,
            records=picked.count,
            blobs=len(attachments),
            warning="",
        )
    )
    attachment_rows = [(package_id, ATTACHMENT_TYPE, a.sha256, 0, a.sha256) for a in attachments]
    if attachment_rows:
        s.connection().exec_driver_sql(_INSERT_SENT, attachment_rows)
    audit.record(
        s,
        "package.export",
        "package",
        package_id,
        {
            "round_id": round_id,
            "device_seq": seq,
            "records": picked.count,
            "attachments": len(attachments),
            "to": str(out_path),
            "certificate": cert.serial,
        },
    )
    return ExportResult(
        package_id,
        Path(out_path),
        seq,
        written.package_hash,
        counts,
        len(attachments),
        written.size,
    )
