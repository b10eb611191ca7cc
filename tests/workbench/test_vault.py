"""Unlocking, wrong passphrases, passphrase changes, recovery and locking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.helpers import snapshot
from workbench.errors import (
    AuthenticationError,
    KeyfileDamaged,
    RecoveryCodeInvalid,
    StoreExists,
    StoreLocked,
    StoreNotFound,
    UnlockThrottled,
    UserDisabled,
    ValidationError,
)
from workbench.roles import Role
from workbench.services import users
from workbench.store.keyfile import KdfParams
from workbench.store.throttle import UnlockThrottle, delay_after
from workbench.store.unlocked import MIN_PASSPHRASE_CHARS
from workbench.store.vault import Vault


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_open_reports_user_and_store(vault: Vault) -> None:
    assert vault.user.name == LEADER
    assert vault.user.roles == (Role.TEAM_LEADER, Role.SYSADMIN)
    assert vault.store_role == "field"
    with vault.read() as s:
        assert s.execute(text("PRAGMA cipher_version")).scalar().startswith("4.")
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_wrong_passphrase_changes_no_file(store_dir: Path, tmp_path: Path) -> None:
    before = snapshot(store_dir)
    throttle = UnlockThrottle(tmp_path / "throttle.json")
    for attempt in ("wrong", PASSPHRASE + " ", PASSPHRASE.upper()):
        with pytest.raises(AuthenticationError):
            Vault.open(store_dir, LEADER, attempt, throttle=throttle)
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, "nobody", PASSPHRASE, throttle=UnlockThrottle(tmp_path / "t2.json"))
    assert snapshot(store_dir) == before


def test_repeated_failures_grow_the_delay(store_dir: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    throttle = UnlockThrottle(tmp_path / "throttle.json", clock=clock)
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            Vault.open(store_dir, LEADER, "wrong passphrase", throttle=throttle)
    with pytest.raises(UnlockThrottled) as info:
        Vault.open(store_dir, LEADER, PASSPHRASE, throttle=throttle)
    assert info.value.details["wait_seconds"] == pytest.approx(1.0)
    clock.now += 1.5
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, "wrong again", throttle=throttle)
    clock.now += 1.5  # the 4th failure asks for 2 s
    with pytest.raises(UnlockThrottled):
        Vault.open(store_dir, LEADER, PASSPHRASE, throttle=throttle)
    clock.now += 1.0
    Vault.open(store_dir, LEADER, PASSPHRASE, throttle=throttle).lock()
    assert throttle.failures(Vault_store_id(store_dir)) == 0
    assert [delay_after(n) for n in range(3, 7)] == [1, 2, 4, 8]
    assert delay_after(100) == 300


def Vault_store_id(store_dir: Path) -> str:
    from workbench.store.keyfile import Keyfile

    return Keyfile.read(store_dir / "keyfile.json").store_id


def test_unlock_records_failures_in_the_audit(store_dir: Path, tmp_path: Path) -> None:
    throttle = UnlockThrottle(tmp_path / "t.json")
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, "nope nope", throttle=throttle)
    with Vault.open(store_dir, LEADER, PASSPHRASE, throttle=throttle) as v, v.read() as s:
        from workbench.store import audit

        last = next(audit.iter_entries(s, action="unlock", limit=1))
    assert last.detail == {"failed_before": 1}


@pytest.mark.parametrize(
    "tricky", ['it\'s "quoted"; DROP TABLE users; --', "x'00'; PRAGMA key='", "口令；含‘引号’"]
)
def test_passphrases_with_quotes_and_semicolons(tmp_path: Path, tricky: str) -> None:
    vault, _ = Vault.create(tmp_path / "s", user_name="u", passphrase=tricky)
    vault.lock()
    with Vault.open(tmp_path / "s", "u", tricky) as again:
        assert again.user.name == "u"


def test_change_passphrase_rewrites_only_the_keyfile(vault: Vault, store_dir: Path) -> None:
    before = snapshot(store_dir)
    db_before = (store_dir / "workbench.db").read_bytes()
    vault.change_passphrase(PASSPHRASE, "a brand new passphrase")
    vault.lock()
    after = snapshot(store_dir)
    assert after["keyfile.json"] != before["keyfile.json"]
    assert (store_dir / "workbench.db").read_bytes()[:4096] == db_before[:4096]  # no rekey
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, PASSPHRASE)
    Vault.open(store_dir, LEADER, "a brand new passphrase").lock()


def test_change_needs_the_old_passphrase(vault: Vault, store_dir: Path) -> None:
    before = snapshot(store_dir)
    with pytest.raises(AuthenticationError) as info:
        vault.change_passphrase("not the old one", "another passphrase")
    assert "当前口令不正确" in info.value.message  # not the unlock's 用户名或口令不正确
    with pytest.raises(ValidationError) as short:
        vault.change_passphrase(PASSPHRASE, "short")
    assert str(MIN_PASSPHRASE_CHARS) in short.value.message
    assert snapshot(store_dir)["keyfile.json"] == before["keyfile.json"]


def test_interrupted_change_keeps_the_old_passphrase(
    vault: Vault, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(src: object, dst: object) -> None:
        raise OSError("power cut before the atomic replace")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        vault.change_passphrase(PASSPHRASE, "never written passphrase")
    monkeypatch.undo()
    vault.lock()
    assert not [p for p in store_dir.iterdir() if ".tmp-" in p.name]
    Vault.open(store_dir, LEADER, PASSPHRASE).lock()
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, "never written passphrase")


def test_recovery_code_sets_a_new_passphrase(store_dir: Path, recovery_code: str) -> None:
    vault, new_code = Vault.open_with_recovery_code(
        store_dir, recovery_code, LEADER, "recovered passphrase"
    )
    vault.lock()
    assert new_code != recovery_code
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, LEADER, PASSPHRASE)
    Vault.open(store_dir, LEADER, "recovered passphrase").lock()
    with pytest.raises(AuthenticationError):  # the used code was replaced
        Vault.open_with_recovery_code(store_dir, recovery_code, LEADER, "yet another one")
    Vault.open_with_recovery_code(store_dir, new_code, LEADER, "yet another one")[0].lock()


def test_another_stores_recovery_code_says_so(store_dir: Path, tmp_path: Path) -> None:
    _, foreign = Vault.create(tmp_path / "other", user_name=LEADER, passphrase=PASSPHRASE)
    with pytest.raises(RecoveryCodeInvalid) as info:
        Vault.open_with_recovery_code(store_dir, foreign, LEADER, "whatever passphrase")
    assert info.value.message == "恢复码不正确"
    Vault.open(store_dir, LEADER, PASSPHRASE).lock()


def test_mistyped_recovery_code_names_the_group(store_dir: Path, recovery_code: str) -> None:
    groups = recovery_code.split("-")
    groups[0] = f"{(int(groups[0]) + 2) % 1_000_000:06d}"
    with pytest.raises(RecoveryCodeInvalid) as info:
        Vault.open_with_recovery_code(store_dir, "-".join(groups), LEADER, "whatever passphrase")
    assert info.value.details["group"] == 1


def test_each_user_unlocks_with_their_own_passphrase(vault: Vault, store_dir: Path) -> None:
    users.add_user(
        vault, "recorder", "recorder passphrase", ("记录员/信访专员",), display_name="陈静"
    )
    with Vault.open(store_dir, "recorder", "recorder passphrase") as other:
        assert other.user.roles == (Role.RECORDER,)
    with pytest.raises(AuthenticationError):
        Vault.open(store_dir, "recorder", PASSPHRASE)
    users.disable_user(vault, "recorder")
    with pytest.raises((AuthenticationError, UserDisabled)):
        Vault.open(store_dir, "recorder", "recorder passphrase")


def test_auditor_is_never_also_an_administrator(vault: Vault) -> None:
    with pytest.raises(ValidationError):
        users.add_user(vault, "a1", "auditor passphrase", ("安全审计员", "系统管理员"))
    with pytest.raises(ValidationError):
        users.add_user(vault, "a2", "auditor passphrase", (Role.AUDITOR, Role.SECADMIN))
    users.add_user(vault, "a3", "auditor passphrase", (Role.AUDITOR,))


@pytest.mark.parametrize("roles", [("组长",), ("巡察办", "安全保密管理员"), ("安全审计员",)])
def test_a_first_user_who_cannot_add_users_is_refused(
    tmp_path: Path, roles: tuple[str, ...]
) -> None:
    """Only a 系统管理员 adds users: without one, a store could never gain a second user."""
    with pytest.raises(ValidationError) as info:
        Vault.create(tmp_path / "s", user_name=LEADER, passphrase=PASSPHRASE, roles=roles)
    assert info.value.code == "WB-VALIDATION" and info.value.details["field"] == "roles"
    assert "系统管理员" in info.value.message and "添加" in info.value.message
    assert list(tmp_path.iterdir()) == []  # nothing made, not even a half-built folder


def test_lock_disposes_the_engine_and_zeroes_the_key(vault: Vault) -> None:
    key = vault.dek
    assert any(key)
    vault.lock()
    assert not any(key)
    with pytest.raises(StoreLocked):
        _ = vault.engine
    with pytest.raises(StoreLocked), vault.read():
        pass


def test_create_refuses_to_overwrite(store_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreExists):
        Vault.create(store_dir, user_name="x", passphrase="long enough pass")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(StoreExists):
        Vault.create(tmp_path / "busy", user_name="x", passphrase="long enough pass")
    with pytest.raises(ValidationError):
        Vault.create(tmp_path / "short", user_name="x", passphrase="short")
    assert not (tmp_path / "short").exists()


def test_missing_store_and_damaged_keyfile(tmp_path: Path, store_dir: Path) -> None:
    with pytest.raises(StoreNotFound):
        Vault.open(tmp_path / "nothing", LEADER, PASSPHRASE)
    (store_dir / "keyfile.json").write_bytes(b"{broken")
    with pytest.raises(KeyfileDamaged):
        Vault.open(store_dir, LEADER, PASSPHRASE)


@pytest.mark.usefixtures("production_kdf_floor")
def test_stores_and_their_new_slots_take_the_production_parameters(
    store_dir: Path, tmp_path: Path
) -> None:
    """What a store gets without ``kdf=``; the template stores' cheap slots then no longer open."""
    vault, _ = Vault.create(tmp_path / "s", user_name="u", passphrase=PASSPHRASE)
    with vault:
        users.add_user(vault, "zhang", PASSPHRASE, (Role.MEMBER,))
        assert {slot.kdf for slot in vault.keyfile.slots} == {KdfParams()}
    assert KdfParams() == KdfParams(3, 4, 64 * 1024)
    with pytest.raises(KeyfileDamaged):
        Vault.open(store_dir, LEADER, PASSPHRASE)
