"""An insider with the data key rewrites the audit log: deletes their own entries by SQL and
recomputes the chain, so the chain alone verifies. What a package anchored at the office before
the rewrite exposes it at the next import; what no package carried out yet cannot be told from
an honest log (the residual risk, docs/store-format.md)."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from tests.conftest import LEADER, PASSPHRASE, template_store
from tests.workbench.conftest import team, team_template
from tests.workbench.exchange_support import (
    USERS,
    World,
    WorldTemplate,
    add_finding,
    audit_head,
    world_in,
)
from tests.workbench.team import Team
from tests.workbench.test_exchange_cli import Main, main
from workbench import exchange as ex
from workbench.errors import AuditChainBroken
from workbench.exchange.intake import root_anchor
from workbench.models import Round
from workbench.models.base import stored_datetime
from workbench.models.system import AuditEntry, User
from workbench.roles import Role
from workbench.services.users import disable_user, enable_user, set_user_roles
from workbench.store import anchors, audit, grants, migrate
from workbench.store.check import check_store
from workbench.store.vault import Vault

CODE = "[WB-AUDIT-ANCHOR]"
ROOT_CODE = "[WB-AUDIT-ROOT]"
__all__ = ["main", "team", "team_template", "template_store"]  # fixtures used here


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send(w: World, name: str) -> Path:
    out = w.dir / f"{name}.wbp"
    ex.export_round(w.a, w.round_id, out)
    return out


def _anchored_at_office(w: World) -> int:
    """Device A's work goes to the office in package 1, which the office confirms by receipt:
    the office holds A's chain head. Returns that head's seq."""
    add_finding(w.a, w.round_id, title="违规发放津贴补贴")
    package = _send(w, "p1")
    with w.a.read() as s:
        anchored = anchors.sent_anchors(s)[-1].seq
    assert ex.import_package(w.office, package).warnings == ()
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r1.wbp")
    ex.import_package(w.a, w.dir / "r1.wbp")
    return anchored


def _rewrite(vault: Vault, drop: Callable[[AuditEntry], bool]) -> int:
    """What the insider did: drop the append-only triggers, delete the entries ``drop`` picks,
    renumber and rehash the rest and set the head, and re-sign their own entries with their own
    key, so the chain and the signatures verify (on device A every entry is theirs or a store
    job's). Returns how many entries were deleted."""
    with vault.read() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    kept = [_fields(e) for e in entries if not drop(e)]
    _rechain(vault, kept, resign=vault)
    return len(entries) - len(kept)


def _fields(e: AuditEntry) -> dict[str, Any]:
    names = ("actor_id", "actor_name", "device_id", "action", "object_type", "object_id")
    return {
        "at": e.at,
        **{n: getattr(e, n) for n in names},
        "detail": e.detail,
        "signature": e.signature,
    }


def _rechain(vault: Vault, kept: list[dict[str, Any]], resign: Vault | None = None) -> None:
    """Write ``kept`` as the whole log, renumbered and rehashed with the head set: the chain
    verifies. Signatures are kept as given (the insider cannot make another user's), except
    that ``resign``'s user signs their own entries afresh with their key."""
    key = resign.signing_key if resign is not None else None
    prev, rows = audit.GENESIS, []
    for seq, e in enumerate(kept, 1):
        fields = (e["at"], e["actor_id"], e["actor_name"], e["device_id"], e["action"])
        digest = audit.entry_digest(
            prev, seq, *fields, e["object_type"], e["object_id"], e["detail"]
        )
        rows.append(
            {
                **e,
                "seq": seq,
                "at": stored_datetime(e["at"]),
                "prev_hash": prev,
                "entry_hash": digest,
            }
        )
        if key is not None and resign is not None and e["actor_id"] == resign.user.id:
            signature = key.sign(audit.signed_bytes(digest))
            rows[-1]["signature"] = base64.b64encode(signature).decode()
        prev = digest
    with vault.session() as s:
        s.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        s.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        s.execute(text("DELETE FROM audit_log"))
        s.execute(
            text(
                "INSERT INTO audit_log (seq, at, actor_id, actor_name, device_id, action,"
                " object_type, object_id, detail, prev_hash, entry_hash, signature) VALUES"
                " (:seq, :at, :actor_id, :actor_name, :device_id, :action, :object_type,"
                " :object_id, :detail, :prev_hash, :entry_hash, :signature)"
            ),
            rows,
        )
        s.execute(
            text("UPDATE store_meta SET value = :v WHERE key = 'audit_head'"),
            {"v": f"{len(kept)}:{prev}"},
        )


def _entries(vault: Vault) -> list[dict[str, Any]]:
    with vault.read() as s:
        return [_fields(e) for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def _signature_failure(vault: Vault) -> str:
    with vault.read() as s, pytest.raises(AuditChainBroken) as broken:
        anchors.prove(s)
    assert broken.value.details["problem"] == "signature"
    return broken.value.message


def _own_findings(e: AuditEntry) -> bool:
    return e.actor_name == "zu1" and e.object_type == "findings"


def _mismatches(vault: Vault) -> list[dict[str, object]]:
    with vault.read() as s:
        return [
            {"device": e.object_id, **e.detail}
            for e in audit.iter_entries(s, action=anchors.MISMATCH_ACTION, limit=50)
        ]


def test_a_rewrite_of_anchored_entries_is_detected_at_the_next_import(w: World) -> None:
    anchored = _anchored_at_office(w)
    assert _rewrite(w.a, _own_findings) > 0
    with w.a.read() as s:
        audit.verify_chain(s)  # the chain alone cannot tell: this was the hole
        with pytest.raises(AuditChainBroken) as broken:
            anchors.prove(s)  # the anchor this store sent no longer matches its chain
    assert broken.value.details["problem"] == "anchor"

    add_finding(w.a, w.round_id, title="另一问题")
    package = _send(w, "p2")
    checked = ex.verify_package(w.office, package)  # checking first shows it, writing nothing
    assert checked.ok and any(x.startswith(CODE) for x in checked.warnings)
    assert _mismatches(w.office) == []
    result = ex.import_package(w.office, package)

    assert result.status == "imported"  # the team's work still arrives (docs: why)
    warning = next(x for x in result.warnings if x.startswith(CODE))
    assert "锚定后审计日志被改写" in warning and "组员a" in warning
    [entry] = _mismatches(w.office)
    assert entry["device"] == w.template.device_a
    assert entry["problem"] == "altered"
    assert entry["seq"] == anchored
    with w.office.read() as s:
        proof = anchors.prove(s)
    assert "处与锚点不符" in proof.statement


def test_hiding_the_sent_anchors_too_still_leaves_the_office_a_mismatch(w: World) -> None:
    """The insider also deletes the record of what the store anchored: the local verify then
    passes, but the next package cannot prove the office's anchor."""
    anchored = _anchored_at_office(w)
    _rewrite(w.a, _own_findings)
    with w.a.session() as s:
        s.execute(text("DELETE FROM audit_anchors"))
    with w.a.read() as s:
        assert "未锚定" in anchors.prove(s).statement  # nothing local contradicts it any more

    add_finding(w.a, w.round_id, title="另一问题")
    result = ex.import_package(w.office, _send(w, "p2"))

    assert any(x.startswith(CODE) and f"第 {anchored} 条" in x for x in result.warnings)
    [entry] = _mismatches(w.office)
    assert (entry["device"], entry["problem"], entry["seq"]) == (
        w.template.device_a,
        "unproven",
        anchored,
    )


def test_a_chain_cut_below_an_anchor_is_detected(w: World) -> None:
    anchored = _anchored_at_office(w)
    _rewrite(w.a, lambda e: e.seq <= anchored - 5)  # far fewer entries than were anchored

    add_finding(w.a, w.round_id, title="之后的问题")  # something new to send
    result = ex.import_package(w.office, _send(w, "p2"))

    assert any(x.startswith(CODE) and "锚定的记录被删除" in x for x in result.warnings)
    [entry] = _mismatches(w.office)
    assert (entry["problem"], entry["seq"]) == ("shorter", anchored)


def test_deleting_the_unanchored_tail_is_not_detected(w: World) -> None:
    """The residual risk, as docs/store-format.md states it: entries no package carried out
    yet are protected by the local chain only, which the data key can recompute."""
    anchored = _anchored_at_office(w)
    before = audit_head(w.a)
    add_finding(w.a, w.round_id, title="不想留痕的问题")
    assert _rewrite(w.a, lambda e: e.seq > before) > 0

    with w.a.read() as s:
        proof = anchors.prove(s)  # passes: nothing can tell the tail is gone
    assert proof.confirmed is not None and proof.confirmed.seq == anchored
    assert f"第 1–{anchored} 条已随第 1 号数据包锚定于巡察办" in proof.statement
    assert f"第 {anchored + 1} 条起未锚定" in proof.statement
    assert "删除后重算哈希链不能被发现" in proof.statement

    add_finding(w.a, w.round_id, title="之后的问题")
    result = ex.import_package(w.office, _send(w, "p2"))
    assert not any(x.startswith(CODE) for x in result.warnings)
    assert _mismatches(w.office) == []


def test_honest_packages_in_any_order_raise_no_anchor_warning(w: World) -> None:
    """Anchors are checked whatever order packages arrive in: an older package, arriving
    after a newer one, is checked against what the newer one proved."""
    add_finding(w.a, w.round_id, title="一")
    p1 = _send(w, "p1")
    add_finding(w.a, w.round_id, title="二")
    p2 = _send(w, "p2")
    add_finding(w.a, w.round_id, title="三")
    p3 = _send(w, "p3")
    for package in (p3, p1, p2):
        warnings = ex.import_package(w.office, package).warnings
        assert not any(x.startswith((CODE, ROOT_CODE)) for x in warnings)
    assert _mismatches(w.office) == []
    with w.office.read() as s:
        [held] = anchors.prove(s).held
    assert (held.device_id, held.packages, held.mismatches) == (w.template.device_a, 3, 0)


def test_a_briefing_carries_the_office_anchor_to_the_device(w: World) -> None:
    """The office's chain is anchored on the devices it briefs, checked the same way."""
    first = w.dir / "b1.wbp"
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], first)
    assert ex.import_package(w.a, first).warnings == ()
    _rewrite(w.office, lambda e: e.action == "unlock" and e.seq < 5)
    with w.office.session() as s:
        s.execute(text("DELETE FROM audit_anchors WHERE direction = 'out'"))
    second = w.dir / "b2.wbp"
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], second)
    result = ex.import_package(w.a, second)
    assert any(x.startswith(CODE) for x in result.warnings)
    [entry] = _mismatches(w.a)
    assert entry["device"] != w.template.device_a  # the office's device


