"""巡察报告 (draft): 基本情况和总体评价 → 发现的主要问题 by the round's framework 方面/类 with
counts → 意见建议. Clues are never in it: they go in the separate 专题报告 (``doc_clue_report``).

总体评价 is the team's judgement: taken from the newest 巡察报告 record of the scope that has a
body, otherwise left as a marked gap for the team to fill.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from workbench.models import Finding
from workbench.models.enums import ReportType
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    doc_date,
    fmt_amount,
    secrecy_mark,
)
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import (
    AspectGroup,
    Suggestion,
    group_findings,
    report_findings,
    scope_of,
    suggestions,
    target_names,
)
from workbench.services import clues, interviews, letters, reports

OVERALL_GAP = "【总体评价：请巡察组结合巡察了解的情况填写】"
OVERVIEW_GAP = "【被巡察党组织基本情况：请补充】"


@dataclass(frozen=True)
class InspectionReportDoc(DocContext):
    recipient: str = F("主送机关")
    issuer: str = F("署名（巡察组）")
    scope: str = F("巡察对象或轮次名称")
    intro: str = F("开头段（巡察依据和时间）")
    work: str = F("工作开展情况")
    overview: str = F("被巡察党组织基本情况")
    overall: str = F("总体评价")
    findings_total: str = F("问题总数")
    amount_total: str = F("涉及金额合计（元）")
    immediate_fix_total: str = F("立行立改问题数")
    clues_total: str = F("问题线索数")
    clue_note: str = F("线索另报说明")
    groups: tuple[AspectGroup, ...] = F("发现的主要问题（按方面、类分组）")
    suggestions: tuple[Suggestion, ...] = F("意见建议（列表）")


def _overall(session: Session, request: DocRequest) -> str:
    found = [
        r
        for r in all_pages(
            reports.list_reports,
            session,
            round_id=request.round_id,
            target_id=request.target_id,
            report_type=ReportType.INSPECTION,
        )
        if r.body.strip() and r.target_id == request.target_id
    ]
    return found[-1].body.strip() if found else OVERALL_GAP


def context(session: Session, request: DocRequest) -> InspectionReportDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    views = report_findings(session, request)
    groups = group_findings(views, names, scope.round.id)
    rid, tid = request.round_id, request.target_id
    talks = interviews.list_interviews(session, round_id=rid, target_id=tid, limit=1).total
    received = letters.list_letters(session, round_id=rid, target_id=tid, limit=1).total
    clue_count = clues.list_clues(session, round_id=rid, target_id=tid, limit=1).total
    amount = sum((v.amount or Decimal(0) for v in views), Decimal(0))
    fixes = sum(1 for v in views if v.immediate_fix)
    objects = target_names(session, scope)
    rnd = scope.round
    basis = (
        f"根据{rnd.authorization_no}部署，" if rnd.authorization_no else "根据巡察工作统一部署，"
    )
    intro = (
        f"{basis}{scope.actor}于{scope.period}对{'、'.join(objects) or scope.name}"
        f"开展了{rnd.round_type.label}巡察。现将巡察情况报告如下。"
    )
    work = (
        f"巡察期间，共开展个别谈话{talks}人次，受理信访件{received}件，"
        f"发现问题{len(views)}个"
        + (f"，涉及金额{fmt_amount(amount)}元" if amount else "")
        + (f"，其中督促立行立改{fixes}个" if fixes else "")
        + "。"
    )
    if scope.target is not None:
        overview = scope.target.overview.strip() or OVERVIEW_GAP
    else:
        overview = f"本轮共巡察{len(objects)}个党组织。"
    return InspectionReportDoc(
        title=f"关于对{scope.name}巡察情况的报告"
        if scope.target
        else f"关于{scope.name}巡察情况的报告",
        secrecy=secrecy_mark(session, Finding, Finding.round_id == rnd.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        recipient=scope.recipient,
        issuer=scope.issuer,
        scope=scope.name,
        intro=intro,
        work=work,
        overview=overview,
        overall=_overall(session, request),
        findings_total=str(len(views)),
        amount_total=fmt_amount(amount),
        immediate_fix_total=str(fixes),
        clues_total=str(clue_count),
        clue_note=(f"巡察中发现的{clue_count}条问题线索，已另行专题报告。" if clue_count else ""),
        groups=groups,
        suggestions=suggestions(groups, scope),
    )


def render_problems(doc: OfficialDocument, groups: tuple[AspectGroup, ...]) -> None:
    """方面 as （一）楷体 headings, 类 as 1. headings, each problem as a （1） run-in heading."""
    for aspect in groups:
        doc.heading(2, f"{aspect.no}{aspect.title}（{aspect.count}个）")
        for category in aspect.categories:
            doc.heading(3, f"{category.no}{category.title}（{category.count}个）")
            for f in category.findings:
                doc.heading(4, f"{f.no}{f.title}")
                doc.text(f.summary or "（问题概述待补充）")


def render(ctx: InspectionReportDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.heading(1, "一、基本情况和总体评价")
    doc.text(ctx.overview)
    doc.text(ctx.work)
    doc.text(ctx.overall)
    doc.heading(1, f"二、发现的主要问题（共{ctx.findings_total}个）")
    if not ctx.groups:
        doc.text("本次巡察未形成纳入报告的问题。")
    render_problems(doc, ctx.groups)
    if ctx.clue_note:
        doc.text(ctx.clue_note)
    doc.heading(1, "三、意见建议")
    for s in ctx.suggestions:
        doc.heading(2, f"{s.no}{s.title}")
        doc.text(s.text)
    doc.signature(ctx.issuer, ctx.date)
    return doc
