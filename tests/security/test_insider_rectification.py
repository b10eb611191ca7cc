"""The 整改 follow-through against an insider: its records are case content the 三员 do not
read, and the office's steps (审核意见, 审核 of a 方案/报告, 质效评估) stay the office's even for
a 组长 who also administers the laptop."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from workbench.errors import PermissionDenied
from workbench.models import (
    RectificationAssessment,
    RectificationDocument,
    RectificationSupervision,
    ReminderLetter,
)
from workbench.services import rectification_followup as fu

__all__ = ["team", "team_template"]  # fixtures used here


@pytest.mark.parametrize(
    "model",
    [RectificationDocument, RectificationSupervision, RectificationAssessment, ReminderLetter],
)
def test_follow_through_records_are_case_content(team: Team, model: type) -> None:
    with team("secadmin").read() as s, pytest.raises(PermissionDenied):
        s.scalars(select(model)).all()


def test_services_refuse_the_3yuan_and_office_steps_refuse_a_leader(team: Team) -> None:
    with team("secadmin").read() as s, pytest.raises(PermissionDenied):
        fu.list_supervisions(s)
    with team(LEADER).session() as s:  # 组长 + 系统管理员: still not 巡察办
        assert fu.refusals(s)["review"] is not None and fu.refusals(s)["register"] is None
    with team(LEADER).session() as s, pytest.raises(PermissionDenied):
        fu.assess_target(s, "any-round", "any-target", "good", date(2026, 1, 1))