def test_audit_verify_says_what_it_proves(
    w: World, main: Main, capsys: pytest.CaptureFixture[str]
) -> None:
    anchored = _anchored_at_office(w)
    store = ["--store", str(w.dir / "a"), "--user", USERS["a"]]
    w.close()
    capsys.readouterr()
    assert main([*store, "audit", "verify"]) == 0
    said = capsys.readouterr().out
    assert "链完整" in said and f"第 1–{anchored} 条已随第 1 号数据包锚定于巡察办" in said
    assert f"第 {anchored + 1} 条起未锚定" in said
    assert "条由写入者的密钥签名有效" in said and "签名无效" not in said

    w.vaults.clear()
    _rewrite(w.a, _own_findings)
    w.close()
    capsys.readouterr()
    assert main([*store, "audit", "verify"]) != 0
    assert "锚定后审计日志被改写" in capsys.readouterr().err


# -- signatures: who wrote an entry ---------------------------------------------------------


def test_every_entry_a_user_writes_is_signed_and_verify_says_so(team: Team) -> None:
    add_finding(team("member"), _round(team))
    with team().read() as s:
        proof = anchors.prove(s)
        unsigned = s.scalars(
            select(AuditEntry.seq).where(
                AuditEntry.actor_id.is_not(None), AuditEntry.signature.is_(None)
            )
        ).all()
    assert unsigned == []
    sig = proof.signatures
    assert sig.ok and sig.bad == () and sig.unsigned == () and sig.legacy == 0
    assert sig.valid + sig.store_jobs == proof.entries
    assert f"第 1–{proof.entries} 条中 {sig.valid} 条由写入者的密钥签名有效" in proof.statement


