"""Office → team: the round, its teams and members, targets and people, the 3+1 lists and focus
items, the office's own taxonomy versions and the revocation list, to enrolled devices.

On the device a briefed record replaces the local row only if the local row is unchanged since the
last briefing (or absent); a locally edited row is kept, and the office sees the two edits as a
conflict when the team's next package arrives (the record travels with its old base).
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.exchange.enrolment.identity import office_keys, revoked_ids
from workbench.exchange.enrolment.keys import recipient_fingerprint
from workbench.exchange.errors import ExchangeState
from workbench.exchange.intake.anchors import outgoing_claim
from workbench.exchange.intake.device_scope import briefed_teams, record_briefing
from workbench.exchange.intake.ledger import next_outgoing
from workbench.exchange.intake.reader import BatchSink, ReadPackage
from workbench.exchange.package.manifest import (
    DATALIST_MEDIA_TYPE,
    RECORDS_MEDIA_TYPE,
    TAXONOMY_MEDIA_TYPE,
    BlobEntry,
    Manifest,
)
from workbench.exchange.package.payload import Revocation, build_records
from workbench.exchange.package.writer import APP_VERSION, schema_version, write_package
from workbench.exchange.records.apply import (
    base_keys,
    live_record,
    prefetch,
    set_base,
    write_record,
)
from workbench.exchange.records.bulk import insert_new, known_keys
from workbench.exchange.records.linecheck import check_line
from workbench.exchange.records.recordio import PackageRecord, serialize
from workbench.exchange.to_team.receipts import office_sender, record_outgoing
from workbench.exchange.to_team.taxonomy_docs import prepare_taxonomy
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import FocusItem, ListEntry, Member, Person, Round, Target, Team
from workbench.models.base import utcnow
from workbench.models.exchange import ExchangeDevice, ExchangeRevocation
from workbench.services.datalist_transfer import (
    ListReceiver,
    list_lines,
    lists_to_send,
    record_sent,
)
from workbench.store import audit
from workbench.store.vault import Vault

BRIEFING_MODELS = (Round, Team, Member, Target, Person, ListEntry, FocusItem)


@dataclass(frozen=True)
class BriefingResult:
    package_id: str
    path: Path
    devices: tuple[str, ...]
    counts: dict[str, int]
    taxonomy: int
    revocations: int
    lists: tuple[tuple[str, str], ...] = ()  # the 碰撞比对 lists sent: (来源, 文件名)


def _office_documents() -> list[tuple[str, bytes]]:
    """The taxonomy versions an office added (shipped ones are on every laptop already)."""
    from workbench.services.catalog import catalog

    return [
        (f"{d.id}@{d.version}.json", d.path.read_bytes())
        for d in catalog().documents()
        if not d.shipped
    ]


@dataclass(frozen=True)
class BriefingRecipient:
    """An enrolled, unrevoked device as the office picks it for a round's briefing."""

    device_id: str
    display_name: str  # the certificate holder
    user: str
    fingerprint: str
    team: str  # the round's team with a member of the holder's name; "" if none or several


def briefing_recipients(vault: Vault, round_id: str) -> list[BriefingRecipient]:
    """The devices a briefing of ``round_id`` may go to (revoked ones get nothing more), in
    enrolment order. A device records no team: the team shown is the round's team whose member
    bears the certificate holder's name, when exactly one does."""
    with vault.read() as s:
        revoked = revoked_ids(s)
        teams: dict[str, set[str]] = {}
        query = (
            select(Member.name, Team.name)
            .join(Team, Team.id == Member.team_id)
            .where(
                Member.round_id == round_id,
                Member.deleted_at.is_(None),
                Team.deleted_at.is_(None),
            )
        )
        for member, team in s.execute(query):
            teams.setdefault(member, set()).add(team)
        devices = s.scalars(select(ExchangeDevice).order_by(ExchangeDevice.enrolled_at)).all()
        return [
            BriefingRecipient(
                d.device_id,
                d.display_name,
                d.user_name,
                d.fingerprint,
                next(iter(found)) if len(found := teams.get(d.display_name, set())) == 1 else "",
            )
            for d in devices
            if d.device_id not in revoked
        ]


