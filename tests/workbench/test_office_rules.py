"""The office's period rules: the 整改方案/整改报告 periods after 反馈 and the clue 反馈期限 are
set by the 巡察办 alone, within range, and every change is in the audit log."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from tests.workbench.team import Team
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.system import AuditEntry
from workbench.services import rectification_documents as rdocs
from workbench.services.clue_transfer import set_feedback_months
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_target
from workbench.services.rounds import RoundDraft
from workbench.services.targets import TargetDraft
from workbench.vocab.enums import RectificationDocKind

OFFICE = "office"
PLAN, REPORT = RectificationDocKind.PLAN, RectificationDocKind.REPORT
FEEDBACK = date(2026, 1, 31)


def _target(team: Team) -> tuple[str, str]:
    framework, version = DEFAULT_FRAMEWORK
    with team(OFFICE).session() as s:
        rid = add_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", framework, version)).id
        target = add_target(s, rid, TargetDraft("县教育局党组", "party_gov", "一般关注"))
    return rid, target.target.id


def _due(team: Team, rid: str, target: str, kind: RectificationDocKind) -> date | None:
    with team(OFFICE).session() as s:
        return rdocs.create_document(s, rid, rdocs.DocumentDraft(kind, target, FEEDBACK)).due_on


def _rule_changes(team: Team) -> list[tuple[str | None, dict[str, object]]]:
    with team(OFFICE).read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "setting.change"))
        return [(r.object_id, json.loads(r.detail)) for r in rows]


def test_documents_fall_due_by_the_offices_periods(team: Team) -> None:
    rid, target = _target(team)
    with team().read() as s:
        assert (rdocs.period_months(s, PLAN), rdocs.period_months(s, REPORT)) == (1, 2)  # defaults
    assert _due(team, rid, target, PLAN) == date(2026, 2, 28)
    with team(OFFICE).session() as s:
        rdocs.set_period_months(s, PLAN, 2)
        rdocs.set_period_months(s, "report", 3)
    assert _due(team, rid, target, PLAN) == date(2026, 3, 31)
    assert _due(team, rid, target, REPORT) == date(2026, 4, 30)


@pytest.mark.parametrize("user", ["leader", "deputy", "secadmin"])
def test_only_the_office_sets_a_period(team: Team, user: str) -> None:
    with pytest.raises(PermissionDenied, match="巡察办"), team(user).session() as s:
        rdocs.set_period_months(s, PLAN, 3)
    with team().read() as s:
        assert rdocs.period_months(s, PLAN) == 1
    assert _rule_changes(team) == []


@pytest.mark.parametrize("months", [0, 13])
def test_a_period_out_of_range_is_refused(team: Team, months: int) -> None:
    with team(OFFICE).session() as s:
        rdocs.set_period_months(s, REPORT, 4)
    with pytest.raises(ValidationError) as err, team(OFFICE).session() as s:
        rdocs.set_period_months(s, REPORT, months)
    assert err.value.details["field"] == "report_months"
    with team().read() as s:
        assert rdocs.period_months(s, REPORT) == 4


def test_every_rule_change_is_audited(team: Team) -> None:
    with team(OFFICE).session() as s:
        rdocs.set_period_months(s, REPORT, 3)
        set_feedback_months(s, 6)
        set_feedback_months(s, 6)  # no change, no entry
    assert _rule_changes(team) == [
        ("rectification_report_months", {"rule": "整改报告报送期限", "from": 2, "to": 3}),
        ("clue_feedback_months", {"rule": "线索反馈期限", "from": 3, "to": 6}),
    ]
