"""立行立改通知书: from the 巡察组 to the 被巡察党组织 during the round, the problems marked
立行立改 to be fixed at once, with the period and what to report back.

One 底稿 (``--id``, it must be marked 立行立改) or every live 底稿 of a target so marked. The
立行立改 decision is the team's during the round, before the report's sign-off, so a 底稿 is taken
in whatever its sign-off state; a voided one never is (the services return live records only).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Finding
from workbench.reports.addressees import Bodies
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    cn_number,
    doc_date,
    secrecy_mark,
)
from workbench.reports.errors import DocumentScopeError
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import scope_of
from workbench.services import findings
from workbench.services.findings import FindingView

FIX_DAYS = 15  # 立行立改 reported within 15 days of the notice: the common local period


@dataclass(frozen=True)
class FixItem:
    no: str = F("序号，如“一、”")
    number: str = F("底稿编号")
    title: str = F("问题名称")
    summary: str = F("问题概述")


@dataclass(frozen=True)
class ImmediateFixDoc(DocContext):
    recipient: str = F("主送（被巡察党组织）")
    issuer: str = F("署名（巡察组）")
    intro: str = F("开头段")
    total: str = F("问题数")
    items: tuple[FixItem, ...] = F("立行立改问题（列表）")
    requirements: str = F("整改和报送要求")


def _views(session: Session, request: DocRequest) -> list[FindingView]:
    if request.record_id:
        view = findings.get_finding(session, request.record_id)
        if not view.immediate_fix:
            raise DocumentScopeError(
                f"底稿 {view.number} 未标记立行立改，不能出具立行立改通知书",
                doc_type=request.doc_type,
            )
        return [view]
    views = all_pages(
        findings.list_findings, session, round_id=request.round_id, target_id=request.target_id
    )
    return sorted((v for v in views if v.immediate_fix), key=lambda v: v.number)


def context(session: Session, request: DocRequest) -> ImmediateFixDoc:
    names = Lookup(session)
    views = _views(session, request)
    first = views[0] if views else None
    round_id = request.round_id or (first.round_id if first else None)
    target_id = request.target_id or (first.target_id if first else None)
    scope = scope_of(session, DocRequest(request.doc_type, round_id, target_id), names)
    target = scope.name
    if not views:
        raise DocumentScopeError(
            f"{target}没有标记立行立改的底稿，无需立行立改通知书", doc_type=request.doc_type
        )
    bodies = Bodies.of(scope.round)
    items = tuple(
        FixItem(
            no=f"{cn_number(n)}、",
            number=v.number,
            title=v.title,
            summary=v.summary,
        )
        for n, v in enumerate(views, 1)
    )
    return ImmediateFixDoc(
        title=f"{scope.issuer}立行立改通知书",
        secrecy=secrecy_mark(session, Finding, Finding.id.in_([v.id for v in views])),
        copy_no=request.copy_no,
        date=doc_date(request, max((v.compiled_on for v in views), default=None)),
        recipient=target,
        issuer=scope.issuer,
        intro=(
            f"根据{bodies.body}巡察工作统一部署，{scope.issuer}于{scope.period}对{target}进行巡察。"
            f"巡察中发现以下{len(items)}个问题，事实清楚、能够立即整改，"
            "现通知你单位立行立改："
        ),
        total=str(len(items)),
        items=items,
        requirements=(
            "请你单位党组织切实履行整改主体责任，主要负责人亲自研究部署，"
            "对上述问题逐项明确整改措施、责任人和完成时限，立即整改到位，"
            "举一反三查找同类问题。\n"
            f"请于收到本通知书之日起{FIX_DAYS}日内，将整改情况书面报送{scope.issuer}，"
            "报告应写明每个问题的整改措施、整改结果和责任人，并附相关佐证材料。"
            "立行立改情况将纳入巡察报告和反馈意见。"
        ),
    )


def render(ctx: ImmediateFixDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    for item in ctx.items:
        doc.heading(1, f"{item.no}{item.title}")
        doc.text(item.summary)
    doc.text(ctx.requirements)
    doc.signature(ctx.issuer, ctx.date)
    return doc