def test_an_entry_edited_by_sql_and_rechained_fails_its_signature(team: Team) -> None:
    """The 组员 rewrites what their entry says and recomputes the chain: the chain verifies,
    their entry's signature still verifies with their key only if they re-sign it, and every
    later entry by another user fails (its signature covers the previous hash)."""
    member = team("member")
    add_finding(member, _round(team), title="不想留痕的问题")
    add_finding(team(), _round(team), title="组长之后的记录")
    log = _entries(member)
    mine = max(i for i, e in enumerate(log) if e["actor_name"] == "member")
    log[mine]["detail"] = '{"fields":["title"]}' if log[mine]["action"] == "insert" else "{}"
    log[mine]["action"] = "update"
    _rechain(member, log)

    said = _signature_failure(member)
    assert f"第 {mine + 1} 条签名无效（写入者“member”" in said
    assert "签名与写入者在授权链中的密钥都不符" in said
    assert f"第 {mine + 2} 条签名无效（写入者“{LEADER}”" in said  # the leader's, after it


def test_an_entry_forged_with_the_insiders_own_key_in_another_users_name_is_detected(
    team: Team,
) -> None:
    member = team("member")
    key = member.signing_key
    assert key is not None
    log = _entries(member)
    with team().read() as s:
        leader_id = s.scalar(select(User.id).where(User.name == LEADER))
    forged = {
        **log[-1],
        "actor_id": leader_id,
        "actor_name": LEADER,
        "action": "role.grant",
        "object_type": "user",
        "detail": '{"roles":["auditor"]}',
    }
    _rechain(member, [*log, forged])
    with member.read() as s:  # sign it as the insider can: with their own key
        entry = s.get(AuditEntry, len(log) + 1)
        assert entry is not None
        forged["signature"] = base64.b64encode(
            key.sign(audit.signed_bytes(entry.entry_hash))
        ).decode()
    _rechain(member, [*log, forged])

    said = _signature_failure(member)
    assert (
        f"第 {len(log) + 1} 条签名无效（写入者“{LEADER}”：签名与写入者在授权链中的密钥都不符"
        in said
    )
    assert f"第 1–{len(log) + 1} 条中 {len(log) - _store_jobs(member)} 条" in said


