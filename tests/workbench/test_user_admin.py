"""Administration: users (三员 rule, disable and enable) and backups, only by the 系统管理员."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from workbench.errors import (
    AuthenticationError,
    BackupInvalid,
    Conflict,
    PermissionDenied,
    UserDisabled,
    ValidationError,
)
from workbench.models.base import utcnow
from workbench.roles import ADMIN_AND_BUSINESS, Role, role_mix_warning
from workbench.services import backups, users
from workbench.services.users import LAST_SYSADMIN
from workbench.store.vault import Vault

MEMBER_PASS = "member passphrase"


def _member(vault: Vault, store_dir: Path) -> Vault:
    users.add_user(vault, "member", MEMBER_PASS, (Role.MEMBER,))
    return Vault.open(store_dir, "member", MEMBER_PASS)


def test_only_a_sysadmin_adds_disables_or_enables_users(vault: Vault, store_dir: Path) -> None:
    with _member(vault, store_dir) as member:
        with pytest.raises(PermissionDenied):
            users.add_user(member, "x", "x passphrase", (Role.MEMBER,))
        with pytest.raises(PermissionDenied):
            users.disable_user(member, LEADER)
        with pytest.raises(PermissionDenied):
            users.enable_user(member, LEADER, "new passphrase")
    with vault.read() as s:
        assert [u.name for u in users.list_users(s)] == [LEADER, "member"]


def test_nobody_disables_themself_so_an_active_sysadmin_remains(vault: Vault) -> None:
    with pytest.raises(PermissionDenied):
        users.disable_user(vault, LEADER)
    with vault.read() as s:
        assert not users.find_user(s, LEADER).disabled


def test_a_disabled_user_is_enabled_again_with_a_new_passphrase(
    vault: Vault, store_dir: Path
) -> None:
    users.add_user(vault, "member", MEMBER_PASS, (Role.MEMBER,))
    users.disable_user(vault, "member")
    with pytest.raises((AuthenticationError, UserDisabled)):
        Vault.open(store_dir, "member", MEMBER_PASS)
    info = users.enable_user(vault, "member", "a fresh passphrase")
    assert not info.disabled
    with Vault.open(store_dir, "member", "a fresh passphrase") as again:
        assert again.user.roles == (Role.MEMBER,)
    with pytest.raises(Conflict):  # already enabled: nothing to do, nothing changed
        users.enable_user(vault, "member", "yet another passphrase")
    with Vault.open(store_dir, "member", "a fresh passphrase"):
        pass


def test_user_views_carry_their_creation_time(vault: Vault) -> None:
    with vault.read() as s:
        created = users.find_user(s, LEADER).created_at
    assert created is not None and utcnow() - created < timedelta(hours=1)


@pytest.mark.parametrize(
    ("roles", "warned"),
    [
        ((Role.TEAM_LEADER, Role.SYSADMIN), True),
        ((Role.AUDITOR, Role.MEMBER), True),
        ((Role.SYSADMIN, Role.SECADMIN), False),
        ((Role.MEMBER, Role.RECORDER), False),
    ],
)
def test_a_3yuan_role_beside_a_business_role_is_warned(
    roles: tuple[Role, ...], warned: bool
) -> None:
    assert role_mix_warning(roles) == (ADMIN_AND_BUSINESS if warned else None)


def test_only_a_sysadmin_backs_up(vault: Vault, store_dir: Path, tmp_path: Path) -> None:
    with _member(vault, store_dir) as member, pytest.raises(PermissionDenied):
        backups.backup_store(member, tmp_path / "b.wbk")
    assert not (tmp_path / "b.wbk").exists()


def test_a_backup_records_its_time_and_the_restored_store_keeps_it(
    vault: Vault, tmp_path: Path
) -> None:
    with vault.read() as s:
        assert backups.last_backup_at(s) is None
    done = backups.backup_store(vault, tmp_path / "b.wbk")
    with vault.read() as s:
        assert backups.last_backup_at(s) == done.at
    facts = backups.verify_backup_file(tmp_path / "b.wbk", LEADER, PASSPHRASE)
    assert facts.size == done.bytes and facts.store_id == vault.store_id
    assert facts.created_at is not None and abs(facts.created_at - done.at) < timedelta(minutes=1)
    restored = backups.restore_store(tmp_path / "b.wbk", tmp_path / "r", LEADER, PASSPHRASE)
    with Vault.open(restored, LEADER, PASSPHRASE) as again, again.read() as s:
        assert backups.last_backup_at(s) == facts.created_at


def test_a_checked_backup_writes_nothing_and_refuses_a_changed_byte(
    vault: Vault, tmp_path: Path
) -> None:
    target = tmp_path / "b.wbk"
    backups.backup_store(vault, target)
    with pytest.raises(AuthenticationError):
        backups.verify_backup_file(target, LEADER, "not the passphrase")
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 1
    target.write_bytes(bytes(data))
    with pytest.raises(BackupInvalid):
        backups.verify_backup_file(target, LEADER, PASSPHRASE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.wbk", "store"]


def test_only_a_sysadmin_of_the_backup_restores_it(
    vault: Vault, store_dir: Path, tmp_path: Path
) -> None:
    users.add_user(vault, "member", MEMBER_PASS, (Role.MEMBER,))
    backups.backup_store(vault, tmp_path / "b.wbk")
    with pytest.raises(PermissionDenied):
        backups.restore_store(tmp_path / "b.wbk", tmp_path / "r", "member", MEMBER_PASS)
    assert not (tmp_path / "r").exists()


def test_the_reminder_is_due_when_never_backed_up_or_past_the_interval() -> None:
    now = utcnow()
    assert backups.backup_overdue(None, 7, now)
    assert backups.backup_overdue(now - timedelta(days=7, minutes=1), 7, now)
    assert not backups.backup_overdue(now - timedelta(days=6), 7, now)
    assert not backups.backup_overdue(None, 0, now)  # 0 turns the reminder off


def test_roles_change_under_the_3yuan_rule(vault: Vault, store_dir: Path) -> None:
    users.add_user(vault, "member", MEMBER_PASS, (Role.MEMBER,))
    info = users.set_user_roles(vault, "member", (Role.MEMBER, Role.RECORDER))
    assert info.roles == (Role.MEMBER, Role.RECORDER)
    users.set_user_roles(vault, "member", (Role.AUDITOR,))
    with pytest.raises(ValidationError) as refused:
        users.set_user_roles(vault, "member", (Role.AUDITOR, Role.SECADMIN))
    assert "三员分立" in refused.value.message
    with Vault.open(store_dir, "member", MEMBER_PASS) as theirs:
        assert theirs.user.roles == (Role.AUDITOR,)  # the refused change left it as it was
        with pytest.raises(PermissionDenied):
            users.set_user_roles(theirs, LEADER, (Role.MEMBER,))


def test_the_last_active_sysadmin_keeps_the_role(vault: Vault, store_dir: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        users.set_user_roles(vault, LEADER, (Role.TEAM_LEADER,))
    assert refused.value.message == LAST_SYSADMIN
    users.add_user(vault, "admin2", "second admin pass", (Role.SYSADMIN,))
    users.disable_user(vault, "admin2")  # a disabled 系统管理员 does not count
    with pytest.raises(ValidationError):
        users.set_user_roles(vault, LEADER, (Role.TEAM_LEADER,))
    users.enable_user(vault, "admin2", "second admin pass")
    users.set_user_roles(vault, LEADER, (Role.TEAM_LEADER,))  # now another one remains
    assert vault.user.roles == (Role.TEAM_LEADER,)  # and this session has lost the role
    with pytest.raises(PermissionDenied):
        users.disable_user(vault, "admin2")
    with (
        Vault.open(store_dir, "admin2", "second admin pass") as admin2,
        pytest.raises(ValidationError),  # the last one, again
    ):
        users.set_user_roles(admin2, "admin2", (Role.MEMBER,))
