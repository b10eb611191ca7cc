"""政治画像 专题报告: a narrative report to the 巡察工作领导小组 (for the 书记专题会议) on one
portrait — how it was drawn, the 总体评价, one paragraph per 方面 naming its strongest and
weakest items, the 主要问题 (items rated 一般 or 差), and the 运用建议. Every item's 评价 goes
in an 附件 table only when asked (``DocRequest.appendix``).

A portrait whose overall grade its items contradict is refused, as when it is saved
(``services.portraits.check_overall``): one stored before that rule gets a refusal, not a
contradictory report.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Portrait
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    cn_number,
    describe_ref,
    doc_date,
    label,
    round_date,
    secrecy_mark,
)
from workbench.reports.frame import team_signature
from workbench.reports.frame_settings import frame_settings
from workbench.reports.gbt9704 import HEITI, KAITI, OfficialDocument
from workbench.reports.grouping import Scope, scope_of
from workbench.services import activities, interviews
from workbench.services.catalog import catalog
from workbench.services.portraits import (
    GRADE_SCORES,
    PortraitItemView,
    PortraitView,
    aspect_scores,
    check_overall,
    get_portrait,
)
from workbench.services.targets import get_person
from workbench.taxonomy import TaxonomyNotFound
from workbench.vocab.enums import ActivityType, Grade, PortraitSubject, RoundPhase

# how the report says a work method was used, in the order it lists them
METHOD_PHRASES = {
    ActivityType.BRIEFING: "听取汇报{n}次",
    ActivityType.FORUM: "召开座谈会{n}场",
    ActivityType.ATTEND_MEETING: "列席会议{n}次",
    ActivityType.REVIEW_FILES: "调阅资料{n}次",
    ActivityType.SURVEY: "开展民主测评（问卷调查）{n}次",
    ActivityType.FIELD_VISIT: "实地走访{n}次",
    ActivityType.SPECIAL_CHECK: "开展专项检查{n}次",
    ActivityType.PERSONAL_MATTERS: "抽查个人有关事项{n}次",
}
WEAK = (Grade.FAIR, Grade.POOR)
LEADING_GROUP = "巡察工作领导小组"  # the recipient: the party committee's name before it
STALE_HINT = (  # the portrait was saved unchecked: by an older version, or it came in a package
    "。该画像保存时未经此项校验，请在政治画像中调整总体评价或条目评价后再导出"
)


@dataclass(frozen=True)
class PortraitEntry:
    no: str = F("序号")
    title: str = F("评价条目")
    rating: str = F("评价")
    comment: str = F("评价说明")
    evidence: str = F("佐证")


@dataclass(frozen=True)
class PortraitDimension:
    no: str = F("序号，如“（一）”")
    title: str = F("方面")
    grade: str = F("方面评价（各条目平均）")
    summary: str = F("方面画像段落")
    items: tuple[PortraitEntry, ...] = F("条目（列表）")


@dataclass(frozen=True)
class PortraitProblem:
    no: str = F("序号，如“1.”")
    text: str = F("问题表述")


@dataclass(frozen=True)
class PortraitAdvice:
    text: str = F("建议段落")


@dataclass(frozen=True)
class PortraitDoc(DocContext):
    recipient: str = F("主送机关")
    subject_name: str = F("画像对象")
    subject_type: str = F("对象类型")
    subject_position: str = F("职务（个人画像）")
    target: str = F("被巡察党组织")
    template: str = F("画像模板")
    completeness: str = F("完成情况")
    intro: str = F("开头段（依据、时间、方法）")
    overall: str = F("总体评价等次")
    overall_text: str = F("总体评价段落")
    conclusion: str = F("综合评价")
    dimensions: tuple[PortraitDimension, ...] = F("分方面画像（列表）")
    problems: tuple[PortraitProblem, ...] = F("主要问题（列表）")
    usage_advice: tuple[PortraitAdvice, ...] = F("运用建议（段落列表）")
    attachment: str = F("附件名称（不附明细时为空）")
    issuer: str = F("署名")


def _quoted(items: list[PortraitItemView]) -> str:
    return "、".join(f"“{i.title}”" for i in items)


def _evidence(session: Session, item: PortraitItemView) -> str:
    return "；".join(describe_ref(session, r.type, r.id) for r in item.evidence_refs)


def _noted(session: Session, item: PortraitItemView) -> str:
    """“理论武装”（评为较好）：学习不深（佐证：问题底稿 …）。"""
    comment = item.comment.strip().rstrip("。；;，,")
    evidence = _evidence(session, item)
    return (
        f"“{item.title}”（评为{label(item.rating)}）"
        + (f"：{comment}" if comment else "")
        + (f"（佐证：{evidence}）" if evidence else "")
        + "。"
    )


def _dimension_summary(session: Session, items: list[PortraitItemView], grade: str) -> str:
    rated = [i for i in items if i.rating is not None]
    unrated = [i for i in items if i.rating is None]
    if not rated:
        return f"该方面{len(items)}项条目均未评价。"
    counts = Counter(i.rating for i in rated)
    spread = "、".join(f"{g.label}{counts[g]}项" for g in Grade if counts[g])
    text = f"该方面{len(items)}项条目中，评为{spread}，总体{grade}。"
    best = max(rated, key=lambda i: GRADE_SCORES[i.rating or Grade.POOR])
    worst = min(rated, key=lambda i: GRADE_SCORES[i.rating or Grade.POOR])
    if best.rating is worst.rating:
        noted = next((i for i in rated if i.comment or i.evidence_refs), None)
        text += f"其中{_noted(session, noted)}" if noted else ""
    else:
        text += f"表现较突出的是{_noted(session, best)}相对薄弱的是{_noted(session, worst)}"
    if unrated:
        text += f"尚有{_quoted(unrated)}{len(unrated)}项未评价。"
    return text


def _methods(session: Session, view: PortraitView) -> str:
    """谈话人次 and the work methods recorded for the portrait's unit in its round."""
    rid, tid = view.round_id, view.target_id
    parts: list[str] = []
    talks = interviews.list_interviews(session, round_id=rid, target_id=tid, limit=1).total
    if talks:
        parts.append(f"个别谈话{talks}人次")
    for kind, phrase in METHOD_PHRASES.items():
        n = activities.list_activities(
            session, round_id=rid, target_id=tid, activity_type=kind, limit=1
        ).total
        if n:
            parts.append(phrase.format(n=n))
    return "、".join(parts)


