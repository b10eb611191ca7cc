"""立卷归档 目录 as DA/T 22 lists a 归档文件目录: 件号, 责任者, 文号, 题名, 日期, 页数, 密级,
保管期限, 备注, one table a 卷 under its 卷号.

What an archive item does not hold itself is read from the records it links to: the 责任者 is
the item's team (else the team of a linked record, else the round's 巡察办); the 文号 comes from
linked records that carry one (政策依据 entries, and the 发文字号 issued to a linked report's
document); the 日期 is the linked record's own date (谈话, 信访件 received, 底稿 compiled, activity
held, 线索 transferred, the 成文日期 of a linked report's issued number); the 页数 is the sum of
the linked 佐证材料's recorded page counts, blank when none is recorded. With a target, the
catalogue lists the items linked to a record of that target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from docx.oxml.ns import qn
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import ArchiveItem, Evidence
from workbench.reports import ooxml as x
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    compact_date,
    describe_ref,
    doc_date,
    fmt_date,
    issuer_body,
    round_date,
    secrecy_mark,
)
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import HEITI, OfficialDocument
from workbench.reports.numbers import Scope, numbers_for
from workbench.services import activities, clues, findings, focus, interviews, letters, reports
from workbench.services.portraits import RecordRef
from workbench.services.reports import list_archive_items
from workbench.vocab.enums import RoundPhase, Secrecy


@dataclass(frozen=True)
class ArchiveEntry:
    no: str = F("顺序号")
    volume_no: str = F("卷号")
    item_no: str = F("件号")
    stage: str = F("阶段")
    category: str = F("类目")
    title: str = F("题名")
    retention: str = F("保管期限")
    refs: str = F("关联记录")
    responsible: str = F("责任者")
    doc_no: str = F("文号")
    date: str = F("日期")
    pages: str = F("页数")
    secrecy: str = F("密级")
    note: str = F("备注")


@dataclass(frozen=True)
class ArchiveDoc(DocContext):
    round_name: str = F("巡察轮次")
    total: str = F("条目数")
    items: tuple[ArchiveEntry, ...] = F("归档条目（列表）")


@dataclass
class _Facts:
    """What the linked records tell about an archive item."""

    team_id: str | None = None
    day: date | datetime | None = None
    doc_nos: tuple[str, ...] = ()
    pages: int = 0
    targets: tuple[str, ...] = ()


# the document type a report of each kind is exported as: where its 发文字号 is registered
REPORT_DOC_TYPES = {
    "inspection": "inspection-report",
    "special": "inspection-report",
    "clues": "clue-report",
    "feedback": "feedback",
    "immediate_fix": "immediate-fix-notice",
    "suggestion": "suggestion-letter",
    "portrait": "portrait",
}


def _report_facts(
    session: Session, report_id: str, facts: _Facts
) -> tuple[str | None, str | None, date | datetime | None]:
    """A linked report's team, target and date; its issued 发文字号 join the item's 文号."""
    r = reports.get_report(session, report_id)
    doc_type = REPORT_DOC_TYPES.get(r.report_type.value, "")
    issued = numbers_for(session, Scope(doc_type, r.round_id, r.target_id, None))
    for number in issued:
        if number.text not in facts.doc_nos:
            facts.doc_nos += (number.text,)
    return r.team_id, r.target_id, issued[-1].doc_date if issued else None


def _facts(session: Session, refs: tuple[RecordRef, ...]) -> _Facts:
    facts = _Facts()
    for ref in refs:
        team: str | None = None
        target: str | None = None
        day: date | datetime | None = None
        try:
            if ref.type == "finding":
                f = findings.get_finding(session, ref.id)
                team, target, day = f.team_id, f.target_id, f.compiled_on
            elif ref.type == "interview":
                i = interviews.get_interview(session, ref.id)
                team, target, day = i.team_id, i.target_id, i.held_at
            elif ref.type == "letter":
                lt = letters.get_letter(session, ref.id)
                team, target, day = lt.team_id, lt.target_id, lt.received_at
            elif ref.type == "activity":
                a = activities.get_activity(session, ref.id)
                team, target, day = a.team_id, a.target_id, a.held_at
            elif ref.type == "clue":
                c = clues.get_clue(session, ref.id)
                team, target, day = c.team_id, c.target_id, c.transferred_at
            elif ref.type == "report":
                team, target, day = _report_facts(session, ref.id, facts)
            elif ref.type == "list_entry":
                number = focus.get_list_entry(session, ref.id).document_no
                if number and number not in facts.doc_nos:
                    facts.doc_nos += (number,)
            elif ref.type == "evidence":
                row = session.get(Evidence, ref.id)
                if row is not None and row.deleted_at is None and row.pages:
                    facts.pages += row.pages
        except NotFound:
            continue
        facts.team_id = facts.team_id or team
        facts.day = facts.day or day
        if target and target not in facts.targets:
            facts.targets += (target,)
    return facts


def context(session: Session, request: DocRequest) -> ArchiveDoc:
    names = Lookup(session)
    rnd = names.round(request.round_id or "")
    office = f"{issuer_body(rnd.term) or '县委'}巡察工作领导小组办公室"
    views = list(all_pages(list_archive_items, session, round_id=rnd.id))
    marks: dict[str, str] = {
        item_id: mark
        for item_id, mark in session.execute(
            select(ArchiveItem.id, ArchiveItem.secrecy).where(ArchiveItem.round_id == rnd.id)
        )
    }
    entries: list[ArchiveEntry] = []
    for v in views:  # by 卷号, then 件号 (list_archive_items)
        facts = _facts(session, v.refs)
        if request.target_id and request.target_id not in facts.targets:
            continue
        team = names.team_name(rnd.id, v.team_id or facts.team_id)
        secrecy = Secrecy.parse(marks.get(v.id) or Secrecy.WORK_SECRET.value)
        entries.append(
            ArchiveEntry(
                no=str(len(entries) + 1),
                volume_no=v.volume_no,
                item_no=v.item_no,
                stage=v.stage,
                category=v.category,
                title=v.title,
                retention=v.retention.label,
                refs="；".join(describe_ref(session, r.type, r.id) for r in v.refs),
                responsible=team or office,
                doc_no="、".join(facts.doc_nos),
                date=compact_date(fmt_date(facts.day)),
                pages=str(facts.pages) if facts.pages else "",
                secrecy=secrecy.label,
                note="",
            )
        )
    target = names.target_name(request.target_id) if request.target_id else ""
    return ArchiveDoc(
        title=f"{rnd.name}{target}立卷归档目录",
        secrecy=secrecy_mark(session, ArchiveItem, ArchiveItem.round_id == rnd.id),
        copy_no=request.copy_no,
        date=doc_date(request, round_date(rnd, RoundPhase.ARCHIVING)),
        round_name=rnd.name,
        total=str(len(entries)),
        items=tuple(entries),
    )


# (field, header, centred?, weight) as DA/T 22 orders a 归档文件目录, with the 保管期限 its own
# column (a 卷 may hold items kept for different terms); widths follow the content, the 题名
# claiming most of the room left
COLUMNS: tuple[tuple[str, str, bool, float], ...] = (
    ("item_no", "件号", True, 1),
    ("responsible", "责任者", False, 1),
    ("doc_no", "文号", True, 1),
    ("title", "题名", False, 4),
    ("date", "日期", True, 1),
    ("pages", "页数", True, 1),
    ("secrecy", "密级", True, 1),
    ("retention", "保管|期限", True, 1),
    ("note", "备注", False, 1),
)


def _volume_heading(volume_no: str) -> str:
    return f"第{volume_no}卷" if volume_no.isdigit() else f"卷号：{volume_no}"


def render(ctx: ArchiveDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    volumes: dict[str, list[ArchiveEntry]] = {}
    for item in ctx.items:  # already in 卷号, 件号 order
        volumes.setdefault(item.volume_no, []).append(item)
    table = None
    for volume_no, items in volumes.items():
        if volume_no:
            heading = doc.paragraph(
                _volume_heading(volume_no), style="Normal", font=HEITI, size_pt=14
            )
            x.ppr_child(heading._p.get_or_add_pPr(), "w:keepNext")
        table = fitted_table(
            doc,
            [c[1] for c in COLUMNS],
            ([str(getattr(item, c[0])) for c in COLUMNS] for item in items),
            size_pt=10.5,
            align=["center" if c[2] else "left" for c in COLUMNS],
            weights=[c[3] for c in COLUMNS],
        )
    if table is not None:  # the total stays with the table's last rows, never alone on a page
        for row in table.rows[-2:]:
            for paragraph in row._tr.iter(qn("w:p")):
                x.ppr_child(paragraph.get_or_add_pPr(), "w:keepNext")
    doc.paragraph(f"共{ctx.total}件。编制日期：{ctx.date}", style="Normal", size_pt=14)
    return doc
