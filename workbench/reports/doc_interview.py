"""谈话记录: the header of a 个别谈话, its question-and-answer transcript and the subject's
confirmation line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Interview
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    doc_date,
    fmt_date,
    fmt_datetime,
    secrecy_mark,
)
from workbench.reports.gbt9704 import HEITI, Cell, OfficialDocument
from workbench.services.interviews import get_interview


@dataclass(frozen=True)
class TurnItem:
    no: str = F("序号")
    question: str = F("问")
    answer: str = F("答")


@dataclass(frozen=True)
class InterviewDoc(DocContext):
    number: str = F("谈话编号")
    interview_type: str = F("谈话类型")
    time: str = F("谈话时间")
    place: str = F("谈话地点")
    target: str = F("被巡察对象")
    team: str = F("巡察组")
    interviewers: str = F("谈话人")
    recorder: str = F("记录人")
    subject_name: str = F("谈话对象姓名")
    subject_unit: str = F("谈话对象单位")
    subject_position: str = F("谈话对象职务")
    subject_political_status: str = F("政治面貌")
    outline: str = F("谈话提纲")
    turns: tuple[TurnItem, ...] = F("笔录（问答）")
    summary: str = F("谈话摘要")
    confirmed_on: str = F("对象确认日期")


def context(session: Session, request: DocRequest) -> InterviewDoc:
    view = get_interview(session, request.record_id or "")
    names = Lookup(session)
    return InterviewDoc(
        title="谈话记录",
        secrecy=secrecy_mark(session, Interview, Interview.id == view.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        number=view.number,
        interview_type=view.interview_type.label,
        time=fmt_datetime(view.held_at),
        place=view.place,
        target=names.target_name(view.target_id),
        team=names.team_name(view.round_id, view.team_id),
        interviewers="、".join(view.interviewers),
        recorder=view.recorder,
        subject_name=view.subject_name,
        subject_unit=view.subject_unit,
        subject_position=view.subject_position,
        subject_political_status=view.subject_political_status,
        outline=view.outline,
        turns=tuple(
            TurnItem(str(no), t.question, t.answer) for no, t in enumerate(view.turns, start=1)
        ),
        summary=view.summary,
        confirmed_on=fmt_date(view.confirmed_on),
    )


def render(ctx: InterviewDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)

    def pair(a: str, b: str, c: str, d: str) -> list[Cell]:
        return [Cell(a, label=True), Cell(b), Cell(c, label=True), Cell(d)]

    doc.form(
        [
            pair("编　　号", ctx.number, "谈话类型", ctx.interview_type),
            pair("谈话时间", ctx.time, "谈话地点", ctx.place),
            pair("谈 话 人", ctx.interviewers, "记 录 人", ctx.recorder),
            pair("谈话对象", ctx.subject_name, "政治面貌", ctx.subject_political_status),
            pair("单　　位", ctx.subject_unit, "职　　务", ctx.subject_position),
        ],
        [2, 4, 2, 4],
    )
    doc.blank()
    doc.heading(1, "一、谈话内容")
    if not ctx.turns:
        doc.text("（无笔录）")
    for turn in ctx.turns:
        if turn.question:
            doc.text(turn.question, lead="问：", lead_font=HEITI)
        if turn.answer:
            doc.text(turn.answer, lead="答：", lead_font=HEITI)
    if ctx.summary:
        doc.heading(1, "二、谈话摘要")
        doc.text(ctx.summary)
    doc.blank()
    doc.text("以上记录已经本人核对，与本人所谈一致。")
    confirmed = ctx.confirmed_on or "　　年　　月　　日"
    doc.text(f"谈话对象（签字）：{'　' * 6}日期：{confirmed}")
    doc.text(f"谈话人（签字）：{'　' * 7}记录人（签字）：")
    return doc
