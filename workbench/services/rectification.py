"""整改台账: one row per fed-back problem, tracked 未启动 → 推进中 → 已完成 (销号) | 长期坚持."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from workbench.errors import PermissionDenied, ValidationError, WorkflowError
from workbench.models import Attachment, Finding, Rectification
from workbench.roles import Role
from workbench.services.common import (
    CASE_ROLES,
    Changes,
    Page,
    RecordMeta,
    actor_name,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    live,
    not_in_future,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.locks import rectification_lock, refuse_if_locked
from workbench.services.rounds import check_version
from workbench.services.targets import (
    check_unique_number,
    next_number,
    optional_target,
    require_round,
    require_team,
)
from workbench.vocab.enums import Grade, RectificationStatus

S = RectificationStatus
NUMBER_PREFIX = "ZG"  # 整改
# 长期坚持 is an end state like 已完成: the measures are permanent, so nothing is left to close.
TRANSITIONS: dict[RectificationStatus, frozenset[RectificationStatus]] = {
    S.NOT_STARTED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.DONE, S.LONG_TERM}),
    S.DONE: frozenset(),
    S.LONG_TERM: frozenset(),
}
OPEN = (S.NOT_STARTED, S.IN_PROGRESS)  # what can be overdue
# 销号 and 评估 are the office's (or the team leader's) judgement, not the target's
CLOSING_ROLES = (Role.OFFICE, Role.TEAM_LEADER)


class RectificationStateError(WorkflowError):
    """A transition the ledger's workflow does not allow."""


@dataclass(frozen=True)
class RectificationDraft:
    problem: str  # 问题表现
    number: str = ""  # blank: ZG-<year>-NNN on create, unchanged on update
    target_id: str | None = None
    team_id: str | None = None
    finding_id: str | None = None  # 反馈问题 ref
    category: str = ""  # 问题归类
    measures: str = ""  # 整改措施
    leader_in_charge: str = ""  # 分管领导
    lead_department: str = ""  # 牵头部门
    responsible_person: str = ""  # 主要负责人
    due_date: date | None = None  # 时限
    progress_notes: str = ""
    goal: str = ""  # 整改目标
    specific_person: str = ""  # 具体责任人


@dataclass(frozen=True)
class EvidenceEntry:
    """A line of the 佐证材料目录: a named material, linked to its attachment if there is one."""

    name: str
    sha256: str = ""


@dataclass(frozen=True)
class RectificationView:
    id: str
    round_id: str | None
    team_id: str | None
    number: str
    target_id: str | None
    finding_id: str | None
    category: str
    problem: str
    measures: str
    leader_in_charge: str
    lead_department: str
    responsible_person: str
    due_date: date | None
    status: RectificationStatus
    evidence_sha256: tuple[str, ...]
    progress_notes: str
    closed_on: date | None
    grade: Grade | None
    goal: str
    specific_person: str
    evidence_catalog: tuple[EvidenceEntry, ...]
    review_opinion: str  # 巡察办审核意见
    reviewed_on: date | None
    reviewed_by: str
    meta: RecordMeta

    def overdue_on(self, today: date) -> bool:
        """Past its 时限 and still open (未启动 or 推进中)."""
        return self.status in OPEN and self.due_date is not None and self.due_date < today

    def days_overdue(self, today: date) -> int:
        """Days past its 时限 while open (督办); 0 when it is not overdue."""
        if self.due_date is None or not self.overdue_on(today):
            return 0
        return (today - self.due_date).days


def _view(row: Rectification) -> RectificationView:
    return RectificationView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        number=row.number,
        target_id=row.target_id,
        finding_id=row.finding_id,
        category=row.category,
        problem=row.problem,
        measures=row.measures,
        leader_in_charge=row.leader_in_charge,
        lead_department=row.lead_department,
        responsible_person=row.responsible_person,
        due_date=row.due_date,
        status=row.status,
        evidence_sha256=tuple(row.evidence_sha256),
        progress_notes=row.progress_notes,
        closed_on=row.closed_on,
        grade=row.grade,
        goal=row.goal,
        specific_person=row.specific_person,
        evidence_catalog=tuple(
            EvidenceEntry(str(e.get("name", "")), str(e.get("sha256") or ""))
            for e in row.evidence_catalog or ()
        ),
        review_opinion=row.review_opinion,
        reviewed_on=row.reviewed_on,
        reviewed_by=row.reviewed_by,
        meta=record_meta(row),
    )


