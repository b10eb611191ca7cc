"""整改 follow-through around the ledger: the supervision entries of 纪委监委 and 组织部 (督办
when an item is overdue), the 质效评估 of the target's rectification and the 新官理旧账 提醒函.
The 整改方案 and 整改报告 are in ``rectification_documents``.

Authority: the office (巡察办) or the team's 组长 registers supervision entries and 提醒函; the
质效评估 is the office's alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select
from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import (
    Rectification,
    RectificationAssessment,
    RectificationDocument,
    RectificationSupervision,
    ReminderLetter,
)
from workbench.models.base import RecordMixin
from workbench.roles import Role
from workbench.services.common import (
    Page,
    RecordMeta,
    actor_name,
    get_live,
    live,
    not_in_future,
    optional_text,
    page,
    parse_enum,
    record_meta,
    require_role,
    required_text,
    void_record,
)
from workbench.services.rectification import (
    CLOSING_ROLES,
    OPEN,
    RectificationStateError,
    role_refusal,
)
from workbench.services.rectification_documents import REVIEW_ROLES, day_field, round_target
from workbench.services.targets import require_round, require_team
from workbench.vocab.enums import (
    Grade,
    SupervisionAgency,
)

# -- 监督记录 (纪委监委、组织部) -----------------------------------------------------------------


@dataclass(frozen=True)
class SupervisionDraft:
    target_id: str | None
    agency: SupervisionAgency | str
    held_on: date
    body: str  # 督查情况
    found: str = ""  # 发现的问题
    rectification_id: str | None = None  # one item; None: the target's rectification as a whole
    escalated: bool = False  # 督办
    team_id: str | None = None


@dataclass(frozen=True)
class SupervisionView:
    id: str
    round_id: str | None
    team_id: str | None
    target_id: str | None
    rectification_id: str | None
    agency: SupervisionAgency
    held_on: date
    body: str
    found: str
    escalated: bool
    meta: RecordMeta


def _supervision_view(row: RectificationSupervision) -> SupervisionView:
    return SupervisionView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        target_id=row.target_id,
        rectification_id=row.rectification_id,
        agency=row.agency,
        held_on=row.held_on,
        body=row.body,
        found=row.found,
        escalated=row.escalated,
        meta=record_meta(row),
    )


def _item_of(session: Session, item_id: str, target_id: str, round_id: str) -> Rectification:
    item = get_live(session, Rectification, item_id, "整改事项")
    if item.round_id != round_id or item.target_id != target_id:
        raise ValidationError(
            f"整改事项 {item.number} 不属于所选被巡察对象", field="rectification_id"
        )
    return item


def add_supervision(session: Session, round_id: str, draft: SupervisionDraft) -> SupervisionView:
    """Record a 督查; on an item past its 整改时限 and not 销号 it is always a 督办."""
    require_role(session, CLOSING_ROLES, "登记整改监督记录")
    require_round(session, round_id)
    target_id = round_target(session, draft.target_id, round_id)
    held_on = day_field(draft.held_on, "held_on", "监督日期")
    assert held_on is not None
    not_in_future(held_on, "held_on", "监督日期")
    escalated = bool(draft.escalated)
    item_id = None
    if draft.rectification_id:
        item = _item_of(session, draft.rectification_id, target_id, round_id)
        item_id = item.id
        overdue = item.status in OPEN and item.due_date is not None and item.due_date < held_on
        escalated = escalated or overdue
    row = RectificationSupervision(
        round_id=round_id,
        team_id=require_team(session, draft.team_id, round_id),
        target_id=target_id,
        rectification_id=item_id,
        agency=parse_enum(SupervisionAgency, draft.agency, "agency", "监督单位"),
        held_on=held_on,
        body=required_text(draft.body, "body", "督查情况", 20000),
        found=optional_text(draft.found, "found", "发现的问题"),
        escalated=escalated,
    )
    session.add(row)
    session.flush()
    return _supervision_view(row)


def get_supervision(session: Session, supervision_id: str) -> SupervisionView:
    return _supervision_view(
        get_live(session, RectificationSupervision, supervision_id, "整改监督记录")
    )


def list_supervisions(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    rectification_id: str | None = None,
    agency: SupervisionAgency | str | None = None,
    escalated: bool | None = None,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[SupervisionView]:
    """Newest first."""
    query: Select[RectificationSupervision] = live(RectificationSupervision)
    if round_id is not None:
        query = query.where(RectificationSupervision.round_id == round_id)
    if target_id is not None:
        query = query.where(RectificationSupervision.target_id == target_id)
    if rectification_id is not None:
        query = query.where(RectificationSupervision.rectification_id == rectification_id)
    if agency is not None:
        unit = parse_enum(SupervisionAgency, agency, "agency", "监督单位")
        query = query.where(RectificationSupervision.agency == unit)
    if escalated is not None:
        query = query.where(RectificationSupervision.escalated.is_(escalated))
    query = query.order_by(RectificationSupervision.held_on.desc(), RectificationSupervision.id)
    return page(session, query, _supervision_view, offset, limit, total)


# -- 质效评估 ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentView:
    id: str
    round_id: str | None
    target_id: str | None
    grade: Grade
    assessed_on: date
    assessor: str
    body: str
    meta: RecordMeta


def _assessment_view(row: RectificationAssessment) -> AssessmentView:
    return AssessmentView(
        id=row.id,
        round_id=row.round_id,
        target_id=row.target_id,
        grade=row.grade,
        assessed_on=row.assessed_on,
        assessor=row.assessor,
        body=row.body,
        meta=record_meta(row),
    )


def assess_target(
    session: Session,
    round_id: str,
    target_id: str | None,
    grade: Grade | str,
    assessed_on: date,
    body: str = "",
) -> AssessmentView:
    """巡察办's 质效评估 of a target's rectification, on a target that has ledger items."""
    require_role(session, REVIEW_ROLES, "整改质效评估")
    require_round(session, round_id)
    target = round_target(session, target_id, round_id)
    day = day_field(assessed_on, "assessed_on", "评估日期")
    assert day is not None
    not_in_future(day, "assessed_on", "评估日期")
    items = live(Rectification).where(
        Rectification.round_id == round_id, Rectification.target_id == target
    )
    if session.scalars(items.limit(1)).first() is None:
        raise ValidationError("该被巡察对象在本轮没有整改事项，无从评估", field="target_id")
    row = RectificationAssessment(
        round_id=round_id,
        target_id=target,
        grade=parse_enum(Grade, grade, "grade", "评估等次"),
        assessed_on=day,
        assessor=actor_name(session)[:40] or "巡察办",
        body=optional_text(body, "body", "评估意见"),
    )
    session.add(row)
    session.flush()
    return _assessment_view(row)


def list_assessments(
    session: Session, *, round_id: str | None = None, target_id: str | None = None
) -> list[AssessmentView]:
    """Newest first: the latest is the target's current grade."""
    query = live(RectificationAssessment)
    if round_id is not None:
        query = query.where(RectificationAssessment.round_id == round_id)
    if target_id is not None:
        query = query.where(RectificationAssessment.target_id == target_id)
    query = query.order_by(RectificationAssessment.assessed_on.desc(), RectificationAssessment.id)
    return [_assessment_view(r) for r in session.scalars(query)]


