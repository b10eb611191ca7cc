"""立卷归档 目录 as DA/T 22 lists a 归档文件目录: 件号, 责任者, 文号, 题名, 日期, 页数, 密级, 备注.

What an archive item does not hold itself is read from the records it links to: the 责任者 is
the item's team (else the team of a linked record, else the round's 巡察办); the 文号 comes from
linked records that carry one (政策依据 entries); the 日期 is the linked record's own date (谈话,
信访件 received, 底稿 compiled, activity held, 线索 transferred); the 页数 is the sum of the
linked 佐证材料's recorded page counts, blank when none is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import NotFound
from workbench.models import ArchiveItem, Evidence
from workbench.models.enums import RoundPhase, Secrecy
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
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services import activities, clues, findings, focus, interviews, letters
from workbench.services.portraits import RecordRef
from workbench.services.reports import list_archive_items


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


def _facts(session: Session, refs: tuple[RecordRef, ...]) -> _Facts:
    facts = _Facts()
    for ref in refs:
        team: str | None = None
        day: date | datetime | None = None
        try:
            if ref.type == "finding":
                f = findings.get_finding(session, ref.id)
                team, day = f.team_id, f.compiled_on
            elif ref.type == "interview":
                i = interviews.get_interview(session, ref.id)
                team, day = i.team_id, i.held_at
            elif ref.type == "letter":
                lt = letters.get_letter(session, ref.id)
                team, day = lt.team_id, lt.received_at
            elif ref.type == "activity":
                a = activities.get_activity(session, ref.id)
                team, day = a.team_id, a.held_at
            elif ref.type == "clue":
                c = clues.get_clue(session, ref.id)
                team, day = c.team_id, c.transferred_at
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
    entries = []
    for n, v in enumerate(views, start=1):
        facts = _facts(session, v.refs)
        team = names.team_name(rnd.id, v.team_id or facts.team_id)
        secrecy = Secrecy.parse(marks.get(v.id) or Secrecy.WORK_SECRET.value)
        volume = f"第{v.volume_no}卷" if v.volume_no.isdigit() else v.volume_no
        entries.append(
            ArchiveEntry(
                no=str(n),
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
                note=" ".join(t for t in (volume, v.retention.label) if t),
            )
        )
    return ArchiveDoc(
        title=f"{rnd.name}立卷归档目录",
        secrecy=secrecy_mark(session, ArchiveItem, ArchiveItem.round_id == rnd.id),
        copy_no=request.copy_no,
        date=doc_date(request, round_date(rnd, RoundPhase.ARCHIVING)),
        round_name=rnd.name,
        total=str(len(entries)),
        items=tuple(entries),
    )


# (field, header, centred?, weight) as DA/T 22 orders a 归档文件目录; widths follow the
# content, the 题名 claiming most of the room left
COLUMNS: tuple[tuple[str, str, bool, float], ...] = (
    ("item_no", "件号", True, 1),
    ("responsible", "责任者", False, 1),
    ("doc_no", "文号", True, 1),
    ("title", "题名", False, 4),
    ("date", "日期", True, 1),
    ("pages", "页数", True, 1),
    ("secrecy", "密级", True, 1),
    ("note", "备注", False, 1),
)


def render(ctx: ArchiveDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    fitted_table(
        doc,
        [c[1] for c in COLUMNS],
        ([str(getattr(item, c[0])) for c in COLUMNS] for item in ctx.items),
        size_pt=10.5,
        align=["center" if c[2] else "left" for c in COLUMNS],
        weights=[c[3] for c in COLUMNS],
    )
    doc.blank()
    doc.paragraph(f"共{ctx.total}件。编制日期：{ctx.date}", style="Normal", size_pt=14)
    return doc
