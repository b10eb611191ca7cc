"""反馈意见: what the team feeds back to one inspected organisation — the problems found (by
方面/类), 整改意见建议 and the 整改要求 (report within two months)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Finding
from workbench.reports.context import DocContext, DocRequest, F, Lookup, doc_date, secrecy_mark
from workbench.reports.doc_inspection import render_problems
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import (
    AspectGroup,
    Suggestion,
    group_findings,
    report_findings,
    scope_of,
    suggestions,
)


@dataclass(frozen=True)
class FeedbackDoc(DocContext):
    recipient: str = F("主送（被巡察党组织）")
    issuer: str = F("署名（巡察组）")
    target: str = F("被巡察党组织")
    intro: str = F("开头段")
    findings_total: str = F("问题总数")
    groups: tuple[AspectGroup, ...] = F("发现的主要问题（按方面、类分组）")
    suggestions: tuple[Suggestion, ...] = F("整改意见建议（列表）")
    requirements: str = F("整改要求")


def context(session: Session, request: DocRequest) -> FeedbackDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    views = report_findings(session, request)
    groups = group_findings(views, names, scope.round.id)
    name = scope.name
    return FeedbackDoc(
        title=f"{scope.issuer}关于巡察{name}的反馈意见",
        secrecy=secrecy_mark(session, Finding, Finding.round_id == scope.round.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        recipient=name,
        issuer=scope.issuer,
        target=name,
        intro=(
            f"根据巡察工作统一部署，{scope.issuer}于{scope.period}对{name}进行了巡察。"
            f"经{scope.recipient}审议，现将巡察发现的主要问题和整改意见建议反馈如下。"
        ),
        findings_total=str(len(views)),
        groups=groups,
        suggestions=suggestions(groups, scope),
        requirements=(
            f"{name}要切实履行整改主体责任，党组织主要负责人要履行整改第一责任人责任，"
            "对反馈的问题逐条研究、制定整改方案，建立整改台账，明确整改措施、责任人和完成时限。"
            "收到反馈意见后，要在2个月内将整改落实情况报告报送巡察工作领导小组办公室，"
            "整改落实情况按规定在党内通报、向社会公开。\n"
            "对巡察移交的问题线索和共性问题，要按规定及时办理并反馈结果。"
        ),
    )


def render(ctx: FeedbackDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.heading(1, f"一、巡察发现的主要问题（共{ctx.findings_total}个）")
    if not ctx.groups:
        doc.text("本次巡察未形成需反馈的问题。")
    render_problems(doc, ctx.groups)
    doc.heading(1, "二、整改意见建议")
    for s in ctx.suggestions:
        doc.heading(2, f"{s.no}{s.title}")
        doc.text(s.text)
    doc.heading(1, "三、整改要求")
    doc.text(ctx.requirements)
    doc.signature(ctx.issuer, ctx.date)
    return doc
