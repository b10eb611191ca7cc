"""The 底稿 sign-off chain: 经办人编制 → 副组长复核 → 组长审签, or back to draft with a reason.

| step    | who                            | from      | to        |
|---------|--------------------------------|-----------|-----------|
| submit  | any team role                  | draft     | submitted |
| review  | 副组长 of the 底稿's team      | submitted | reviewed  |
| approve | 组长 of the 底稿's team        | reviewed  | approved  |
| return  | 副组长 / 组长 of the 底稿's team | submitted / reviewed | draft (reason required) |

"Of the 底稿's team" means a ``Member`` of that team in that role whose ``user_id`` is the acting
user (``services.authority``); the store role alone is not enough, and 巡察办 has no step here
(DOMAIN.md gives the office none in the 三审). A signer who declared 回避 for the 底稿's unit or a
person it names is refused; the 组长 may sign despite their own 回避 with an ``override_reason``,
which is audited and kept in the sign-off's comment (an empty reason is refused). ``can_sign``
answers the same checks for the UI without writing, and ``override_offers`` which refused steps
the user could take as a 回避例外.

Sign-offs need different people: the reviewer is neither the 经办人 (the 底稿's compiler) nor
whoever submitted it, and the approver is not the reviewer. A wrong role or a repeated signer is
``PermissionDenied``; a wrong state is ``WorkflowError``. Every step is kept as a
``FindingSignoff`` row; an approved 底稿 is locked (only 纳入报告 may still change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied, ValidationError, WorkflowError
from workbench.models import Finding, FindingSignoff
from workbench.models.base import utcnow
from workbench.roles import Role
from workbench.services.authority import (
    Refusal,
    acting_members,
    allow_override,
    leader_refusal,
    override_refusal,
    record_team,
    recusal_refusal,
    refuse,
)
from workbench.services.common import get_live, optional_text, require_role, required_text
from workbench.services.findings import FindingView, check_not_leading_cadre, finding_view
from workbench.services.rounds import check_version
from workbench.services.workflow import TEAM_ROLES, require_status, signer
from workbench.vocab.enums import FindingStatus, MemberRole, SignoffStep


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


def _scope(
    session: Session, row: Finding, role: MemberRole, action: str, override_reason: str | None
) -> str:
    """The acting user must hold ``role`` in the 底稿's own team and must not have declared 回避
    for its unit or a person it names; returns the audited override reason, if one was used
    (``None``: no override asked; an empty one is refused for want of a reason)."""
    team = record_team(session, row.round_id, row.team_id, row.target_id)
    refuse(leader_refusal(session, row.round_id, team, (role,), action, "底稿"))
    persons = [str(e["person_id"]) for e in row.responsible if e.get("person_id")]
    names = [str(e.get("name") or "") for e in row.responsible]
    recusal = recusal_refusal(
        session,
        row.round_id,
        target_id=row.target_id,
        person_ids=persons,
        names=names,
        action=action,
        noun="底稿",
    )
    if recusal is None:
        return ""
    if override_reason is None:
        raise recusal.error()
    return allow_override(session, recusal, team, override_reason, ("findings", row.id))


def _with_override(comment: str, override: str) -> str:
    return f"{comment}（回避例外：{override}）" if override else comment


def _check_submit(session: Session, row: Finding) -> None:
    require_role(session, TEAM_ROLES, "提交底稿")
    require_status(row.status, (FindingStatus.DRAFT,), "提交复核")


def _check_review(session: Session, row: Finding, override_reason: str | None = None) -> str:
    require_role(session, (Role.DEPUTY_LEADER,), "复核底稿")
    require_status(row.status, (FindingStatus.SUBMITTED,), "复核")
    override = _scope(session, row, MemberRole.DEPUTY, "复核", override_reason)
    user_id, _ = signer(session)
    if user_id in (row.compiled_by, _last_signer(row, SignoffStep.SUBMIT)):
        raise PermissionDenied("复核人不能是底稿的编制人或提交人", action="复核底稿")
    return override


def _check_approve(session: Session, row: Finding, override_reason: str | None = None) -> str:
    require_role(session, (Role.TEAM_LEADER,), "审签底稿")
    require_status(row.status, (FindingStatus.REVIEWED,), "审签")
    override = _scope(session, row, MemberRole.LEADER, "审签", override_reason)
    user_id, _ = signer(session)
    if user_id == _last_signer(row, SignoffStep.REVIEW):
        raise PermissionDenied("审签人不能是该底稿的复核人", action="审签底稿")
    return override


def _check_return(session: Session, row: Finding, override_reason: str | None = None) -> str:
    require_status(row.status, (FindingStatus.SUBMITTED, FindingStatus.REVIEWED), "退回")
    if row.status == FindingStatus.SUBMITTED:
        require_role(session, (Role.DEPUTY_LEADER,), "退回待复核的底稿")
        return _scope(session, row, MemberRole.DEPUTY, "退回", override_reason)
    require_role(session, (Role.TEAM_LEADER,), "退回待审签的底稿")
    return _scope(session, row, MemberRole.LEADER, "退回", override_reason)


_CHECKS: dict[str, Callable[[Session, Finding], object]] = {
    "submit": _check_submit,
    "review": _check_review,
    "approve": _check_approve,
    "return": _check_return,
}


def can_sign(session: Session, finding_id: str, step: str) -> Refusal | None:
    """Why the acting user may not take ``step`` (submit, review, approve, return) on the
    底稿 now — the very checks the step itself makes — or ``None`` when they may. A 回避 the
    组长 could override is still a refusal here (``kind == "recusal"``)."""
    try:  # a 三员-only user is refused the read itself
        row = get_live(session, Finding, finding_id, "问题底稿")
        _CHECKS[step](session, row)
    except WorkflowError as err:
        return Refusal("state", err.message, step)
    except PermissionDenied as err:
        kind = str(err.details.get("reason") or "role")
        return Refusal(kind, err.message, step, str(err.details.get("recusal") or ""))
    return None


@dataclass(frozen=True)
class OverrideOffer:
    """A step the acting user is refused only for their own 回避, as the 回避例外 dialog shows it:
    who (``member``: name, team, office), what 回避 (``recused``), and ``blocked``, why this user
    may not override it ("" for the team's 组长)."""

    step: str
    action: str
    recused: str
    member: str
    blocked: str


def override_offers(session: Session, finding_id: str) -> list[OverrideOffer]:
    """The sign-off steps on the 底稿 refused to the acting user for a 回避 — each with whether
    they may override it (the check ``allow_override`` makes when the step is taken)."""
    row = get_live(session, Finding, finding_id, "问题底稿")
    team = record_team(session, row.round_id, row.team_id, row.target_id)
    mine = [m for m in acting_members(session, row.round_id) if team and m.team_id == team.id]
    member = "、".join(f"{m.name}（{team.name if team else ''}{m.role.label}）" for m in mine)
    offers = []
    for step, action in (("review", "复核"), ("approve", "审签"), ("return", "退回")):
        refusal = can_sign(session, finding_id, step)
        if refusal is None or refusal.kind != "recusal":
            continue
        blocked = override_refusal(session, refusal, team)
        offers.append(
            OverrideOffer(
                step,
                action,
                refusal.recused,
                member or signer(session)[1],
                blocked.message if blocked else "",
            )
        )
    return offers


def submit_finding(
    session: Session, finding_id: str, *, comment: str = "", expected_version: int | None = None
) -> FindingView:
    """经办人编制: the draft goes to the 副组长. It must say what the problem is and where it
    sits in the framework, and must still not be a leading cadre's own problem."""
    require_role(session, TEAM_ROLES, "提交底稿")
    row = _load(session, finding_id, expected_version)
    _check_submit(session, row)
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
    session: Session,
    finding_id: str,
    *,
    comment: str = "",
    override_reason: str | None = None,
    expected_version: int | None = None,
) -> FindingView:
    """副组长复核, by a 副组长 of the 底稿's own team."""
    require_role(session, (Role.DEPUTY_LEADER,), "复核底稿")
    row = _load(session, finding_id, expected_version)
    text = optional_text(comment, "comment", "复核意见", 2000)
    override = _check_review(session, row, override_reason)
    _sign(session, row, SignoffStep.REVIEW, _with_override(text, override))
    row.status = FindingStatus.REVIEWED
    session.flush()
    return finding_view(row)


