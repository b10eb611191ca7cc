"""信访件: 登记 → 摘要 → 组务会, lists and search on a real encrypted store with users of each
role (分类处置 and duplicates: test_letters_disposal.py, which shares this world)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text as sql_text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.team import Team
from workbench.errors import (
    Conflict,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.models import Attachment, Target
from workbench.search import search
from workbench.services.letters import (
    LetterDraft,
    LetterView,
    ReportedPerson,
    get_letter,
    list_letters,
    register_letter,
    summarize_letter,
    update_letter,
)
from workbench.services.letters_disposal import (
    LetterDisposal,
    discuss_letter,
    dispose_letter,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.vocab.enums import (
    AttentionLevel,
    CadreLevel,
    LetterCategory,
    LetterChannel,
    LetterStatus,
)

RECEIVED = (datetime.now() - timedelta(days=30)).replace(microsecond=0)
MEETING = RECEIVED.date() + timedelta(days=3)
SHA = "ef" * 32


@dataclass(frozen=True)
class World:
    round_id: str
    other_round_id: str
    target_id: str


@pytest.fixture
def world(team: Team) -> World:
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        other = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020))
        target = Target(
            round_id=rnd.id, name="某某镇党委", kind="township", attention=AttentionLevel.KEY
        )
        s.add(target)
        s.add(Attachment(sha256=SHA, size=3, name="来信扫描.pdf"))
        s.flush()
        return World(rnd.id, other.id, target.id)


def letter(w: World, **changes: Any) -> LetterDraft:
    base = LetterDraft(
        round_id=w.round_id,
        channel=LetterChannel.SMALL_ENVELOPE,
        received_at=RECEIVED,
        reported_persons=(ReportedPerson("张三", "镇长", "某某镇", CadreLevel.COUNTY),),
        summary="反映张三在惠农补贴发放中优亲厚友",
        target_id=w.target_id,
    )
    return replace(base, **changes)


def register(team: Team, w: World, user: str = "recorder", **changes: Any) -> str:
    with team(user).session() as s:
        return register_letter(s, letter(w, **changes)).id


def to_meeting(team: Team, letter_id: str, category: LetterCategory | str) -> LetterView:
    """Summarize (记录员) and discuss (组长) a registered letter."""
    with team("recorder").session() as s:
        summarize_letter(s, letter_id, summary="反映张三优亲厚友", disciplines=("群众纪律",))
    with team().session() as s:
        return discuss_letter(s, letter_id, meeting_date=MEETING, category=category)


def dispose(team: Team, letter_id: str, disposition: Any, **kw: Any) -> LetterDisposal:
    with team().session() as s:
        return dispose_letter(s, letter_id, disposition, **kw)


# -- 登记 ------------------------------------------------------------------------------------------


def test_register_numbers_per_round(team: Team, world: World) -> None:
    with team("recorder").session() as s:
        first = register_letter(s, letter(world))
        named = register_letter(
            s,
            letter(
                world,
                anonymous=False,
                reporter_name="李四",
                reporter_contact="13800000000",
                channel="来访",
                original_sha256=SHA,
            ),
        )
        elsewhere = register_letter(s, letter(world, round_id=world.other_round_id, target_id=None))
    assert (first.number, named.number, elsewhere.number) == (
        "XF-2026-0001",
        "XF-2026-0002",
        "XF-2026-0001",
    )
    assert first.status == LetterStatus.REGISTERED
    assert first.anonymous and first.reporter_name == ""
    assert first.reported_persons[0] == ReportedPerson("张三", "镇长", "某某镇", CadreLevel.COUNTY)
    assert (named.channel, named.reporter_name, named.original_sha256) == (
        LetterChannel.VISIT,
        "李四",
        SHA,
    )
    with team().read() as s:
        assert get_letter(s, first.id) == first


@pytest.mark.parametrize("user", ["member", "deputy", LEADER])
def test_any_team_role_registers(team: Team, world: World, user: str) -> None:
    register(team, world, user)


def test_office_may_not_register(team: Team, world: World) -> None:
    with pytest.raises(PermissionDenied), team("office").session() as s:
        register_letter(s, letter(world))


def test_search_finds_a_registered_letter(team: Team, world: World) -> None:
    lid = register(team, world)
    with team().read() as s:
        assert [h.record_id for h in search(s, "优亲厚友", types=["letter"])] == [lid]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"channel": "飞鸽传书"}, "channel"),
        ({"received_at": datetime.now() + timedelta(days=3)}, "received_at"),
        ({"reporter_name": "王五"}, "anonymous"),  # a name on an anonymous letter
        ({"anonymous": False, "reporter_contact": "138"}, "reporter_name"),
        ({"anonymous": False, "reporter_name": "王五"}, "reporter_contact"),
        ({"reported_persons": (ReportedPerson(" "),)}, "reported_persons"),
        ({"reported_persons": (ReportedPerson("张三", level="部管"),)}, "reported_persons"),
        ({"original_sha256": "00" * 32}, "original_sha256"),
        ({"target_id": "no-such-target"}, "target_id"),
        ({"disciplines": ("交通纪律",)}, "disciplines"),
        ({"team_id": "no-such-team"}, "team_id"),
        ({"round_id": ""}, "round_id"),
    ],
)
def test_register_validation(team: Team, world: World, changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err, team("recorder").session() as s:
        register_letter(s, letter(world, **changes))
    assert err.value.details["field"] == field


def test_typed_number_must_be_unique(team: Team, world: World) -> None:
    register(team, world, number="来信-001")
    with pytest.raises(Conflict), team("recorder").session() as s:
        register_letter(s, letter(world, number="来信-001"))


def test_a_second_letter_with_an_issued_number_is_refused(team: Team, world: World) -> None:
    first = register(team, world)
    with pytest.raises(Conflict, match="XF-2026-0001"), team("recorder").session() as s:
        register_letter(s, letter(world, number="XF-2026-0001"))
    with team().read() as s:
        assert [v.id for v in list_letters(s, world.round_id).items] == [first]


@pytest.mark.parametrize(
    "summary", ["反映\x00问题", "反映\x1b[2J问题", "反映\x85问题", "反映\ud800问题"]
)
def test_summary_with_control_characters_is_refused(team: Team, world: World, summary: str) -> None:
    with pytest.raises(ValidationError) as err, team("recorder").session() as s:
        register_letter(s, letter(world, summary=summary))
    assert (err.value.code, err.value.details["field"]) == ("WB-VALIDATION", "summary")
    assert "信访件 XF-2026-0001的“摘要”含" in err.value.message
    with team().read() as s:
        assert list_letters(s, world.round_id).total == 0


@pytest.mark.parametrize("received_at", [datetime(1, 1, 1), datetime(1899, 12, 31, 23, 59)])
def test_received_at_before_1900_is_refused(
    team: Team, world: World, received_at: datetime
) -> None:
    with pytest.raises(ValidationError) as err, team("recorder").session() as s:
        register_letter(s, letter(world, received_at=received_at))
    assert err.value.details["field"] == "received_at"
    assert "“收到时间”超出允许范围 1900-01-01 至 2100-12-31" in err.value.message


def test_a_summary_stored_with_a_nul_is_fixed_by_the_normal_edit(team: Team, world: World) -> None:
    lid = register(team, world)
    with team().session() as s:  # as the code before the field rules let it through
        s.execute(
            sql_text("UPDATE letters SET summary = 'a' || char(0) WHERE id = :id"), {"id": lid}
        )
    with team("member").session() as s:
        view = update_letter(s, lid, letter(world, summary="更正后的摘要"))
    assert view.summary == "更正后的摘要"


def test_anonymous_letter_may_keep_a_contact(team: Team, world: World) -> None:
    with team("recorder").session() as s:
        view = register_letter(s, letter(world, reporter_contact="信箱 123"))
    assert view.anonymous and view.reporter_contact == "信箱 123"


def test_update_before_the_meeting_only(team: Team, world: World) -> None:
    lid = register(team, world)
    with team("member").session() as s:
        view = update_letter(s, lid, letter(world, summary="更正后的摘要"), expected_version=1)
    assert (view.summary, view.number, view.meta.version) == ("更正后的摘要", "XF-2026-0001", 2)
    with pytest.raises(Conflict), team("member").session() as s:
        update_letter(s, lid, letter(world), expected_version=1)
    with pytest.raises(ValidationError), team("member").session() as s:
        update_letter(s, lid, letter(world, round_id=world.other_round_id))
    to_meeting(team, lid, LetterCategory.GENERAL)
    with pytest.raises(WorkflowError), team("member").session() as s:
        update_letter(s, lid, letter(world))


# -- 摘要 and 组务会 -------------------------------------------------------------------------------


def test_summarize(team: Team, world: World) -> None:
    lid = register(team, world, summary="")
    with team("recorder").session() as s:
        with pytest.raises(ValidationError) as err:
            summarize_letter(s, lid, summary=" ")
        assert err.value.details["field"] == "summary"
        with pytest.raises(ValidationError) as err:
            summarize_letter(s, lid, summary="摘要", disciplines=("无此纪律",))
        assert err.value.details["field"] == "disciplines"
        view = summarize_letter(s, lid, summary="反映优亲厚友", disciplines=("JL-4",))
    assert (view.status, view.summary, view.disciplines) == (
        LetterStatus.SUMMARIZED,
        "反映优亲厚友",
        ("JL-4",),
    )
    with pytest.raises(PermissionDenied), team("office").session() as s:
        summarize_letter(s, lid, summary="巡察办不摘要")


def test_discuss_by_the_leader_after_the_summary(team: Team, world: World) -> None:
    lid = register(team, world)
    with pytest.raises(WorkflowError), team().session() as s:  # not yet summarized
        discuss_letter(s, lid, meeting_date=MEETING, category="一般性问题")
    with team("recorder").session() as s:
        summarize_letter(s, lid, summary="摘要")
    with pytest.raises(PermissionDenied), team("deputy").session() as s:
        discuss_letter(s, lid, meeting_date=MEETING, category="一般性问题")
    with team().session() as s:
        view = discuss_letter(
            s, lid, meeting_date=MEETING, category="一般性问题", proposal="纳入了解"
        )
    assert (view.status, view.category, view.meeting_date, view.proposal) == (
        LetterStatus.DISCUSSED,
        LetterCategory.GENERAL,
        MEETING,
        "纳入了解",
    )
    with team().session() as s:  # a later meeting may revise the decision before disposal
        later = MEETING + timedelta(days=7)
        view = discuss_letter(s, lid, meeting_date=later, category=LetterCategory.CLUE)
    assert (view.category, view.meeting_date) == (LetterCategory.CLUE, later)


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"meeting_date": RECEIVED.date() - timedelta(days=1)}, "meeting_date"),
        ({"meeting_date": date.today() + timedelta(days=5)}, "meeting_date"),
        ({"meeting_date": None}, "meeting_date"),
        ({"category": "其他类"}, "category"),
        ({"category": LetterCategory.DUPLICATE}, "category"),
    ],
)
def test_discuss_validation(team: Team, world: World, kw: dict[str, Any], field: str) -> None:
    lid = register(team, world)
    with team("recorder").session() as s:
        summarize_letter(s, lid, summary="摘要")
    args: dict[str, Any] = {"meeting_date": MEETING, "category": "一般性问题", **kw}
    with pytest.raises(ValidationError) as err, team().session() as s:
        discuss_letter(s, lid, **args)
    assert err.value.details["field"] == field


# -- lists -----------------------------------------------------------------------------------------


def test_list_filters_order_and_paging(team: Team, world: World) -> None:
    old = register(team, world, received_at=RECEIVED - timedelta(days=10), channel="来电")
    mid = register(team, world, received_at=RECEIVED, target_id=None)
    new = register(team, world, received_at=RECEIVED + timedelta(days=2))
    to_meeting(team, new, LetterCategory.CLUE)
    with team().read() as s:
        everything = list_letters(s, world.round_id)
        assert [v.id for v in everything.items] == [new, mid, old]
        assert [v.id for v in list_letters(s, status="已上组务会").items] == [new]
        assert [v.id for v in list_letters(s, category=LetterCategory.CLUE).items] == [new]
        assert [v.id for v in list_letters(s, channel=LetterChannel.PHONE).items] == [old]
        assert [v.id for v in list_letters(s, target_id=world.target_id).items] == [new, old]
        day = RECEIVED.date()
        assert [v.id for v in list_letters(s, date_from=day, date_to=day).items] == [mid]
        assert [v.id for v in list_letters(s, date_from=day).items] == [new, mid]
        page = list_letters(s, world.round_id, offset=2, limit=2)
        assert ([v.id for v in page.items], page.total) == ([old], 3)
        assert list_letters(s, world.other_round_id).total == 0
        assert list_letters(s, disposition="了结").total == 0
        with pytest.raises(ValidationError):
            list_letters(s, channel="飞鸽传书")
