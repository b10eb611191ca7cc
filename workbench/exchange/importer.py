"""The import pipeline: stage → (decrypt → verify → check blobs → validate → write) → unstage.

The middle runs as one pass inside one write transaction: the header is verified before any
blob, records are validated and merged as they stream, attachments are encrypted into staging
files as they stream and landed at the end, and the ledger row is written last. Any failure rolls
the transaction back, writes nothing but one audit entry for the refusal, moves the staged (still
encrypted) copy to ``exchange/rejected/`` and raises a coded error. ``on_stage`` is told each
stage as it is reached (the kill tests stop the process there).
"""

from __future__ import annotations

import contextlib
import gc
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import DiskFull, NotFound, StoreBusy, WorkbenchError
from workbench.exchange.enrolment.identity import (
    device_keys,
    office_keys,
    require_enrolled,
    revoked_ids,
)
from workbench.exchange.errors import BadRecords, PackageLimit, StagingFailed
from workbench.exchange.intake import anchors, rejected, root_anchor
from workbench.exchange.intake.ledger import LedgerVerdict, check_incoming, record_incoming
from workbench.exchange.intake.reader import (
    CountingSink,
    InlineSink,
    ReadContext,
    ReadPackage,
    RecordSink,
    Trust,
    check_envelope,
    read_package,
)
from workbench.exchange.intake.trust import FieldTrust, OfficeTrust
from workbench.exchange.package.framing import Limits
from workbench.exchange.package.manifest import Manifest
from workbench.exchange.records.recordio import PackageRecord
from workbench.exchange.to_office import team
from workbench.exchange.to_team import briefing, receipts
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.base import utcnow
from workbench.models.exchange import ExchangeDevice
from workbench.models.system import Attachment
from workbench.roles import Role
from workbench.store import audit
from workbench.store.attachments import size_limit
from workbench.store.engine import page_cache
from workbench.store.fsutil import is_disk_full, make_private_dir, open_private, readable_name
from workbench.store.pg import LATE_WRITE_LOCK, take_lock_on, take_store_lock
from workbench.store.separation import as_store_job
from workbench.store.vault import Vault

STAGES = ("staged", "decrypted", "validated", "written", "committed")
DISK_MARGIN = 64 << 20
COPY_CHUNK = 1 << 20
# SQLite's page cache while a package is written (default: 8 MB): records keyed by random ids
# land all over their indexes, and SQLCipher decrypts each page it reads back.
IMPORT_CACHE_KIB = 16 * 1024
# On the office server a team package whose records fit in this much memory is decrypted and
# checked before its import transaction, and its records new here are merged before the store's
# write lock is taken; a larger one is read under the lock, as on SQLite.
READ_AHEAD_BYTES = 64 << 20
# How long an import read ahead waits its turn for a lock (the sender's, the store's write
# lock): the others' imports, not a stuck writer.
LOCK_TURN_S = 600.0
Stage = Callable[[str], None]


