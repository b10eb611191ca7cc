"""Team → office: what changed in a round since this device's last package of it.

Incremental from the first package: a record version (or attachment) a package of the round
already carried is not sent again, receipt or not (``export_mark``: only packages known to be in
place count), and neither is one the office confirmed or a record still at the version the office
briefed. ``all_unconfirmed`` sends again everything the office has not confirmed, for a package
that was lost (the office's merge keeps each version once, so a resend is harmless). What the
wipe may remove is decided by receipts alone (``wipe``), never by what was sent. Nothing to send
writes no file (``NothingToExport``).
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
from workbench.exchange.enrolment.identity import device_keys, require_enrolled, revoked_ids
from workbench.exchange.enrolment.keys import recipient_fingerprint
from workbench.exchange.errors import NOTHING_UNCONFIRMED, ExchangeState, NothingToExport
from workbench.exchange.intake.anchors import outgoing_claim, record_sent
from workbench.exchange.intake.ledger import next_outgoing
from workbench.exchange.intake.root_anchor import outgoing_root
from workbench.exchange.package.framing import Chunk, Limits
from workbench.exchange.package.manifest import (
    MEDIA_RE,
    RECORDS_MEDIA_TYPE,
    BlobEntry,
    Manifest,
    Sender,
)
from workbench.exchange.package.payload import MAX_RECORD_ITEMS, RecordsWriter, too_many_items
from workbench.exchange.package.spool import Spool
from workbench.exchange.package.writer import APP_VERSION, schema_version, write_package
from workbench.exchange.records.apply import base_keys
from workbench.exchange.records.linecheck import check_line
from workbench.exchange.records.recordio import ATTACHMENT_TYPE
from workbench.exchange.records.sqllines import iter_round_lines
from workbench.exchange.to_office.export_mark import raise_mark, skipped_keys
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import RECORD_MODELS, Attachment, Round, User
from workbench.models.base import utcnow
from workbench.models.exchange import PackageLedger
from workbench.models.fieldrules import record_title
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


def _select_records(
    session: Session, round_id: str, blob: Spool, sent: Spool, skipped: set[Any], max_line: int
) -> tuple[RecordsWriter, set[str]]:
    """Serialise the round's records not in ``skipped`` and not at their base into ``blob``,
    line by line, and list them in ``sent`` (a line each: type, id, version and hash, tab
    separated): both are spools, as a round may hold hundreds of thousands of records. Returns
    the blob's writer and the attachments the round's records use. A record over the importer's
    line cap is refused here, named, not at the office."""
    bases = base_keys(session)
    writer = RecordsWriter(blob.write)
    refs: set[str] = set()
    for rec in iter_round_lines(session, round_id, bases):
        refs |= rec.refs
        key = (rec.type, rec.id, rec.version, rec.hash)
        if key in skipped or bases.get((rec.type, rec.id)) == (rec.version, rec.hash):
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
    blob.close()
    return writer, refs


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
    all_unconfirmed: bool = False,
) -> ExportResult:
    """Write the package; ``progress`` gets (bytes written, package size), ``cancel`` is honoured
    until the ledger commit (a cancelled export leaves no file and uses no sequence number).
    ``all_unconfirmed``: everything the office has not confirmed, not only what changed since
    the last package. Nothing to send raises ``NothingToExport`` with nothing written."""
    limits = limits or Limits()
    out_path = Path(out_path)  # the callers may pass a str
    vault.require(Role.TEAM_LEADER)
    outgoing = make_private_dir(vault.layout.root / "exchange" / "outgoing")
    for leftover in outgoing.glob("*.spool"):  # an export interrupted by a crash
        leftover.unlink(missing_ok=True)
    blob, sent = Spool(outgoing), Spool(outgoing)
    try:
        with vault.read() as s:
            dk = device_keys(s)
            cert = require_enrolled(dk)
            if dk.device_id in revoked_ids(s):
                raise ExchangeState("本设备已被巡察办吊销，不能再导出数据")
            if s.get(Round, round_id) is None:
                raise NotFound(f"未找到巡察轮次（{round_id}）", round_id=round_id)
            users = tuple(sorted(s.scalars(select(User.id))))  # who may stamp its records
            skipped = skipped_keys(s, round_id, since_last=not all_unconfirmed)
            writer, refs = _select_records(s, round_id, blob, sent, skipped, limits.max_record_line)
            count = sum(writer.counts.values())
            attachments = [
                a
                for a in s.scalars(select(Attachment).where(Attachment.sha256.in_(sorted(refs))))
                if (ATTACHMENT_TYPE, a.sha256, 0, a.sha256) not in skipped
            ]
            del skipped
            for a in attachments:
                sent.write(f"{ATTACHMENT_TYPE}\t{a.sha256}\t0\t{a.sha256}\n".encode())
            sent.close()
            if not count and not attachments:
                raise NothingToExport(NOTHING_UNCONFIRMED if all_unconfirmed else None)
            seq, prev = next_outgoing(s, dk.device_id)
            anchor = outgoing_claim(s, dk.device_id)
            root = outgoing_root(s)
        cancel.raise_if_cancelled()
        if writer.size > limits.max_records_bytes or count > limits.max_records:
            raise LimitExceeded("本次导出的记录过多，超过数据包上限")
        entries = [
            BlobEntry(
                "records",
                "records",
                writer.size,
                writer.sha256,
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
        counts = dict(writer.counts)
        manifest = Manifest(
            kind="team",
            package_id=str(uuid.uuid4()),
            sender=Sender(
                dk.device_id, dk.store_id, vault.user.name, vault.user.display_name, "field"
            ),
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

        sources = [blob.chunks, *(attachment_source(a.sha256) for a in attachments)]
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
                        records=count,
                        blobs=len(attachments),
                        warning="",
                    )
                )
                record_sent(s, manifest)
                conn = s.connection()
                for rows in _sent_rows(manifest.package_id, sent):
                    conn.exec_driver_sql(_INSERT_SENT, rows)
                audit.record(
                    s,
                    "package.export",
                    "package",
                    manifest.package_id,
                    {
                        "round_id": round_id,
                        "device_seq": seq,
                        "records": count,
                        "attachments": len(attachments),
                        "all_unconfirmed": all_unconfirmed,
                        "to": str(out_path),
                        "certificate": cert.serial,
                    },
                )
        except BaseException:
            written.abandon()
            raise
        try:
            written.land()
        except BaseException:
            written.abandon()  # the sequence number is used: the office will see a gap
            raise
        with vault.session() as s:  # only now: a package not in place is above the mark, sent again
            raise_mark(s, round_id, seq)
        return ExportResult(
            manifest.package_id,
            out_path,
            seq,
            written.package_hash,
            counts,
            len(attachments),
            written.size,
        )
    finally:
        blob.discard()
        sent.discard()