def test_a_stripped_signature_is_named_not_passed_over(team: Team) -> None:
    member = team("member")
    add_finding(member, _round(team))
    log = _entries(member)
    last = len(log)
    log[-1]["signature"] = None
    _rechain(member, log)
    with member.read() as s:
        proof = anchors.prove(s)
    assert proof.signatures.unsigned == (last,)
    assert f"第 {last} 条声称由用户写入却无签名" in proof.statement
    report = check_store(team(), deep=False)
    assert report.ok and any(f"第 {last} 条声称由用户写入却无签名" in w for w in report.warnings)


def test_a_user_whose_key_changed_is_checked_against_the_key_of_the_time(team: Team) -> None:
    """Disabling removes the 组员's slot; enabling gives a new passphrase and a new key. Their
    entries before verify with the old key, after with the new; the old key signing a later
    entry is refused."""
    old_key = team("member").signing_key
    assert old_key is not None
    add_finding(team("member"), _round(team), title="启用前")
    team.close()
    team._vaults.clear()
    disable_user(team(), "member")
    enable_user(team(), "member", PASSPHRASE + "新")
    with Vault.open(team.directory, "member", PASSPHRASE + "新") as again:
        add_finding(again, _round(team), title="启用后")
        with again.read() as s:
            proof = anchors.prove(s)
        assert proof.signatures.ok and proof.signatures.unsigned == ()
        log = _entries(again)
        log[-1]["signature"] = None
        _rechain(again, log)
        with again.read() as s:
            entry = s.get(AuditEntry, len(log))
            assert entry is not None
            log[-1]["signature"] = base64.b64encode(
                old_key.sign(audit.signed_bytes(entry.entry_hash))
            ).decode()
        _rechain(again, log)
        said = _signature_failure(again)
    assert f"第 {len(log)} 条签名无效（写入者“member”：签名所用的密钥在记录时间已不是" in said


