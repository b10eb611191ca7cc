"""A store made before keyfile version 2 and signed grants: each slot is upgraded at its own
unlock, and the first 系统管理员's first unlock turns everyone's roles into signed grants."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete, select

from workbench.models.system import RoleGrant
from workbench.roles import Role
from workbench.services import users
from workbench.store import anchors, migrate, recovery
from workbench.store.grants import Statement
from workbench.store.keyfile import (
    LEGACY_VERSION,
    Keyfile,
    normalize_passphrase,
    seal_legacy_slot,
    user_hint,
)
from workbench.store.vault import Vault

ADMIN, MEMBER, SECADMIN = "admin", "member", "secadmin"
PASSES = {ADMIN: "admin passphrase", MEMBER: "member passphrase", SECADMIN: "secadmin pass"}


def _old_store(directory: Path, *, schema: str | None = None) -> str:
    """A store as an older version left it: version 1 slots, roles only in the column (and the
    schema taken back to ``schema``, if given)."""
    vault, _ = Vault.create(directory, user_name=ADMIN, passphrase=PASSES[ADMIN])
    with vault:
        users.add_user(vault, MEMBER, PASSES[MEMBER], (Role.MEMBER,))
        users.add_user(vault, SECADMIN, PASSES[SECADMIN], (Role.SECADMIN,))
        with vault.session() as s:
            s.execute(delete(RoleGrant))
            ids = {u.name: u.id for u in users.list_users(s)}
        if schema is not None:
            migrate.downgrade_to(vault.engine, schema)
        store_id, dek = vault.store_id, bytes(vault.dek)
    code = recovery.generate()
    slots = [
        seal_legacy_slot(
            store_id,
            dek,
            normalize_passphrase(PASSES[name]),
            kind="passphrase",
            user_id=ids[name],
            hint=user_hint(store_id, name),
        )
        for name in (ADMIN, MEMBER, SECADMIN)
    ]
    slots.append(seal_legacy_slot(store_id, dek, recovery.secret_bytes(code), kind="recovery"))
    Keyfile(store_id, tuple(slots), version=LEGACY_VERSION).write(directory / "keyfile.json")
    return code


def _late_upgrade_grant(admin: Vault, name: str) -> None:
    """What the root could sign after the upgrade: an "upgrade" grant making ``name`` auditor."""
    key = admin.signing_key
    assert key is not None
    with admin.session() as s:
        last = s.scalars(select(RoleGrant).order_by(RoleGrant.seq.desc())).first()
        assert last is not None
        prev = Statement.from_text(last.statement)
        st = replace(
            prev,
            seq=prev.seq + 1,
            user_id=users.find_user(s, name).id,
            user_name=name,
            roles=("auditor",),
            prev=prev.digest,
            reason="upgrade",
        )
        data = st.to_bytes()
        s.add(
            RoleGrant(
                seq=st.seq,
                user_id=st.user_id,
                statement=data.decode(),
                signature=base64.b64encode(key.sign(data)).decode(),
            )
        )


def test_a_version_1_keyfile_upgrades_at_each_unlock_and_keeps_opening(tmp_path: Path) -> None:
    directory = tmp_path / "store"
    code = _old_store(directory)
    assert json.loads((directory / "keyfile.json").read_bytes())["version"] == 1

    # before the root exists: business roles from the column, no 三员 role
    with Vault.open(directory, SECADMIN, PASSES[SECADMIN]) as early:
        assert early.user.roles == ()
        assert early.signing_key is not None
    with Vault.open(directory, MEMBER, PASSES[MEMBER]) as early:
        assert early.user.roles == (Role.MEMBER,)
    kf = Keyfile.read(directory / "keyfile.json")
    assert kf.version == 2 and kf.root is None and kf.mac is not None
    legacy = [s.user_id for s in kf.slots if s.legacy]
    assert len(legacy) == 2 and None in legacy  # the admin's and the recovery slot are left

    with Vault.open(directory, ADMIN, PASSES[ADMIN]) as admin:  # the first 系统管理员: the root
        assert admin.user.roles == (Role.TEAM_LEADER, Role.SYSADMIN)
        assert admin.keyfile.root is not None
        with admin.read() as s:
            assert [g.reason for g in users.grant_history(s, MEMBER)] == ["upgrade"]
            assert users.find_user(s, SECADMIN).roles == (Role.SECADMIN,)
        _late_upgrade_grant(admin, MEMBER)  # past dual control? the bootstrap is closed
        with admin.read() as s:
            late = users.grant_history(s, MEMBER)[-1]
            assert not late.valid and users.find_user(s, MEMBER).roles == (Role.MEMBER,)
        with admin.session() as s:  # (remove it again: the rest reads an honest chain)
            s.execute(delete(RoleGrant).where(RoleGrant.seq == 5))

    for _ in range(2):  # and keeps opening, each with the roles its grant says
        for name, roles in ((MEMBER, (Role.MEMBER,)), (SECADMIN, (Role.SECADMIN,))):
            with Vault.open(directory, name, PASSES[name]) as v:
                assert v.user.roles == roles
    kf = Keyfile.read(directory / "keyfile.json")
    assert [s.legacy for s in kf.slots if s.kind == "passphrase"] == [False, False, False]

    # the version 1 recovery slot still opens; its replacement is version 2
    vault, new_code = Vault.open_with_recovery_code(directory, code, MEMBER, "member again pass")
    with vault:
        assert vault.keyfile.recovery_slot() is not None
        assert not vault.keyfile.recovery_slot().legacy  # type: ignore[union-attr]
    with Vault.open(directory, ADMIN, PASSES[ADMIN]) as admin, admin.read() as s:
        assert s.scalar(select(RoleGrant.seq).order_by(RoleGrant.seq.desc()).limit(1)) == 4
    assert new_code != code


def test_audit_signatures_verify_across_the_upgrade(tmp_path: Path) -> None:
    """Entries from before signatures stay unsigned; the users' entries after, signed with keys
    made at their first unlock, verify once the first 系统管理员's upgrade grants bind them."""
    directory = tmp_path / "store"
    _old_store(directory, schema="0014")
    for name in (SECADMIN, MEMBER, ADMIN, SECADMIN):
        with Vault.open(directory, name, PASSES[name]) as v, v.read() as s:
            proof = anchors.prove(s)
    assert proof.signatures.ok and proof.signatures.legacy > 0
    assert proof.signatures.unsigned == ()
    assert proof.signatures.valid + proof.signatures.legacy + proof.signatures.store_jobs == (
        proof.entries
    )
