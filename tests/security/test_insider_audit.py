"""An insider with the data key rewrites the audit log: deletes their own entries by SQL and
recomputes the chain, so the chain alone verifies. What a package anchored at the office before
the rewrite exposes it at the next import; what no package carried out yet cannot be told from
an honest log (the residual risk, docs/store-format.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.workbench.test_exchange_cli import Main, main
from tests.workbench.test_exchange_support import (
    USERS,
    World,
    add_finding,
    audit_head,
    world_in,
    world_template,
)
from workbench import exchange as ex
from workbench.errors import AuditChainBroken
from workbench.models.base import stored_datetime
from workbench.models.system import AuditEntry
from workbench.store import anchors, audit
from workbench.store.vault import Vault

CODE = "[WB-AUDIT-ANCHOR]"
__all__ = ["main"]  # fixture used here


@pytest.fixture
def w(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with world_in(world_template(tmp_path_factory), tmp_path / "w") as world:
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
    renumber and rehash the rest and set the head, so ``verify_chain`` passes. Returns how many
    entries were deleted."""
    with vault.read() as s:
        entries = list(s.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    kept = [e for e in entries if not drop(e)]
    prev, rows = audit.GENESIS, []
    for seq, e in enumerate(kept, 1):
        fields = (e.at, e.actor_id, e.actor_name, e.device_id, e.action, e.object_type)
        digest = audit.entry_digest(prev, seq, *fields, e.object_id, e.detail)
        rows.append(
            {
                "seq": seq,
                "at": stored_datetime(e.at),
                "actor_id": e.actor_id,
                "actor_name": e.actor_name,
                "device_id": e.device_id,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "detail": e.detail,
                "prev_hash": prev,
                "entry_hash": digest,
            }
        )
        prev = digest
    with vault.session() as s:
        s.execute(text("DROP TRIGGER audit_log_no_update"))
        s.execute(text("DROP TRIGGER audit_log_no_delete"))
        s.execute(text("DELETE FROM audit_log"))
        s.execute(
            text(
                "INSERT INTO audit_log (seq, at, actor_id, actor_name, device_id, action,"
                " object_type, object_id, detail, prev_hash, entry_hash) VALUES (:seq, :at,"
                " :actor_id, :actor_name, :device_id, :action, :object_type, :object_id,"
                " :detail, :prev_hash, :entry_hash)"
            ),
            rows,
        )
        s.execute(
            text("UPDATE store_meta SET value = :v WHERE key = 'audit_head'"),
            {"v": f"{len(kept)}:{prev}"},
        )
    return len(entries) - len(kept)


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
        assert not any(x.startswith(CODE) for x in ex.import_package(w.office, package).warnings)
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

    w.vaults.clear()
    _rewrite(w.a, _own_findings)
    w.close()
    capsys.readouterr()
    assert main([*store, "audit", "verify"]) != 0
    assert "锚定后审计日志被改写" in capsys.readouterr().err