def test_a_break_in_the_role_grant_chain_is_reported(team: Team) -> None:
    with team().session() as s:
        s.execute(text("DELETE FROM role_grants WHERE seq = 3"))
    said = _signature_failure(team())
    assert "角色授权链在第 4 条断开（授权被删除或改动），其后的授权均不生效" in said


def _round(team: Team) -> str:
    with team().read() as s:
        return str(s.scalars(select(Round.id)).first())


def _store_jobs(vault: Vault) -> int:
    with vault.read() as s:
        return len(s.scalars(select(AuditEntry.seq).where(AuditEntry.actor_id.is_(None))).all())


def test_entries_from_before_the_upgrade_are_reported_unsigned_not_failed(team: Team) -> None:
    leader = team()
    migrate.downgrade_to(leader.engine, "0014")
    with leader.read() as s:
        before = audit.chain_head(s)[0]
    team.close()
    team._vaults.clear()
    add_finding(team("member"), _round(team))  # opening upgrades the store to signatures
    with team().read() as s:
        proof = anchors.prove(s)
    assert proof.signatures.ok and proof.signatures.legacy == before
    assert f"第 1–{before} 条写于签名功能启用前，无签名" in proof.statement
    assert f"第 {before + 1}–{proof.entries} 条中" in proof.statement


# -- the root of trust, anchored at the office ------------------------------------------------


def test_a_rewritten_root_and_grant_chain_is_reported_by_the_office(w: World) -> None:
    """The insider writes a root key of their own into the keyfile with a fresh MAC, and signs a
    new grant chain under it that gives them what they like: the device's own checks pass, but
    the office holds the root its first package named and warns at the next import."""
    _anchored_at_office(w)
    insider = w.a
    key = insider.signing_key
    assert key is not None
    fake_root = Ed25519PrivateKey.generate()
    ghost = grants.Signer(str(uuid.uuid4()), fake_root)
    with insider.session() as s:
        s.execute(text("DELETE FROM role_grants"))
        chain = grants.Chain()
        common = {"active": True, "reason": "create", "signer": ghost}
        grants.issue(s, chain, user_id=ghost.user_id, user_name="ghost", roles=(Role.SYSADMIN,),
                     key=grants.key_of(fake_root), **common)  # fmt: skip
        grants.issue(s, chain, user_id=insider.user.id, user_name=insider.user.name,
                     roles=insider.user.roles, key=grants.key_of(key), **common)  # fmt: skip
    forged = replace(insider.keyfile, root=grants.key_of(fake_root)).sealed(insider.dek)
    forged.write(insider.layout.keyfile)
    w.close()
    w.vaults.clear()
    with w.a.read() as s:
        assert anchors.prove(s).signatures.ok  # the device alone cannot tell

    add_finding(w.a, w.round_id, title="之后的问题")  # something new to send
    result = ex.import_package(w.office, _send(w, "p2"))
    assert result.status == "imported"
    [warning] = [x for x in result.warnings if x.startswith(ROOT_CODE)]
    assert "信任根被改写" in warning
    with w.office.read() as s:
        [entry] = audit.iter_entries(s, action=root_anchor.MISMATCH_ACTION, limit=5)
    assert (entry.object_id, entry.detail["problem"]) == (w.template.device_a, "changed")


def test_entries_between_a_recovery_and_the_new_grant_verify_once_it_is_issued(
    team: Team, template_store: tuple[Path, str]
) -> None:
    """The recovery code gives the 组员 a new slot and key; the recovery session itself has no
    user key (its entries are named unsigned). Their entries under the new key fail until the
    系统管理员's grant binds it, and verify after."""
    team.close()
    team._vaults.clear()
    recovered, _code = Vault.open_with_recovery_code(
        team.directory, template_store[1], "member", PASSPHRASE + "恢复"
    )
    recovered.lock()
    with Vault.open(team.directory, "member", PASSPHRASE + "恢复") as member:
        with member.session() as s:
            audit.record(s, "record.view", "findings", "f-1")
        said = _signature_failure(member)
        assert "该用户恢复口令后尚未由系统管理员重新授权" in said
        set_user_roles(team(), "member", (Role.MEMBER,))
        with member.read() as s:
            proof = anchors.prove(s)
    assert proof.signatures.ok
    assert "声称由用户写入却无签名（恢复码解锁时写入" in proof.statement
