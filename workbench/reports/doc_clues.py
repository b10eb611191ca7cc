"""问题线索移交表 (one form per clue) and the 线索台账 (all clues of a round, landscape)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.models import Clue
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    compact_date,
    describe_ref,
    discipline_labels,
    doc_date,
    fmt_date,
    label,
    secrecy_mark,
    yes_no,
)
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import OfficialDocument, pair, wide
from workbench.services import clues
from workbench.services.clues import ClueView


@dataclass(frozen=True)
class ClueItem:
    no: str = F("序号")
    number: str = F("线索编号")
    subject_name: str = F("被反映人")
    subject_position: str = F("职务")
    subject_level: str = F("干部级别")
    target: str = F("所在单位")
    team: str = F("巡察组")
    sources: str = F("线索来源")
    problem: str = F("具体问题")
    disciplines: str = F("涉及纪律")
    category1: str = F("一级分类")
    category2: str = F("二级分类")
    transfer_unit: str = F("拟移交单位")
    transfer_mode: str = F("移交方式")
    transferred_by: str = F("移交经办人")
    transferred_at: str = F("移交时间")
    received_by: str = F("接收经办人")
    received_at: str = F("接收时间")
    handling: str = F("处置方式")
    result: str = F("办理结果")
    feedback_due: str = F("反馈期限")
    status: str = F("状态")
    overdue: str = F("反馈逾期（是/否）")


@dataclass(frozen=True)
class ClueDoc(DocContext):
    scope: str = F("范围（轮次或对象名称）")
    total: str = F("线索总数")
    clues: tuple[ClueItem, ...] = F("线索（列表）")


def clue_item(session: Session, no: int, view: ClueView, names: Lookup, today: date) -> ClueItem:
    return ClueItem(
        no=str(no),
        number=view.number,
        subject_name=view.subject_name,
        subject_position=view.subject_position,
        subject_level=view.subject_level.label,
        target=names.target_name(view.target_id),
        team=names.team_name(view.round_id, view.team_id),
        sources="；".join(describe_ref(session, r.kind, r.id) for r in view.source_refs),
        problem=view.problem,
        disciplines=discipline_labels(view.disciplines),
        category1=view.category1,
        category2=view.category2,
        transfer_unit=view.units_text(),
        transfer_mode=view.transfer_mode.label,
        transferred_by=view.transferred_by,
        transferred_at=fmt_date(view.transferred_at),
        received_by=view.received_by,
        received_at=fmt_date(view.received_at),
        handling=label(view.handling),
        result=view.result,
        feedback_due=fmt_date(view.feedback_due),
        status=view.status.label,
        overdue=yes_no(view.overdue(today)),
    )


def round_clues(session: Session, request: DocRequest) -> list[ClueView]:
    views = all_pages(
        clues.list_clues, session, round_id=request.round_id, target_id=request.target_id
    )
    return sorted(views, key=lambda v: v.number)


def context(session: Session, request: DocRequest, title: str = "问题线索移交表") -> ClueDoc:
    names = Lookup(session)
    today = request.date or date.today()
    if request.record_id:
        views = [clues.get_clue(session, request.record_id)]
        mark = secrecy_mark(session, Clue, Clue.id == request.record_id)
        scope = names.target_name(views[0].target_id)
    else:
        views = round_clues(session, request)
        mark = secrecy_mark(session, Clue, Clue.round_id == request.round_id)
        scope = names.target_name(request.target_id) or names.round(request.round_id or "").name
    return ClueDoc(
        title=title,
        secrecy=mark,
        copy_no=request.copy_no,
        date=doc_date(request),
        scope=scope,
        total=str(len(views)),
        clues=tuple(clue_item(session, n, v, names, today) for n, v in enumerate(views, 1)),
    )


def ledger_context(session: Session, request: DocRequest) -> ClueDoc:
    return context(session, request, "问题线索台账")


def render_transfer(ctx: ClueDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)

    for index, c in enumerate(ctx.clues):
        if index:
            doc.page_break()
        doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
        doc.title(ctx.title)
        doc.form(
            [
                pair("线索编号", c.number, "巡 察 组", c.team),
                pair("被反映人", c.subject_name, "干部级别", c.subject_level),
                pair("职　　务", c.subject_position, "所在单位", c.target),
                wide("线索来源", c.sources),
                wide("具体问题", c.problem),
                pair(
                    "涉及纪律",
                    c.disciplines,
                    "问题分类",
                    "／".join(t for t in (c.category1, c.category2) if t),
                ),
                pair("拟移交单位", c.transfer_unit, "移交方式", c.transfer_mode),
                pair("移交经办人", c.transferred_by, "移交时间", c.transferred_at),
                pair("接收经办人", c.received_by, "接收时间", c.received_at),
                pair("反馈期限", c.feedback_due, "当前状态", c.status),
                wide("巡察组\n组长意见", f"\n{'　' * 9}签字：{'　' * 4}年　　月　　日"),
                wide("接收单位\n签收", f"\n{'　' * 9}签字：{'　' * 4}年　　月　　日"),
            ],
            [2.2, 4, 2.2, 3.6],
        )
    if not ctx.clues:
        doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
        doc.title(ctx.title)
        doc.text("（本范围内没有问题线索）")
    return doc


# (header, centred?): widths follow the content (``fitted_table``); ``|`` marks a word break
LEDGER_COLUMNS: tuple[tuple[str, bool], ...] = (
    ("序号", True),
    ("编号", True),
    ("被反映人", True),
    ("职务|（级别）", False),
    ("所在|单位", False),
    ("具体问题", False),
    ("移交单位|（方式）", True),
    ("移交|时间", True),
    ("处置|方式", True),
    ("反馈|期限", True),
    ("状态", True),
)


def _ledger_row(c: ClueItem) -> list[str]:
    return [
        c.no,
        c.number,
        c.subject_name,
        f"{c.subject_position}（{c.subject_level}）" if c.subject_position else c.subject_level,
        c.target,
        c.problem,
        f"{c.transfer_unit}（{c.transfer_mode}）",
        compact_date(c.transferred_at),
        c.handling,
        compact_date(c.feedback_due),
        c.status,
    ]


def render_ledger(ctx: ClueDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title, landscape=True)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(f"{ctx.scope}{ctx.title}")
    fitted_table(
        doc,
        [c[0] for c in LEDGER_COLUMNS],
        (_ledger_row(item) for item in ctx.clues),
        size_pt=10.5,
        align=["center" if c[1] else "left" for c in LEDGER_COLUMNS],
    )
    return doc
