"""Refused packages are kept aside for a while and up to a size, not for ever: one hostile medium
after another must not fill the office's disk. Ages are set on the files (``os.utime``)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import World, WorldTemplate, add_finding, world_in
from workbench import exchange as ex
from workbench.errors import PermissionDenied, ValidationError
from workbench.exchange.errors import PackageRejected
from workbench.exchange.intake import rejected
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.vault import Vault

DAY = 86400


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _junk(w: World, name: str, size: int = 1000) -> Path:
    path = w.dir / name
    path.write_bytes(b"age-encryption.org/v1\n-> X25519 nonsense\n--- x\n" + b"\x00" * size)
    return path


def _refuse(w: World, path: Path) -> Path:
    with pytest.raises(PackageRejected) as info:
        ex.import_package(w.office, path)
    return Path(info.value.details["kept_at"])


def _kept_earlier(w: World, name: str, days_ago: float, size: int = 1000) -> Path:
    """A package refused ``days_ago`` (as its file's modification time tells)."""
    folder = rejected.folder(w.office)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"\x01" * size)
    when = time.time() - days_ago * DAY
    os.utime(path, (when, when))
    return path


def _names(w: World) -> set[str]:
    return {p.name for p in rejected.folder(w.office).iterdir()}


def test_a_refusal_removes_what_is_older_than_the_kept_days(w: World) -> None:
    old = _kept_earlier(w, "old.wbp", days_ago=31)
    recent = _kept_earlier(w, "recent.wbp", days_ago=29)
    kept = _refuse(w, _junk(w, "junk.wbp"))
    assert _names(w) == {recent.name, kept.name} and not old.exists()


def test_an_import_also_removes_what_has_expired(w: World) -> None:
    rejected.set_retention(w.office, keep_days=7)
    _kept_earlier(w, "eight.wbp", days_ago=8)
    six = _kept_earlier(w, "six.wbp", days_ago=6)
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    assert ex.import_package(w.office, w.dir / "p.wbp").status == "imported"
    assert _names(w) == {six.name}


def test_over_the_size_cap_the_oldest_go_first(w: World) -> None:
    rejected.set_retention(w.office, max_bytes=1 << 20)
    size = 400 << 10
    first = _kept_earlier(w, "first.wbp", days_ago=3, size=size)
    second = _kept_earlier(w, "second.wbp", days_ago=2, size=size)
    third = _kept_earlier(w, "third.wbp", days_ago=1, size=size)
    kept = _refuse(w, _junk(w, "junk.wbp", size=size))  # 1.6 MiB held: two must go
    assert _names(w) == {third.name, kept.name}
    assert not first.exists() and not second.exists()
    state = rejected.status(w.office)
    assert (state.count, state.max_bytes) == (2, 1 << 20) and state.total_bytes <= 1 << 20


def test_the_package_just_refused_stays_even_alone_over_the_cap(w: World) -> None:
    rejected.set_retention(w.office, max_bytes=1 << 20)
    older = _kept_earlier(w, "older.wbp", days_ago=1)
    kept = _refuse(w, _junk(w, "big.wbp", size=(1 << 20) + 1))
    assert kept.exists() and not older.exists()  # its error names it: it is there to look at


def test_the_retention_is_the_store_s_setting_and_checked(w: World) -> None:
    state = rejected.status(w.office)
    assert (state.keep_days, state.max_bytes, state.count) == (30, 1 << 30, 0)
    rejected.set_retention(w.office, keep_days=90)
    rejected.set_retention(w.office, max_bytes=5 << 30)
    w.close()
    w.vaults.clear()
    reopened = rejected.status(w.office)  # read back from the store
    assert (reopened.keep_days, reopened.max_bytes) == (90, 5 << 30)
    for bad in ({"keep_days": 0}, {"keep_days": 100_000}, {"max_bytes": 1000}):
        with pytest.raises(ValidationError):
            rejected.set_retention(w.office, **bad)
    assert rejected.status(w.office).keep_days == 90


def test_only_the_system_administrator_sets_the_retention(w: World) -> None:
    """巡察办 staff without 系统管理员 are refused in the core, and nothing changes."""
    add_user(w.office, "staff", "staff passphrase", (Role.OFFICE,))
    staff = Vault.open(w.office.layout.root, "staff", "staff passphrase")
    try:
        with pytest.raises(PermissionDenied):
            rejected.set_retention(staff, keep_days=90)
    finally:
        staff.lock()
    assert rejected.status(w.office).keep_days == 30
