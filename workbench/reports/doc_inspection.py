"""巡察报告: 基本情况和总体评价 (基本情况, 总体评价, 政治画像) → 发现的主要问题 by the round's
framework 方面/类 with counts → 意见建议. Clues are never in it: they go in the separate 专题报告
(``doc_clue_report``).

总体评价 is the team's judgement: taken from the newest 巡察报告 record of the scope that has a
body; without one it is composed from what is recorded — the portraits' overall grades and the
problems found by 方面 — and only when nothing is recorded does it say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from workbench.models import Finding
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    doc_date,
    fmt_amount,
    fmt_wan,
    label,
    round_date,
    secrecy_mark,
)
from workbench.reports.gbt9704 import KAITI, OfficialDocument
from workbench.reports.grouping import (
    AspectGroup,
    Suggestion,
    group_findings,
    report_findings,
    scope_of,
    suggestions,
    target_names,
)
from workbench.services import activities, clues, interviews, letters, portraits, reports
from workbench.services.findings import FindingView
from workbench.services.portraits import PortraitView
from workbench.vocab.enums import ActivityType, Grade, ReportType, RoundPhase

OVERVIEW_GAP = "【被巡察党组织基本情况：请补充】"
NOTHING_RECORDED = "巡察组尚未记录总体评价，也未形成政治画像和纳入报告的问题。"

# how the work paragraph counts each kind of recorded activity, in the order it names them
ACTIVITY_PHRASES: tuple[tuple[ActivityType, str], ...] = (
    (ActivityType.BRIEFING, "听取工作汇报{}次"),
    (ActivityType.FORUM, "召开座谈会{}次"),
    (ActivityType.ATTEND_MEETING, "列席会议{}次"),
    (ActivityType.REVIEW_FILES, "调阅资料{}次"),
    (ActivityType.SURVEY, "开展民主测评和问卷调查{}次"),
    (ActivityType.FIELD_VISIT, "实地走访{}次"),
    (ActivityType.SPECIAL_CHECK, "开展专项检查{}次"),
    (ActivityType.PERSONAL_MATTERS, "抽查领导干部个人有关事项{}次"),
)


@dataclass(frozen=True)
class PortraitBrief:
    subject: str = F("画像对象")
    grade: str = F("总体评价等次")
    text: str = F("画像概述")


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
    amount_text: str = F("涉及金额合计（如“4.2万元”）")
    immediate_fix_total: str = F("立行立改问题数")
    clues_total: str = F("问题线索数")
    clue_note: str = F("线索另报说明")
    groups: tuple[AspectGroup, ...] = F("发现的主要问题（按方面、类分组）")
    suggestions: tuple[Suggestion, ...] = F("意见建议（列表）")
    portraits: tuple[PortraitBrief, ...] = F("政治画像（列表）")


# an outline heading of a report's body: 一、… or （一）…
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def overall_part(body: str) -> str:
    """The 总体评价 of a 巡察报告 record's body: the text under its 总体评价 heading (up to the
    next heading); a body without outline headings whole; else "" (a full report of its own
    headings would print every heading twice — the section is composed instead)."""
    lines = body.strip().splitlines()
    start = next(
        (n for n, line in enumerate(lines) if _HEADING.match(line) and "总体评价" in line), None
    )
    if start is None:
        return "" if any(_HEADING.match(line) for line in lines) else body.strip()
    rest = lines[start].split("总体评价", 1)[1].lstrip("。：:，, \t")
    part = [rest] if rest else []
    for line in lines[start + 1 :]:
        if _HEADING.match(line):
            break
        part.append(line)
    return "\n".join(line.strip() for line in part if line.strip())


def _recorded_overall(session: Session, request: DocRequest) -> str:
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
    return overall_part(found[-1].body) if found else ""


def _portrait_brief(view: PortraitView) -> PortraitBrief:
    grade = label(view.overall) or "未评定"
    text = view.conclusion.strip()
    if not text:
        tally = "、".join(
            f"“{g.label}”{n}项" for g in Grade if (n := sum(1 for i in view.items if i.rating is g))
        )
        text = f"共{view.total}项，已评价{view.rated}项{f'，其中{tally}' if tally else ''}。"
    kind = view.subject_type.label
    subject = view.subject_name if kind in view.subject_name else f"{view.subject_name}（{kind}）"
    return PortraitBrief(subject, grade, text)


def _composed_overall(
    subject: str, briefs: tuple[PortraitBrief, ...], groups: tuple[AspectGroup, ...], total: int
) -> str:
    """总体评价 from what is recorded, when the team wrote none: the portraits' grades, then the
    problems by 方面."""
    sentences = []
    graded = [b for b in briefs if b.grade != "未评定"]
    if graded:
        grades = "；".join(f"{b.subject}总体评价等次为“{b.grade}”" for b in graded)
        sentences.append(f"从政治画像情况看，{grades}。")
    if total:
        aspects = "，".join(f"{g.title}方面{g.count}个" for g in groups)
        sentences.append(f"巡察发现{subject}存在问题{total}个，其中{aspects}，需要认真加以整改。")
    elif graded:
        sentences.append("巡察未形成纳入报告的问题。")
    return "".join(sentences) or NOTHING_RECORDED


def _work(session: Session, request: DocRequest, views: list[FindingView], amount: Decimal) -> str:
    """巡察期间 …: every method recorded (谈话, the activities by kind, 信访), then problems."""
    rid, tid = request.round_id, request.target_id
    talks = interviews.list_interviews(session, round_id=rid, target_id=tid, limit=1).total
    received = letters.list_letters(session, round_id=rid, target_id=tid, limit=1).total
    kinds = [
        a.activity_type
        for a in all_pages(activities.list_activities, session, round_id=rid, target_id=tid)
    ]
    methods = [f"开展个别谈话{talks}人次"] if talks else []
    methods += [phrase.format(n) for kind, phrase in ACTIVITY_PHRASES if (n := kinds.count(kind))]
    if received:
        methods.append(f"受理信访件{received}件")
    fixes = sum(1 for v in views if v.immediate_fix)
    done = f"巡察期间，共{'，'.join(methods)}，" if methods else "巡察期间，"
    return (
        f"{done}发现问题{len(views)}个"
        + (f"，涉及金额{fmt_wan(amount)}" if amount else "")
        + (f"，其中督促立行立改{fixes}个" if fixes else "")
        + "。"
    )


def context(session: Session, request: DocRequest) -> InspectionReportDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    views = report_findings(session, request)
    groups = group_findings(views, names, scope.round.id)
    amount = sum((v.amount or Decimal(0) for v in views), Decimal(0))
    fixes = sum(1 for v in views if v.immediate_fix)
    clue_count = clues.list_clues(
        session, round_id=request.round_id, target_id=request.target_id, limit=1
    ).total
    objects = target_names(session, scope)
    rnd = scope.round
    basis = (
        f"根据{rnd.authorization_no}部署，" if rnd.authorization_no else "根据巡察工作统一部署，"
    )
    intro = (
        f"{basis}{scope.actor}{scope.during}对{'、'.join(objects) or scope.name}"
        f"开展了{rnd.round_type.label}巡察。现将巡察情况报告如下。"
    )
    briefs = tuple(
        _portrait_brief(p)
        for p in all_pages(
            portraits.list_portraits, session, round_id=rnd.id, target_id=request.target_id
        )
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
        date=doc_date(request, round_date(rnd, RoundPhase.REPORTING)),
        recipient=scope.recipient,
        issuer=scope.issuer,
        scope=scope.name,
        intro=intro,
        work=_work(session, request, views, amount),
        overview=overview,
        overall=_recorded_overall(session, request)
        or _composed_overall(scope.subject, briefs, groups, len(views)),
        findings_total=str(len(views)),
        amount_total=fmt_amount(amount),
        amount_text=fmt_wan(amount) if amount else "",
        immediate_fix_total=str(fixes),
        clues_total=str(clue_count),
        clue_note=(f"巡察中发现的{clue_count}条问题线索，已另行专题报告。" if clue_count else ""),
        groups=groups,
        suggestions=suggestions(groups, scope),
        portraits=briefs,
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
    doc.heading(2, "（一）基本情况")
    doc.text(ctx.overview)
    doc.text(ctx.work)
    doc.heading(2, "（二）总体评价")
    doc.text(ctx.overall)
    if ctx.portraits:
        doc.heading(2, "（三）政治画像情况")
        for p in ctx.portraits:
            doc.text(f"总体评价等次为“{p.grade}”。{p.text}", lead=f"{p.subject}：", lead_font=KAITI)
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
