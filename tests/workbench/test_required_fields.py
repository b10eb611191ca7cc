"""Every record type refuses an empty record at creation (issue 16: an empty 信访件 could be
registered with one click): the required field is named, nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench import test_letters
from tests.workbench.team import Team
from tests.workbench.test_letters import World, letter
from workbench.errors import ValidationError
from workbench.models import RECORD_MODELS
from workbench.services.activities import ActivityDraft, create_activity
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.findings import FindingDraft, create_finding
from workbench.services.focus import ListEntryDraft, create_list_entry
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.letters import register_letter
from workbench.services.rectification import RectificationDraft, create_rectification
from workbench.services.reports import ReportDraft, create_report

world = test_letters.world  # the shared fixture

WHEN = datetime(2026, 3, 2, 9, 0)

EMPTY: dict[str, tuple[Callable[[Any, World], Any], str]] = {
    "letter": (
        lambda s, w: register_letter(s, letter(w, summary="", reported_persons=(), target_id=None)),
        "summary",
    ),
    "interview without a subject": (
        lambda s, w: create_interview(
            s, w.round_id, InterviewDraft("selected", WHEN, ("甲", "乙"), "乙", " ")
        ),
        "subject_name",
    ),
    "interview without a time": (
        lambda s, w: create_interview(
            s, w.round_id, InterviewDraft("selected", None, ("甲", "乙"), "乙", "李四")
        ),
        "held_at",
    ),
    "activity": (
        lambda s, w: create_activity(s, w.round_id, ActivityDraft("forum", WHEN, "")),
        "title",
    ),
    "finding": (
        lambda s, w: create_finding(s, FindingDraft(w.round_id, "  ", w.target_id, "FS-02")),
        "title",
    ),
    "clue without a person": (
        lambda s, w: register_clue(
            s, ClueDraft(w.round_id, "", "县管", "反映某某问题", "纪委监委", "单移交")
        ),
        "subject_name",
    ),
    "clue without a problem": (
        lambda s, w: register_clue(
            s, ClueDraft(w.round_id, "张三", "县管", "", "纪委监委", "单移交")
        ),
        "problem",
    ),
    "rectification": (
        lambda s, w: create_rectification(s, w.round_id, RectificationDraft(problem="")),
        "problem",
    ),
    "report": (
        lambda s, w: create_report(s, w.round_id, ReportDraft("inspection", "")),
        "title",
    ),
    "list entry": (
        lambda s, w: create_list_entry(s, w.round_id, ListEntryDraft("problem", "")),
        "title",
    ),
}


def _records(team: Team) -> int:
    with team().read() as s:
        return sum(s.scalar(select(func.count()).select_from(m)) or 0 for m in RECORD_MODELS)


@pytest.mark.parametrize("case", sorted(EMPTY))
def test_an_empty_record_is_refused(team: Team, world: World, case: str) -> None:
    create, field = EMPTY[case]
    before = _records(team)
    with pytest.raises(ValidationError) as err, team().session() as s:
        create(s, world)
    assert err.value.details["field"] == field and err.value.exit_code == 8
    assert _records(team) == before
