"""作废: a record leaves the lists only with a reason, audited, kept as a tombstone, its number
never issued again; who may void what, and the workflow's locks, on a real encrypted store."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench import test_letters
from tests.workbench.team import Team
from tests.workbench.test_letters import World, letter, register, to_meeting
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError, WorkflowError
from workbench.models import AuditEntry, Clue, Interview, Letter, Rectification
from workbench.services.activities import ActivityDraft, create_activity
from workbench.services.audit_log import action_label
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.letters import get_letter, list_letters, register_letter, void_letter
from workbench.services.locks import lock_reason
from workbench.services.rectification import RectificationDraft, create_rectification
from workbench.services.search import search
from workbench.services.stats import round_stats
from workbench.services.voiding import readable, void, void_mark
from workbench.vocab.enums import (
    ActivityType,
    ClueStatus,
    InterviewType,
    RectificationStatus,
)

world = test_letters.world  # the shared fixture

REASON = "重复登记，与XF-2026-0002为同一件"


def _audit(team: Team, action: str) -> list[AuditEntry]:
    with team().read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


@pytest.mark.parametrize("reason", ["", "   ", "\n", "理" * 501])
def test_a_voiding_needs_a_reason(team: Team, world: World, reason: str) -> None:
    lid = register(team, world)
    with pytest.raises(ValidationError) as err, team("recorder").session() as s:
        void_letter(s, lid, reason)
    assert err.value.details["field"] == "reason" and err.value.exit_code == 8
    with team().read() as s:  # nothing changed
        assert get_letter(s, lid).meta.deleted is False
    assert _audit(team, "record.void") == []


def test_a_voided_letter_is_a_tombstone_with_its_reason(team: Team, world: World) -> None:
    lid = register(team, world)
    kept = register(team, world)
    with team("recorder").session() as s:
        void_letter(s, lid, f"  {REASON}  ")
    with team().read() as s:
        row = s.get(Letter, lid)
        assert row is not None and row.deleted_at is not None  # the row stays
        assert row.void_reason == REASON and row.deleted_by is not None
        # out of the list, the search and the figures by default
        assert [v.id for v in list_letters(s, world.round_id).items] == [kept]
        assert [h.record_id for h in search(s, "优亲厚友", types=["letter"])] == [kept]
        assert round_stats(s, world.round_id).letters == 1
        with pytest.raises(NotFound):
            get_letter(s, lid)
        # 显示已作废 / --voided: listed, marked with the reason
        shown = {v.id: v for v in list_letters(s, world.round_id, voided=True).items}
        assert set(shown) == {lid, kept}
        assert void_mark(shown[lid].meta) == f"已作废：{REASON}"
        assert void_mark(shown[kept].meta) == ""
        # it opens read-only under its mark
        assert readable(get_letter)(s, lid).meta.void_reason == REASON
        assert lock_reason(s, "letter", lid) == f"已作废：{REASON}"
    (entry,) = _audit(team, "record.void")
    assert (entry.object_type, entry.object_id, entry.actor_name) == ("letters", lid, "recorder")
    assert REASON in entry.detail and action_label(entry.action) == "作废记录"
    with pytest.raises(NotFound), team("recorder").session() as s:
        void_letter(s, lid, "再作废一次")  # once voided it is gone from every service


def test_a_voided_number_is_never_issued_again(team: Team, world: World) -> None:
    first = register(team, world)  # XF-2026-0001
    with team("recorder").session() as s:
        void_letter(s, first, REASON)
    with team("recorder").session() as s:
        assert register_letter(s, letter(world)).number == "XF-2026-0002"
    with pytest.raises(Conflict, match="已作废") as err, team("recorder").session() as s:
        register_letter(s, letter(world, number="XF-2026-0001"))  # typed by hand
    assert err.value.details["field"] == "number"


def test_a_member_voids_only_what_they_entered(team: Team, world: World) -> None:
    mine = register(team, world, user="member")
    theirs = register(team, world, user="recorder")
    with pytest.raises(PermissionDenied) as err, team("member").session() as s:
        void_letter(s, theirs, REASON)
    assert err.value.exit_code == 6 and "组长或副组长" in err.value.message
    with team("member").session() as s:
        void_letter(s, mine, REASON)
    with team("deputy").session() as s:  # a leader voids anyone's
        void_letter(s, theirs, REASON)


@pytest.mark.parametrize("user", ["secadmin", "office"])
def test_roles_outside_the_team_cannot_void_a_letter(team: Team, world: World, user: str) -> None:
    lid = register(team, world)
    with pytest.raises(PermissionDenied), team(user).session() as s:
        void_letter(s, lid, REASON)


def test_a_letter_after_the_meeting_stays(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, "一般性问题")
    with pytest.raises(WorkflowError, match="不能作废"), team().session() as s:
        void_letter(s, lid, REASON)


def test_void_by_kind_refuses_what_has_no_void(team: Team, world: World) -> None:
    lid = register(team, world)
    with pytest.raises(Exception, match="不能作废"), team().session() as s:
        void(s, "rounds", world.round_id, REASON)
    with team().session() as s:
        void(s, "letter", lid, REASON)  # an editor's record type works too
    with team().read() as s:
        assert list_letters(s, world.round_id).total == 0


# -- the workflow's locks -------------------------------------------------------------------------


def _set(team: Team, model: Any, record_id: str, **values: Any) -> None:
    """Put a record in a workflow state as its own steps leave it (arranged, not under test)."""
    with team().session() as s:
        row = s.get_one(model, record_id)
        for name, value in values.items():
            setattr(row, name, value)


def _clue(team: Team, world: World) -> str:
    draft = ClueDraft(
        round_id=world.round_id,
        subject_name="张三",
        subject_level="县管",
        problem="反映张三优亲厚友",
        transfer_unit="纪委监委",
        transfer_mode="单移交",
        target_id=world.target_id,
    )
    with team().session() as s:
        return register_clue(s, draft).id


@pytest.mark.parametrize(
    ("status", "refused"),
    [(ClueStatus.TRANSFERRED, True), (ClueStatus.CLOSED, True), (ClueStatus.REGISTERED, False)],
)
def test_a_clue_is_voided_only_before_transfer(
    team: Team, world: World, status: ClueStatus, refused: bool
) -> None:
    cid = _clue(team, world)
    _set(team, Clue, cid, status=status)
    if refused:
        with pytest.raises(WorkflowError, match="不能作废"), team().session() as s:
            void(s, "clues", cid, REASON)
    else:
        with team().session() as s:
            void(s, "clues", cid, REASON)


def test_a_closed_rectification_cannot_be_voided(team: Team, world: World) -> None:
    with team().session() as s:
        rid = create_rectification(s, world.round_id, RectificationDraft(problem="台账不全")).id
    _set(team, Rectification, rid, status=RectificationStatus.DONE)
    with pytest.raises(WorkflowError, match="销号"), team().session() as s:
        void(s, "rectifications", rid, REASON)
    _set(team, Rectification, rid, status=RectificationStatus.IN_PROGRESS)
    with team().session() as s:
        void(s, "rectifications", rid, REASON)


def test_a_confirmed_interview_cannot_be_voided(team: Team, world: World) -> None:
    draft = InterviewDraft(
        interview_type=InterviewType.SELECTED,
        held_at=datetime(2026, 3, 2, 9, 0),
        interviewers=("王组长", "张伟"),
        recorder="张伟",
        subject_name="李四",
    )
    with team().session() as s:
        iid = create_interview(s, world.round_id, draft).id
    _set(team, Interview, iid, confirmed_on=date(2026, 3, 3))
    with pytest.raises(WorkflowError, match="组长撤销确认"), team().session() as s:
        void(s, "interviews", iid, REASON)


def test_an_activity_is_voided_and_leaves_its_list(team: Team, world: World) -> None:
    from workbench.services.activities import list_activities

    draft = ActivityDraft(ActivityType.FORUM, datetime(2026, 3, 1, 9, 0), "进驻动员会")
    with team("member").session() as s:
        aid = create_activity(s, world.round_id, draft).id
    with pytest.raises(PermissionDenied), team("recorder").session() as s:
        void(s, "activities", aid, REASON)  # not theirs
    with team("member").session() as s:
        void(s, "activities", aid, REASON)
    with team().read() as s:
        assert list_activities(s, round_id=world.round_id).total == 0
        (shown,) = list_activities(s, round_id=world.round_id, voided=True).items
        assert shown.meta.void_reason == REASON
