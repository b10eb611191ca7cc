"""整改台账 as a document (landscape table); the .xlsx ledger with import is in ``xlsx_ledgers``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.models import Rectification
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
    label,
    record_number,
    secrecy_mark,
    yes_no,
)
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services import findings, rectification
from workbench.services.rectification import RectificationView
from workbench.vocab.enums import RectificationStatus


@dataclass(frozen=True)
class RectItem:
    no: str = F("序号")
    number: str = F("编号")
    target: str = F("被巡察单位")
    finding: str = F("对应底稿编号")
    category: str = F("问题归类")
    problem: str = F("问题表现")
    measures: str = F("整改措施")
    leader_in_charge: str = F("分管领导")
    lead_department: str = F("牵头部门")
    responsible_person: str = F("主要负责人")
    due_date: str = F("整改时限")
    status: str = F("整改状态")
    progress_notes: str = F("进展情况")
    closed_on: str = F("销号日期")
    grade: str = F("评估等次")
    overdue: str = F("逾期（是/否）")


@dataclass(frozen=True)
class RectificationDoc(DocContext):
    scope: str = F("轮次或对象名称")
    total: str = F("整改事项数")
    done: str = F("已完成（含长期坚持）数")
    rate: str = F("整改完成率")
    overdue_count: str = F("逾期事项数")
    items: tuple[RectItem, ...] = F("整改事项（列表）")


def rectification_views(session: Session, request: DocRequest) -> list[RectificationView]:
    return list(
        all_pages(
            rectification.list_rectifications,
            session,
            round_id=request.round_id,
            target_id=request.target_id,
        )
    )


def context(session: Session, request: DocRequest) -> RectificationDoc:
    names = Lookup(session)
    today = request.date or date.today()
    views = sorted(rectification_views(session, request), key=lambda v: v.number)
    numbers: dict[str, str] = {}
    for v in views:
        if v.finding_id and v.finding_id not in numbers:
            numbers[v.finding_id] = record_number(findings.get_finding, session, v.finding_id)
    done = sum(
        1 for v in views if v.status in (RectificationStatus.DONE, RectificationStatus.LONG_TERM)
    )
    overdue = sum(1 for v in views if v.overdue_on(today))
    scope = names.target_name(request.target_id) or bare_round(
        names.round(request.round_id or "").name
    )
    return RectificationDoc(
        title="巡察整改台账",
        secrecy=secrecy_mark(session, Rectification, Rectification.round_id == request.round_id),
        copy_no=request.copy_no,
        date=doc_date(request),
        scope=scope,
        total=str(len(views)),
        done=str(done),
        rate=f"{done / len(views):.1%}" if views else "—",
        overdue_count=str(overdue),
        items=tuple(
            RectItem(
                no=str(n),
                number=v.number,
                target=names.target_name(v.target_id),
                finding=numbers.get(v.finding_id or "", ""),
                category=v.category,
                problem=v.problem,
                measures=v.measures,
                leader_in_charge=v.leader_in_charge,
                lead_department=v.lead_department,
                responsible_person=v.responsible_person,
                due_date=fmt_date(v.due_date),
                status=v.status.label,
                progress_notes=v.progress_notes,
                closed_on=fmt_date(v.closed_on),
                grade=label(v.grade),
                overdue=yes_no(v.overdue_on(today)),
            )
            for n, v in enumerate(views, start=1)
        ),
    )


# (field, header, centred?): widths follow the content (``fitted_table``); ``|`` marks where a
# header may break between words
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("no", "序号", True),
    ("number", "编号", True),
    ("category", "问题|归类", False),
    ("problem", "问题表现", False),
    ("measures", "整改措施", False),
    ("leader_in_charge", "分管|领导", True),
    ("lead_department", "牵头|部门", True),
    ("responsible_person", "主要|负责人", True),
    ("due_date", "整改|时限", True),
    ("status", "状态", True),
    ("closed_on", "销号|日期", True),
    ("grade", "评估", True),
)
DATES = ("due_date", "closed_on")


def render(ctx: RectificationDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title, landscape=True)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(f"{ctx.scope}{ctx.title}")
    doc.paragraph(
        f"共{ctx.total}项，已完成（含长期坚持）{ctx.done}项，完成率{ctx.rate}，"
        f"逾期未完成{ctx.overdue_count}项。（统计日期：{ctx.date}）",
        style="Normal",
        size_pt=14,
    )
    fitted_table(
        doc,
        [c[1] for c in COLUMNS],
        (
            [
                compact_date(getattr(item, c[0])) if c[0] in DATES else getattr(item, c[0])
                for c in COLUMNS
            ]
            for item in ctx.items
        ),
        size_pt=10.5,
        align=["center" if c[2] else "left" for c in COLUMNS],
    )
    return doc
