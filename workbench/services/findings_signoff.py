"""The 底稿 sign-off chain: 经办人编制 → 副组长复核 → 组长审签, or back to draft with a reason.

| step    | who             | from      | to        |
|---------|-----------------|-----------|-----------|
| submit  | any team role   | draft     | submitted |
| review  | 副组长          | submitted | reviewed  |
| approve | 组长            | reviewed  | approved  |
| return  | 副组长 / 组长   | submitted / reviewed | draft (reason required) |

Sign-offs need different people: the reviewer is neither the 经办人 (the 底稿's compiler) nor
whoever submitted it, and the approver is not the reviewer. A wrong role or a repeated signer is
``PermissionDenied``; a wrong state is ``WorkflowError``. Every step is kept as a
``FindingSignoff`` row; an approved 底稿 is locked (only 纳入报告 may still change).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied, ValidationError
from workbench.models import Finding, FindingSignoff
from workbench.models.base import utcnow
from workbench.models.enums import FindingStatus, SignoffStep
from workbench.roles import Role
from workbench.services.common import get_live, optional_text, require_role, required_text
from workbench.services.findings import FindingView, check_not_leading_cadre, finding_view
from workbench.services.rounds import check_version
from workbench.services.workflow import TEAM_ROLES, require_status, signer


def _load(session: Session, finding_id: str, expected_version: int | None) -> Finding:
    row = get_live(session, Finding, finding_id, "问题底稿")
    check_version(row.version, expected_version)
    return row


def _last_signer(row: Finding, step: SignoffStep) -> str | None:
    steps = [s for s in row.signoffs if s.step == step]
    return steps[-1].user_id if steps else None


def _sign(session: Session, row: Finding, step: SignoffStep, comment: str) -> None:
    user_id, user_name = signer(session)
    row.signoffs.append(
        FindingSignoff(
            step=step, user_id=user_id, user_name=user_name, at=utcnow(), comment=comment
        )
    )


def submit_finding(
    session: Session, finding_id: str, *, comment: str = "", expected_version: int | None = None
) -> FindingView:
    """经办人编制: the draft goes to the 副组长. It must say what the problem is and where it
    sits in the framework, and must still not be a leading cadre's own problem."""
    require_role(session, TEAM_ROLES, "提交底稿")
    row = _load(session, finding_id, expected_version)
    require_status(row.status, (FindingStatus.DRAFT,), "提交复核")
    if not row.summary.strip():
        raise ValidationError("提交复核前请填写问题概述", field="summary")
    if not row.taxonomy_code:
        raise ValidationError("提交复核前请选择问题分类", field="taxonomy_code")
    check_not_leading_cadre(session, row.responsible)
    _sign(session, row, SignoffStep.SUBMIT, optional_text(comment, "comment", "意见", 2000))
    row.status = FindingStatus.SUBMITTED
    row.return_reason = ""
    session.flush()
    return finding_view(row)


def review_finding(
    session: Session, finding_id: str, *, comment: str = "", expected_version: int | None = None
) -> FindingView:
    """副组长复核."""
    require_role(session, (Role.DEPUTY_LEADER,), "复核底稿")
    row = _load(session, finding_id, expected_version)
    require_status(row.status, (FindingStatus.SUBMITTED,), "复核")
    user_id, _ = signer(session)
    if user_id in (row.compiled_by, _last_signer(row, SignoffStep.SUBMIT)):
        raise PermissionDenied("复核人不能是底稿的编制人或提交人", action="复核底稿")
    _sign(session, row, SignoffStep.REVIEW, optional_text(comment, "comment", "复核意见", 2000))
    row.status = FindingStatus.REVIEWED
    session.flush()
    return finding_view(row)


def approve_finding(
    session: Session, finding_id: str, *, comment: str = "", expected_version: int | None = None
) -> FindingView:
    """组长审签; the 底稿 is locked from then on."""
    require_role(session, (Role.TEAM_LEADER,), "审签底稿")
    row = _load(session, finding_id, expected_version)
    require_status(row.status, (FindingStatus.REVIEWED,), "审签")
    user_id, _ = signer(session)
    if user_id == _last_signer(row, SignoffStep.REVIEW):
        raise PermissionDenied("审签人不能是该底稿的复核人", action="审签底稿")
    _sign(session, row, SignoffStep.APPROVE, optional_text(comment, "comment", "审签意见", 2000))
    row.status = FindingStatus.APPROVED
    session.flush()
    return finding_view(row)


def return_finding(
    session: Session, finding_id: str, reason: str, *, expected_version: int | None = None
) -> FindingView:
    """Back to draft with a reason: by the 副组长 while it awaits review, by the 组长 while it
    awaits approval."""
    row = _load(session, finding_id, expected_version)
    require_status(row.status, (FindingStatus.SUBMITTED, FindingStatus.REVIEWED), "退回")
    if row.status == FindingStatus.SUBMITTED:
        require_role(session, (Role.DEPUTY_LEADER,), "退回待复核的底稿")
    else:
        require_role(session, (Role.TEAM_LEADER,), "退回待审签的底稿")
    text = required_text(reason, "reason", "退回理由", 2000)
    _sign(session, row, SignoffStep.RETURN, text)
    row.status = FindingStatus.DRAFT
    row.return_reason = text
    session.flush()
    return finding_view(row)


def set_finding_in_report(
    session: Session, finding_id: str, include: bool, *, expected_version: int | None = None
) -> FindingView:
    """纳入报告 is the 组长's choice when the report is drafted, so it stays open after 审签."""
    require_role(session, (Role.TEAM_LEADER,), "确定纳入报告的底稿")
    row = _load(session, finding_id, expected_version)
    row.include_in_report = bool(include)
    session.flush()
    return finding_view(row)