def _intro(session: Session, view: PortraitView, scope: Scope | None, subject: str) -> str:
    aspects = len({i.dimension for i in view.items})
    how = f"从{aspects}个方面{view.total}项内容" if aspects > 1 else f"对照{view.total}项内容"
    if scope is not None:
        rnd = scope.round
        basis = (
            f"根据{rnd.authorization_no}部署，"
            if rnd.authorization_no
            else "根据巡察工作统一部署，"
        )
        when = f"于{scope.period}" if scope.period else ""
        text = (
            f"{basis}{scope.actor}{when}对{scope.name}开展巡察期间，{how}对{subject}进行了政治画像"
        )
    else:
        text = f"巡察组{how}对{subject}进行了政治画像"
    methods = _methods(session, view)
    text += f"，其间开展{methods}" if methods else ""
    return text + "，综合分析形成画像。现将有关情况报告如下。"


def _overall_text(view: PortraitView, subject: str, dims: list[PortraitDimension]) -> str:
    if view.overall is None:
        return (
            f"{subject}的政治画像尚未给出总体评价（共{view.total}项，已评价{view.rated}项），"
            "以下为已评价条目的情况。"
        )
    text = f"经综合研判，{subject}政治画像总体评价为“{view.overall.label}”。"
    by_grade: dict[str, list[str]] = {}
    for d in dims:
        if d.grade:
            by_grade.setdefault(d.grade, []).append(d.title)
    if len(by_grade) == 1:
        [(grade, titles)] = by_grade.items()
        return text + f"分方面看，{len(titles)}个方面均为“{grade}”。"
    parts = []
    for grade in (g.label for g in Grade):
        titles = by_grade.get(grade, [])
        if len(titles) > 3:
            parts.append(f"{'、'.join(titles[:2])}等{len(titles)}个方面为“{grade}”")
        elif titles:
            parts.append(f"{'、'.join(titles)}方面为“{grade}”")
    return text + (f"分方面看，{'；'.join(parts)}。" if parts else "")


def _problems(session: Session, view: PortraitView) -> tuple[PortraitProblem, ...]:
    weak = [i for i in view.items if i.rating in WEAK]
    weak.sort(key=lambda i: GRADE_SCORES[i.rating or Grade.POOR])  # 差 first, else template order
    out = []
    for n, item in enumerate(weak, start=1):
        where = f"{item.dimension}方面，" if item.dimension else ""
        out.append(PortraitProblem(f"{n}.", where + _noted(session, item)))
    return tuple(out)


def _advice(view: PortraitView, subject: str, party: str) -> tuple[PortraitAdvice, ...]:
    """The portrait's own 运用建议, a paragraph a line; else what its grades imply."""
    own = [line.strip() for line in view.usage_advice.split("\n") if line.strip()]
    return tuple(PortraitAdvice(line) for line in own or _default_advice(view, subject, party))


def _default_advice(view: PortraitView, subject: str, party: str) -> list[str]:
    """What the grades imply when the portrait records no 运用建议 of its own. ``party`` is
    the standing body the round reports to (县委)."""
    person = view.subject_type in (PortraitSubject.PERSON, PortraitSubject.LEADERSHIP)
    use = "干部选拔任用、考察考核和日常管理监督" if person else "政治生态分析研判和日常监督"
    advice = [f"建议将本画像作为{subject}{use}的重要参考，经{party}书记专题会议研究后按程序运用。"]
    weak_aspects = [a.title for a in aspect_scores(view.items) if a.grade in WEAK and a.title]
    if weak_aspects:
        who = "提醒谈话" if person else "约谈提醒"
        advice.append(
            f"针对{'、'.join(weak_aspects)}方面的短板，建议对{subject}开展{who}，"
            "督促其在巡察整改中一并改进。"
        )
    poor = [i for i in view.items if i.rating is Grade.POOR]
    if poor:
        advice.append(
            f"对评为“差”的{_quoted(poor)}，建议{party[:-1]}纪委监委、{party}组织部在日常监督中重点关注。"
        )
    return advice