# -- 新官理旧账 提醒函 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderDraft:
    target_id: str | None
    old_leader: str  # 原主要负责人
    new_leader: str  # 新任主要负责人
    changed_on: date  # 调整日期
    sent_on: date | None = None  # 发函日期
    rectification_ids: tuple[str, ...] = ()  # empty: every item of the target not yet 销号
    body: str = ""


@dataclass(frozen=True)
class ReminderView:
    id: str
    round_id: str | None
    target_id: str | None
    old_leader: str
    new_leader: str
    changed_on: date
    sent_on: date | None
    rectification_ids: tuple[str, ...]
    body: str
    meta: RecordMeta


def _reminder_view(row: ReminderLetter) -> ReminderView:
    return ReminderView(
        id=row.id,
        round_id=row.round_id,
        target_id=row.target_id,
        old_leader=row.old_leader,
        new_leader=row.new_leader,
        changed_on=row.changed_on,
        sent_on=row.sent_on,
        rectification_ids=tuple(row.rectification_ids or ()),
        body=row.body,
        meta=record_meta(row),
    )


def _check_sent(sent_on: date | None, changed_on: date) -> date | None:
    day = day_field(sent_on, "sent_on", "发函日期", required=False)
    if day is not None:
        not_in_future(day, "sent_on", "发函日期")
        if day < changed_on:
            raise ValidationError("发函日期不能早于主要负责人调整日期", field="sent_on")
    return day


