"""信访件登记表 (the registration form) and 信访件处理单 (the handling slip the 组务会 decides on),
both from one letter. The 登记日期 is the day the letter was received (unless the user chose one)
and the 登记人 the user who registered it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Letter
from workbench.reports import ooxml as x
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    discipline_labels,
    doc_date,
    fmt_date,
    fmt_datetime,
    label,
    record_number,
    secrecy_mark,
)
from workbench.reports.gbt9704 import Cell, OfficialDocument
from workbench.reports.typeset import CELL_PAD_PT, text_width_pt
from workbench.services import clues, findings, letters


@dataclass(frozen=True)
class ReportedItem:
    name: str = F("姓名")
    position: str = F("职务")
    unit: str = F("单位")
    level: str = F("干部级别")


@dataclass(frozen=True)
class LetterDoc(DocContext):
    number: str = F("信访件编号")
    channel: str = F("来源渠道")
    received_at: str = F("收到时间")
    registrar: str = F("登记人")
    target: str = F("被反映单位")
    team: str = F("巡察组")
    reporter_kind: str = F("实名/匿名")
    reporter_name: str = F("反映人姓名")
    reporter_contact: str = F("反映人联系方式")
    reported: tuple[ReportedItem, ...] = F("被反映人（列表）")
    reported_text: str = F("被反映人（合并文字）")
    summary: str = F("主要内容（摘要）")
    disciplines: str = F("涉及纪律")
    original: str = F("原件扫描（有/无）")
    category: str = F("分类")
    proposal: str = F("拟办意见")
    meeting_date: str = F("组务会研究日期")
    disposition: str = F("处置方式")
    transfer_to: str = F("转交单位")
    status: str = F("办理状态")
    duplicate_of: str = F("重复件的原件编号")
    clue_number: str = F("转为线索的编号")
    finding_number: str = F("纳入底稿的编号")


def context(session: Session, request: DocRequest, title: str) -> LetterDoc:
    view = letters.get_letter(session, request.record_id or "")
    names = Lookup(session)
    persons = tuple(
        ReportedItem(p.name, p.position, p.unit, label(p.level)) for p in view.reported_persons
    )
    return LetterDoc(
        title=title,
        secrecy=secrecy_mark(session, Letter, Letter.id == view.id),
        copy_no=request.copy_no,
        date=doc_date(request, view.received_at),
        number=view.number,
        channel=view.channel.label,
        received_at=fmt_datetime(view.received_at),
        registrar=names.user_name(view.meta.created_by),
        target=names.target_name(view.target_id),
        team=names.team_name(view.round_id, view.team_id),
        reporter_kind="匿名" if view.anonymous else "实名",
        reporter_name=view.reporter_name,
        reporter_contact=view.reporter_contact,
        reported=persons,
        reported_text="；".join(
            "，".join(part for part in (p.name, p.position, p.unit) if part) for p in persons
        ),
        summary=view.summary,
        disciplines=discipline_labels(view.disciplines),
        original="有" if view.original_sha256 else "无",
        category=label(view.category),
        proposal=view.proposal,
        meeting_date=fmt_date(view.meeting_date),
        disposition=label(view.disposition),
        transfer_to=view.transfer_to,
        status=view.status.label,
        duplicate_of=record_number(letters.get_letter, session, view.duplicate_of_id),
        clue_number=record_number(clues.get_clue, session, view.clue_id),
        finding_number=record_number(findings.get_finding, session, view.finding_id),
    )


def register_context(session: Session, request: DocRequest) -> LetterDoc:
    return context(session, request, "信访件登记表")


def handling_context(session: Session, request: DocRequest) -> LetterDoc:
    return context(session, request, "信访件处理单")


def _head(ctx: LetterDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    return doc


def _pair(a: str, b: str, c: str, d: str) -> list[Cell]:
    return [Cell(a, label=True), Cell(b), Cell(c, label=True), Cell(d)]


def _wide(a: str, b: str) -> list[Cell]:
    return [Cell(a, label=True), Cell(b, span=3)]


FORM_PT = 14.0  # doc.form's size


def _form(doc: OfficialDocument, rows: list[list[Cell]]) -> None:
    """The form with both label columns as wide as its longest label (组务会日期, 被反映单位 on
    one line), the values sharing the rest."""
    label = max(text_width_pt(c.text, FORM_PT) for row in rows for c in row if c.label)
    label += CELL_PAD_PT
    value = (doc.text_width_twips / x.TWIPS_PER_PT - 2 * label) / 2
    doc.form(rows, [label, value, label, value], size_pt=FORM_PT)


def render_register(ctx: LetterDoc) -> OfficialDocument:
    doc = _head(ctx)
    reporter = ctx.reporter_kind if ctx.reporter_kind == "匿名" else ctx.reporter_name
    _form(
        doc,
        [
            _pair("编　　号", ctx.number, "来源渠道", ctx.channel),
            _pair("收到时间", ctx.received_at, "原件扫描", ctx.original),
            _pair("反 映 人", reporter, "联系方式", ctx.reporter_contact),
            _wide("被反映人", ctx.reported_text.replace("；", "\n")),
            _wide("被反映单位", ctx.target),
            _wide("主要内容", ctx.summary),
            _wide("涉及纪律", ctx.disciplines),
            _wide("备　　注", f"重复件，原件编号：{ctx.duplicate_of}" if ctx.duplicate_of else ""),
        ],
    )
    doc.blank()
    registrar = ctx.registrar or "　" * 4
    doc.text(f"登记人：{registrar}{'　' * 4}登记日期：{ctx.date}")
    return doc


def render_handling(ctx: LetterDoc) -> OfficialDocument:
    doc = _head(ctx)
    linked = "；".join(
        text
        for text in (
            f"转为问题线索 {ctx.clue_number}" if ctx.clue_number else "",
            f"纳入问题底稿 {ctx.finding_number}" if ctx.finding_number else "",
            f"转交{ctx.transfer_to}" if ctx.transfer_to else "",
        )
        if text
    )
    _form(
        doc,
        [
            _pair("编　　号", ctx.number, "收到时间", ctx.received_at),
            _pair("来源渠道", ctx.channel, "反 映 人", ctx.reporter_kind),
            _wide("被反映人", ctx.reported_text.replace("；", "\n")),
            _wide("内容摘要", ctx.summary),
            _pair("分　　类", ctx.category, "涉及纪律", ctx.disciplines),
            _wide("拟办意见", ctx.proposal),
            _pair("组务会日期", ctx.meeting_date, "处置方式", ctx.disposition),
            _wide("处置情况", linked),
            _wide("组长意见", f"\n\n{'　' * 10}签字：{'　' * 5}年　　月　　日"),
        ],
    )
    return doc
