"""问题线索: 登记 → 移交 → 接收 → 办理 → 反馈 → 办结 by role and state, time order, deadlines,
lists and search — on a real encrypted store with users of each role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.team import Team
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError, WorkflowError
from workbench.models import Interview, Target
from workbench.search import search
from workbench.services.clues import (
    ClueDraft,
    ClueView,
    close_clue,
    due_soon,
    feedback_clue,
    get_clue,
    handle_clue,
    list_clues,
    overdue_clues,
    receive_clue,
    register_clue,
    transfer_clue,
    update_clue,
    void_clue,
)
from workbench.services.letters import (
    LetterDraft,
    ReportedPerson,
    register_letter,
    summarize_letter,
)
from workbench.services.letters_disposal import discuss_letter, dispose_letter
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.workflow import SourceRef
from workbench.vocab.enums import (
    AttentionLevel,
    CadreLevel,
    ClueHandling,
    ClueStatus,
    ClueTransferUnit,
    InterviewType,
    LetterCategory,
    LetterChannel,
    TransferMode,
)

NOW = datetime.now().replace(microsecond=0)
TODAY = date.today()
T0 = NOW - timedelta(days=20)  # transferred
T1 = NOW - timedelta(days=15)  # received
T2 = NOW - timedelta(days=5)  # fed back
T3 = NOW - timedelta(days=1)  # closed


@dataclass(frozen=True)
class World:
    round_id: str
    other_round_id: str
    target_id: str
    interview_id: str


@pytest.fixture
def world(team: Team) -> World:
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        other = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020))
        target = Target(
            round_id=rnd.id, name="某某镇党委", kind="township", attention=AttentionLevel.KEY
        )
        interview = Interview(
            round_id=rnd.id,
            number="TH-1",
            interview_type=InterviewType.REQUIRED,
            held_at=NOW - timedelta(days=30),
            interviewers=["甲", "乙"],
            recorder="乙",
            subject_name="王某",
        )
        s.add_all([target, interview])
        s.flush()
        return World(rnd.id, other.id, target.id, interview.id)


def clue(w: World, **changes: Any) -> ClueDraft:
    base = ClueDraft(
        round_id=w.round_id,
        subject_name="张三",
        subject_position="镇党委书记",
        subject_level=CadreLevel.COUNTY,
        problem="收受工程老板礼金，违规插手工程项目",
        transfer_unit=ClueTransferUnit.DISCIPLINE_COMMISSION,
        transfer_mode=TransferMode.SINGLE,
        disciplines=("廉洁纪律",),
        category1="违反廉洁纪律",
        category2="收受礼金",
        feedback_due=TODAY + timedelta(days=30),
        target_id=w.target_id,
        source_refs=(SourceRef("interview", w.interview_id),),
    )
    return replace(base, **changes)


def register(team: Team, w: World, user: str = "member", **changes: Any) -> str:
    with team(user).session() as s:
        return register_clue(s, clue(w, **changes)).id


# each step as (status it leaves the clue in, function taking a session and the clue id)
STEPS: list[tuple[ClueStatus, Callable[[Any, str], ClueView]]] = [
    (ClueStatus.TRANSFERRED, lambda s, c: transfer_clue(s, c, transferred_at=T0)),
    (
        ClueStatus.RECEIVED,
        lambda s, c: receive_clue(s, c, received_by="县纪委 赵某", received_at=T1),
    ),
    (ClueStatus.HANDLING, lambda s, c: handle_clue(s, c, ClueHandling.PRELIMINARY)),
    (ClueStatus.FED_BACK, lambda s, c: feedback_clue(s, c, result="已立案审查", fed_back_at=T2)),
    (ClueStatus.CLOSED, lambda s, c: close_clue(s, c, closed_at=T3)),
]


def advance(team: Team, clue_id: str, to: ClueStatus, user: str = "office") -> None:
    """Take the steps up to ``to``."""
    if to == ClueStatus.REGISTERED:
        return
    with team(user).session() as s:
        for status, fn in STEPS:
            fn(s, clue_id)
            if status == to:
                return


# -- 登记 ------------------------------------------------------------------------------------------


def test_register_numbers_and_stores_every_field(team: Team, world: World) -> None:
    with team("member").session() as s:
        first = register_clue(s, clue(world))
        second = register_clue(
            s, clue(world, subject_level="市管", transfer_mode="双移交", second_unit="组织部")
        )
    assert (first.number, second.number) == ("XS-2026-0001", "XS-2026-0002")
    assert (first.status, first.subject_level, first.transfer_unit) == (
        ClueStatus.REGISTERED,
        CadreLevel.COUNTY,
        ClueTransferUnit.DISCIPLINE_COMMISSION,
    )
    assert (second.subject_level, second.transfer_mode) == (CadreLevel.CITY, TransferMode.DOUBLE)
    assert second.units() == (
        ClueTransferUnit.DISCIPLINE_COMMISSION,
        ClueTransferUnit.ORGANIZATION_DEPT,
    )
    assert first.disciplines == ("JL-3",)
    assert (first.category1, first.category2) == ("违反廉洁纪律", "收受礼金")
    assert first.source_refs == (SourceRef("interview", world.interview_id),)
    assert first.transferred_at is None and first.handling is None
    with team().read() as s:
        assert get_clue(s, first.id) == first


@pytest.mark.parametrize("user", ["recorder", "deputy", LEADER, "office"])
def test_team_and_office_register(team: Team, world: World, user: str) -> None:
    register(team, world, user)


def test_other_roles_may_not_register(team: Team, world: World) -> None:
    with pytest.raises(PermissionDenied), team("secadmin").session() as s:
        register_clue(s, clue(world))


def test_search_finds_a_registered_clue(team: Team, world: World) -> None:
    cid = register(team, world)
    with team().read() as s:
        assert [h.record_id for h in search(s, "插手工程项目", types=["clue"])] == [cid]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject_name": " "}, "subject_name"),
        ({"subject_level": "部管"}, "subject_level"),
        ({"problem": ""}, "problem"),
        ({"transfer_unit": "公安局"}, "transfer_unit"),
        ({"transfer_mode": "三移交"}, "transfer_mode"),
        ({"disciplines": ("交通纪律",)}, "disciplines"),
        ({"category1": "类" * 65}, "category1"),
        ({"target_id": "no-such-target"}, "target_id"),
        ({"team_id": "no-such-team"}, "team_id"),
        ({"source_refs": (SourceRef("rumour", "x"),)}, "source_refs"),
        ({"source_refs": (SourceRef("interview", "no-such-interview"),)}, "source_refs"),
        ({"round_id": ""}, "round_id"),
    ],
)
def test_register_validation(team: Team, world: World, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err, team().session() as s:
        register_clue(s, clue(world, **changes))
    assert err.value.details["field"] == field


def test_typed_number_must_be_unique(team: Team, world: World) -> None:
    register(team, world, number="线索-01")
    with pytest.raises(Conflict), team().session() as s:
        register_clue(s, clue(world, number="线索-01"))


def test_update_and_delete_only_before_transfer(team: Team, world: World) -> None:
    cid = register(team, world)
    with team("member").session() as s:
        view = update_clue(s, cid, clue(world, problem="更正后的问题"), expected_version=1)
    assert (view.problem, view.number, view.meta.version) == ("更正后的问题", "XS-2026-0001", 2)
    with pytest.raises(Conflict), team().session() as s:
        update_clue(s, cid, clue(world), expected_version=1)
    with pytest.raises(ValidationError), team().session() as s:
        update_clue(s, cid, clue(world, round_id=world.other_round_id))
    advance(team, cid, ClueStatus.TRANSFERRED)
    with pytest.raises(WorkflowError), team().session() as s:
        update_clue(s, cid, clue(world))
    with pytest.raises(WorkflowError), team().session() as s:
        void_clue(s, cid, "录入错误")
    fresh = register(team, world)
    with pytest.raises(PermissionDenied), team("secadmin").session() as s:
        void_clue(s, fresh, "录入错误")
    with team("member").session() as s:
        void_clue(s, fresh, "录入错误")
    with team().read() as s:
        with pytest.raises(NotFound):
            get_clue(s, fresh)
        assert [c.id for c in list_clues(s, world.round_id).items] == [cid]


def test_a_clue_made_from_a_letter_cannot_be_deleted(team: Team, world: World) -> None:
    received = NOW - timedelta(days=10)
    with team().session() as s:
        letter = register_letter(
            s,
            LetterDraft(
                world.round_id,
                LetterChannel.LETTER,
                received,
                reported_persons=(ReportedPerson("张三", level="县管"),),
            ),
        )
        summarize_letter(s, letter.id, summary="反映张三收受礼金")
        discuss_letter(s, letter.id, meeting_date=received.date(), category=LetterCategory.CLUE)
        made = dispose_letter(s, letter.id, "转为线索").clue
    assert made is not None
    with pytest.raises(Conflict), team().session() as s:
        void_clue(s, made.id, "录入错误")


# -- the steps -------------------------------------------------------------------------------------


def test_full_course(team: Team, world: World) -> None:
    cid = register(team, world)
    with team().session() as s:  # 组长 transfers; the 经办人 defaults to the current user
        view = transfer_clue(s, cid, transferred_at=T0, feedback_due=TODAY + timedelta(days=40))
    assert (view.status, view.transferred_by, view.transferred_at) == (
        ClueStatus.TRANSFERRED,
        "王组长",
        T0,
    )
    assert view.feedback_due == TODAY + timedelta(days=40)
    with team("office").session() as s:
        view = receive_clue(s, cid, received_by="县纪委 赵某", received_at=T1)
        assert (view.status, view.received_by, view.received_at) == (
            ClueStatus.RECEIVED,
            "县纪委 赵某",
            T1,
        )
        view = handle_clue(s, cid, "谈话函询")
        assert (view.status, view.handling) == (ClueStatus.HANDLING, ClueHandling.TALK_INQUIRY)
        view = feedback_clue(s, cid, result="已谈话提醒", fed_back_at=T2)
        assert (view.status, view.result, view.fed_back_at) == (
            ClueStatus.FED_BACK,
            "已谈话提醒",
            T2,
        )
        view = close_clue(s, cid, closed_at=T3)
        assert (view.status, view.closed_at) == (ClueStatus.CLOSED, T3)
    with team().read() as s:
        assert [h.record_id for h in search(s, "谈话提醒")] == [cid]  # the result is indexed


def test_steps_default_to_now(team: Team, world: World) -> None:
    cid = register(team, world)
    with team("office").session() as s:
        view = transfer_clue(s, cid, transferred_by="巡察办 钱某")
        view = receive_clue(s, cid, received_by="县纪委 赵某")
        view = handle_clue(s, cid, ClueHandling.SHELVED)
        view = feedback_clue(s, cid, result="暂存待查")
        view = close_clue(s, cid)
    assert view.transferred_by == "巡察办 钱某"
    for at in (view.transferred_at, view.received_at, view.fed_back_at, view.closed_at):
        assert at is not None and abs((at - datetime.now()).total_seconds()) < 60


FROM = [ClueStatus.REGISTERED, *(status for status, _ in STEPS)]  # the state each step needs


@pytest.mark.parametrize(
    ("state", "index"),
    [(state, i) for i in range(len(STEPS)) for state in ClueStatus if state != FROM[i]],
)
def test_each_step_only_from_the_state_before_it(
    team: Team, world: World, state: ClueStatus, index: int
) -> None:
    cid = register(team, world)
    advance(team, cid, state)
    with pytest.raises(WorkflowError) as err, team("office").session() as s:
        STEPS[index][1](s, cid)
    assert err.value.code == "WB-WORKFLOW"
    assert err.value.details["status"] == state.value


@pytest.mark.parametrize("user", ["deputy", "member", "recorder", "secadmin"])
def test_only_leader_or_office_take_the_steps(team: Team, world: World, user: str) -> None:
    cid = register(team, world)
    for status, fn in STEPS:
        with pytest.raises(PermissionDenied), team(user).session() as s:
            fn(s, cid)
        with team("office" if status != ClueStatus.TRANSFERRED else LEADER).session() as s:
            assert fn(s, cid).status == status


@pytest.mark.parametrize(
    ("before", "call", "field"),
    [
        (
            ClueStatus.REGISTERED,
            lambda s, c: transfer_clue(s, c, transferred_at=NOW + timedelta(days=3)),
            "transferred_at",
        ),
        (
            ClueStatus.REGISTERED,
            lambda s, c: transfer_clue(
                s, c, transferred_at=T0, feedback_due=T0.date() - timedelta(1)
            ),
            "feedback_due",
        ),
        (
            ClueStatus.TRANSFERRED,
            lambda s, c: receive_clue(
                s, c, received_by="赵某", received_at=T0 - timedelta(hours=1)
            ),
            "received_at",
        ),
        (
            ClueStatus.TRANSFERRED,
            lambda s, c: receive_clue(s, c, received_by=" ", received_at=T1),
            "received_by",
        ),
        (ClueStatus.RECEIVED, lambda s, c: handle_clue(s, c, "不予处理"), "handling"),
        (
            ClueStatus.HANDLING,
            lambda s, c: feedback_clue(s, c, result="结果", fed_back_at=T1 - timedelta(hours=1)),
            "fed_back_at",
        ),
        (
            ClueStatus.HANDLING,
            lambda s, c: feedback_clue(s, c, result=" ", fed_back_at=T2),
            "result",
        ),
        (
            ClueStatus.FED_BACK,
            lambda s, c: close_clue(s, c, closed_at=T2 - timedelta(hours=1)),
            "closed_at",
        ),
    ],
)
def test_step_validation(
    team: Team,
    world: World,
    before: ClueStatus,
    call: Callable[[Any, str], ClueView],
    field: str,
) -> None:
    cid = register(team, world)
    advance(team, cid, before)
    with pytest.raises(ValidationError) as err, team("office").session() as s:
        call(s, cid)
    assert err.value.details["field"] == field
    with team().read() as s:
        assert get_clue(s, cid).status == before


def test_version_check_on_a_step(team: Team, world: World) -> None:
    cid = register(team, world)
    with pytest.raises(Conflict), team().session() as s:
        transfer_clue(s, cid, expected_version=5)


# -- deadlines -------------------------------------------------------------------------------------


def test_overdue_and_due_soon(team: Team, world: World) -> None:
    late = register(team, world, feedback_due=TODAY - timedelta(days=3))
    later = register(team, world, feedback_due=TODAY - timedelta(days=1))
    today = register(team, world, feedback_due=TODAY)
    week = register(team, world, feedback_due=TODAY + timedelta(days=7))
    register(team, world, feedback_due=TODAY + timedelta(days=8))
    register(team, world, feedback_due=None)
    answered = register(team, world, feedback_due=TODAY - timedelta(days=10))
    gone = register(team, world, feedback_due=TODAY - timedelta(days=10))
    elsewhere = register(
        team, world, round_id=world.other_round_id, target_id=None, feedback_due=TODAY
    )
    with team().session() as s:
        void_clue(s, gone, "录入错误")
    advance(team, answered, ClueStatus.FED_BACK)  # answered late: no longer overdue
    with team().read() as s:
        assert [c.id for c in overdue_clues(s, world.round_id, TODAY)] == [late, later]
        assert [c.id for c in due_soon(s, world.round_id, TODAY)] == [today, week]
        assert [c.id for c in due_soon(s, world.round_id, TODAY, days=0)] == [today]
        assert {c.id for c in due_soon(s, None, TODAY, days=0)} == {today, elsewhere}
        assert [c.id for c in overdue_clues(s, world.round_id, TODAY + timedelta(days=1))] == [
            late,
            later,
            today,
        ]
        assert get_clue(s, late).overdue(TODAY)
        assert not get_clue(s, answered).overdue(TODAY)
        assert not get_clue(s, week).overdue(TODAY)
        with pytest.raises(ValidationError):
            due_soon(s, world.round_id, TODAY, days=-1)


# -- lists -----------------------------------------------------------------------------------------


def test_list_filters_and_paging(team: Team, world: World) -> None:
    first = register(team, world, subject_level="乡管", feedback_due=TODAY + timedelta(days=2))
    second = register(team, world, transfer_unit="组织部", target_id=None)
    third = register(team, world)
    advance(team, third, ClueStatus.TRANSFERRED)
    with team().read() as s:
        everything = list_clues(s, world.round_id)
        assert [c.id for c in everything.items] == [third, second, first]
        assert [c.id for c in list_clues(s, status="已移交").items] == [third]
        assert [c.id for c in list_clues(s, transfer_unit="组织部").items] == [second]
        assert [c.id for c in list_clues(s, subject_level=CadreLevel.TOWNSHIP).items] == [first]
        assert {c.id for c in list_clues(s, target_id=world.target_id).items} == {first, third}
        soon = list_clues(s, due_from=TODAY, due_to=TODAY + timedelta(days=5))
        assert [c.id for c in soon.items] == [first]
        page = list_clues(s, world.round_id, offset=1, limit=1)
        assert ([c.id for c in page.items], page.total) == ([second], 3)
        assert list_clues(s, world.other_round_id).total == 0
        with pytest.raises(ValidationError):
            list_clues(s, status="已销毁")
