"""Roles are signed grants, and the 三员 roles are under dual control (issue 24): an insider who
holds the data key edits roles by SQL, forges a slot or a grant, or a 系统管理员 acting alone
makes or removes a 安全审计员. Each is refused or simply not there."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from workbench.cli import main
from workbench.errors import AuthenticationError, KeyfileDamaged, PermissionDenied
from workbench.models.system import AuditEntry, RoleGrant, User
from workbench.roles import Role
from workbench.services import users
from workbench.store.grants import Statement
from workbench.store.keyfile import Keyfile, normalize_passphrase, seal_slot, user_hint
from workbench.store.vault import Vault

__all__ = ["team", "team_template"]  # fixtures used here

AUDITOR = "auditor"


def _with_auditor(team: Team) -> None:
    """The real 安全审计员, added with the 安全保密管理员's co-signature."""
    admin = team(LEADER)
    users.add_user(
        admin, AUDITOR, PASSPHRASE, (Role.AUDITOR,), cosign=admin.cosigner("secadmin", PASSPHRASE)
    )


def _cli(team: Team, user: str, *argv: str) -> int:
    return main(["--store", str(team.directory), "--user", user, *argv])


def test_a_role_edited_by_sql_is_not_there(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    member = team("member")  # holds the data key, like every user
    with member.session() as s:
        s.execute(text("UPDATE users SET roles = '[\"auditor\",\"sysadmin\"]' WHERE name='member'"))
    with Vault.open(team.directory, "member", PASSPHRASE) as again:
        assert again.user.roles == (Role.MEMBER,)
        with again.read() as s:
            assert users.find_user(s, "member").roles == (Role.MEMBER,)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    assert _cli(team, "member", "audit", "list") == 6
    assert "安全审计员" in capsys.readouterr().err


def test_a_grant_forged_with_the_insiders_own_key_grants_nothing(team: Team) -> None:
    member = team("member")
    key = member.signing_key
    assert key is not None
    with member.session() as s:
        last = s.scalars(select(RoleGrant).order_by(RoleGrant.seq.desc())).first()
        assert last is not None
        st = Statement.from_text(last.statement)
        forged = Statement(
            store_id=st.store_id,
            seq=st.seq + 1,
            user_id=member.user.id,
            user_name="member",
            roles=("auditor",),
            active=True,
            key=None,
            issued_at=st.issued_at,
            prev=st.digest,
            reason="change",
            signer_id=member.user.id,
        )
        data = forged.to_bytes()
        s.add(
            RoleGrant(
                seq=forged.seq,
                user_id=member.user.id,
                statement=data.decode(),
                signature=base64.b64encode(key.sign(data)).decode(),
            )
        )
    with Vault.open(team.directory, "member", PASSPHRASE) as again:
        assert again.user.roles == (Role.MEMBER,)
    with team(LEADER).read() as s:
        history = users.grant_history(s, "member")
    assert not history[-1].valid and history[-1].problem == "签发人不是在任的系统管理员"


def test_a_sysadmin_alone_cannot_make_an_auditor(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_auditor(team)
    with pytest.raises(PermissionDenied) as refused:
        users.add_user(team(LEADER), "fake", "fake passphrase", (Role.AUDITOR,))
    assert "“secadmin”共同签署" in refused.value.message
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", "fake passphrase")
    assert _cli(team, LEADER, "user", "add", "fake", "--roles", "安全审计员") == 6
    assert "安全保密管理员“secadmin”共同签署" in capsys.readouterr().err
    # nor by giving the role to an existing user
    assert _cli(team, LEADER, "user", "roles", "member", "--roles", "安全审计员") == 6
    with team(LEADER).read() as s:
        assert s.scalar(select(User).where(User.name == "fake")) is None
        assert users.find_user(s, "member").roles == (Role.MEMBER,)


def test_with_the_cosigner_the_auditor_is_made_and_audited(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _with_auditor(team)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", "second auditor pass")
    monkeypatch.setenv("WORKBENCH_COSIGNER_PASSPHRASE", PASSPHRASE)
    argv = ["user", "add", "auditor2", "--roles", "安全审计员", "--cosigner", "secadmin"]
    assert _cli(team, LEADER, *argv) == 0
    capsys.readouterr()
    assert _cli(team, LEADER, "user", "grants", "auditor2") == 0
    assert "签发：leader\t共同签署：secadmin" in capsys.readouterr().out
    with Vault.open(team.directory, "auditor2", "second auditor pass") as auditor2:
        assert auditor2.user.roles == (Role.AUDITOR,)
        with auditor2.read() as s:
            entry = s.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "role.grant")
                .order_by(AuditEntry.seq.desc())
            ).first()
    assert entry is not None and entry.actor_name == LEADER
    assert json.loads(entry.detail)["cosigner_id"] == team("secadmin").user.id


def test_a_wrong_cosigner_or_passphrase_is_refused(team: Team) -> None:
    _with_auditor(team)
    admin = team(LEADER)
    with pytest.raises(PermissionDenied, match="不能共同签署"):
        users.add_user(
            admin,
            "fake",
            "fake passphrase",
            (Role.AUDITOR,),
            cosign=admin.cosigner("member", PASSPHRASE),
        )
    with pytest.raises(AuthenticationError):
        admin.cosigner("secadmin", "not the passphrase")


def test_disabling_the_real_auditor_alone_is_refused(team: Team) -> None:
    _with_auditor(team)
    admin = team(LEADER)
    with pytest.raises(PermissionDenied, match="secadmin"):
        users.disable_user(admin, AUDITOR)
    with Vault.open(team.directory, AUDITOR, PASSPHRASE) as auditor:  # still theirs
        assert auditor.user.roles == (Role.AUDITOR,)
    users.disable_user(admin, AUDITOR, cosign=admin.cosigner("secadmin", PASSPHRASE))
    with admin.read() as s:
        assert users.find_user(s, AUDITOR).disabled


def test_a_slot_forged_for_the_auditor_gives_no_role(team: Team) -> None:
    """The insider writes a slot of their own for the auditor's account (they hold the data key
    and can recompute the keyfile's MAC): it unlocks, but the grant binds the real key."""
    _with_auditor(team)
    member = team("member")
    with member.read() as s:
        auditor_id = users.find_user(s, AUDITOR).id
    kf = Keyfile.read(team.directory / "keyfile.json")
    forged = seal_slot(
        kf.store_id,
        member.dek,
        normalize_passphrase("insider's own passphrase"),
        kind="passphrase",
        user_id=auditor_id,
        hint=user_hint(kf.store_id, AUDITOR),
    )
    kf.with_slot(forged).sealed(member.dek).write(team.directory / "keyfile.json")
    with Vault.open(team.directory, AUDITOR, "insider's own passphrase") as fake:
        assert fake.user.roles == ()


def test_a_tampered_keyfile_fails_its_mac(
    team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path: Path = team.directory / "keyfile.json"
    doc = json.loads(path.read_bytes())
    other = json.loads(path.read_bytes())["slots"][-1]["x25519"]
    doc["root"] = other  # any other 32-byte key
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KeyfileDamaged, match="完整性校验失败"):
        Vault.open(team.directory, "member", PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    assert _cli(team, "member", "info") == 4
    assert "WB-KEYFILE" in capsys.readouterr().err


def test_after_a_recovery_the_roles_wait_for_a_new_grant(team: Team, recovery_code: str) -> None:
    """The recovery code opens the data key, not the user's signing key: whoever uses it gets
    the account but no role, until a 系统管理员 signs a grant for the new key."""
    vault, _ = Vault.open_with_recovery_code(
        team.directory, recovery_code, "deputy", "recovered passphrase"
    )
    with vault:
        assert vault.user.roles == () and vault.signing_key is None
    with Vault.open(team.directory, "deputy", "recovered passphrase") as again:
        assert again.user.roles == ()
    users.set_user_roles(team(LEADER), "deputy", (Role.DEPUTY_LEADER,))
    with Vault.open(team.directory, "deputy", "recovered passphrase") as again:
        assert again.user.roles == (Role.DEPUTY_LEADER,)


def test_a_keyfile_stripped_of_its_root_gives_nobody_a_role(team: Team) -> None:
    """The insider removes the root (and recomputes the MAC) to fall back to the column as in
    the upgrade's window: with grants in the store, that window is closed."""
    member = team("member")
    with member.session() as s:
        s.execute(text("UPDATE users SET roles = '[\"team_leader\"]' WHERE name='member'"))
    kf = Keyfile.read(team.directory / "keyfile.json")
    replace_root = Keyfile(kf.store_id, kf.slots, root=None, key_generation=kf.key_generation)
    replace_root.sealed(member.dek).write(team.directory / "keyfile.json")
    with Vault.open(team.directory, "member", PASSPHRASE) as again:
        assert again.user.roles == ()
    with Vault.open(team.directory, LEADER, PASSPHRASE) as leader:  # nor is anyone made root
        assert leader.user.roles == () and leader.keyfile.root is None
