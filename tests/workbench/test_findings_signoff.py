"""问题底稿 sign-off: 经办人编制 → 副组长复核 → 组长审签, returns, locks — by role."""

from __future__ import annotations

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.findings_world import (
    World,
    draft,
    make,
    step,
    world_fixture,  # noqa: F401 - the `world` fixture
)
from tests.workbench.team import Team
from workbench.errors import (
    Conflict,
    PermissionDenied,
    ValidationError,
    WorkflowError,
)
from workbench.services.findings import (
    update_finding,
    void_finding,
)
from workbench.services.findings_evidence import (
    EvidenceDraft,
    create_evidence,
)
from workbench.services.findings_signoff import (
    approve_finding,
    return_finding,
    review_finding,
    set_finding_in_report,
    submit_finding,
)
from workbench.vocab.enums import (
    EvidenceType,
    FindingStatus,
    SignoffStep,
)

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
        void_finding(s, fid, "录入错误")
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
