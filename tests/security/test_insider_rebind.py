"""A 系统管理员 takes over the 安全审计员's account without changing its roles: a slot of their
own for the auditor (forged with the data key, or made through the recovery code), then a grant
restating the auditor's roles that binds that slot's key. Moving a 三员 role to another key is a
change of who holds it, so it needs the other 三员 holder's co-signature like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE, recovery_code
from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from workbench.errors import PermissionDenied
from workbench.roles import Role
from workbench.services import users
from workbench.store import grants
from workbench.store.keyfile import Keyfile, normalize_passphrase, seal_slot, user_hint
from workbench.store.vault import Vault

__all__ = ["recovery_code", "team", "team_template"]  # fixtures used here

AUDITOR = "auditor"
INSIDER = "the sysadmin's own passphrase"


def _with_auditor(team: Team) -> None:
    admin = team(LEADER)
    users.add_user(
        admin, AUDITOR, PASSPHRASE, (Role.AUDITOR,), cosign=admin.cosigner("secadmin", PASSPHRASE)
    )


def _forge_auditor_slot(team: Team) -> None:
    """With the data key: a slot of the insider's own for the auditor's account."""
    _with_auditor(team)
    admin = team(LEADER)
    with admin.read() as s:
        auditor_id = users.find_user(s, AUDITOR).id
    kf = Keyfile.read(team.directory / "keyfile.json")
    forged = seal_slot(
        kf.store_id,
        admin.dek,
        normalize_passphrase(INSIDER),
        kind="passphrase",
        user_id=auditor_id,
        hint=user_hint(kf.store_id, AUDITOR),
        generation=kf.key_generation,
    )
    kf.with_slot(forged).sealed(admin.dek).write(team.directory / "keyfile.json")


def test_rebinding_the_auditors_key_alone_is_refused(team: Team, recovery_code: str) -> None:
    """Through the program only: the recovery code makes the sysadmin a slot for the auditor's
    account, then `user roles auditor --roles 安全审计员` would bind its key."""
    _with_auditor(team)
    taken, _ = Vault.open_with_recovery_code(team.directory, recovery_code, AUDITOR, INSIDER)
    taken.lock()
    with (
        Vault.open(team.directory, LEADER, PASSPHRASE) as admin,
        pytest.raises(PermissionDenied, match="secadmin"),
    ):
        users.set_user_roles(admin, AUDITOR, (Role.AUDITOR,))
    with Vault.open(team.directory, AUDITOR, INSIDER) as fake:
        assert fake.user.roles == ()


def test_a_rebinding_grant_written_alone_does_not_verify(team: Team) -> None:
    """The insider bypasses the service and signs the grant themself: the chain refuses it."""
    _forge_auditor_slot(team)
    with Vault.open(team.directory, LEADER, PASSPHRASE) as admin, admin.session() as s:
        chain = grants.load_chain(s)
        auditor = users.find_user(s, AUDITOR)
        grants.issue(
            s,
            chain,
            user_id=auditor.id,
            user_name=AUDITOR,
            roles=(Role.AUDITOR,),
            active=True,
            key=admin.slot_key(auditor.id),
            reason="change",
            signer=admin.signer(),
        )
    with team(LEADER).read() as s:
        assert grants.load_chain(s).views[-1].problem == "缺少另一位三员的共同签署"
    with Vault.open(team.directory, AUDITOR, INSIDER) as fake:
        assert fake.user.roles == ()


def test_with_the_cosigner_the_auditors_new_key_is_bound(team: Team) -> None:
    """A genuine recovery of the auditor's account still works, under dual control."""
    _forge_auditor_slot(team)
    with Vault.open(team.directory, LEADER, PASSPHRASE) as admin:
        users.set_user_roles(
            admin, AUDITOR, (Role.AUDITOR,), cosign=admin.cosigner("secadmin", PASSPHRASE)
        )
    with Vault.open(team.directory, AUDITOR, INSIDER) as new:
        assert new.user.roles == (Role.AUDITOR,)


def test_a_holder_who_has_not_unlocked_since_the_upgrade_still_must_cosign(
    tmp_path: Path,
) -> None:
    """After the upgrade, the 安全保密管理员 (a version 1 slot) has a grant without a key until
    they unlock. Meanwhile the 系统管理员 alone would make a 安全审计员, remove the 保密员, or
    bind them a key of a slot of their own: they are a holder all the same."""
    from tests.workbench.test_keyfile_upgrade import ADMIN, PASSES, SECADMIN, _old_store

    directory = tmp_path / "store"
    _old_store(directory)
    with Vault.open(directory, ADMIN, PASSES[ADMIN]) as admin:  # the root, first to unlock
        with pytest.raises(PermissionDenied, match=SECADMIN):
            users.add_user(admin, "fake", "fake passphrase", (Role.AUDITOR,))
        with pytest.raises(PermissionDenied, match=SECADMIN):
            users.disable_user(admin, SECADMIN)
        with admin.read() as s:
            assert users.find_user(s, SECADMIN).roles == (Role.SECADMIN,)
    with Vault.open(directory, SECADMIN, PASSES[SECADMIN]) as secadmin:  # binds their key
        assert secadmin.user.roles == (Role.SECADMIN,)
    with Vault.open(directory, ADMIN, PASSES[ADMIN]) as admin:  # now they can co-sign
        users.add_user(
            admin,
            "auditor",
            "auditor passphrase",
            (Role.AUDITOR,),
            cosign=admin.cosigner(SECADMIN, PASSES[SECADMIN]),
        )
