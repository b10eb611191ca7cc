"""问题底稿: validation, "一问题一底稿", the leading-cadre → clue rule, the sign-off chain by role,
locking, evidence, lists and search — on a real encrypted store with users of each role."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.findings_world import (
    SHA,
    World,
    draft,
    make,
    step,
    world_fixture,  # noqa: F401 - the `world` fixture
)
from tests.workbench.team import Team
from workbench.errors import (
    ClueRequired,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.models import Attachment, Person
from workbench.search import search
from workbench.services.findings import (
    ResponsibleParty,
    create_finding,
    get_finding,
    list_findings,
    update_finding,
    void_finding,
)
from workbench.services.findings_evidence import (
    EvidenceDraft,
    create_evidence,
    list_evidence,
    void_evidence,
)
from workbench.services.findings_signoff import (
    submit_finding,
)
from workbench.services.workflow import SourceRef
from workbench.vocab.enums import (
    CadreLevel,
    EvidenceType,
    FindingStatus,
    ResponsibilityType,
)

# -- create, validation ----------------------------------------------------------------------------


def test_create_numbers_and_stores_every_field(team: Team, world: World) -> None:
    with team("member").session() as s:
        first = create_finding(s, draft(world))
        second = create_finding(
            s, draft(world, title="另一个问题", amount="8", method_code="个别谈话")
        )
    assert (first.number, second.number) == ("DG-2026-0001", "DG-2026-0002")
    assert first.status == FindingStatus.DRAFT
    assert first.compiled_on == date.today()
    assert first.compiled_by == team("member").user.id
    assert first.amount == Decimal("12345.67")
    assert second.amount == Decimal("8.00")
    assert second.method_code == "FS-02"
    assert first.disciplines == ("JL-3", "JL-5")
    assert first.source_refs == (SourceRef("interview", world.interview_id),)
    assert first.basis_ids == (world.policy_id,)
    assert first.responsible[0].type == ResponsibilityType.MAIN
    assert first.responsible[0].unit == "某某镇党委"
    assert first.meta.version == 1
    with team().read() as s:
        assert get_finding(s, first.id) == first


def test_recorder_may_draft_but_office_may_not(team: Team, world: World) -> None:
    make(team, world, "recorder")
    with pytest.raises(PermissionDenied), team("office").session() as s:
        create_finding(s, draft(world, title="巡察办不能编制底稿"))


def test_search_finds_a_new_finding(team: Team, world: World) -> None:
    fid = make(team, world)
    with team().read() as s:
        assert [h.record_id for h in search(s, "虚报冒领")] == [fid]
        assert [h.record_id for h in search(s, "审核把关不严")] == [fid]


def test_amount_may_be_empty(team: Team, world: World) -> None:
    with team().session() as s:
        assert create_finding(s, draft(world, amount=None)).amount is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"target_id": ""}, "target_id"),
        ({"target_id": "no-such-target"}, "target_id"),
        ({"method_code": "FS-99"}, "method_code"),
        ({"taxonomy_code": "SIGJJ-2025.1"}, "taxonomy_code"),  # another framework's code
        ({"taxonomy_code": "SGJJ-2020.9.9"}, "taxonomy_code"),
        ({"compiled_on": date.today() + timedelta(days=5)}, "compiled_on"),
        ({"disciplines": ("交通纪律",)}, "disciplines"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "1.234"}, "amount"),
        ({"amount": "一百元"}, "amount"),
        ({"amount": "NaN"}, "amount"),
        ({"responsible": (ResponsibleParty("连带责任", name="某人"),)}, "responsible"),
        ({"responsible": (ResponsibleParty(ResponsibilityType.DIRECT),)}, "responsible"),
        (
            {"responsible": (ResponsibleParty(ResponsibilityType.MAIN, person_id="nobody"),)},
            "responsible",
        ),
        (
            {"responsible": (ResponsibleParty(ResponsibilityType.MAIN, "某", level="厅管"),)},
            "responsible",
        ),
        ({"source_refs": (SourceRef("rumour", "x"),)}, "source_refs"),
        ({"source_refs": (SourceRef("letter", "no-such-letter"),)}, "source_refs"),
        ({"basis_ids": ("no-such-basis",)}, "basis_ids"),
        ({"team_id": "no-such-team"}, "team_id"),
        ({"round_id": ""}, "round_id"),
    ],
)
def test_validation_errors_name_the_field(
    team: Team, world: World, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as err, team().session() as s:
        create_finding(s, draft(world, **changes))
    assert err.value.details["field"] == field
    assert err.value.code == "WB-VALIDATION"


def test_a_finding_without_its_method_asks_for_one(team: Team, world: World) -> None:
    """No silent default: an empty 发现方式 says what to do, not that "" is not in the catalog."""
    with pytest.raises(ValidationError) as err, team().session() as s:
        create_finding(s, draft(world, method_code=" "))
    assert err.value.details["field"] == "method_code"
    assert err.value.message.startswith("请选择发现方式")


def test_target_and_basis_must_fit(team: Team, world: World) -> None:
    with pytest.raises(ValidationError) as err, team().session() as s:
        create_finding(s, draft(world, target_id=world.other_target_id))
    assert "不属于本轮" in err.value.message
    with pytest.raises(ValidationError) as err, team().session() as s:
        create_finding(s, draft(world, basis_ids=(world.function_id,)))  # not a 政策清单 entry
    assert "政策清单" in err.value.message


def test_unknown_round_is_not_found(team: Team, world: World) -> None:
    with pytest.raises(NotFound), team().session() as s:
        create_finding(s, draft(world, round_id="no-such-round"))


def test_one_problem_one_finding(team: Team, world: World) -> None:
    make(team, world)
    with pytest.raises(Conflict) as err, team().session() as s:
        create_finding(s, draft(world, title=" 惠农补贴发放审核把关不严 "))
    assert err.value.details["field"] == "title"
    make(team, world, target_id=world.target2_id)  # the same problem at another target is fine


def test_typed_number_must_be_unique(team: Team, world: World) -> None:
    make(team, world, number="DG-手工-01")
    with pytest.raises(Conflict), team().session() as s:
        create_finding(s, draft(world, title="别的问题", number="DG-手工-01"))


# -- a leading cadre's own problem is a clue -------------------------------------------------------


@pytest.mark.parametrize(
    "party",
    [
        ResponsibleParty(ResponsibilityType.DIRECT, person_id="<county>"),
        ResponsibleParty(ResponsibilityType.DIRECT, name="赵市管", level=CadreLevel.CITY),
        ResponsibleParty("直接责任", name="钱县管", level="县管"),
        # a flag on the entry is enough even when the register says otherwise
        ResponsibleParty(
            ResponsibilityType.DIRECT, person_id="<township>", level=CadreLevel.COUNTY
        ),
    ],
)
def test_leading_cadre_with_direct_responsibility_must_be_a_clue(
    team: Team, world: World, party: ResponsibleParty
) -> None:
    ids = {"<county>": world.county_id, "<township>": world.township_id}
    party = replace(party, person_id=ids.get(party.person_id or ""))
    with pytest.raises(ClueRequired) as err, team().session() as s:
        create_finding(s, draft(world, responsible=(party,)))
    assert err.value.code == "WB-CLUE-REQUIRED"
    assert err.value.details["field"] == "responsible"
    assert "问题线索" in err.value.message


@pytest.mark.parametrize(
    "party",
    [
        # leadership responsibility of a leading cadre: the organisation's problem
        ResponsibleParty(ResponsibilityType.MAIN, person_id="<county>"),
        ResponsibleParty(ResponsibilityType.FIRST, person_id="<county>"),
        ResponsibleParty(ResponsibilityType.LEADING, name="赵市管", level="市管"),
        # direct responsibility below 县管, or of a unit
        ResponsibleParty(ResponsibilityType.DIRECT, person_id="<township>"),
        ResponsibleParty(ResponsibilityType.DIRECT, name="孙某", level="其他"),
        ResponsibleParty(ResponsibilityType.DIRECT, unit="镇财政所"),
    ],
)
def test_other_responsibility_stays_in_the_finding(
    team: Team, world: World, party: ResponsibleParty
) -> None:
    ids = {"<county>": world.county_id, "<township>": world.township_id}
    party = replace(party, person_id=ids.get(party.person_id or ""))
    with team().session() as s:
        view = create_finding(s, draft(world, responsible=(party,)))
    if party.person_id:
        assert view.responsible[0].name in ("张县管", "李乡管")  # filled from the register


def test_update_and_submit_recheck_the_leading_cadre_rule(team: Team, world: World) -> None:
    direct = ResponsibleParty(ResponsibilityType.DIRECT, person_id=world.township_id)
    fid = make(team, world, responsible=(direct,))
    county = ResponsibleParty(ResponsibilityType.DIRECT, person_id=world.county_id)
    with pytest.raises(ClueRequired), team().session() as s:
        update_finding(s, fid, draft(world, responsible=(county,)))
    with team().session() as s:  # the 乡管 cadre is promoted to 县管 before submission
        person = s.get(Person, world.township_id)
        assert person is not None
        person.level = CadreLevel.COUNTY
    with pytest.raises(ClueRequired):
        step(team, "member", submit_finding, fid)


# -- editing and deleting --------------------------------------------------------------------------


def test_update_changes_fields_and_checks_version(team: Team, world: World) -> None:
    fid = make(team, world)
    with team("member").session() as s:
        view = update_finding(
            s, fid, draft(world, title="新标题", amount="0.5"), expected_version=1
        )
    assert (view.title, view.amount, view.number) == ("新标题", Decimal("0.50"), "DG-2026-0001")
    assert view.meta.version == 2
    with pytest.raises(Conflict), team().session() as s:
        update_finding(s, fid, draft(world), expected_version=1)
    with pytest.raises(ValidationError) as err, team().session() as s:
        update_finding(s, fid, draft(world, round_id=world.other_round_id))
    assert err.value.details["field"] == "round_id"


def test_refused_update_leaves_the_row_untouched(team: Team, world: World) -> None:
    fid = make(team, world)
    with team().session() as s:
        with pytest.raises(ValidationError):
            update_finding(s, fid, draft(world, title="改了标题", amount="-3"))
        assert get_finding(s, fid).title == "惠农补贴发放审核把关不严"


def test_void_only_a_draft(team: Team, world: World) -> None:
    fid = make(team, world)
    other = make(team, world, title="已提交的底稿")
    step(team, "member", submit_finding, other)
    with pytest.raises(WorkflowError), team().session() as s:
        void_finding(s, other, "录入错误")
    with pytest.raises(PermissionDenied), team("office").session() as s:
        void_finding(s, fid, "录入错误")
    with pytest.raises(PermissionDenied), team("member").session() as s:
        void_finding(s, fid, "录入错误")  # a 组员 voids only what they entered
    with team("deputy").session() as s:
        void_finding(s, fid, "录入错误")
    with team().read() as s:
        with pytest.raises(NotFound):
            get_finding(s, fid)
        assert [f.id for f in list_findings(s, world.round_id).items] == [other]
        assert search(s, "审核把关不严") == []


# -- evidence --------------------------------------------------------------------------------------


def test_evidence_create_list_delete(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    with team().session() as s:
        s.add(Attachment(sha256=SHA, size=3, name="台账.pdf"))
    with team("recorder").session() as s:
        first = create_evidence(
            s, fid, EvidenceDraft("财务凭证", "2025年补贴发放凭证", "镇财政所", 12, SHA)
        )
        second = create_evidence(s, fid, EvidenceDraft(EvidenceType.INTERVIEW, "王某谈话记录"))
    assert (first.evidence_type, first.pages, first.attachment_sha256) == (
        EvidenceType.VOUCHER,
        12,
        SHA,
    )
    assert first.round_id == world.round_id
    with team("member").session() as s:
        void_evidence(s, second.id, "录入错误")
    with team().read() as s:
        assert [e.id for e in list_evidence(s, fid)] == [first.id]


@pytest.mark.parametrize(
    ("evidence", "field"),
    [
        (EvidenceDraft("录像带", "标题"), "evidence_type"),
        (EvidenceDraft(EvidenceType.PHOTO, " "), "title"),
        (EvidenceDraft(EvidenceType.PHOTO, "照片", pages=0), "pages"),
        (
            EvidenceDraft(EvidenceType.PHOTO, "照片", attachment_sha256="cd" * 32),
            "attachment_sha256",
        ),
    ],
)
def test_evidence_validation(team: Team, world: World, evidence: EvidenceDraft, field: str) -> None:
    fid = make(team, world)
    with pytest.raises(ValidationError) as err, team().session() as s:
        create_evidence(s, fid, evidence)
    assert err.value.details["field"] == field


def test_evidence_refused_for_office_and_under_signoff(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    with team().session() as s:
        kept = create_evidence(s, fid, EvidenceDraft(EvidenceType.DOCUMENT, "文件"))
    with pytest.raises(PermissionDenied), team("office").session() as s:
        create_evidence(s, fid, EvidenceDraft(EvidenceType.DOCUMENT, "文件"))
    step(team, "member", submit_finding, fid)
    with pytest.raises(WorkflowError), team().session() as s:
        void_evidence(s, kept.id, "录入错误")


# -- lists -----------------------------------------------------------------------------------------


def test_list_filters_and_paging(team: Team, world: World) -> None:
    today = date.today()
    old = make(team, world, "member", title="旧问题", compiled_on=today - timedelta(days=20))
    new = make(team, world, "member", title="新问题", taxonomy_code="SGJJ-2020.2")
    other = make(team, world, title="别处问题", target_id=world.target2_id, method_code="FS-06")
    step(team, "member", submit_finding, new)
    with team().read() as s:
        everything = list_findings(s, world.round_id)
        assert [f.id for f in everything.items] == [other, new, old]  # newest, then number desc
        assert everything.total == 3
        assert [f.id for f in list_findings(s, status="submitted").items] == [new]
        assert [f.id for f in list_findings(s, target_id=world.target2_id).items] == [other]
        assert [f.id for f in list_findings(s, method_code="FS-06").items] == [other]
        by_aspect = list_findings(s, world.round_id, taxonomy_prefix="SGJJ-2020.1")
        assert {f.id for f in by_aspect.items} == {old, other}
        recent = list_findings(s, date_from=today - timedelta(days=5), date_to=today)
        assert {f.id for f in recent.items} == {new, other}
        assert list_findings(s, world.other_round_id).total == 0
        assert list_findings(s, in_report=False).total == 0
        second_page = list_findings(s, world.round_id, offset=1, limit=1)
        assert ([f.id for f in second_page.items], second_page.total) == ([new], 3)
        with pytest.raises(ValidationError):
            list_findings(s, status="未知状态")
