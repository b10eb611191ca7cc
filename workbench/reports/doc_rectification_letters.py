"""The 巡察办's letters on a target's rectification, from the 整改台账 and its follow-through:

- 整改通知 (a target): after 反馈, the 整改事项 with their 时限 and the 整改方案/整改报告 due
  dates (the registered documents' 报送期限, else the office's period rules);
- 督办函 (a 整改事项, a supervision record, or a target's overdue items): presses on items past
  their 时限;
- 提醒函 (a 新官理旧账 提醒函 record): reminds a target's new 主要负责人 of the open items.

Only live records reach them: the list and get services skip voided ones, and an item voided
after a 提醒函 named it drops out of the letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Rectification
from workbench.reports.addressees import Bodies
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    bare_round,
    compact_date,
    doc_date,
    fmt_date,
    round_date,
    secrecy_mark,
)
from workbench.reports.doc_feedback import feedback_on
from workbench.reports.errors import DocumentScopeError
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import scope_of
from workbench.services import rectification, rectification_documents, rectification_followup
from workbench.services.rectification import RectificationView
from workbench.vocab.enums import RectificationDocKind, RoundPhase

PRESS_DAYS = 15  # a 督办函 asks for completion or a written account within 15 days
REMINDER_MONTHS = 1  # a 提醒函 asks for the new leader's account within a month


@dataclass(frozen=True)
class NoticeItem:
    no: str = F("序号")
    number: str = F("编号")
    problem: str = F("问题表现")
    measures: str = F("整改措施")
    owner: str = F("牵头部门和责任人")
    due_date: str = F("整改时限")
    status: str = F("整改状态")
    days_overdue: str = F("逾期天数")


@dataclass(frozen=True)
class LetterDoc(DocContext):
    recipient: str = F("主送")
    issuer: str = F("署名（巡察办）")
    intro: str = F("开头段")
    total: str = F("整改事项数")
    items: tuple[NoticeItem, ...] = F("整改事项（列表）")
    requirements: str = F("要求")


def _item(n: int, v: RectificationView, today: date) -> NoticeItem:
    owner = "、".join(x for x in (v.lead_department, v.responsible_person) if x)
    return NoticeItem(
        no=str(n),
        number=v.number,
        problem=v.problem,
        measures=v.measures,
        owner=owner,
        due_date=fmt_date(v.due_date),
        status=v.status.label,
        days_overdue=str(v.days_overdue(today)) if v.overdue_on(today) else "",
    )


def _target_items(
    session: Session, round_id: str | None, target_id: str
) -> list[RectificationView]:
    views = all_pages(
        rectification.list_rectifications, session, round_id=round_id, target_id=target_id
    )
    return sorted(views, key=lambda v: v.number)


def _mark(session: Session, views: list[RectificationView]) -> str:
    return secrecy_mark(session, Rectification, Rectification.id.in_([v.id for v in views]))


# -- 整改通知 ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoticeDoc(LetterDoc):
    plan_due: str = F("整改方案报送期限")
    report_due: str = F("整改报告报送期限")


def _due(
    session: Session, round_id: str, target_id: str, kind: RectificationDocKind
) -> tuple[date | None, date | None]:
    """(反馈日期, 报送期限) of the target's registered document of ``kind``, the latest first."""
    docs = all_pages(
        rectification_documents.list_documents,
        session,
        round_id=round_id,
        target_id=target_id,
        kind=kind,
    )
    found = [d for d in docs if d.due_on]
    if not found:
        return None, None
    last = max(found, key=lambda d: d.due_on or date.min)
    return last.feedback_on, last.due_on


def _due_text(session: Session, kind: RectificationDocKind, due: date | None) -> str:
    if due is not None:
        return f"{fmt_date(due)}前"
    months = rectification_documents.period_months(session, kind)
    return f"反馈之日起{months}个月内"


def notice_context(session: Session, request: DocRequest) -> NoticeDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    target_id = request.target_id or ""
    bodies = Bodies.of(scope.round)
    views = _target_items(session, scope.round.id, target_id)
    if not views:
        raise DocumentScopeError(
            f"{scope.name}还没有整改事项：请先建立整改台账", doc_type=request.doc_type
        )
    fed_plan, plan_due = _due(session, scope.round.id, target_id, RectificationDocKind.PLAN)
    fed_report, report_due = _due(session, scope.round.id, target_id, RectificationDocKind.REPORT)
    fed = fed_plan or fed_report
    when = f"于{fmt_date(fed)}" if fed else ""
    today = request.date or date.today()
    plan = _due_text(session, RectificationDocKind.PLAN, plan_due)
    report = _due_text(session, RectificationDocKind.REPORT, report_due)
    return NoticeDoc(
        title=f"关于抓好{bare_round(scope.round.name)}巡察反馈问题整改的通知",
        secrecy=_mark(session, views),
        copy_no=request.copy_no,
        date=doc_date(  # sent with the 反馈, as the 反馈意见 is dated
            request,
            feedback_on(session, scope.round.id, request.target_id),
            round_date(scope.round, RoundPhase.FEEDBACK),
        ),
        recipient=scope.name,
        issuer=bodies.office,
        intro=(
            f"{scope.issuer}{when}向你单位反馈了巡察意见。为压实整改主体责任，"
            "推动反馈问题整改落实到位，现将有关事项通知如下。"
        ),
        total=str(len(views)),
        items=tuple(_item(n, v, today) for n, v in enumerate(views, 1)),
        requirements=(
            "你单位党组织要切实履行整改主体责任，主要负责人要履行第一责任人职责，"
            "对照整改事项逐项制定措施、明确责任人和完成时限，建立整改台账，实行销号管理，"
            "做到整改一项、销号一项。\n"
            "整改过程中形成的佐证材料要及时整理归档。对整改不力、敷衍整改、虚假整改的，"
            "将按规定严肃追责问责。"
        ),
        plan_due=plan,
        report_due=report,
    )


