"""The import pipeline: stage → decrypt → verify → check blobs → validate → write → unstage.

Everything before "written" only reads the store; the writes happen in one transaction that also
records the package in the ledger. Any failure writes nothing but one audit entry for the refusal,
moves the staged (still encrypted) copy to ``exchange/rejected/`` and raises a coded error.
``on_stage`` is told each stage as it is reached (the kill tests stop the process there).
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select

from workbench.errors import DiskFull, NotFound, WorkbenchError
from workbench.exchange import briefing, receipts, team
from workbench.exchange.errors import BadRecords, PackageLimit
from workbench.exchange.framing import Limits
from workbench.exchange.identity import device_keys, office_keys, require_enrolled, revoked_ids
from workbench.exchange.ledger import LedgerVerdict, check_incoming, record_incoming
from workbench.exchange.manifest import Manifest
from workbench.exchange.reader import ReadPackage, Trust, read_package
from workbench.exchange.trust import DeviceSnapshot, FieldTrust, OfficeTrust
from workbench.exchange.writer import schema_version
from workbench.models.base import utcnow
from workbench.models.exchange import ExchangeDevice
from workbench.models.system import Attachment
from workbench.roles import Role
from workbench.store import audit
from workbench.store.attachments import size_limit
from workbench.store.vault import Vault

STAGES = ("staged", "decrypted", "validated", "written", "committed")
DISK_MARGIN = 64 << 20
Stage = Callable[[str], None]


def _no_stage(_stage: str) -> None:
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
    path = vault.layout.root / "exchange" / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_trust(vault: Vault) -> Trust:
    with vault.read() as s:
        if vault.store_role == "office":
            devices = {
                d.device_id: DeviceSnapshot(d.device_id, d.signing_public)
                for d in s.scalars(select(ExchangeDevice))
            }
            return OfficeTrust(office_keys(s), devices, revoked_ids(s), schema_version())
        dk = device_keys(s)
        require_enrolled(dk)
        return FieldTrust(dk, schema_version())


def _has_blob(vault: Vault) -> Callable[[str], bool]:
    def has(sha: str) -> bool:
        with vault.read() as s:
            known = s.get(Attachment, sha) is not None
        return known and vault.attachments.blob_path(sha).exists()

    return has


def _ledger(vault: Vault) -> Callable[[Manifest, str], LedgerVerdict]:
    def check(manifest: Manifest, phash: str) -> LedgerVerdict:
        with vault.read() as s:
            return check_incoming(s, manifest, phash)

    return check


def read_for(
    vault: Vault, path: Path, limits: Limits, spool: Path | None, on_stage: Stage
) -> ReadPackage:
    with vault.read() as s:
        attachment_limit = size_limit(s)
    return read_package(
        path,
        make_trust(vault),
        ledger_check=_ledger(vault),
        has_blob=_has_blob(vault),
        spool_dir=spool,
        limits=limits,
        attachment_limit=min(attachment_limit, limits.max_blob_bytes),
        on_stage=on_stage,
    )


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
            vault.attachments.collect_garbage(s)
    free = shutil.disk_usage(vault.layout.root).free
    if free < 2 * size + DISK_MARGIN:  # the staged copy, then the attachments it carries
        raise DiskFull(f"磁盘空间不足：导入此数据包约需 {(2 * size + DISK_MARGIN) >> 20} MiB")
    staged = staging / f"{uuid.uuid4().hex}.wbp"
    try:
        shutil.copyfile(path, staged)
    except OSError as exc:
        with contextlib.suppress(OSError):
            staged.unlink()
        raise DiskFull() from exc
    return staged


def _write(
    vault: Vault, read: ReadPackage, added: list[str], on_stage: Stage
) -> tuple[dict[str, int], tuple[str, ...], Callable[[], None]] | None:
    """The one write transaction; None when the ledger turns out to hold the package already."""
    m = read.manifest
    with vault.session() as s:
        s.info["preserve_stamps"] = True
        verdict = check_incoming(s, m, read.checked.package_hash)  # again, under the write lock
        if verdict.duplicate:
            return None
        after: Callable[[], None] = _nothing
        if m.kind == "team":
            outcome = team.apply_team(vault, s, read, added)
        elif m.kind == "briefing":
            outcome, after = briefing.apply_briefing(s, read, exchange_dir(vault, "staging"))
        else:
            outcome = receipts.apply_receipt(s, read)
        record_incoming(s, read.checked, verdict.warnings)
        detail = {
            "kind": m.kind,
            "device_id": m.sender.device_id,
            "device_seq": m.device_seq,
            "counts": m.counts,
            "outcome": outcome,
            "warnings": list(verdict.warnings),
        }
        audit.record(s, "package.import", "package", m.package_id, detail)
        s.flush()
        on_stage("written")
    return outcome, verdict.warnings, after


def _nothing() -> None:
    return None


def import_package(
    vault: Vault, path: Path, *, limits: Limits | None = None, on_stage: Stage = _no_stage
) -> ImportResult:
    limits = limits or Limits()
    if vault.store_role == "office":
        vault.require(Role.OFFICE, Role.SYSADMIN)
    else:
        vault.require(Role.TEAM_LEADER, Role.DEPUTY_LEADER, Role.SYSADMIN)
    make_trust(vault)  # a store that cannot import says so before the package is touched
    staged: Path | None = None
    read: ReadPackage | None = None
    added: list[str] = []
    after: Callable[[], None] = _nothing
    try:
        staged = _stage_copy(vault, Path(path), limits)
        on_stage("staged")
        read = read_for(vault, staged, limits, staged.parent, on_stage)
        m = read.manifest
        status = "already_imported"
        outcome: dict[str, int] = {}
        warnings: tuple[str, ...] = ()
        if not read.verdict.duplicate:
            try:
                written = _write(vault, read, added, on_stage)
            except sa_exc.IntegrityError as exc:  # e.g. a child row id that belongs elsewhere
                raise BadRecords("数据包中的记录与本库数据冲突（编号重复）") from exc
            if written is not None:
                outcome, warnings, after = written
                status = "imported"
                on_stage("committed")
    except BaseException as exc:
        _refuse(vault, Path(path), staged, read, added, exc)
        raise
    finally:
        if read is not None:
            read.discard()
    if staged is not None:
        staged.unlink(missing_ok=True)
    after()  # committed: what remains (installing taxonomy files) is no longer a refusal
    return ImportResult(
        status=status,
        package_id=m.package_id,
        kind=m.kind,
        sender_device=m.sender.device_id,
        sender_user=m.sender.display_name or m.sender.user,
        device_seq=m.device_seq,
        round_id=m.round_id,
        counts=dict(m.counts),
        outcome=outcome,
        attachments_added=len(added),
        warnings=warnings,
    )


def _refuse(
    vault: Vault,
    path: Path,
    staged: Path | None,
    read: ReadPackage | None,
    added: list[str],
    exc: BaseException,
) -> None:
    """Undo what a failed import left on disk, keep the package aside, audit the refusal."""
    if added:
        with vault.read() as s:
            orphans = [sha for sha in added if s.get(Attachment, sha) is None]
        for sha in orphans:
            with contextlib.suppress(OSError):
                vault.attachments.blob_path(sha).unlink()
    if not isinstance(exc, Exception):  # KeyboardInterrupt and the like: no verdict to record
        return
    kept: Path | None = None
    if staged is not None and staged.exists():
        stamp = utcnow().strftime("%Y%m%dT%H%M%S")
        kept = exchange_dir(vault, "rejected") / f"{stamp}-{uuid.uuid4().hex[:6]}-{path.name[:80]}"
        with contextlib.suppress(OSError):
            staged.replace(kept)
    code = exc.code if isinstance(exc, WorkbenchError) else "WB-INTERNAL"
    message = exc.message if isinstance(exc, WorkbenchError) else type(exc).__name__
    detail: dict[str, Any] = {"code": code, "reason": message, "file": path.name[:200]}
    package_id = None
    if read is not None:
        package_id = read.manifest.package_id
        detail.update(device_id=read.manifest.sender.device_id, device_seq=read.manifest.device_seq)
    if kept is not None:
        detail["kept_at"] = str(kept)
    if isinstance(exc, WorkbenchError):
        detail["details"] = {k: str(v)[:200] for k, v in exc.details.items()}
        exc.details.setdefault("kept_at", str(kept) if kept else str(path))
    with contextlib.suppress(Exception), vault.session() as s:
        audit.record(s, "package.reject", "package", package_id, detail)
        if code == "WB-PKG-SEQ-REUSED":
            audit.record(s, "package.alert", "package", package_id, detail)