def build_briefing(
    vault: Vault,
    round_id: str,
    device_ids: Iterable[str],
    out_path: Path,
    *,
    teams: Mapping[str, Sequence[str]] | None = None,
    lists: Sequence[str] = (),
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BriefingResult:
    """One package for ``device_ids`` (each can decrypt it). ``progress`` gets (bytes sealed,
    their total); a cancel is honoured until the ledger commit and leaves no file.

    Each device is briefed for the round and the teams ``teams`` names for it (by default the
    team whose member bears the certificate holder's name): what it may write at the office
    (``device_scope``), recorded with the versions it receives. ``lists``: the round's 碰撞比对
    lists the office chooses to send as well (``datalist_transfer``)."""
    with vault.read() as s:
        ok = office_keys(s)
        if s.get(Round, round_id) is None:
            raise NotFound(f"未找到巡察轮次（{round_id}）", round_id=round_id)
        revoked = revoked_ids(s)
        devices: list[ExchangeDevice] = []
        for device_id in dict.fromkeys(device_ids):
            device = s.get(ExchangeDevice, device_id)
            if device is None:
                raise NotFound(f"未登记的设备：{device_id}", device_id=device_id)
            if device_id in revoked:
                raise ExchangeState(f"设备 {device_id} 已被吊销，不能向其发送数据包")
            devices.append(device)
        if not devices:
            raise ExchangeState("请至少指定一台接收设备")
        scopes = {
            d.device_id: list((teams or {}).get(d.device_id, ()))
            or briefed_teams(s, round_id, d.display_name)
            for d in devices
        }
        records = []
        for model in BRIEFING_MODELS:
            m: Any = model
            cond = (
                or_(m.id == round_id, m.round_id == round_id)
                if model is Round
                else m.round_id == round_id
            )
            records += [serialize(row) for row in s.scalars(select(m).where(cond).order_by(m.id))]
        for rec in records:
            check_line(rec.type, rec.id, rec.canonical_line(), "巡察组")
        revocations = [
            Revocation(r.device_id, r.revoked_at, r.reason)
            for r in s.scalars(select(ExchangeRevocation).order_by(ExchangeRevocation.device_id))
        ]
        sent = lists_to_send(s, round_id, lists)
        measured = [_measure(list_lines(s, source)) for source in sent]
        seq, _ = next_outgoing(s, ok.device_id)
        anchor = outgoing_claim(s, ok.device_id, [d.device_id for d in devices])
    docs = _office_documents()
    records_blob = build_records(records, revocations)
    blobs = [("records", "records", records_blob, RECORDS_MEDIA_TYPE, "records.jsonl")]
    blobs += [
        (f"taxonomy-{i}", "taxonomy", data, TAXONOMY_MEDIA_TYPE, name)
        for i, (name, data) in enumerate(docs, 1)
    ]
    entries = [BlobEntry(i, r, *_measure([d]), m, name) for i, r, d, m, name in blobs]
    entries += [
        BlobEntry(f"datalist-{i}", "datalist", size, sha, DATALIST_MEDIA_TYPE, source.file_name)
        for i, (source, (size, sha)) in enumerate(zip(sent, measured, strict=True), 1)
    ]
    counts = dict(Counter(rec.type for rec in records))
    recipients = [d.age_recipient for d in devices]
    manifest = Manifest(
        kind="briefing",
        package_id=str(uuid.uuid4()),
        sender=office_sender(vault, ok),
        device_seq=seq,
        prev_hash=None,
        created_at=utcnow().replace(microsecond=0),
        app_version=APP_VERSION,
        schema_version=schema_version(),
        round_id=round_id,
        recipients=tuple(recipient_fingerprint(r) for r in recipients),
        blobs=tuple(entries),
        counts=counts,
        audit=anchor,
    )
    sources: list[Callable[[], Iterable[bytes]]]
    sources = [functools.partial(list, [data]) for _i, _r, data, _m, _name in blobs]
    sources += [functools.partial(_list_lines, vault, round_id, source.id) for source in sent]
    written = write_package(
        out_path,
        manifest,
        ok.signing_secret,
        b"",
        sources,
        recipients,
        progress=progress,
        cancel=cancel,
    )
    ids = [d.device_id for d in devices]
    try:
        with vault.session() as s:
            record_outgoing(s, manifest, written.package_hash, ids)
            record_briefing(s, round_id, scopes, records)
            record_sent(s, sent, manifest.package_id, ids)
            detail = {"round_id": round_id, "devices": ids, "counts": counts, "teams": scopes}
            audit.record(s, "package.brief", "package", manifest.package_id, detail)
    except BaseException:
        written.abandon()
        raise
    written.land()
    names = tuple((source.label, source.file_name) for source in sent)
    return BriefingResult(
        manifest.package_id, Path(out_path), tuple(ids), counts, len(docs), len(revocations), names
    )


def _measure(lines: Iterable[bytes]) -> tuple[int, str]:
    """A blob's size and hash for the manifest. A list's lines are read again as it is sealed
    (``_list_lines``; the framing refuses a blob whose size changed): none is held or spooled."""
    digest, size = hashlib.sha256(), 0
    for line in lines:
        digest.update(line)
        size += len(line)
    return size, digest.hexdigest()


def _list_lines(vault: Vault, round_id: str, source_id: str) -> Iterator[bytes]:
    with vault.read() as s:
        yield from list_lines(s, lists_to_send(s, round_id, [source_id])[0])


class BriefingSink(BatchSink):
    """Field side of a briefing: its records applied as they stream, a batch at a time, through
    the team import's path. A record the device has no row of is inserted in bulk
    (``bulk.insert_new``, its sync base with it); a briefed record replaces the local row only if
    that row is unchanged since the last briefing; either way the base follows what was taken."""

    def __init__(self, session: Session, package_id: str) -> None:
        super().__init__()
        self.session, self.detail = session, {"package_id": package_id}
        self.outcome = {"applied": 0, "unchanged": 0, "kept_local": 0, "older": 0}
        self._bases: dict[tuple[str, str], tuple[int, str]] | None = None

    def list_feed(self, manifest: Manifest) -> ListReceiver:
        sent = {"package_id": manifest.package_id, "sent_by": manifest.sender.display_name}
        sent["sent_at"] = manifest.created_at.isoformat()
        return ListReceiver(self.session, str(manifest.round_id), sent, self.outcome)

    def apply(self, batch: list[PackageRecord]) -> None:
        session = self.session
        known = known_keys(session.connection(), batch)
        unseen = [rec for rec in batch if (rec.type, rec.id) not in known]
        if unseen:
            insert_new(session, unseen, self.detail)
            bases = [(r.type, r.id, r.version, r.hash) for r in unseen]
            session.connection().exec_driver_sql(_UPSERT_BASE, bases)
            self.outcome["applied"] += len(unseen)
        mine = [rec for rec in batch if (rec.type, rec.id) in known]
        loaded = prefetch(session, mine)  # noqa: F841 - keeps the rows in the identity map
        if self._bases is None:
            self._bases = base_keys(session)
        for rec in mine:
            self._apply_one(rec, self._bases)
        session.flush()

    def _apply_one(self, rec: PackageRecord, bases: dict[tuple[str, str], tuple[int, str]]) -> None:
        current = live_record(self.session, rec.type, rec.id)
        if current is not None and (current.version, current.hash) == (rec.version, rec.hash):
            self.outcome["unchanged"] += 1
        elif current is None or (
            bases.get((rec.type, rec.id)) == (current.version, current.hash)
            and rec.version >= current.version  # an older briefing opened late changes nothing
        ):
            write_record(self.session, rec)
            self.outcome["applied"] += 1
        else:
            self.outcome["kept_local" if rec.version >= current.version else "older"] += 1
            return
        set_base(self.session, rec.type, rec.id, rec.version, rec.hash)


_UPSERT_BASE = (  # as ``apply.set_base`` writes it
    "INSERT INTO exchange_sync (record_type, record_id, version, content_hash) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (record_type, record_id) DO UPDATE"
    " SET version = excluded.version, content_hash = excluded.content_hash"
)


def apply_briefing(
    session: Session, read: ReadPackage, staging: Path
) -> tuple[dict[str, int], Callable[[], None]]:
    """Inside the import transaction on the field store, once the records are applied: the
    revocations, and the step that installs taxonomy files once the transaction has committed.
    Returns the outcome and that step."""
    docs = [(b.data or b"") for b in read.blobs[1:] if b.entry.role == "taxonomy"]
    install = prepare_taxonomy(docs, staging)
    sink = read.sink
    assert isinstance(sink, BriefingSink)
    outcome = dict(sink.outcome)
    for r in read.revocations:
        if session.get(ExchangeRevocation, r.device_id) is None:
            session.add(
                ExchangeRevocation(device_id=r.device_id, revoked_at=r.revoked_at, reason=r.reason)
            )
    outcome["revocations"] = len(read.revocations)
    outcome["taxonomy"] = len(docs)
    return outcome, install