def _finding(session: Session, finding_id: str | None, round_id: str) -> str | None:
    if finding_id is None:
        return None
    finding = get_live(session, Finding, finding_id, "问题底稿")
    if finding.round_id != round_id:
        raise ValidationError("所选问题底稿不属于本轮巡察", field="finding_id")
    return finding.id


def _apply(session: Session, row: Rectification, round_id: str, d: RectificationDraft) -> None:
    row.problem = required_text(d.problem, "problem", "问题表现", 20000)
    number = optional_text(d.number, "number", "编号", 40)
    if number:
        check_unique_number(session, Rectification.number, round_id, number, row.id)
        row.number = number
    elif not row.number:
        row.number = next_number(session, Rectification.number, round_id, NUMBER_PREFIX)
    row.target_id = optional_target(session, d.target_id, round_id)
    row.team_id = require_team(session, d.team_id, round_id)
    row.finding_id = _finding(session, d.finding_id, round_id)
    row.category = optional_text(d.category, "category", "问题归类", 120)
    row.measures = optional_text(d.measures, "measures", "整改措施")
    row.leader_in_charge = optional_text(d.leader_in_charge, "leader_in_charge", "分管领导", 40)
    row.lead_department = optional_text(d.lead_department, "lead_department", "牵头部门", 120)
    row.responsible_person = optional_text(
        d.responsible_person, "responsible_person", "主要负责人", 40
    )
    if d.due_date is not None and not isinstance(d.due_date, date):
        raise ValidationError("整改时限应为日期", field="due_date")
    row.due_date = d.due_date
    row.progress_notes = optional_text(d.progress_notes, "progress_notes", "进展情况")
    row.goal = optional_text(d.goal, "goal", "整改目标")
    row.specific_person = optional_text(d.specific_person, "specific_person", "具体责任人", 40)