# (header, width in mm of the 156 mm 版心, centred?); tables in 5号 (10.5 pt), as the ledgers
TABLE_PT = 10.5
NOTICE_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("序号", 11, True),
    ("问题表现", 46, False),
    ("整改措施", 46, False),
    ("牵头部门和责任人", 30, True),
    ("整改时限", 23, True),
)


def render_notice(ctx: NoticeDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.heading(1, "一、整改事项")
    doc.text(f"巡察反馈的问题共梳理为{ctx.total}项整改事项，整改时限如下表。")
    doc.table(
        [c[0] for c in NOTICE_COLUMNS],
        (
            [i.no, i.problem, i.measures, i.owner, compact_date(i.due_date) or "—"]
            for i in ctx.items
        ),
        [c[1] for c in NOTICE_COLUMNS],
        size_pt=TABLE_PT,
        align=["center" if c[2] else "left" for c in NOTICE_COLUMNS],
    )
    doc.heading(1, "二、报送要求")
    doc.text(
        f"（一）请于{ctx.plan_due}将整改方案报送{ctx.issuer}，"
        "方案要逐项明确整改目标、措施、责任人和时限。\n"
        f"（二）请于{ctx.report_due}将整改落实情况报告报送{ctx.issuer}，"
        "报告经党组织主要负责人签字，并附整改台账和佐证材料目录。"
    )
    doc.heading(1, "三、工作要求")
    doc.text(ctx.requirements)
    doc.signature(ctx.issuer, ctx.date)
    return doc


# -- 督办函 --------------------------------------------------------------------------------------


def _pressed(
    session: Session, request: DocRequest, today: date, names: Lookup
) -> tuple[str, str, list[RectificationView], str]:
    """(round, target, items, what the supervision found) the 督办函 presses on."""
    if request.record_id:
        try:
            item = rectification.get_rectification(session, request.record_id)
        except NotFound:
            item = None
        if item is not None:
            if not item.overdue_on(today) and item.status not in rectification.OPEN:
                raise DocumentScopeError(
                    f"整改事项 {item.number} 为“{item.status.label}”，无需督办",
                    doc_type=request.doc_type,
                )
            return item.round_id or "", item.target_id or "", [item], ""
        try:
            record = rectification_followup.get_supervision(session, request.record_id)
        except NotFound:
            raise NotFound(
                f"未找到整改事项或整改监督记录（{request.record_id}）",
                record_id=request.record_id,
            ) from None
        agency = Bodies.of(names.round(record.round_id or "")).agency(record.agency)
        found = (
            f"{agency}于{fmt_date(record.held_on)}督查发现："
            f"{(record.found or record.body).rstrip('。')}。"
        )
        target_id = record.target_id or ""
        if record.rectification_id:
            items = [rectification.get_rectification(session, record.rectification_id)]
        else:
            items = [
                v for v in _target_items(session, record.round_id, target_id) if v.overdue_on(today)
            ]
        return record.round_id or "", target_id, items, found
    target_id = request.target_id or ""
    items = [v for v in _target_items(session, request.round_id, target_id) if v.overdue_on(today)]
    return request.round_id or "", target_id, items, ""


def supervision_context(session: Session, request: DocRequest) -> LetterDoc:
    names = Lookup(session)
    today = request.date or date.today()
    round_id, target_id, views, found = _pressed(session, request, today, names)
    scope = scope_of(session, DocRequest(request.doc_type, round_id, target_id), names)
    if not views:
        raise DocumentScopeError(
            f"截至{fmt_date(today)}，{scope.name}没有逾期未完成的整改事项，无需督办函",
            doc_type=request.doc_type,
        )
    bodies = Bodies.of(scope.round)
    overdue = sum(1 for v in views if v.overdue_on(today))
    late = f"{len(views)}项整改事项" + (
        "超过整改时限仍未完成" if overdue == len(views) else f"未完成（其中{overdue}项已逾期）"
    )
    return LetterDoc(
        title="关于督促加快巡察反馈问题整改的督办函",
        secrecy=_mark(session, views),
        copy_no=request.copy_no,
        date=fmt_date(today),
        recipient=scope.name,
        issuer=bodies.office,
        intro=(
            f"{bare_round(scope.round.name)}巡察反馈后，你单位开展了整改工作，"
            f"但截至{fmt_date(today)}，尚有{late}（见下表）。"
            f"{found}现予督办。"
        ),
        total=str(len(views)),
        items=tuple(_item(n, v, today) for n, v in enumerate(views, 1)),
        requirements=(
            "请你单位党组织主要负责人切实履行整改第一责任人职责，专题研究逾期事项，"
            f"于收到本函之日起{PRESS_DAYS}日内完成整改；确因客观原因不能按期完成的，"
            f"须书面说明原因，提出具体措施和完成时限，报送{bodies.office}。\n"
            f"{bodies.office}将会同{bodies.supervisors}跟踪督办，"
            "对整改不力、敷衍整改、虚假整改的，按规定严肃追责问责。"
        ),
    )


PRESS_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("序号", 11, True),
    ("问题表现", 55, False),
    ("牵头部门和责任人", 30, True),
    ("整改时限", 23, True),
    ("逾期天数", 19, True),
    ("状态", 18, True),
)


