"""作废 travels: a record voided on a team's laptop is voided at the office with its reason, one
voided at the office is voided on the laptops after the briefing, and a voiding against an edit
made on another device is a conflict the office sees, never a silent loss."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_finding,
    edit,
    get,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import PermissionDenied
from workbench.exchange.records.recordio import serialize
from workbench.models import Finding, Target
from workbench.services.findings import list_findings, void_finding
from workbench.services.voiding import void

REASON = "误录：与另一份底稿为同一问题"


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send(w: World, field: str, name: str) -> Path:
    out = w.dir / f"{name}.wbp"
    ex.export_round(w.open(field), w.round_id, out)
    return out


def test_a_team_voiding_reaches_the_office_with_its_reason(w: World) -> None:
    kept = add_finding(w.a, w.round_id, title="违规发放津贴补贴")
    gone = add_finding(w.a, w.round_id, title="误录的底稿")
    with w.a.session() as s:
        void_finding(s, gone, REASON)
    result = ex.import_package(w.office, _send(w, "a", "p1"))
    assert result.status == "imported"
    row = get(w.office, Finding, gone)
    assert row.deleted_at is not None and row.void_reason == REASON
    with w.office.read() as s, w.a.read() as t:  # the record as the team holds it, verbatim
        assert (
            serialize(s.get(Finding, gone)).to_json() == serialize(t.get(Finding, gone)).to_json()
        )
        assert [v.id for v in list_findings(s, w.round_id).items] == [kept]
        (voided,) = [v for v in list_findings(s, w.round_id, voided=True).items if v.id == gone]
        assert voided.meta.void_reason == REASON


def test_an_office_voiding_reaches_the_team_in_the_briefing(w: World) -> None:
    target = w.template.target_ids[1]
    with w.office.session() as s:
        void(s, "targets", target, REASON)
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "brief.wbp")
    assert ex.import_package(w.a, w.dir / "brief.wbp").outcome["applied"] >= 1
    row = get(w.a, Target, target)
    assert row.deleted_at is not None and row.void_reason == REASON


def test_a_voiding_against_an_edit_on_another_device_is_a_conflict(w: World) -> None:
    gone = add_finding(w.a, w.round_id, title="误录的底稿")
    ex.import_package(w.office, _send(w, "a", "p1"))
    edit(w.office, Finding, gone, title="巡察办补充")
    with w.a.session() as s:
        void_finding(s, gone, REASON)
    assert ex.import_package(w.office, _send(w, "a", "p2")).outcome["conflicts"] == 1
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    assert sorted(h.deleted for h in conflict.heads) == [False, True]


def test_an_office_voiding_against_a_team_edit_is_a_conflict(w: World) -> None:
    """Set-up records are voided only at the office (巡察办); a team that edited one meanwhile
    sends a conflict, not a silent loss."""
    target = w.template.target_ids[0]
    with w.office.session() as s:
        void(s, "targets", target, REASON)
    edit(w.b, Target, target, overview="镇党委班子 7 人")
    assert ex.import_package(w.office, _send(w, "b", "pb")).outcome["conflicts"] == 1
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    assert sorted(h.deleted for h in conflict.heads) == [False, True]


def test_a_team_cannot_void_a_set_up_record(w: World) -> None:
    target = w.template.target_ids[1]
    with w.a.session() as s, pytest.raises(PermissionDenied):
        void(s, "targets", target, REASON)
