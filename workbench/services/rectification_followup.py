"""整改 follow-through around the ledger: a target's 整改方案 and 整改报告 (due within the period
after 反馈, then reviewed by 巡察办), the supervision entries of 纪委监委 and 组织部 (督办 when an
item is overdue), the 质效评估 of the target's rectification and the 新官理旧账 提醒函.

Periods (DOMAIN.md names none) are office rules (``office_rules``): by default the 整改报告 is due
two months after 反馈, as the county's 实施办法 in the demo 政策清单 says (第三十二条), and the
整改方案 one month after 反馈, a common local rule. The 巡察办 sets its own; a due date typed on
the document wins over the rule.

Authority: the office (巡察办) or the team's 组长 registers documents, supervision entries and
提醒函; review of a document and the 质效评估 are the office's alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

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
from workbench.models.enums import (
    Grade,
    RectificationDocKind,
    RectificationDocStatus,
    SupervisionAgency,
)
from workbench.roles import Role
from workbench.services.clue_transfer import add_months
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
from workbench.services.office_rules import MonthsRule, rule_months, set_rule_months
from workbench.services.rectification import (
    CLOSING_ROLES,
    OPEN,
    RectificationStateError,
    _attachments,
    role_refusal,
)
from workbench.services.rounds import check_version
from workbench.services.targets import require_round, require_target, require_team

K = RectificationDocKind
D = RectificationDocStatus
# months after 反馈 within which the target submits each document
PERIOD_RULES: dict[RectificationDocKind, MonthsRule] = {
    K.PLAN: MonthsRule("rectification_plan_months", "plan_months", "整改方案报送期限", 1, 1, 12),
    K.REPORT: MonthsRule(
        "rectification_report_months", "report_months", "整改报告报送期限", 2, 1, 12
    ),
}


def period_months(session: Session, kind: RectificationDocKind) -> int:
    """Months after 反馈 within which the target submits a document of ``kind``."""
    return rule_months(session, PERIOD_RULES[kind])


def set_period_months(session: Session, kind: RectificationDocKind | str, months: int) -> None:
    """The office's rule for one kind of document (巡察办 only, audited)."""
    rule = PERIOD_RULES[parse_enum(K, kind, "kind", "材料类型")]
    set_rule_months(session, rule, months)


# who may submit (or resubmit) and who may edit: before the office has passed it
EDITABLE = (D.PENDING, D.RETURNED)
REVIEW_ROLES = (Role.OFFICE,)


def _day(value: object, field_name: str, label: str, *, required: bool = True) -> date | None:
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(f"请填写{label}", field=field_name)
    return value


def _target(session: Session, target_id: str | None, round_id: str) -> str:
    if not target_id:
        raise ValidationError("请选择被巡察对象", field="target_id")
    return require_target(session, target_id, round_id).id


# -- 整改方案 / 整改报告 ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentDraft:
    kind: RectificationDocKind | str
    target_id: str | None
    feedback_on: date | None  # 反馈日期: the period starts here
    title: str = ""
    due_on: date | None = None  # blank: the office's period after 反馈 (``period_months``)
    body: str = ""
    team_id: str | None = None


@dataclass(frozen=True)
class DocumentView:
    id: str
    round_id: str | None
    team_id: str | None
    target_id: str | None
    kind: RectificationDocKind
    title: str
    feedback_on: date | None
    due_on: date | None
    submitted_on: date | None
    status: RectificationDocStatus
    body: str
    attachment_sha256: tuple[str, ...]
    review_note: str
    reviewed_on: date | None
    reviewed_by: str
    meta: RecordMeta

    def overdue_on(self, today: date) -> bool:
        """Not submitted (or returned and not resubmitted) and past its 报送期限."""
        return self.status in EDITABLE and self.due_on is not None and self.due_on < today

    @property
    def late(self) -> bool:
        """Submitted after its 报送期限 (逾期报送)."""
        return bool(self.submitted_on and self.due_on and self.submitted_on > self.due_on)


def _document_view(row: RectificationDocument) -> DocumentView:
    return DocumentView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        target_id=row.target_id,
        kind=row.kind,
        title=row.title,
        feedback_on=row.feedback_on,
        due_on=row.due_on,
        submitted_on=row.submitted_on,
        status=row.status,
        body=row.body,
        attachment_sha256=tuple(row.attachment_sha256 or ()),
        review_note=row.review_note,
        reviewed_on=row.reviewed_on,
        reviewed_by=row.reviewed_by,
        meta=record_meta(row),
    )


def _apply_document(
    session: Session, row: RectificationDocument, round_id: str, d: DocumentDraft
) -> None:
    row.kind = parse_enum(K, d.kind, "kind", "材料类型")
    row.target_id = _target(session, d.target_id, round_id)
    row.team_id = require_team(session, d.team_id, round_id)
    feedback_on = _day(d.feedback_on, "feedback_on", "反馈日期")
    assert feedback_on is not None
    not_in_future(feedback_on, "feedback_on", "反馈日期")
    due_on = _day(d.due_on, "due_on", "报送期限", required=False)
    if due_on is None:
        due_on = add_months(feedback_on, period_months(session, row.kind))
    if due_on < feedback_on:
        raise ValidationError("报送期限不能早于反馈日期", field="due_on")
    row.feedback_on, row.due_on = feedback_on, due_on
    row.title = optional_text(d.title, "title", "标题", 200) or row.kind.label
    row.body = optional_text(d.body, "body", "主要内容")


