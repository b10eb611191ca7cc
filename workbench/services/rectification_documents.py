"""整改 follow-through, the target's 整改方案 and 整改报告: due within the period after 反馈,
then reviewed by 巡察办.

Periods (DOMAIN.md names none) are office rules (``office_rules``): by default the 整改报告 is due
two months after 反馈, as the county's 实施办法 in the demo 政策清单 says (第三十二条), and the
整改方案 one month after 反馈, a common local rule. The 巡察办 sets its own; a due date typed on
the document wins over the rule.

Authority: the office (巡察办) or the team's 组长 registers documents; review is the office's alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select
from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import (
    RectificationDocument,
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
)
from workbench.services.office_rules import MonthsRule, rule_months, set_rule_months
from workbench.services.rectification import (
    CLOSING_ROLES,
    RectificationStateError,
    _attachments,
)
from workbench.services.rounds import check_version
from workbench.services.targets import require_round, require_target, require_team
from workbench.vocab.enums import (
    RectificationDocKind,
    RectificationDocStatus,
)

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


def day_field(value: object, field_name: str, label: str, *, required: bool = True) -> date | None:
    """A date the user must give (or may leave empty), as a ValidationError naming the field."""
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(f"请填写{label}", field=field_name)
    return value


def round_target(session: Session, target_id: str | None, round_id: str) -> str:
    """The id of a target chosen in the round (required)."""
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
    row.target_id = round_target(session, d.target_id, round_id)
    row.team_id = require_team(session, d.team_id, round_id)
    feedback_on = day_field(d.feedback_on, "feedback_on", "反馈日期")
    assert feedback_on is not None
    not_in_future(feedback_on, "feedback_on", "反馈日期")
    due_on = day_field(d.due_on, "due_on", "报送期限", required=False)
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
    day = day_field(submitted_on, "submitted_on", "报送日期")
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
    day = day_field(reviewed_on, "reviewed_on", "审核日期")
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
    total: bool = True,
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
    return page(session, query, _document_view, offset, limit, total)