def create_reminder(session: Session, round_id: str, draft: ReminderDraft) -> ReminderView:
    """A 提醒函 to a target's new 主要负责人 covering the items still open (未销号)."""
    require_role(session, CLOSING_ROLES, "新官理旧账提醒函")
    require_round(session, round_id)
    target_id = round_target(session, draft.target_id, round_id)
    old = required_text(draft.old_leader, "old_leader", "原主要负责人", 40)
    new = required_text(draft.new_leader, "new_leader", "新任主要负责人", 40)
    if old == new:
        raise ValidationError("新任主要负责人与原主要负责人相同，无需提醒函", field="new_leader")
    changed_on = day_field(draft.changed_on, "changed_on", "调整日期")
    assert changed_on is not None
    not_in_future(changed_on, "changed_on", "调整日期")
    if draft.rectification_ids:
        items = [_item_of(session, i, target_id, round_id) for i in draft.rectification_ids]
    else:
        query = live(Rectification).where(
            Rectification.round_id == round_id,
            Rectification.target_id == target_id,
            Rectification.status.in_(OPEN),
        )
        items = list(session.scalars(query.order_by(Rectification.number)))
    if not items:
        raise ValidationError(
            "该被巡察对象没有未完成的整改事项，无需提醒函", field="rectification_ids"
        )
    row = ReminderLetter(
        round_id=round_id,
        target_id=target_id,
        old_leader=old,
        new_leader=new,
        changed_on=changed_on,
        sent_on=_check_sent(draft.sent_on, changed_on),
        rectification_ids=list(dict.fromkeys(i.id for i in items)),
        body=optional_text(draft.body, "body", "提醒函内容"),
    )
    session.add(row)
    session.flush()
    return _reminder_view(row)


def mark_reminder_sent(session: Session, reminder_id: str, sent_on: date) -> ReminderView:
    require_role(session, CLOSING_ROLES, "新官理旧账提醒函")
    row = get_live(session, ReminderLetter, reminder_id, "提醒函")
    if row.sent_on is not None:
        raise RectificationStateError(
            f"提醒函已于 {row.sent_on.isoformat()} 发出", field="sent_on", locked=True
        )
    if sent_on is None:
        raise ValidationError("请填写发函日期", field="sent_on")
    row.sent_on = _check_sent(sent_on, row.changed_on)
    session.flush()
    return _reminder_view(row)


def get_reminder(session: Session, reminder_id: str) -> ReminderView:
    return _reminder_view(get_live(session, ReminderLetter, reminder_id, "提醒函"))


def list_reminders(
    session: Session, *, round_id: str | None = None, target_id: str | None = None
) -> list[ReminderView]:
    query = live(ReminderLetter)
    if round_id is not None:
        query = query.where(ReminderLetter.round_id == round_id)
    if target_id is not None:
        query = query.where(ReminderLetter.target_id == target_id)
    query = query.order_by(ReminderLetter.changed_on.desc(), ReminderLetter.id)
    return [_reminder_view(r) for r in session.scalars(query)]


def refusals(session: Session) -> dict[str, str | None]:
    """For the UI, per step, why the current user may not take it (or ``None``): ``register``
    (documents, supervision, 提醒函: 组长 or 巡察办) and ``review`` (审核, 质效评估: 巡察办)."""
    return {
        "register": role_refusal(session, CLOSING_ROLES, "登记整改跟踪记录"),
        "review": role_refusal(session, REVIEW_ROLES, "审核整改方案/报告和质效评估"),
    }


# -- 作废 --------------------------------------------------------------------------------------

# what ``void_record`` takes: record kind → (model, label, roles that may void it)
VOIDABLE: dict[str, tuple[type[RecordMixin], str, tuple[Role, ...]]] = {
    "document": (RectificationDocument, "整改方案/报告", CLOSING_ROLES),
    "supervision": (RectificationSupervision, "整改监督记录", CLOSING_ROLES),
    "assessment": (RectificationAssessment, "质效评估", REVIEW_ROLES),
    "reminder": (ReminderLetter, "提醒函", CLOSING_ROLES),
}


def void_followup(session: Session, kind: str, record_id: str, reason: str) -> None:
    """作废 a follow-through record (``common.void_record``), by whoever may make it."""
    if kind not in VOIDABLE:
        raise ValidationError(f"未知的记录类型“{kind}”", field="kind")
    model, label, roles = VOIDABLE[kind]
    require_role(session, roles, f"作废{label}")
    void_record(session, get_live(session, model, record_id, label), reason)
    session.flush()