def _press_rows(ctx: LetterDoc) -> list[list[str]]:
    return [
        [i.no, i.problem, i.owner, compact_date(i.due_date) or "—", i.days_overdue, i.status]
        for i in ctx.items
    ]


def render_supervision(ctx: LetterDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.table(
        [c[0] for c in PRESS_COLUMNS],
        _press_rows(ctx),
        [c[1] for c in PRESS_COLUMNS],
        size_pt=TABLE_PT,
        align=["center" if c[2] else "left" for c in PRESS_COLUMNS],
    )
    doc.blank()
    doc.text(ctx.requirements)
    doc.signature(ctx.issuer, ctx.date)
    return doc


# -- 新官理旧账 提醒函 -----------------------------------------------------------------------------


def reminder_context(session: Session, request: DocRequest) -> LetterDoc:
    names = Lookup(session)
    record = rectification_followup.get_reminder(session, request.record_id or "")
    scope = scope_of(
        session, DocRequest(request.doc_type, record.round_id, record.target_id), names
    )
    bodies = Bodies.of(scope.round)
    today = request.date or record.sent_on or date.today()
    views = []
    for item_id in record.rectification_ids:
        try:
            views.append(rectification.get_rectification(session, item_id))
        except NotFound:  # voided since the letter was registered
            continue
    if not views:
        raise DocumentScopeError(
            "提醒函所列的整改事项均已作废，无从出具", doc_type=request.doc_type
        )
    views.sort(key=lambda v: v.number)
    extra = f"\n{record.body.strip()}" if record.body.strip() else ""
    return LetterDoc(
        title="关于落实“新官理旧账”要求做好巡察整改工作的提醒函",
        secrecy=_mark(session, views),
        copy_no=request.copy_no,
        date=fmt_date(today),
        recipient=f"{scope.name}{record.new_leader}同志",
        issuer=bodies.office,
        intro=(
            f"{scope.name}原主要负责人{record.old_leader}同志于{fmt_date(record.changed_on)}"
            f"调整后，由你接任主要负责人。{bare_round(scope.round.name)}巡察反馈你单位的"
            f"整改事项中，尚有{len(views)}项需要你接续推进（见下表）。{extra}"
        ),
        total=str(len(views)),
        items=tuple(_item(n, v, today) for n, v in enumerate(views, 1)),
        requirements=(
            "巡察整改责任不因主要负责人调整而减轻或转移。请你切实履行整改第一责任人职责，"
            "全面了解整改进展，对未完成事项逐项研究，明确责任人和完成时限，"
            "做到思想不松、标准不降、力度不减，确保问题整改到位。\n"
            f"请于收到本函之日起{REMINDER_MONTHS}个月内，将整改推进情况书面报送{bodies.office}。"
        ),
    )


REMINDER_COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("序号", 11, True),
    ("问题表现", 70, False),
    ("牵头部门和责任人", 34, True),
    ("整改时限", 23, True),
    ("状态", 18, True),
)


def render_reminder(ctx: LetterDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.table(
        [c[0] for c in REMINDER_COLUMNS],
        ([i.no, i.problem, i.owner, compact_date(i.due_date) or "—", i.status] for i in ctx.items),
        [c[1] for c in REMINDER_COLUMNS],
        size_pt=TABLE_PT,
        align=["center" if c[2] else "left" for c in REMINDER_COLUMNS],
    )
    doc.blank()
    doc.text(ctx.requirements)
    doc.signature(ctx.issuer, ctx.date)
    return doc
