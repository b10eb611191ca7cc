"""谈话记录: the header of a 个别谈话, its question-and-answer transcript and the subject's
confirmation line; every page carries the three signature places at its foot.

The record holds when the talk began, not when it ended: 起止时间 prints the start and leaves the
end (时/分) for the recorder to write in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn
from sqlalchemy.orm import Session

from workbench.models import Interview
from workbench.reports import ooxml as x
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
from workbench.reports.gbt9704 import HEITI, SONGTI, Cell, OfficialDocument, pair
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
    period: str = F("起止时间（结束时间留空待填）")
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
        date=doc_date(request, view.held_at),
        number=view.number,
        interview_type=view.interview_type.label,
        time=fmt_datetime(view.held_at),
        period=(
            f"{fmt_date(view.held_at)} {view.held_at.hour}时{view.held_at.minute:02d}分"
            f"至{'　' * 2}时{'　' * 2}分"
        ),
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

    doc.form(
        [
            pair("编　　号", ctx.number, "谈话类型", ctx.interview_type),
            [Cell("起止时间", label=True), Cell(ctx.period, span=3)],
            [Cell("谈话地点", label=True), Cell(ctx.place, span=3)],
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
    # the 核对 and 签字 block stays with the transcript's last lines, never alone on a page (as
    # the 署名 of a letter keeps with the body's end)
    doc._keep_with_signature()
    x.set_keep_next(doc.blank()._p.get_or_add_pPr())
    doc.text("以上记录已经本人核对，与本人所谈一致。")
    confirmed = ctx.confirmed_on or "　　年　　月　　日"
    doc.text(f"谈话对象（签字）：{'　' * 3}日期：{confirmed}")
    for paragraph in doc.docx.paragraphs[-2:]:
        x.set_keep_next(paragraph._p.get_or_add_pPr())
    doc.text(f"谈话人（签字）：{'　' * 7}记录人（签字）：")
    sign_every_page(doc)
    return doc


SIGN_LINE = f"谈话对象签名：{'　' * 5}谈话人签名：{'　' * 5}记录人签名："
SIGN_PT = 12.0  # 小四: the line fits in the 7 mm between the 版心 and the page number


def sign_every_page(doc: OfficialDocument) -> None:
    """The signature places in the footer of odd and even pages, above the page number: each
    page of the transcript is signed, so that none can be swapped."""
    section = doc.docx.sections[0]
    for footer in (section.footer, section.even_page_footer):
        page_no = footer.paragraphs[0]
        line = page_no.insert_paragraph_before()
        ppr = line._p.get_or_add_pPr()
        x.set_snap_to_grid(ppr, False)
        x.set_line(ppr, int((SIGN_PT + 2) * x.TWIPS_PER_PT))
        x.ppr_child(ppr, "w:jc").set(qn("w:val"), "center")
        doc.run(line, SIGN_LINE, font=SONGTI, size_pt=SIGN_PT, latin=SONGTI)