def create_document(session: Session, round_id: str, draft: DocumentDraft) -> DocumentView:
    """Register a 整改方案 or 整改报告 to expect (待报送), with its 报送期限."""
    require_role(session, CLOSING_ROLES, "登记整改方案/报告")
    require_round(session, round_id)
    row = RectificationDocument(round_id=round_id, status=D.PENDING, attachment_sha256=[])
    _apply_document(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _document_view(row)


def _editable_document(
    session: Session, document_id: str, expected_version: int | None, action: str
) -> RectificationDocument:
    row = get_live(session, RectificationDocument, document_id, "整改方案/报告")
    check_version(row.version, expected_version)
    if row.status not in EDITABLE:
        raise RectificationStateError(
            f"{row.kind.label}当前为“{row.status.label}”，不能{action}",
            field="status",
            locked=True,
        )
    return row


def update_document(
    session: Session,
    document_id: str,
    draft: DocumentDraft,
    *,
    expected_version: int | None = None,
) -> DocumentView:
    require_role(session, CLOSING_ROLES, "修改整改方案/报告")
    row = _editable_document(session, document_id, expected_version, "修改")
    _apply_document(session, row, row.round_id or "", draft)
    session.flush()
    return _document_view(row)


def submit_document(
    session: Session,
    document_id: str,
    submitted_on: date,
    attachment_sha256: Iterable[str] = (),
    *,
    expected_version: int | None = None,
) -> DocumentView:
    """The target has submitted it (已报送), on ``submitted_on``; a returned one is resubmitted."""
    require_role(session, CLOSING_ROLES, "登记报送")
    row = _editable_document(session, document_id, expected_version, "再次报送")
    day = _day(submitted_on, "submitted_on", "报送日期")
    assert day is not None
    not_in_future(day, "submitted_on", "报送日期")
    if row.feedback_on is not None and day < row.feedback_on:
        raise ValidationError("报送日期不能早于反馈日期", field="submitted_on")
    row.attachment_sha256 = list(
        dict.fromkeys([*(row.attachment_sha256 or ()), *_attachments(session, attachment_sha256)])
    )
    row.submitted_on = day
    row.status = D.SUBMITTED
    session.flush()
    return _document_view(row)


def review_document(
    session: Session,
    document_id: str,
    *,
    approve: bool,
    note: str,
    reviewed_on: date,
    expected_version: int | None = None,
) -> DocumentView:
    """巡察办审核: 审核通过, or 退回修改 with the reason; only a submitted document."""
    require_role(session, REVIEW_ROLES, "审核整改方案/报告")
    row = get_live(session, RectificationDocument, document_id, "整改方案/报告")
    check_version(row.version, expected_version)
    if row.status is not D.SUBMITTED:
        raise RectificationStateError(
            f"{row.kind.label}当前为“{row.status.label}”，只能审核已报送的", field="status"
        )
    text = optional_text(note, "review_note", "审核意见")
    if not approve and not text:
        raise ValidationError("退回修改需写明理由", field="review_note")
    day = _day(reviewed_on, "reviewed_on", "审核日期")
    assert day is not None
    not_in_future(day, "reviewed_on", "审核日期")
    if row.submitted_on is not None and day < row.submitted_on:
        raise ValidationError("审核日期不能早于报送日期", field="reviewed_on")
    row.status = D.APPROVED if approve else D.RETURNED
    row.review_note, row.reviewed_on, row.reviewed_by = text, day, actor_name(session)[:40]
    session.flush()
    return _document_view(row)


def get_document(session: Session, document_id: str) -> DocumentView:
    return _document_view(get_live(session, RectificationDocument, document_id, "整改方案/报告"))


def list_documents(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    kind: RectificationDocKind | str | None = None,
    overdue_on: date | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[DocumentView]:
    """By 报送期限; ``overdue_on``: only those not submitted by then."""
    query: Select[RectificationDocument] = live(RectificationDocument)
    if round_id is not None:
        query = query.where(RectificationDocument.round_id == round_id)
    if target_id is not None:
        query = query.where(RectificationDocument.target_id == target_id)
    if kind is not None:
        query = query.where(RectificationDocument.kind == parse_enum(K, kind, "kind", "材料类型"))
    if overdue_on is not None:
        query = query.where(
            RectificationDocument.status.in_(EDITABLE), RectificationDocument.due_on < overdue_on
        )
    query = query.order_by(RectificationDocument.due_on, RectificationDocument.id)
    return page(session, query, _document_view, offset, limit)


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
    target_id = _target(session, draft.target_id, round_id)
    held_on = _day(draft.held_on, "held_on", "监督日期")
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
    return page(session, query, _supervision_view, offset, limit)


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
    target = _target(session, target_id, round_id)
    day = _day(assessed_on, "assessed_on", "评估日期")
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
    day = _day(sent_on, "sent_on", "发函日期", required=False)
    if day is not None:
        not_in_future(day, "sent_on", "发函日期")
        if day < changed_on:
            raise ValidationError("发函日期不能早于主要负责人调整日期", field="sent_on")
    return day


def create_reminder(session: Session, round_id: str, draft: ReminderDraft) -> ReminderView:
    """A 提醒函 to a target's new 主要负责人 covering the items still open (未销号)."""
    require_role(session, CLOSING_ROLES, "新官理旧账提醒函")
    require_round(session, round_id)
    target_id = _target(session, draft.target_id, round_id)
    old = required_text(draft.old_leader, "old_leader", "原主要负责人", 40)
    new = required_text(draft.new_leader, "new_leader", "新任主要负责人", 40)
    if old == new:
        raise ValidationError("新任主要负责人与原主要负责人相同，无需提醒函", field="new_leader")
    changed_on = _day(draft.changed_on, "changed_on", "调整日期")
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