def context(session: Session, request: DocRequest) -> PortraitDoc:
    view = get_portrait(session, request.record_id or "")
    check_overall(view, hint=STALE_HINT)
    names = Lookup(session)
    try:
        template = catalog().portrait_template(view.template_id, int(view.template_version))
        template_title = template.title
    except (TaxonomyNotFound, ValueError):
        template_title = f"{view.template_id}@{view.template_version}"
    position = ""
    if view.person_id:
        with contextlib.suppress(NotFound):
            position = get_person(session, view.person_id).position
    subject = (
        f"{view.subject_name}同志"
        if view.subject_type is PortraitSubject.PERSON
        else view.subject_name
    )
    grades = {a.title: a.grade.label for a in aspect_scores(view.items)}
    grouped: dict[str, list[PortraitItemView]] = {}
    for item in view.items:  # template order; an item of a removed template has no 方面
        grouped.setdefault(item.dimension, []).append(item)
    dims = [
        PortraitDimension(
            no=f"（{cn_number(n)}）",
            title=key or "其他",
            grade=grades.get(key, ""),
            summary=_dimension_summary(session, items, grades.get(key, "")),
            items=tuple(
                PortraitEntry(
                    no=str(k),
                    title=i.title,
                    rating=label(i.rating) or "未评价",
                    comment=i.comment,
                    evidence=_evidence(session, i),
                )
                for k, i in enumerate(items, start=1)
            ),
        )
        for n, (key, items) in enumerate(grouped.items(), start=1)
    ]
    scope = None
    if view.round_id:
        where = DocRequest(request.doc_type, round_id=view.round_id, target_id=view.target_id)
        scope = scope_of(session, where, names)
    team = names.team_name(view.round_id, view.team_id)
    if team and scope:  # as its 标志 names it (frame.team_signature)
        team = team_signature(frame_settings(session), scope.round.term, team)
    recipient = scope.recipient if scope else f"县委{LEADING_GROUP}"
    return PortraitDoc(
        title=f"关于{subject}政治画像的专题报告",
        secrecy=secrecy_mark(session, Portrait, Portrait.id == view.id),
        copy_no=request.copy_no,
        date=doc_date(request, round_date(scope.round, RoundPhase.REPORTING) if scope else None),
        recipient=recipient,
        subject_name=view.subject_name,
        subject_type=view.subject_type.label,
        subject_position=position,
        target=names.target_name(view.target_id),
        template=template_title,
        completeness=f"共{view.total}项，已评价{view.rated}项",
        intro=_intro(session, view, scope, f"{subject}（{position}）" if position else subject),
        overall=label(view.overall) or "未评定",
        overall_text=_overall_text(view, subject, dims),
        conclusion=view.conclusion,
        dimensions=tuple(dims),
        problems=_problems(session, view),
        usage_advice=_advice(view, subject, recipient.removesuffix(LEADING_GROUP) or "县委"),
        attachment=f"{view.subject_name}政治画像评价明细表" if request.appendix else "",
        issuer=team or (scope.issuer if scope else "巡察组"),
    )


def render(ctx: PortraitDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.heading(1, "一、总体评价")
    doc.text(ctx.overall_text)
    if ctx.conclusion:
        doc.text(ctx.conclusion)
    doc.heading(1, "二、分方面画像")
    for dim in ctx.dimensions:
        lead = f"{dim.no}{dim.title}方面。"
        doc.text(dim.summary, lead=lead, lead_font=KAITI)
    doc.heading(1, "三、主要问题")
    if ctx.problems:
        for problem in ctx.problems:
            doc.text(f"{problem.no}{problem.text}")
    else:
        doc.text("画像中没有评为“一般”或“差”的条目。")
    doc.heading(1, "四、运用建议")
    for advice in ctx.usage_advice:
        doc.text(advice.text)
    doc.text("以上报告，请审阅。")  # the 附件说明 naming ctx.attachment is the frame's
    doc.signature(ctx.issuer, ctx.date)
    if ctx.attachment:
        _appendix(doc, ctx)
    return doc


def _appendix(doc: OfficialDocument, ctx: PortraitDoc) -> None:
    doc.page_break()
    doc.paragraph("附件", style="Normal", font=HEITI)
    doc.blank()
    doc.title(ctx.attachment)
    rows = []
    for dim in ctx.dimensions:
        for item in dim.items:
            note = item.comment + (f"（佐证：{item.evidence}）" if item.evidence else "")
            rows.append((dim.title, item.title, item.rating, note))
    doc.table(("方面", "评价条目", "评价", "评价说明及佐证"), rows, (3, 3, 1.4, 8))