def approve_finding(
    session: Session,
    finding_id: str,
    *,
    comment: str = "",
    override_reason: str | None = None,
    expected_version: int | None = None,
) -> FindingView:
    """组长审签, by the 组长 of the 底稿's own team; the 底稿 is locked from then on."""
    require_role(session, (Role.TEAM_LEADER,), "审签底稿")
    row = _load(session, finding_id, expected_version)
    text = optional_text(comment, "comment", "审签意见", 2000)
    override = _check_approve(session, row, override_reason)
    _sign(session, row, SignoffStep.APPROVE, _with_override(text, override))
    row.status = FindingStatus.APPROVED
    session.flush()
    return finding_view(row)


def return_finding(
    session: Session,
    finding_id: str,
    reason: str,
    *,
    override_reason: str | None = None,
    expected_version: int | None = None,
) -> FindingView:
    """Back to draft with a reason: by the 副组长 while it awaits review, by the 组长 while it
    awaits approval — of the 底稿's own team."""
    row = _load(session, finding_id, expected_version)
    override = _check_return(session, row, override_reason)
    text = required_text(reason, "reason", "退回理由", 2000)
    _sign(session, row, SignoffStep.RETURN, _with_override(text, override))
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
    team = record_team(session, row.round_id, row.team_id, row.target_id)
    refuse(
        leader_refusal(
            session, row.round_id, team, (MemberRole.LEADER,), "确定是否纳入报告", "底稿"
        )
    )
    row.include_in_report = bool(include)
    session.flush()
    return finding_view(row)
