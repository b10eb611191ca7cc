"""Backups as the 系统管理员 manages them (三员分立): taking one, checking one, restoring one.

The file itself is ``store/backup.py``'s. Here: who may, the audit entry, and when the last
backup was taken (``store_meta``), which the desktop's reminder compares with its interval.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.errors import AuthenticationError, PermissionDenied
from workbench.i18n import N_
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.base import utcnow
from workbench.models.system import StoreMeta
from workbench.roles import Role
from workbench.store import audit, backup
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.vault import Vault

LAST_BACKUP_KEY = "last_backup_at"
RESTORE_NEEDS_SYSADMIN = N_("只有系统管理员能从备份恢复：请用备份中系统管理员的用户名和口令")


@dataclass(frozen=True)
class BackupDone:
    path: Path
    bytes: int
    blobs: int
    at: datetime


@dataclass(frozen=True)
class BackupFacts:
    """What a checked backup says of itself (its HMAC held, so this is what was written)."""

    path: Path
    size: int
    created_at: datetime | None
    store_id: str
    app_version: str


def backup_store(
    vault: Vault,
    target: Path,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BackupDone:
    """Write an encrypted backup of the whole store to ``target`` (系统管理员 only)."""
    vault.require(Role.SYSADMIN)
    counts = backup.write_backup(
        vault.layout,
        vault.keyfile,
        vault.dek,
        vault.engine,
        target,
        progress=progress,
        cancel=cancel,
    )
    at = utcnow()
    with vault.session() as s:
        audit.record(s, "backup", "store", vault.store_id, {"to": str(target), **counts})
        set_last_backup_at(s, at)
    return BackupDone(target, counts["bytes"], counts["blobs"], at)


def last_backup_at(session: Session) -> datetime | None:
    """When the last backup of this store was taken (UTC), or None if never."""
    row = session.get(StoreMeta, LAST_BACKUP_KEY)
    if row is None:
        return None
    try:
        return datetime.fromisoformat(row.value)
    except ValueError:
        return None  # a value we did not write: as if never backed up, so the reminder shows


def backup_overdue(last: datetime | None, interval_days: int, now: datetime) -> bool:
    """Whether to remind: never backed up, or longer ago than the interval (0: never remind)."""
    if interval_days <= 0:
        return False
    return last is None or now - last > timedelta(days=interval_days)


def set_last_backup_at(session: Session, at: datetime) -> None:
    row = session.get(StoreMeta, LAST_BACKUP_KEY)
    if row is None:
        session.add(StoreMeta(key=LAST_BACKUP_KEY, value=at.isoformat()))
    else:
        row.value = at.isoformat()


def _passphrase_key(user_name: str, passphrase: str) -> Callable[[Keyfile], bytearray]:
    """Opens a backup's keyfile with one user's passphrase, as unlocking the store would."""
    secret = normalize_passphrase(passphrase)

    def unlock_key(keyfile: Keyfile) -> bytearray:
        for slot in keyfile.passphrase_slots(user_hint(keyfile.store_id, user_name.strip())):
            try:
                return open_slot(keyfile.store_id, slot, secret)
            except AuthenticationError:
                continue
        raise AuthenticationError()

    return unlock_key


def verify_backup_file(
    path: Path,
    user_name: str,
    passphrase: str,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> BackupFacts:
    """Read the whole backup and check it (a passphrase of a user in it opens its key); writes
    nothing."""
    header = backup.verify_backup(
        path, _passphrase_key(user_name, passphrase), progress=progress, cancel=cancel
    )
    created = header.get("created_at")
    try:
        created_at = datetime.fromisoformat(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    return BackupFacts(
        path=path,
        size=path.stat().st_size,
        created_at=created_at,
        store_id=str(header.get("store_id", "")),
        app_version=str(header.get("app_version", "")),
    )


def restore_store(
    path: Path,
    directory: Path,
    user_name: str,
    passphrase: str,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Path:
    """Restore a backup into ``directory`` (missing or empty: a store is never overwritten).

    The one restoring must be a 系统管理员 of the backup; otherwise the restored copy is
    removed again. The restored store records the restore and, as its last backup, the time the
    backup was taken."""
    backup.restore_backup(
        path, directory, _passphrase_key(user_name, passphrase), progress=progress, cancel=cancel
    )
    try:
        created = backup.read_header(path).get("created_at")
        with Vault.open(directory, user_name, passphrase) as vault:
            if not vault.user.has(Role.SYSADMIN):
                raise PermissionDenied(RESTORE_NEEDS_SYSADMIN)
            with vault.session() as s:
                audit.record(s, "restore", "store", vault.store_id, {"from": str(path)})
                if isinstance(created, str):
                    with contextlib.suppress(ValueError):
                        set_last_backup_at(s, datetime.fromisoformat(created))
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return directory
