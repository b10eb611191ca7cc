"""反馈意见: what the team feeds back to one inspected organisation — a positive 总体评价, the
problems found (by 方面/类), 整改意见建议 and the 整改要求 (report within two months).

Individuals are not named unless the office asks (``DocRequest.names``): every recorded name of a
person in the problems — the 责任主体 of the 底稿 and the target's 人员 records — is replaced by
the post the person holds, or 相关人员 when none is recorded. Its default 抄送 is 纪委监委 and
组织部 (``DEFAULT_COPIES``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import Finding
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    doc_date,
    round_date,
    secrecy_mark,
)
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
from workbench.services import portraits, rectification_documents, targets
from workbench.services.findings import FindingView
from workbench.vocab.enums import Grade, RoundPhase

DEFAULT_COPIES = ("纪委监委", "组织部")
SOMEONE = "相关人员"


@dataclass(frozen=True)
class FeedbackDoc(DocContext):
    recipient: str = F("主送（被巡察党组织）")
    issuer: str = F("署名（巡察组）")
    target: str = F("被巡察党组织")
    intro: str = F("开头段")
    overall: str = F("总体评价")
    findings_total: str = F("问题总数")
    groups: tuple[AspectGroup, ...] = F("发现的主要问题（按方面、类分组）")
    suggestions: tuple[Suggestion, ...] = F("整改意见建议（列表）")
    requirements: str = F("整改要求")


def recorded_names(
    session: Session, target_id: str | None, views: list[FindingView]
) -> dict[str, str]:
    """Each recorded person's name → the post that stands for it: the 底稿's 责任主体 (through
    their 人员 record when linked) and the target's 人员 records."""
    posts: dict[str, str] = {}
    if target_id:
        for person in all_pages(targets.list_persons, session, target_id=target_id):
            posts[person.name] = person.position or SOMEONE
    for view in views:
        for party in view.responsible:
            if party.person_id:
                try:
                    person = targets.get_person(session, party.person_id)
                except NotFound:
                    pass
                else:
                    posts[person.name] = person.position or posts.get(person.name, SOMEONE)
                    continue
            if party.name:
                posts.setdefault(party.name, SOMEONE)
    return {name: post for name, post in posts.items() if len(name.strip()) >= 2}


def without_names(text: str, posts: dict[str, str]) -> str:
    """``text`` with each recorded name replaced by its post (longest names first, so that 李明华
    is not read as 李明); ``李明（副镇长）`` becomes ``副镇长``, not ``副镇长（副镇长）``."""
    for name in sorted(posts, key=len, reverse=True):
        post = posts[name]
        text = text.replace(f"{name}（{post}）", post).replace(f"{post}{name}", post)
        text = text.replace(name, post)
    return text


def _anonymous(
    session: Session, target_id: str | None, views: list[FindingView]
) -> list[FindingView]:
    posts = recorded_names(session, target_id, views)
    return [
        replace(v, title=without_names(v.title, posts), summary=without_names(v.summary, posts))
        for v in views
    ]


def _overall(session: Session, round_id: str, target_id: str | None, name: str) -> str:
    """从巡察情况看 … 取得了一定成效: the positive judgement that opens a 反馈意见, naming the
    portrait dimensions the team rated 好 or 较好 where there are any."""
    strong: list[str] = []
    for portrait in all_pages(
        portraits.list_portraits, session, round_id=round_id, target_id=target_id
    ):
        for item in portrait.items:
            if item.rating in (Grade.GOOD, Grade.FAIRLY_GOOD) and item.dimension not in strong:
                strong.append(item.dimension)
    where = f"在{'、'.join(strong)}等方面做了大量工作，" if strong else "做了大量工作，"
    return (
        f"从巡察情况看，{name}能够认真贯彻落实党中央决策部署和上级工作要求，{where}"
        "取得了一定成效。同时，巡察也发现了一些问题和不足。"
    )


def feedback_on(session: Session, round_id: str, target_id: str | None) -> date | None:
    """The 反馈 date recorded on the target's 整改 documents (the earliest), if any."""
    recorded = [
        d.feedback_on
        for d in all_pages(
            rectification_documents.list_documents,
            session,
            round_id=round_id,
            target_id=target_id,
        )
        if d.feedback_on is not None
    ]
    return min(recorded, default=None)


def context(session: Session, request: DocRequest) -> FeedbackDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    views = report_findings(session, request)
    if not request.names:
        views = _anonymous(session, request.target_id, views)
    groups = group_findings(views, names, scope.round.id)
    name = scope.name
    return FeedbackDoc(
        title=f"{scope.issuer}关于巡察{name}的反馈意见",
        secrecy=secrecy_mark(session, Finding, Finding.round_id == scope.round.id),
        copy_no=request.copy_no,
        date=doc_date(
            request,
            feedback_on(session, scope.round.id, request.target_id),
            round_date(scope.round, RoundPhase.FEEDBACK),
        ),
        recipient=name,
        issuer=scope.issuer,
        target=name,
        intro=(
            f"根据巡察工作统一部署，{scope.issuer}{scope.during}对{name}进行了巡察。"
            f"经{scope.recipient}审议，现将巡察发现的主要问题和整改意见建议反馈如下。"
        ),
        overall=_overall(session, scope.round.id, request.target_id, name),
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
    doc.text(ctx.overall)
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
