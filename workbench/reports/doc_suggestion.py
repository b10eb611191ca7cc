"""巡察建议书: from the 巡察办 to a functional department, built from a 巡察建议书 report record
(报告类型 巡察建议书): the problems of its field the round found (the record's linked 底稿, 已审签
ones only, as in the 巡察报告), the 建议 (the record's 正文) and the request for a written reply.

The department it goes to is the record's 被巡察对象 when it names one; a suggestion to a
department the round did not inspect names it on the first line of the 正文, as a letter's 主送
line is written (``县民政局：``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Report
from workbench.reports.addressees import Bodies
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    bare_round,
    cn_number,
    doc_date,
    secrecy_mark,
)
from workbench.reports.errors import DocumentScopeError
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import scope_of
from workbench.services import findings, reports
from workbench.vocab.enums import FindingStatus, ReportType

REPLY_MONTHS = 1  # a written reply within a month: the common local period


@dataclass(frozen=True)
class SuggestedProblem:
    no: str = F("序号，如“（一）”")
    number: str = F("底稿编号")
    title: str = F("问题名称")
    summary: str = F("问题概述")
    target: str = F("被巡察单位")


@dataclass(frozen=True)
class SuggestionDoc(DocContext):
    recipient: str = F("主送（职能部门）")
    issuer: str = F("署名（巡察办）")
    intro: str = F("开头段")
    problems: tuple[SuggestedProblem, ...] = F("巡察发现的问题（列表）")
    suggestions: str = F("意见建议")
    reply: str = F("回复要求")


def _recipient(body: str, department: str) -> tuple[str, str]:
    """(主送, 建议): a first line ending in a colon names the department and leaves the text."""
    lines = body.strip().splitlines()
    first = lines[0].strip() if lines else ""
    if first.endswith(("：", ":")) and len(first) <= 60:
        return first.rstrip("：:"), "\n".join(lines[1:]).strip()
    return department, body.strip()


def context(session: Session, request: DocRequest) -> SuggestionDoc:
    names = Lookup(session)
    record = reports.get_report(session, request.record_id or "")
    if record.report_type is not ReportType.SUGGESTION:
        raise DocumentScopeError(
            f"“{record.title}”是{record.report_type.label}，不是巡察建议书记录",
            doc_type=request.doc_type,
        )
    rnd = names.round(record.round_id or "")
    bodies = Bodies.of(rnd)
    recipient, text = _recipient(record.body, names.target_name(record.target_id))
    if not recipient:
        raise DocumentScopeError(
            "巡察建议书须有主送部门：请在记录中选择该部门，或在正文首行写明（如“县民政局：”）",
            doc_type=request.doc_type,
        )
    if not text:
        raise DocumentScopeError(
            f"巡察建议书“{record.title}”还没有建议内容：请先在记录正文中写明意见建议",
            doc_type=request.doc_type,
        )
    views = []
    for finding_id in record.finding_ids:
        try:
            view = findings.get_finding(session, finding_id)
        except NotFound:  # voided since it was linked
            continue
        if view.status is FindingStatus.APPROVED:
            views.append(view)
    views.sort(key=lambda v: v.number)
    problems = tuple(
        SuggestedProblem(
            no=f"（{cn_number(n)}）",
            number=v.number,
            title=v.title,
            summary=v.summary,
            target=names.target_name(v.target_id),
        )
        for n, v in enumerate(views, 1)
    )
    units = "、".join(dict.fromkeys(p.target for p in problems if p.target))
    scope = scope_of(session, DocRequest(request.doc_type, rnd.id), names)
    inspected = f"对{units}进行了巡察" if units else f"开展了{bare_round(rnd.name)}巡察"
    return SuggestionDoc(
        title=record.title,
        secrecy=secrecy_mark(session, Report, Report.id == record.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        recipient=recipient,
        issuer=bodies.office,
        intro=(
            f"根据{bodies.body}巡察工作统一部署，{scope.actor}于{scope.period}{inspected}。"
            "巡察中发现了一些属于你单位职责范围、需要从行业监管和制度层面加以解决的问题。"
            "现将有关情况和意见建议函告如下。"
        ),
        problems=problems,
        suggestions=text,
        reply=(
            f"请你单位认真研究，于收到本建议书之日起{REPLY_MONTHS}个月内，"
            f"将采纳和落实情况书面回复{bodies.office}。"
        ),
    )


def render(ctx: SuggestionDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    sections = ["意见建议", "有关要求"]
    if ctx.problems:
        sections.insert(0, "巡察发现的主要问题")
        doc.heading(1, f"一、{sections[0]}")
        for p in ctx.problems:
            doc.heading(2, f"{p.no}{p.title}")
            doc.text(f"{p.summary}（{p.target}）" if p.target else p.summary)
    for n, (heading, text) in enumerate(
        zip(sections[-2:], (ctx.suggestions, ctx.reply), strict=True), len(sections) - 1
    ):
        doc.heading(1, f"{cn_number(n)}、{heading}")
        doc.text(text)
    doc.signature(ctx.issuer, ctx.date)
    return doc