def _nothing(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class ImportResult:
    status: str  # "imported" | "already_imported"
    package_id: str
    kind: str
    sender_device: str
    sender_user: str
    device_seq: int
    round_id: str | None
    counts: dict[str, int] = field(default_factory=dict)
    outcome: dict[str, int] = field(default_factory=dict)
    attachments_added: int = 0
    warnings: tuple[str, ...] = ()


def exchange_dir(vault: Vault, name: str) -> Path:
    return make_private_dir(vault.layout.root / "exchange" / name)


def make_trust(vault: Vault) -> Trust:
    with vault.read() as s:
        if vault.store_role == "office":
            devices = {d.device_id: d.signing_public for d in s.scalars(select(ExchangeDevice))}
            return OfficeTrust(office_keys(s), devices, revoked_ids(s))
        dk = device_keys(s)
        require_enrolled(dk)
        return FieldTrust(dk)


def _context(
    vault: Vault, session: Session, trust: Trust, path: Path, limits: Limits
) -> ReadContext:
    """What the reader asks of this store, answered in ``session``; records are only counted."""

    def has_blob(sha: str) -> bool:
        return session.get(Attachment, sha) is not None and vault.attachments.has_blob(session, sha)

    return ReadContext(
        trust=trust,
        ledger_check=lambda manifest, phash: check_incoming(session, manifest, phash),
        has_blob=has_blob,
        sink_for=lambda _manifest: CountingSink(),
        incoming=None,
        limits=limits,
        attachment_limit=min(size_limit(session), limits.max_blob_bytes),
        total_bytes=path.stat().st_size,
    )


def read_for(vault: Vault, path: Path, limits: Limits, on_stage: Stage) -> ReadPackage:
    """Check a package without writing (``verify``): every record is validated, then dropped."""
    trust = make_trust(vault)
    with vault.read() as s:
        return read_package(path, _context(vault, s, trust, path, limits), on_stage)


class _NotHeld(Exception):
    """The header is read and the ledger does not hold the package: stop reading."""


def _held_already(vault: Vault, path: Path, limits: Limits, trust: Trust) -> ReadPackage | None:
    """A package the ledger already holds (the same id and hash), known from its header alone,
    read from where it lies: re-importing it then copies nothing and writes nothing. Anything
    else, a refusal included, is left to the staged import, which refuses it on its own copy."""

    # ``held`` stops every read at the header: a duplicate is refused there before any sink
    # is asked for, so nothing of a held package is read outside the write lock.
    def held(manifest: Manifest, phash: str) -> LedgerVerdict:
        verdict = check_incoming(s, manifest, phash)
        if not verdict.duplicate:
            raise _NotHeld()
        return verdict

    if not path.is_file():
        return None
    try:
        with vault.read() as s:
            ctx = replace(_context(vault, s, trust, path, limits), ledger_check=held)
            return read_package(path, ctx)
    except (_NotHeld, WorkbenchError, OSError):
        return None


def _stage_copy(vault: Vault, path: Path, limits: Limits) -> Path:
    if not path.is_file():
        raise NotFound(f"文件不存在：{path}", path=str(path))
    size = path.stat().st_size
    if size > limits.max_package_bytes:
        raise PackageLimit(f"数据包文件超过大小上限 {limits.max_package_bytes} 字节")
    staging = exchange_dir(vault, "staging")
    leftovers = list(staging.iterdir())
    for leftover in leftovers:  # an import was interrupted (crash, power cut)
        with contextlib.suppress(OSError):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    if leftovers:  # it may have placed blob files whose rows were never committed
        with vault.read() as s:
            vault.attachments.collect_garbage(as_store_job(s))
    rejected.prune_store(vault)  # what has expired goes, before the free space is measured
    free = shutil.disk_usage(vault.layout.root).free
    if free < 2 * size + DISK_MARGIN:  # the staged copy, then the attachments it carries
        raise DiskFull(f"磁盘空间不足：导入此数据包约需 {(2 * size + DISK_MARGIN) >> 20} MiB")
    staged = staging / f"{uuid.uuid4().hex}.wbp"
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below, apart from the copy's errors
    except OSError as exc:
        raise NotFound(f"无法读取数据包文件：{readable_name(str(path))}", path=str(path)) from exc
    try:
        with source, open_private(staged, exclusive=True) as copy:
            shutil.copyfileobj(source, copy, COPY_CHUNK)
    except OSError as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise StagingFailed() from exc
    return staged


class _NotAhead(Exception):
    """Not a team package, or its records outgrow ``READ_AHEAD_BYTES``."""


class _ReadAhead(InlineSink):
    """A team package read and checked outside the write lock, its records held for the
    merge (``apply``)."""

    def __init__(self) -> None:
        self.records: list[tuple[PackageRecord, bytes]] = []
        self._bytes = 0

    def add(self, rec: PackageRecord, line: bytes) -> None:
        self._bytes += len(line)
        if self._bytes > READ_AHEAD_BYTES:
            raise _NotAhead()
        self.records.append((rec, line))

    def apply(
        self,
        vault: Vault,
        session: Session,
        read: ReadPackage,
        sink_for: Callable[[Manifest], RecordSink],
        cancel: CancelToken,
    ) -> ReadPackage:
        """In the import transaction, begun without the store's write lock: the sender's
        packages go one at a time (the ledger asked again: another desktop may have imported
        this one meanwhile), the records new here are merged and the blobs' rows sent, then the
        write lock is taken and the known records are merged under it (docs/store-format.md,
        "Package import")."""
        m = read.manifest
        take_lock_on(session.connection(), f"package sender {m.sender.device_id}", LOCK_TURN_S)
        read.verdict = check_incoming(session, m, read.checked.package_hash)
        if read.verdict.duplicate:
            return read
        audit.defer(session)  # the chain's next link is taken under the write lock
        sink = read.sink = sink_for(m)
        assert isinstance(sink, team.TeamMergeSink)
        for rec, line in self.records:
            sink.add(rec, line)
        sink.done()
        team.land_blobs_before_store_lock(vault, session, read, cancel)
        take_store_lock(session.connection(), LOCK_TURN_S)
        session.expire_all()  # from here on, what is read is what the others committed
        audit.append_deferred(session)
        # A writer that does not take the sender's lock (a package read under the store lock)
        # may have imported this one, or its neighbour, meanwhile: the ledger has the last word.
        read.verdict = check_incoming(session, m, read.checked.package_hash)
        if read.verdict.duplicate:
            raise _HeldMeanwhile()
        sink.merge_known()
        return read


class _HeldMeanwhile(Exception):
    """The package was imported by another desktop while this import merged it: roll back."""


def _read_ahead(
    vault: Vault,
    staged: Path,
    limits: Limits,
    trust: Trust,
    on_stage: Stage,
    progress: ProgressSink,
    cancel: CancelToken,
) -> tuple[ReadPackage, _ReadAhead] | None:
    """On the office server, a team package decrypted and checked in a read transaction (no
    lock): signatures, the ledger's verdict so far, every record, the counts. None elsewhere, or
    for a package that is not read ahead."""
    if vault.engine.dialect.name != "postgresql":
        return None
    ahead = _ReadAhead()

    def sink_for(manifest: Manifest) -> RecordSink:
        if manifest.kind != "team":
            raise _NotAhead()
        return ahead

    with vault.read() as s:
        as_store_job(s)
        ctx = replace(
            _context(vault, s, trust, staged, limits),
            sink_for=sink_for,
            incoming=vault.attachments,
            progress=progress,
            cancel=cancel,
        )
        try:
            return read_package(staged, ctx, on_stage), ahead
        except _NotAhead:
            return None


def _sink_for(
    session: Session, made: list[RecordSink], *, seen_later: bool = False
) -> Callable[[Manifest], RecordSink]:
    def sink(manifest: Manifest) -> RecordSink:
        if manifest.kind == "team":
            made.append(team.team_sink(session, manifest, seen_later=seen_later))
        elif manifest.kind == "briefing":  # a round's preparation
            made.append(briefing.BriefingSink(session, manifest.package_id))
        else:  # receipts: no records
            made.append(CountingSink())
        return made[-1]

    return sink


def _finish(
    vault: Vault, session: Session, read: ReadPackage, added: list[str]
) -> tuple[dict[str, int], Callable[[], None]]:
    """The writes that follow the records: attachments, a briefing or a receipt."""
    m = read.manifest
    if m.kind == "team":
        team.land_attachments(vault, session, read, added)
        return team.team_outcome(read), _nothing
    if m.kind == "briefing":
        return briefing.apply_briefing(session, read, exchange_dir(vault, "staging"))
    return receipts.apply_receipt(session, read), _nothing


def _import_transaction(
    vault: Vault,
    staged: Path,
    limits: Limits,
    trust: Trust,
    added: list[str],
    on_stage: Stage,
    progress: ProgressSink,
    cancel: CancelToken,
    ahead: tuple[ReadPackage, _ReadAhead] | None,
) -> tuple[ImportResult, Callable[[], None]]:
    """Read and write in one transaction: records are merged as they are validated (or, read
    ahead, as they were), and any later refusal (a blob's hash, a count, a cancel) rolls all of
    it back. Returned with what is left to do once it is committed. Read ahead (on the office
    server), it takes the store's write lock itself, late (``_ReadAhead.apply``)."""
    with vault.session() as s:
        if ahead is not None:
            s.connection(execution_options=LATE_WRITE_LOCK)  # BEGIN, without the write lock
        s.info["preserve_stamps"] = True
        as_store_job(s)  # the 系统管理员 carries packages: merged, never shown (三员分立)
        # Records may arrive in any order: SQLite checks foreign keys at the commit. The only
        # keys are a record's child rows to it, written after it: PostgreSQL needs no deferral.
        if s.get_bind().dialect.name == "sqlite":
            s.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        sinks: list[RecordSink] = []
        ctx = replace(
            _context(vault, s, trust, staged, limits),
            sink_for=_sink_for(s, sinks, seen_later=ahead is not None),
            incoming=vault.attachments,
            progress=progress,
            cancel=cancel,
        )
        try:
            if ahead is not None:
                read = ahead[1].apply(vault, s, ahead[0], ctx.sink_for, cancel)
            else:
                with page_cache(s, IMPORT_CACHE_KIB):
                    read = read_package(staged, ctx, on_stage)
        finally:
            for sink in sinks:
                sink.abort()  # drop what a failed read left unmerged
        if read.verdict.duplicate:
            return _result(read, "already_imported"), _nothing
        try:
            on_stage("validated")
            cancel.raise_if_cancelled()
            outcome, after = _finish(vault, s, read, added)
            m = read.manifest
            warnings = read.verdict.warnings + anchors.receive_claim(s, m)
            warnings += root_anchor.receive_root(s, m)
            record_incoming(s, read.checked, warnings)
            detail = {
                "kind": m.kind,
                "device_id": m.sender.device_id,
                "device_seq": m.device_seq,
                "counts": m.counts,
                "outcome": outcome,
                "warnings": list(warnings),
            }
            audit.record(s, "package.import", "package", m.package_id, detail)
            s.flush()
            on_stage("written")
            cancel.raise_if_cancelled()
        except BaseException:
            read.discard()
            raise
    return _result(read, "imported", outcome, len(added), warnings), after


def import_package(
    vault: Vault,
    path: Path,
    *,
    limits: Limits | None = None,
    on_stage: Stage = _nothing,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    """Import one package. ``progress`` gets (plaintext bytes read, package size); ``cancel`` is
    honoured until the commit (a cancelled import writes nothing but its refusal's audit entry).
    Records written in bulk reach the search index afterwards (``index_queue.catch_up``)."""
    limits = limits or Limits()
    if vault.store_role == "office":
        vault.require(Role.OFFICE, Role.SYSADMIN)
    else:
        vault.require(Role.TEAM_LEADER, Role.DEPUTY_LEADER, Role.SYSADMIN)
    trust = make_trust(vault)  # a store that cannot import says so before the package is touched
    held = _held_already(vault, Path(path), limits, trust)
    if held is not None:
        return _result(held, "already_imported")
    staged: Path | None = None
    result: ImportResult | None = None
    added: list[str] = []
    try:
        staged = _stage_copy(vault, Path(path), limits)
        on_stage("staged")
        check_envelope(staged)  # a hostile age header is refused before the write lock is taken
        # Python's cyclic collector, now and then, walks every tracked object of the process:
        # the modules, the ORM, the interface. An import allocates enough objects to set off
        # several such walks. Frozen, the objects that exist before the import are left out of
        # the walks until it ends: they are not the import's garbage.
        gc.freeze()
        try:
            ahead = _read_ahead(vault, staged, limits, trust, on_stage, progress, cancel)
            turn_ends = time.monotonic() + LOCK_TURN_S
            while True:
                try:
                    result, after = _import_transaction(
                        vault, staged, limits, trust, added, on_stage, progress, cancel, ahead
                    )
                    break
                except _HeldMeanwhile:  # another desktop imported it meanwhile: rolled back
                    assert ahead is not None
                    ahead[0].discard()
                    result, after = _result(ahead[0], "already_imported"), _nothing
                    break
                except StoreBusy:  # another desktop's import holds the lock: wait again
                    if ahead is None or added or time.monotonic() > turn_ends:
                        raise
        except sa_exc.IntegrityError as exc:  # e.g. a child row id that belongs elsewhere
            raise BadRecords("数据包中的记录与本库数据冲突（编号重复）") from exc
        finally:
            gc.unfreeze()
        if result.status == "imported":
            on_stage("committed")
    except BaseException as exc:
        _refuse(vault, Path(path), staged, result, added, exc)
        raise
    staged.unlink(missing_ok=True)
    after()  # committed: what remains (installing taxonomy files) is no longer a refusal
    return result


def _result(
    read: ReadPackage,
    status: str,
    outcome: dict[str, int] | None = None,
    attachments_added: int = 0,
    warnings: tuple[str, ...] = (),
) -> ImportResult:
    m = read.manifest
    return ImportResult(
        status=status,
        package_id=m.package_id,
        kind=m.kind,
        sender_device=m.sender.device_id,
        sender_user=m.sender.display_name or m.sender.user,
        device_seq=m.device_seq,
        round_id=m.round_id,
        counts=dict(m.counts),
        outcome=outcome or {},
        attachments_added=attachments_added,
        warnings=warnings,
    )


def _refuse(
    vault: Vault,
    path: Path,
    staged: Path | None,
    result: ImportResult | None,
    added: list[str],
    exc: BaseException,
) -> None:
    """Undo what a failed import left on disk, keep the package aside, audit the refusal."""
    if added:
        with vault.read() as s:
            as_store_job(s)
            orphans = [sha for sha in added if s.get(Attachment, sha) is None]
        for sha in orphans:
            with contextlib.suppress(OSError):
                vault.attachments.discard_blob(sha)
    if not isinstance(exc, Exception):  # KeyboardInterrupt and the like: no verdict to record
        return
    kept: Path | None = None
    if staged is not None and staged.exists():
        stamp = utcnow().strftime("%Y%m%dT%H%M%S")
        kept = exchange_dir(vault, "rejected") / f"{stamp}-{uuid.uuid4().hex[:6]}-{path.name[:80]}"
        with contextlib.suppress(OSError):
            staged.replace(kept)
        with contextlib.suppress(Exception):  # a refusal is reported whatever happens here
            rejected.prune_store(vault, keep=kept)
    detail: dict[str, Any] = {"code": "WB-INTERNAL", "reason": type(exc).__name__}
    detail["file"] = path.name[:200]
    held = None
    if isinstance(exc, WorkbenchError):
        detail.update(code=exc.code, reason=exc.message)
        detail["details"] = {k: str(v)[:200] for k, v in exc.details.items()}
        exc.details.setdefault("kept_at", str(kept) if kept else str(path))
        held = exc.details.get("other_package")
    package_id = None
    if result is not None:  # refused after its commit (by on_stage)
        package_id = result.package_id
        detail.update(device_id=result.sender_device, device_seq=result.device_seq)
    if kept is not None:
        detail["kept_at"] = str(kept)
    with contextlib.suppress(Exception), vault.session() as s:
        audit.record(s, "package.reject", "package", package_id, detail)
        if held is not None:  # it contradicts a package already held: flag that one
            alert = {**detail, "refused_package": package_id}
            audit.record(s, "package.alert", "package", str(held), alert)
