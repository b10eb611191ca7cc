"""问题底稿: validation, "一问题一底稿", the leading-cadre → clue rule, the sign-off chain by role,
locking, evidence, lists and search — on a real encrypted store with users of each role."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.team import Team
from workbench.errors import (
    ClueRequired,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.models import Attachment, Interview, ListEntry, Person, Target
from workbench.models.enums import (
    AttentionLevel,
    CadreLevel,
    EvidenceType,
    FindingStatus,
    InterviewType,
    ListKind,
    ResponsibilityType,
    SignoffStep,
)
from workbench.search import search
from workbench.services.findings import (
    FindingDraft,
    ResponsibleParty,
    create_finding,
    delete_finding,
    get_finding,
    list_findings,
    update_finding,
)
from workbench.services.findings_evidence import (
    EvidenceDraft,
    create_evidence,
    delete_evidence,
    list_evidence,
)
from workbench.services.findings_signoff import (
    approve_finding,
    return_finding,
    review_finding,
    set_finding_in_report,
    submit_finding,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.workflow import SourceRef

TAXON = "SGJJ-2020.1.1"
KEY = AttentionLevel.KEY
SHA = "ab" * 32


@dataclass(frozen=True)
class World:
    round_id: str
    other_round_id: str
    target_id: str
    target2_id: str
    other_target_id: str
    county_id: str  # 县管 person
    township_id: str  # 乡管 person
    policy_id: str
    function_id: str
    interview_id: str


@pytest.fixture
def world(team: Team) -> World:
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        other = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020))
        rows: dict[str, Any] = {
            "target": Target(round_id=rnd.id, name="某某镇党委", kind="township", attention=KEY),
            "target2": Target(round_id=rnd.id, name="某某村党支部", kind="village", attention=KEY),
            "other_target": Target(
                round_id=other.id, name="某某局党组", kind="party_gov", attention=KEY
            ),
            "county": Person(
                round_id=rnd.id, name="张县管", position="镇党委书记", level=CadreLevel.COUNTY
            ),
            "township": Person(
                round_id=rnd.id, name="李乡管", position="村书记", level=CadreLevel.TOWNSHIP
            ),
            "policy": ListEntry(round_id=rnd.id, kind=ListKind.POLICY, title="惠农补贴管理办法"),
            "function": ListEntry(round_id=rnd.id, kind=ListKind.FUNCTION, title="三定方案"),
            "interview": Interview(
                round_id=rnd.id,
                number="TH-1",
                interview_type=InterviewType.REQUIRED,
                held_at=datetime.now() - timedelta(days=3),
                interviewers=["甲", "乙"],
                recorder="乙",
                subject_name="王某",
            ),
        }
        s.add_all(rows.values())
        s.flush()
        return World(
            rnd.id,
            other.id,
            rows["target"].id,
            rows["target2"].id,
            rows["other_target"].id,
            rows["county"].id,
            rows["township"].id,
            rows["policy"].id,
            rows["function"].id,
            rows["interview"].id,
        )


def draft(w: World, **changes: Any) -> FindingDraft:
    base = FindingDraft(
        round_id=w.round_id,
        title="惠农补贴发放审核把关不严",
        target_id=w.target_id,
        method_code="FS-02",
        summary="2025年度惠农补贴存在虚报冒领情况",
        discovery="个别谈话中反映，经调阅台账核实",
        source_refs=(SourceRef("interview", w.interview_id),),
        basis_ids=(w.policy_id,),
        responsible=(ResponsibleParty(ResponsibilityType.MAIN, unit="某某镇党委"),),
        amount=Decimal("12345.67"),
        taxonomy_code=TAXON,
        disciplines=("廉洁纪律", "JL-5"),
    )
    return replace(base, **changes)


def make(team: Team, w: World, user: str = LEADER, **changes: Any) -> str:
    with team(user).session() as s:
        return create_finding(s, draft(w, **changes)).id


def step(team: Team, user: str, fn: Any, finding_id: str, *args: Any, **kw: Any) -> Any:
    with team(user).session() as s:
        return fn(s, finding_id, *args, **kw)


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


def test_delete_only_a_draft(team: Team, world: World) -> None:
    fid = make(team, world)
    other = make(team, world, title="已提交的底稿")
    step(team, "member", submit_finding, other)
    with pytest.raises(WorkflowError), team().session() as s:
        delete_finding(s, other)
    with pytest.raises(PermissionDenied), team("office").session() as s:
        delete_finding(s, fid)
    with team("member").session() as s:
        delete_finding(s, fid)
    with team().read() as s:
        with pytest.raises(NotFound):
            get_finding(s, fid)
        assert [f.id for f in list_findings(s, world.round_id).items] == [other]
        assert search(s, "审核把关不严") == []


# -- sign-off chain --------------------------------------------------------------------------------


def test_full_signoff_chain(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    assert step(team, "member", submit_finding, fid, comment="请复核").status == "submitted"
    assert step(team, "deputy", review_finding, fid, comment="同意").status == "reviewed"
    view = step(team, LEADER, approve_finding, fid, comment="同意")
    assert view.status == FindingStatus.APPROVED
    assert [(x.step, x.user_name, x.comment) for x in view.signoffs] == [
        (SignoffStep.SUBMIT, "member", "请复核"),
        (SignoffStep.REVIEW, "deputy", "同意"),
        (SignoffStep.APPROVE, "王组长", "同意"),
    ]


def test_submit_needs_summary_and_classification(team: Team, world: World) -> None:
    no_summary = make(team, world, summary="")
    no_taxon = make(team, world, title="未分类", taxonomy_code="")
    with pytest.raises(ValidationError) as err:
        step(team, "member", submit_finding, no_summary)
    assert err.value.details["field"] == "summary"
    with pytest.raises(ValidationError) as err:
        step(team, "member", submit_finding, no_taxon)
    assert err.value.details["field"] == "taxonomy_code"


def test_submit_refused_outside_draft_and_for_other_roles(team: Team, world: World) -> None:
    fid = make(team, world)
    with pytest.raises(PermissionDenied):
        step(team, "office", submit_finding, fid)
    step(team, "member", submit_finding, fid)
    with pytest.raises(WorkflowError) as err:
        step(team, "member", submit_finding, fid)
    assert err.value.code == "WB-WORKFLOW"


@pytest.mark.parametrize("user", ["member", "recorder", LEADER, "office"])
def test_only_a_deputy_reviews(team: Team, world: World, user: str) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    with pytest.raises(PermissionDenied) as err:
        step(team, user, review_finding, fid)
    assert err.value.code == "WB-PERMISSION"


def test_review_refused_unless_submitted(team: Team, world: World) -> None:
    fid = make(team, world)
    with pytest.raises(WorkflowError):
        step(team, "deputy", review_finding, fid)


def test_compiler_or_submitter_may_not_review(team: Team, world: World) -> None:
    own = make(team, world, "deputy")  # the deputy compiled it
    step(team, "deputy", submit_finding, own)
    with pytest.raises(PermissionDenied, match="编制人"):
        step(team, "deputy", review_finding, own)
    step(team, "deputy2", review_finding, own)
    submitted = make(team, world, "member", title="组员编制、副组长提交")
    step(team, "deputy", submit_finding, submitted)
    with pytest.raises(PermissionDenied):
        step(team, "deputy", review_finding, submitted)


@pytest.mark.parametrize("user", ["member", "deputy", "office"])
def test_only_the_leader_approves(team: Team, world: World, user: str) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    step(team, "deputy2", review_finding, fid)
    with pytest.raises(PermissionDenied):
        step(team, user, approve_finding, fid)


def test_approve_refused_unless_reviewed(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    with pytest.raises(WorkflowError):
        step(team, LEADER, approve_finding, fid)


def test_reviewer_may_not_also_approve(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    step(team, "both", review_finding, fid)  # holds 组长 and 副组长
    with pytest.raises(PermissionDenied, match="复核人"):
        step(team, "both", approve_finding, fid)
    assert step(team, LEADER, approve_finding, fid).status == FindingStatus.APPROVED


def test_return_by_reviewer_and_by_approver(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    with pytest.raises(PermissionDenied):  # awaiting review: the 副组长 returns it
        step(team, LEADER, return_finding, fid, "组长不在此环节退回")
    with pytest.raises(ValidationError) as err:
        step(team, "deputy", return_finding, fid, "  ")
    assert err.value.details["field"] == "reason"
    view = step(team, "deputy", return_finding, fid, "定性依据不充分")
    assert (view.status, view.return_reason) == (FindingStatus.DRAFT, "定性依据不充分")
    assert view.signoffs[-1].step == SignoffStep.RETURN
    assert view.signoffs[-1].comment == "定性依据不充分"

    with team("member").session() as s:  # editable again, then resubmitted
        update_finding(s, fid, draft(world, basis_ids=(world.policy_id,), discovery="补充"))
    assert step(team, "member", submit_finding, fid).return_reason == ""
    step(team, "deputy", review_finding, fid)
    with pytest.raises(PermissionDenied):  # awaiting approval: the 组长 returns it
        step(team, "deputy", return_finding, fid, "副组长不在此环节退回")
    view = step(team, LEADER, return_finding, fid, "金额需核实")
    assert (view.status, view.return_reason) == (FindingStatus.DRAFT, "金额需核实")
    assert [x.step for x in view.signoffs] == [
        SignoffStep.SUBMIT,
        SignoffStep.RETURN,
        SignoffStep.SUBMIT,
        SignoffStep.REVIEW,
        SignoffStep.RETURN,
    ]


def test_return_refused_for_draft_and_approved(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    with pytest.raises(WorkflowError):
        step(team, "deputy", return_finding, fid, "理由")
    step(team, "member", submit_finding, fid)
    step(team, "deputy", review_finding, fid)
    step(team, LEADER, approve_finding, fid)
    with pytest.raises(WorkflowError):
        step(team, LEADER, return_finding, fid, "理由")


def test_under_signoff_and_approved_findings_are_locked(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    with pytest.raises(WorkflowError, match="退回后"), team("member").session() as s:
        update_finding(s, fid, draft(world, title="复核中修改"))
    step(team, "deputy", review_finding, fid)
    step(team, LEADER, approve_finding, fid)
    with pytest.raises(WorkflowError, match="锁定"), team().session() as s:
        update_finding(s, fid, draft(world, title="审签后修改"))
    with pytest.raises(WorkflowError, match="锁定"), team().session() as s:
        delete_finding(s, fid)
    with pytest.raises(WorkflowError), team().session() as s:
        create_evidence(s, fid, EvidenceDraft(EvidenceType.DOCUMENT, "补充材料"))
    with pytest.raises(PermissionDenied):
        step(team, "deputy", set_finding_in_report, fid, False)
    assert step(team, LEADER, set_finding_in_report, fid, False).include_in_report is False


def test_version_check_on_a_step(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    with pytest.raises(Conflict):
        step(team, "member", submit_finding, fid, expected_version=7)
    assert step(team, "member", submit_finding, fid, expected_version=1).meta.version == 2


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
        delete_evidence(s, second.id)
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
        delete_evidence(s, kept.id)


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
