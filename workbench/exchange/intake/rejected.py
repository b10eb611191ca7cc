"""Refused packages kept aside in ``exchange/rejected/``, for a while and up to a size.

A refused package is kept (still encrypted) so that someone can look into the refusal; the audit
entry of the refusal says where. Kept for ever they would fill the disk, one hostile medium at a
time, so the store keeps them for ``keep_days`` and within ``max_bytes`` (both per store, in
``store_meta``): the oldest go first when a package is added and at each import. Age is the
file's modification time, set when the refused copy was made.
"""

from __future__ import annotations

import contextlib
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models.system import StoreMeta
from workbench.roles import Role
from workbench.store import audit
from workbench.store.vault import Vault

DEFAULT_KEEP_DAYS = 30
DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
KEEP_DAYS_KEY = "rejected_keep_days"
MAX_BYTES_KEY = "rejected_max_bytes"
MAX_KEEP_DAYS = 3650
MAX_MAX_BYTES = 1 << 40  # 1 TiB


@dataclass(frozen=True)
class Retention:
    keep_days: int
    max_bytes: int


def _meta_int(session: Session, key: str, default: int) -> int:
    row = session.get(StoreMeta, key)
    return int(row.value) if row is not None else default


def retention(session: Session) -> Retention:
    return Retention(
        _meta_int(session, KEEP_DAYS_KEY, DEFAULT_KEEP_DAYS),
        _meta_int(session, MAX_BYTES_KEY, DEFAULT_MAX_BYTES),
    )


def set_retention(
    vault: Vault, *, keep_days: int | None = None, max_bytes: int | None = None
) -> Retention:
    """Change how long and how much is kept (系统管理员); what is left unset stays."""
    vault.require(Role.SYSADMIN)
    if keep_days is not None and not 1 <= keep_days <= MAX_KEEP_DAYS:
        raise ValidationError(f"保留天数须在 1 到 {MAX_KEEP_DAYS} 之间", field="keep_days")
    if max_bytes is not None and not 1 << 20 <= max_bytes <= MAX_MAX_BYTES:
        raise ValidationError("保留总量须在 1 MiB 到 1 TiB 之间", field="max_bytes")
    with vault.session() as s:
        for key, value in ((KEEP_DAYS_KEY, keep_days), (MAX_BYTES_KEY, max_bytes)):
            if value is not None:
                s.merge(StoreMeta(key=key, value=str(value)))
        policy = retention(s)
        detail = {"keep_days": policy.keep_days, "max_bytes": policy.max_bytes}
        audit.record(s, "exchange.rejected_retention", "store", None, detail)
    return policy


def folder(vault: Vault) -> Path:
    """Where the importer keeps refused packages (it creates the folder on the first refusal)."""
    return vault.layout.root / "exchange" / "rejected"


@dataclass(frozen=True)
class Kept:
    path: Path
    size: int
    mtime: float


def kept_packages(folder: Path) -> list[Kept]:
    """The refused packages kept in ``folder``, oldest first."""
    found: list[Kept] = []
    try:
        paths = list(folder.iterdir())
    except OSError:  # no folder yet (nothing refused), or unreadable: housekeeping waits
        return found
    for path in paths:
        with contextlib.suppress(OSError):
            st = path.lstat()
            if stat.S_ISREG(st.st_mode):
                found.append(Kept(path, st.st_size, st.st_mtime))
    return sorted(found, key=lambda k: (k.mtime, k.path.name))


def prune_store(vault: Vault, keep: Path | None = None) -> None:
    """Remove the packages older than the store's ``keep_days``, then the oldest until the rest
    fit within its ``max_bytes``. ``keep``, the package just refused (its error names it),
    always stays."""
    held = kept_packages(folder(vault))
    if not held:
        return
    with vault.read() as s:
        policy = retention(s)
    cutoff = time.time() - policy.keep_days * 86400
    total = sum(k.size for k in held)
    for k in held:  # oldest first: the expired ones, then whatever is over the cap
        if k.path == keep or (k.mtime >= cutoff and total <= policy.max_bytes):
            continue
        try:
            k.path.unlink()
        except OSError:
            continue
        total -= k.size


@dataclass(frozen=True)
class RejectedStatus:
    folder: str
    keep_days: int
    max_bytes: int
    count: int
    total_bytes: int


def status(vault: Vault) -> RejectedStatus:
    with vault.read() as s:
        policy = retention(s)
    held = kept_packages(folder(vault))
    return RejectedStatus(
        str(folder(vault)),
        policy.keep_days,
        policy.max_bytes,
        len(held),
        sum(k.size for k in held),
    )
