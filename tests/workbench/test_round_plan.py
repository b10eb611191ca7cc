"""A 专项巡察's 工作方案: 报备 → 审核通过, or 退回修改 and 报备 again; only for 专项 rounds, only by
巡察办, every move in the audit log; a refused move changes nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from tests.conftest import LEADER
from tests.workbench.team import Team
from workbench.errors import PermissionDenied, ValidationError, WorkflowError
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round
from workbench.services.round_plan import (
    file_plan,
    file_problem,
    phase_problem,
    review_plan,
    review_problem,
)
from workbench.services.rounds import RoundDraft, get_round
from workbench.vocab.enums import PlanStatus, RoundType


def _round(team: Team, round_type: RoundType, number: int = 1) -> str:
    draft = RoundDraft(
        f"2026年第{number}轮巡察", 2026, number, round_type, *DEFAULT_FRAMEWORK, topic="乡村振兴"
    )
    with team("office").session() as s:
        return add_round(s, draft).id


def _plan_audit(team: Team) -> list[tuple[str, dict[str, str]]]:
    with team("office").read() as s:
        rows = s.execute(
            text(
                "SELECT actor_name, detail FROM audit_log WHERE action = 'round.plan' ORDER BY seq"
            )
        ).all()
    return [(name, json.loads(detail)) for name, detail in rows]


def test_filed_then_approved_each_step_audited(team: Team) -> None:
    rid = _round(team, RoundType.SPECIAL)
    with team("office").session() as s:
        assert file_plan(s, rid).plan_status is PlanStatus.FILED
    with team("office").session() as s:
        view = review_plan(s, rid, approve=True, note="同意")
    assert (view.plan_status, view.plan_note) == (PlanStatus.APPROVED, "同意")
    assert phase_problem(view) is None
    audited = _plan_audit(team)
    assert [name for name, _ in audited] == ["office", "office"]
    # a new 专项 round starts 草拟 once set-up marks it so, with no status before
    assert audited[0][1]["from"] in {"none", "draft"}
    assert [detail["to"] for _, detail in audited] == ["filed", "approved"]
    assert audited[1][1]["from"] == "filed"


def _plan_audit_raw(team: Team) -> list[dict[str, str]]:
    return [detail for _, detail in _plan_audit(team)]


def test_returned_with_a_reason_then_filed_again(team: Team) -> None:
    rid = _round(team, RoundType.SPECIAL)
    with team("office").session() as s:
        file_plan(s, rid)
    with team("office").session() as s:
        view = review_plan(s, rid, approve=False, note="请补充进驻安排")
    assert (view.plan_status, view.plan_note) == (PlanStatus.RETURNED, "请补充进驻安排")
    assert (
        phase_problem(view) == "专项巡察的工作方案须先审核通过（当前：退回修改），才能离开准备阶段"
    )
    assert review_problem(view) is not None and file_problem(view) is None
    with team("office").session() as s:
        assert file_plan(s, rid).plan_status is PlanStatus.FILED
    assert [e["to"] for e in _plan_audit_raw(team)] == ["filed", "returned", "filed"]


def test_a_return_needs_a_reason(team: Team) -> None:
    rid = _round(team, RoundType.SPECIAL)
    with team("office").session() as s:
        file_plan(s, rid)
    with team("office").session() as s, pytest.raises(ValidationError, match="退回意见"):
        review_plan(s, rid, approve=False, note="  ")
    with team("office").read() as s:
        assert get_round(s, rid).plan_status is PlanStatus.FILED


def test_only_a_filed_plan_is_reviewed_and_an_approved_one_not_filed_again(team: Team) -> None:
    rid = _round(team, RoundType.SPECIAL)
    with team("office").session() as s, pytest.raises(WorkflowError, match="报备后才能审核"):
        review_plan(s, rid, approve=True)
    with team("office").session() as s:
        file_plan(s, rid)
    with team("office").session() as s, pytest.raises(WorkflowError, match="无需再次报备"):
        file_plan(s, rid)
    with team("office").session() as s:
        review_plan(s, rid, approve=True)
    with team("office").session() as s, pytest.raises(WorkflowError, match="无需再次报备"):
        file_plan(s, rid)
    assert [e["to"] for e in _plan_audit_raw(team)] == ["filed", "approved"]


def test_a_round_of_another_type_has_no_plan(team: Team) -> None:
    rid = _round(team, RoundType.CROSS)
    with team("office").session() as s, pytest.raises(WorkflowError, match="本轮是交叉巡察"):
        file_plan(s, rid)
    with team("office").session() as s, pytest.raises(WorkflowError, match="只有专项巡察"):
        review_plan(s, rid, approve=True)
    with team("office").read() as s:
        view = get_round(s, rid)
    assert phase_problem(view) is None
    assert view.plan_status is not PlanStatus.FILED
    assert _plan_audit_raw(team) == []


@pytest.mark.parametrize("user", [LEADER, "secadmin", "member"])
def test_only_the_office_moves_a_plan(team: Team, user: str) -> None:
    rid = _round(team, RoundType.SPECIAL)
    with team(user).session() as s, pytest.raises(PermissionDenied, match="巡察办"):
        file_plan(s, rid)
    with team("office").session() as s:
        file_plan(s, rid)
    with team(user).session() as s, pytest.raises(PermissionDenied, match="巡察办"):
        review_plan(s, rid, approve=True)
    with team("office").read() as s:
        assert get_round(s, rid).plan_status is PlanStatus.FILED
