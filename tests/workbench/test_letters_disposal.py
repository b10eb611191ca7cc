"""信访件 分类处置 (letter → clue / 底稿, transfer, keep, close) and duplicates, on a real
encrypted store with users of each role; the world and its helpers are test_letters'."""

from __future__ import annotations

from dataclasses import replace

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench import test_letters
from tests.workbench.team import Team
from tests.workbench.test_letters import MEETING, World, dispose, letter, register, to_meeting
from workbench.errors import (
    ClueRequired,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.services.clues import ClueDraft, get_clue, list_clues
from workbench.services.findings import FindingDraft, ResponsibleParty, create_finding, get_finding
from workbench.services.letters import (
    ReportedPerson,
    find_possible_duplicates,
    get_letter,
    list_letters,
    void_letter,
)
from workbench.services.letters_disposal import (
    discuss_letter,
    dispose_letter,
    mark_duplicate,
)
from workbench.services.workflow import SourceRef
from workbench.vocab.enums import (
    CadreLevel,
    ClueStatus,
    ClueTransferUnit,
    FindingStatus,
    LetterCategory,
    LetterDisposition,
    LetterStatus,
    ResponsibilityType,
    TransferMode,
)

world = test_letters.world  # the shared fixture

# -- 分类处置 --------------------------------------------------------------------------------------


def test_to_clue_creates_the_linked_clue(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, "问题线索类")
    result = dispose(team, lid, "转为线索")
    assert result.clue is not None and result.finding is None
    assert result.letter.status == LetterStatus.DISPOSED
    assert result.letter.disposition == LetterDisposition.TO_CLUE
    assert result.letter.clue_id == result.clue.id
    assert result.changes.record_types == {"letter", "clue"}
    clue = result.clue
    assert (clue.number, clue.subject_name, clue.subject_position) == (
        "XS-2026-0001",
        "张三",
        "镇长",
    )
    assert (clue.subject_level, clue.status) == (CadreLevel.COUNTY, ClueStatus.REGISTERED)
    assert (clue.transfer_unit, clue.transfer_mode) == (
        ClueTransferUnit.DISCIPLINE_COMMISSION,
        TransferMode.SINGLE,
    )
    assert clue.problem == "反映张三优亲厚友" and clue.disciplines == ("JL-4",)
    assert clue.source_refs == (SourceRef("letter", lid),)
    assert (clue.round_id, clue.target_id) == (world.round_id, world.target_id)
    with team().read() as s:
        assert get_clue(s, clue.id) == clue
        assert [c.id for c in list_clues(s, world.round_id).items] == [clue.id]


def test_to_clue_with_an_edited_clue(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, LetterCategory.CLUE)
    edited = ClueDraft(
        round_id="ignored: the letter's round is used",
        subject_name="张三",
        subject_level="市管",
        problem="收受管理服务对象礼金",
        transfer_unit="组织部",
        transfer_mode="双移交",
        second_unit="纪委监委",
    )
    clue = dispose(team, lid, LetterDisposition.TO_CLUE, clue=edited).clue
    assert clue is not None
    assert (clue.round_id, clue.subject_level, clue.transfer_mode) == (
        world.round_id,
        CadreLevel.CITY,
        TransferMode.DOUBLE,
    )
    assert clue.source_refs == (SourceRef("letter", lid),)


def test_to_clue_needs_a_subject_with_a_level(team: Team, world: World) -> None:
    no_level = register(team, world, reported_persons=(ReportedPerson("张三"),))
    nobody = register(team, world, reported_persons=())
    to_meeting(team, no_level, LetterCategory.CLUE)
    to_meeting(team, nobody, LetterCategory.CLUE)
    with pytest.raises(ValidationError) as err:
        dispose(team, no_level, "转为线索")
    assert err.value.details["field"] == "subject_level"
    with pytest.raises(ValidationError) as err:
        dispose(team, nobody, "转为线索")
    assert err.value.details["field"] == "reported_persons"
    with team().read() as s:
        assert get_letter(s, nobody).status == LetterStatus.DISCUSSED


def test_to_finding_creates_a_draft_finding(team: Team, world: World) -> None:
    lid = register(team, world, reported_persons=())
    to_meeting(team, lid, LetterCategory.GENERAL)
    result = dispose(team, lid, "纳入了解/底稿")
    finding = result.finding
    assert finding is not None and result.clue is None
    assert result.letter.finding_id == finding.id
    assert (finding.status, finding.method_code, finding.title) == (
        FindingStatus.DRAFT,
        "FS-03",
        "反映张三优亲厚友",
    )
    assert finding.source_refs == (SourceRef("letter", lid),)
    assert finding.target_id == world.target_id


def test_to_finding_links_an_existing_finding_of_the_round(team: Team, world: World) -> None:
    with team().session() as s:
        existing = create_finding(
            s, FindingDraft(world.round_id, "惠农补贴优亲厚友", world.target_id, "FS-02")
        )
    lid = register(team, world)
    other = register(team, world, round_id=world.other_round_id, target_id=None)
    to_meeting(team, lid, LetterCategory.GENERAL)
    result = dispose(team, lid, LetterDisposition.TO_FINDING, finding_id=existing.id)
    assert result.finding == existing and result.letter.finding_id == existing.id
    to_meeting(team, other, LetterCategory.GENERAL)
    with pytest.raises(ValidationError) as err:
        dispose(team, other, LetterDisposition.TO_FINDING, finding_id=existing.id)
    assert err.value.details["field"] == "finding_id"


def test_to_finding_refuses_a_leading_cadres_own_problem(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, LetterCategory.GENERAL)
    cadre = ResponsibleParty(ResponsibilityType.DIRECT, name="张三", level=CadreLevel.COUNTY)
    fdraft = FindingDraft(
        world.round_id, "张三优亲厚友", world.target_id, "FS-03", responsible=(cadre,)
    )
    with pytest.raises(ClueRequired):
        dispose(team, lid, LetterDisposition.TO_FINDING, finding=fdraft)
    with team().read() as s:
        view = get_letter(s, lid)
    assert (view.status, view.finding_id) == (LetterStatus.DISCUSSED, None)
    finding = dispose(
        team, lid, LetterDisposition.TO_FINDING, finding=replace(fdraft, responsible=())
    )
    assert finding.finding is not None
    with team().read() as s:
        assert get_finding(s, finding.finding.id).source_refs == (SourceRef("letter", lid),)


def test_transfer_needs_the_unit(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, LetterCategory.OUT_OF_SCOPE)
    with pytest.raises(ValidationError) as err:
        dispose(team, lid, "转交", transfer_to=" ")
    assert err.value.details["field"] == "transfer_to"
    view = dispose(team, lid, "转交", transfer_to="县信访局").letter
    assert (view.disposition, view.transfer_to) == (LetterDisposition.TRANSFER, "县信访局")


@pytest.mark.parametrize("disposition", [LetterDisposition.KEEP, LetterDisposition.CLOSE])
def test_keep_and_close(team: Team, world: World, disposition: LetterDisposition) -> None:
    lid = register(team, world)
    to_meeting(team, lid, LetterCategory.SUGGESTION)
    view = dispose(team, lid, disposition).letter
    assert (view.status, view.disposition, view.clue_id, view.finding_id) == (
        LetterStatus.DISPOSED,
        disposition,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("category", "disposition"),
    [
        (LetterCategory.CLUE, LetterDisposition.CLOSE),  # a clue is never just closed
        (LetterCategory.CLUE, LetterDisposition.KEEP),
        (LetterCategory.OUT_OF_SCOPE, LetterDisposition.TO_CLUE),
        (LetterCategory.OUT_OF_SCOPE, LetterDisposition.TO_FINDING),
    ],
)
def test_disposition_must_fit_the_category(
    team: Team, world: World, category: LetterCategory, disposition: LetterDisposition
) -> None:
    lid = register(team, world)
    to_meeting(team, lid, category)
    with pytest.raises(ValidationError) as err:
        dispose(team, lid, disposition)
    assert err.value.details["field"] == "disposition"
    assert category.label in err.value.message


def test_clue_category_may_be_transferred(team: Team, world: World) -> None:
    lid = register(team, world)
    to_meeting(team, lid, LetterCategory.CLUE)
    assert dispose(team, lid, "转交", transfer_to="县纪委监委").letter.status == "disposed"


def test_dispose_refused_by_role_and_state(team: Team, world: World) -> None:
    lid = register(team, world)
    with pytest.raises(WorkflowError):  # not yet discussed
        dispose(team, lid, LetterDisposition.KEEP)
    to_meeting(team, lid, LetterCategory.GENERAL)
    for user in ("deputy", "member", "recorder", "office"):
        with pytest.raises(PermissionDenied), team(user).session() as s:
            dispose_letter(s, lid, LetterDisposition.KEEP)
    with pytest.raises(ValidationError):
        dispose(team, lid, "烧毁")
    dispose(team, lid, LetterDisposition.KEEP)
    with pytest.raises(WorkflowError):  # already disposed
        dispose(team, lid, LetterDisposition.CLOSE)
    with pytest.raises(WorkflowError), team().session() as s:
        discuss_letter(s, lid, meeting_date=MEETING, category="一般性问题")


# -- duplicates ------------------------------------------------------------------------------------


def test_find_possible_duplicates(team: Team, world: World) -> None:
    same_person = register(team, world, summary="别的事情")
    similar = register(
        team, world, reported_persons=(), summary="反映张三在惠农补贴发放中优亲厚友！！"
    )
    register(team, world, reported_persons=(ReportedPerson("李四"),), summary="反映李四违规吃喝")
    register(team, world, round_id=world.other_round_id, target_id=None)  # another round
    probe = letter(world, reported_persons=(ReportedPerson("张 三"),))
    with team().read() as s:
        found = find_possible_duplicates(s, probe)
        assert {v.id for v in found} == {same_person, similar}
        assert [v.id for v in find_possible_duplicates(s, probe, exclude_id=similar)] == [
            same_person
        ]
        assert find_possible_duplicates(s, letter(world, reported_persons=(), summary="")) == []


def test_mark_duplicate_links_to_the_original(team: Team, world: World) -> None:
    original = register(team, world)
    copy = register(team, world)
    third = register(team, world)
    with team("recorder").session() as s:
        view = mark_duplicate(s, copy, original)
        assert (view.category, view.duplicate_of_id) == (LetterCategory.DUPLICATE, original)
        assert (view.status, view.disposition) == (LetterStatus.DISPOSED, LetterDisposition.KEEP)
        # a copy of the copy links to the first letter: links stay flat
        assert mark_duplicate(s, third, copy).duplicate_of_id == original
        # a match on a duplicate is shown as its original
        probe = letter(world)
        assert [v.id for v in find_possible_duplicates(s, probe)] == [original]
    with team().read() as s:
        assert {v.id for v in list_letters(s, duplicate_of_id=original).items} == {copy, third}
        assert list_letters(s, category="重复件").total == 2


def test_mark_duplicate_refusals(team: Team, world: World) -> None:
    first = register(team, world)
    second = register(team, world)
    with pytest.raises(ValidationError), team("recorder").session() as s:
        mark_duplicate(s, first, first)
    with pytest.raises(NotFound), team("recorder").session() as s:
        mark_duplicate(s, first, "no-such-letter")
    with pytest.raises(PermissionDenied), team("office").session() as s:
        mark_duplicate(s, second, first)
    with team("recorder").session() as s:
        mark_duplicate(s, second, first)
    with pytest.raises(ValidationError, match="重复件"), team("recorder").session() as s:
        mark_duplicate(s, first, second)  # would make a cycle
    third = register(team, world)
    to_meeting(team, third, LetterCategory.GENERAL)
    with pytest.raises(WorkflowError), team("recorder").session() as s:
        mark_duplicate(s, third, first)  # after the meeting it is the 组长's case


def test_delete_letters(team: Team, world: World) -> None:
    original = register(team, world)
    copy = register(team, world)
    discussed = register(team, world)
    with team("recorder").session() as s:
        mark_duplicate(s, copy, original)
    to_meeting(team, discussed, LetterCategory.GENERAL)
    with pytest.raises(Conflict), team("recorder").session() as s:
        void_letter(s, original, "录入错误")  # its duplicate points at it
    with pytest.raises(WorkflowError), team("recorder").session() as s:
        void_letter(s, discussed, "录入错误")
    with pytest.raises(PermissionDenied), team("office").session() as s:
        void_letter(s, copy, "录入错误")
    with team("recorder").session() as s:
        void_letter(s, copy, "录入错误")
        void_letter(s, original, "录入错误")
    with team().read() as s:
        assert [v.id for v in list_letters(s, world.round_id).items] == [discussed]
        with pytest.raises(NotFound):
            get_letter(s, original)
