"""Team → office: a round's records, tombstones and attachments the office has not confirmed.

Incremental by receipt: a record version (or attachment) confirmed in a receipt is not sent
again; anything sent but not yet confirmed is sent again (the office's merge makes resends
harmless). Records still at a version the office holds (briefed to the device, or confirmed by
receipt) stay home.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, LimitExceeded, NotFound
from workbench.exchange.anchors import outgoing_claim, record_sent
from workbench.exchange.errors import ExchangeState
from workbench.exchange.framing import Chunk, Limits
from workbench.exchange.identity import device_keys, require_enrolled, revoked_ids
from workbench.exchange.keys import recipient_fingerprint
from workbench.exchange.ledger import next_outgoing
from workbench.exchange.linecheck import check_line
from workbench.exchange.manifest import MEDIA_RE, RECORDS_MEDIA_TYPE, BlobEntry, Manifest, Sender
from workbench.exchange.payload import MAX_RECORD_ITEMS, RecordsWriter, too_many_items
from workbench.exchange.recordio import ATTACHMENT_TYPE
from workbench.exchange.root_anchor import outgoing_root
from workbench.exchange.spool import Spool
from workbench.exchange.sqllines import iter_round_lines
from workbench.exchange.writer import APP_VERSION, schema_version, write_package
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import RECORD_MODELS, Attachment, Round, User
from workbench.models.base import utcnow
from workbench.models.exchange import PackageLedger, SentRecord, SyncBase
from workbench.models.labels import record_title
from workbench.roles import Role
from workbench.store import audit
from workbench.store.fsutil import make_private_dir
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
    """What the records pass found: the records blob and the list of what it holds, both in
    spools (a round may hold hundreds of thousands of records), and the attachments used."""

    writer: RecordsWriter
    sent: Spool  # lines "type \t id \t version \t hash"
    count: int
    refs: set[str]


def _select_records(
    session: Session, round_id: str, blob: Spool, sent: Spool, confirmed: set[Any], max_line: int
) -> _Selection:
    """Serialise the round's records the office does not hold into ``blob``, line by line.
    A record over the importer's line cap is refused here, named, not at the office."""
    bases = base_keys(session)
    writer = RecordsWriter(blob.write)
    refs: set[str] = set()
    count = 0
    for rec in iter_round_lines(session, round_id, bases):
        refs |= rec.refs
        key = (rec.type, rec.id, rec.version, rec.hash)
        if key in confirmed or bases.get((rec.type, rec.id)) == (rec.version, rec.hash):
            continue
        if len(rec.line) > max_line or too_many_items(rec.line):
            fields = json.loads(rec.line).get("fields", {})
            raise LimitExceeded(
                f"{record_title(rec.type, fields)}过大，超过数据包中单条记录的上限"
                f"（{max_line:,} 字节、{MAX_RECORD_ITEMS:,} 项），请精简该记录后重试",
                record_type=rec.type,
                record_id=rec.id,
            )
        check_line(rec.type, rec.id, rec.line, "巡察办")
        writer.add_line(rec.type, rec.line)
        sent.write(f"{rec.type}\t{rec.id}\t{rec.version}\t{rec.hash}\n".encode())
        count += 1
    blob.close()
    sent.close()
    return _Selection(writer, sent, count, refs)


def _sent_rows(package_id: str, sent: Spool) -> Iterator[list[tuple[Any, ...]]]:
    """The spooled keys as ``exchange_sent`` rows, a chunk at a time."""
    rows: list[tuple[Any, ...]] = []
    rest = b""
    for chunk in sent.chunks():
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            record_type, record_id, version, digest = line.decode().split("\t")
            rows.append((package_id, record_type, record_id, int(version), digest))
            if len(rows) >= SENT_CHUNK:
                yield rows
                rows = []
    if rows:
        yield rows


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
    until the ledger commit (a cancelled export leaves no file and uses no sequence number)."""
    limits = limits or Limits()
    vault.require(Role.TEAM_LEADER)
    outgoing = make_private_dir(vault.layout.root / "exchange" / "outgoing")
    for leftover in outgoing.glob("*.spool"):  # an export interrupted by a crash
        leftover.unlink(missing_ok=True)
    blob, sent = Spool(outgoing), Spool(outgoing)
    try:
        return _export(vault, round_id, Path(out_path), limits, blob, sent, progress, cancel)
    finally:
        blob.discard()
        sent.discard()


def _export(
    vault: Vault,
    round_id: str,
    out_path: Path,
    limits: Limits,
    spool: Spool,
    sent_spool: Spool,
    progress: ProgressSink,
    cancel: CancelToken,
) -> ExportResult:
    with vault.read() as s:
        dk = device_keys(s)
        cert = require_enrolled(dk)
        if dk.device_id in revoked_ids(s):
            raise ExchangeState("本设备已被巡察办吊销，不能再导出数据")
        if s.get(Round, round_id) is None:
            raise NotFound(f"未找到巡察轮次（{round_id}）", round_id=round_id)
        users = tuple(sorted(s.scalars(select(User.id))))  # who may stamp its records
        confirmed = confirmed_keys(s)
        picked = _select_records(s, round_id, spool, sent_spool, confirmed, limits.max_record_line)
        attachments = [
            a
            for a in s.scalars(select(Attachment).where(Attachment.sha256.in_(sorted(picked.refs))))
            if (ATTACHMENT_TYPE, a.sha256, 0, a.sha256) not in confirmed
        ]
        del confirmed
        seq, prev = next_outgoing(s, dk.device_id)
        anchor = outgoing_claim(s, dk.device_id)
        root = outgoing_root(s)
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
        package_id=str(uuid.uuid4()),
        sender=Sender(dk.device_id, dk.store_id, vault.user.name, vault.user.display_name, "field"),
        device_seq=seq,
        prev_hash=prev,
        device_users=users,
        created_at=utcnow().replace(microsecond=0),
        app_version=APP_VERSION,
        schema_version=schema_version(),
        round_id=round_id,
        recipients=tuple(recipient_fingerprint(r) for r in dk.office_recipients),
        blobs=tuple(entries),
        counts=counts,
        audit=anchor,
        root=root,
    )

    def attachment_source(sha: str) -> Callable[[], Iterable[Chunk]]:
        return lambda: vault.attachments.iter_views(sha)

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
                    records=picked.count,
                    blobs=len(attachments),
                    warning="",
                )
            )
            record_sent(s, manifest)
            conn = s.connection()
            for rows in _sent_rows(manifest.package_id, picked.sent):
                conn.exec_driver_sql(_INSERT_SENT, rows)
            attachment_rows = [
                (manifest.package_id, ATTACHMENT_TYPE, a.sha256, 0, a.sha256) for a in attachments
            ]
            if attachment_rows:
                conn.exec_driver_sql(_INSERT_SENT, attachment_rows)
            audit.record(
                s,
                "package.export",
                "package",
                manifest.package_id,
                {
                    "round_id": round_id,
                    "device_seq": seq,
                    "records": picked.count,
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