def create_rectification(
    session: Session, round_id: str, draft: RectificationDraft
) -> RectificationView:
    require_round(session, round_id)
    row = Rectification(
        round_id=round_id, number="", status=S.NOT_STARTED, evidence_sha256=[], evidence_catalog=[]
    )
    _apply(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _view(row)


def update_rectification(
    session: Session,
    rectification_id: str,
    draft: RectificationDraft,
    *,
    expected_version: int | None = None,
) -> RectificationView:
    """Edits the ledger fields; status, evidence, 销号 and grade have their own functions."""
    row = get_live(session, Rectification, rectification_id, "整改事项")
    check_version(row.version, expected_version)
    refuse_if_locked(rectification_lock(row), RectificationStateError)
    _apply(session, row, row.round_id or "", draft)
    session.flush()
    return _view(row)


def get_rectification(session: Session, rectification_id: str) -> RectificationView:
    return _view(get_live(session, Rectification, rectification_id, "整改事项"))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
RECTIFICATION_ORDERS = {
    "number": Rectification.number,
    "status": enum_rank(Rectification.status, S),
    "due_date": Rectification.due_date,
    "lead_department": Rectification.lead_department,
}


def list_rectifications(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    status: RectificationStatus | str | None = None,
    finding_id: str | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    overdue_on: date | None = None,
    overdue: bool = False,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[RectificationView]:
    """Filters combine; the due range is inclusive; ``overdue_on`` keeps items overdue that day
    (逾期, to chase: 督办), ``overdue`` those overdue today. Ordered by 时限 (items without one
    last), then number, unless ``order`` names a key of ``RECTIFICATION_ORDERS``; ``text``
    searches the number, 问题归类, 问题表现, 牵头部门 and 主要负责人."""
    if overdue and overdue_on is None:
        overdue_on = date.today()
    query = records(Rectification, voided)
    if round_id is not None:
        query = query.where(Rectification.round_id == round_id)
    if target_id is not None:
        query = query.where(Rectification.target_id == target_id)
    if team_id is not None:
        query = query.where(Rectification.team_id == team_id)
    if status is not None:
        query = query.where(Rectification.status == parse_enum(S, status, "status", "整改状态"))
    if finding_id is not None:
        query = query.where(Rectification.finding_id == finding_id)
    if due_from is not None:
        query = query.where(Rectification.due_date >= due_from)
    if due_to is not None:
        query = query.where(Rectification.due_date <= due_to)
    if overdue_on is not None:
        query = query.where(Rectification.status.in_(OPEN), Rectification.due_date < overdue_on)
    query = contains_text(
        query,
        text,
        Rectification.number,
        Rectification.category,
        Rectification.problem,
        Rectification.lead_department,
        Rectification.responsible_person,
    )
    by_due = (
        Rectification.due_date.is_(None),
        Rectification.due_date,
        Rectification.number,
        Rectification.id,
    )
    query = apply_order(query, order, RECTIFICATION_ORDERS, by_due)
    return page(session, query, _view, offset, limit, total)


def overdue_rectifications(session: Session, round_id: str, today: date) -> list[RectificationView]:
    """Every item of the round past its 时限 and not 已完成 / 长期坚持, most overdue first."""
    query = live(Rectification).where(
        Rectification.round_id == round_id,
        Rectification.status.in_(OPEN),
        Rectification.due_date < today,
    )
    query = query.order_by(Rectification.due_date, Rectification.number, Rectification.id)
    return [_view(r) for r in session.scalars(query)]


def void_rectification(session: Session, rectification_id: str, reason: str) -> Changes:
    """作废 an item entered by mistake; one 销号 stays as it was judged."""
    require_role(session, CASE_ROLES, "作废整改事项")
    row = get_live(session, Rectification, rectification_id, "整改事项")
    refuse_if_locked(rectification_lock(row), action="作废")
    void_record(session, row, reason)
    session.flush()
    return Changes.of("rectification", rectification_id)


# -- evidence, transitions, grade -------------------------------------------------------------


def _attachments(session: Session, shas: Iterable[str]) -> list[str]:
    out = []
    for sha in shas:
        key = (sha or "").strip().lower()
        if not key or session.get(Attachment, key) is None:
            raise ValidationError(f"佐证附件不存在（{sha}），请先导入附件", field="evidence_sha256")
        out.append(key)
    return out


def add_rectification_evidence(
    session: Session, rectification_id: str, evidence_sha256: Iterable[str]
) -> RectificationView:
    row = get_live(session, Rectification, rectification_id, "整改事项")
    refuse_if_locked(rectification_lock(row), RectificationStateError, action="补充佐证材料")
    row.evidence_sha256 = list(
        dict.fromkeys([*row.evidence_sha256, *_attachments(session, evidence_sha256)])
    )
    session.flush()
    return _view(row)


def remove_rectification_evidence(
    session: Session, rectification_id: str, sha256: str
) -> RectificationView:
    row = get_live(session, Rectification, rectification_id, "整改事项")
    refuse_if_locked(rectification_lock(row), RectificationStateError, action="删除佐证材料")
    kept = [s for s in row.evidence_sha256 if s != sha256.strip().lower()]
    row.evidence_sha256 = kept
    session.flush()
    return _view(row)


def set_rectification_status(
    session: Session,
    rectification_id: str,
    status: RectificationStatus | str,
    *,
    closed_on: date | None = None,
    evidence_sha256: Iterable[str] = (),
    note: str = "",
    expected_version: int | None = None,
) -> RectificationView:
    """Move along 未启动 → 推进中 → 已完成 | 长期坚持; anything else is refused.

    已完成 is 销号: it needs a ``closed_on`` date and at least one evidence attachment (those
    given here are added first), and 巡察办 or 组长. ``note`` is appended to the progress notes.
    """
    row = get_live(session, Rectification, rectification_id, "整改事项")
    check_version(row.version, expected_version)
    new = parse_enum(S, status, "status", "整改状态")
    if new not in TRANSITIONS[row.status]:
        allowed = "、".join(s.label for s in TRANSITIONS[row.status]) or "无（已是最终状态）"
        raise RectificationStateError(
            f"整改状态不能从“{row.status.label}”改为“{new.label}”，可改为：{allowed}",
            field="status",
        )
    if new is S.DONE:
        require_role(session, CLOSING_ROLES, "整改销号")
    evidence = list(dict.fromkeys([*row.evidence_sha256, *_attachments(session, evidence_sha256)]))
    if new is S.DONE:
        if not isinstance(closed_on, date) or isinstance(closed_on, datetime):
            raise ValidationError("销号需填写销号日期", field="closed_on")
        not_in_future(closed_on, "closed_on", "销号日期")
        if not evidence:
            raise ValidationError("销号需至少一份佐证材料", field="evidence_sha256")
        row.closed_on = closed_on
    text = optional_text(note, "note", "进展说明")
    if text:
        row.progress_notes = "\n".join(
            p for p in (row.progress_notes, f"【{new.label}】{text}") if p
        )
    row.evidence_sha256 = evidence
    row.status = new
    session.flush()
    return _view(row)


def grade_rectification(
    session: Session, rectification_id: str, grade: Grade | str | None
) -> RectificationView:
    """评估等次 of a finished item (已完成 or 长期坚持); ``None`` clears it."""
    require_role(session, CLOSING_ROLES, "整改评估")
    row = get_live(session, Rectification, rectification_id, "整改事项")
    if grade is not None and row.status in OPEN:
        raise RectificationStateError(
            f"整改尚未完成（{row.status.label}），不能评估等次", field="grade"
        )
    row.grade = None if grade is None else parse_enum(Grade, grade, "grade", "评估等次")
    session.flush()
    return _view(row)


# -- 佐证材料目录 and 巡察办审核意见 ----------------------------------------------------------

CATALOG_MAX = 200  # lines in one item's 佐证材料目录


def set_evidence_catalog(
    session: Session,
    rectification_id: str,
    entries: Iterable[EvidenceEntry],
    *,
    expected_version: int | None = None,
) -> RectificationView:
    """Replace the 佐证材料目录. Each line needs a name; a linked attachment must be in the store
    and joins the item's evidence (what 销号 checks and packages carry)."""
    row = get_live(session, Rectification, rectification_id, "整改事项")
    check_version(row.version, expected_version)
    refuse_if_locked(rectification_lock(row), RectificationStateError, action="修改佐证材料目录")
    catalog: list[dict[str, str]] = []
    for entry in entries:
        name = required_text(entry.name, "evidence_catalog", "佐证材料名称", 200)
        shas = _attachments(session, [entry.sha256]) if (entry.sha256 or "").strip() else [""]
        catalog.append({"name": name, "sha256": shas[0]})
    if len(catalog) > CATALOG_MAX:
        raise ValidationError(f"佐证材料目录最多 {CATALOG_MAX} 项", field="evidence_catalog")
    linked = [e["sha256"] for e in catalog if e["sha256"]]
    row.evidence_catalog = catalog
    row.evidence_sha256 = list(dict.fromkeys([*row.evidence_sha256, *linked]))
    session.flush()
    return _view(row)


def review_rectification(
    session: Session,
    rectification_id: str,
    opinion: str,
    reviewed_on: date,
    *,
    expected_version: int | None = None,
) -> RectificationView:
    """巡察办审核意见 on an item (before its 销号): the office's alone, dated and signed."""
    require_role(session, (Role.OFFICE,), "整改审核意见")
    row = get_live(session, Rectification, rectification_id, "整改事项")
    check_version(row.version, expected_version)
    refuse_if_locked(rectification_lock(row), RectificationStateError, action="填写审核意见")
    text = required_text(opinion, "review_opinion", "审核意见", 20000)
    if not isinstance(reviewed_on, date) or isinstance(reviewed_on, datetime):
        raise ValidationError("审核意见需填写审核日期", field="reviewed_on")
    not_in_future(reviewed_on, "reviewed_on", "审核日期")
    row.review_opinion = text
    row.reviewed_on = reviewed_on
    row.reviewed_by = actor_name(session)[:40]
    session.flush()
    return _view(row)


def role_refusal(session: Session, roles: tuple[Role, ...], action: str) -> str | None:
    """Why the current user may not take ``action`` (the message ``require_role`` would raise),
    or ``None``: for the UI to disable a button with the reason."""
    try:
        require_role(session, roles, action)
    except PermissionDenied as refused:
        return refused.message
    return None


def review_refusal(session: Session, rectification_id: str) -> str | None:
    """Why 巡察办审核意见 cannot be given on this item now (role, then 销号), or ``None``."""
    row = get_live(session, Rectification, rectification_id, "整改事项")
    return role_refusal(session, (Role.OFFICE,), "整改审核意见") or rectification_lock(row)
