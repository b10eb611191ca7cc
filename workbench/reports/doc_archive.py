"""立卷归档 目录: the round's archive items by 卷号 and 件号, as the catalogue prints."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import ArchiveItem
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    describe_ref,
    doc_date,
    secrecy_mark,
)
from workbench.reports.gbt9704 import OfficialDocument
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


@dataclass(frozen=True)
class ArchiveDoc(DocContext):
    round_name: str = F("巡察轮次")
    total: str = F("条目数")
    items: tuple[ArchiveEntry, ...] = F("归档条目（列表）")


def context(session: Session, request: DocRequest) -> ArchiveDoc:
    rnd = Lookup(session).round(request.round_id or "")
    views = list(all_pages(list_archive_items, session, round_id=rnd.id))
    return ArchiveDoc(
        title=f"{rnd.name}立卷归档目录",
        secrecy=secrecy_mark(session, ArchiveItem, ArchiveItem.round_id == rnd.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        round_name=rnd.name,
        total=str(len(views)),
        items=tuple(
            ArchiveEntry(
                no=str(n),
                volume_no=v.volume_no,
                item_no=v.item_no,
                stage=v.stage,
                category=v.category,
                title=v.title,
                retention=v.retention.label,
                refs="；".join(describe_ref(session, r.type, r.id) for r in v.refs),
            )
            for n, v in enumerate(views, start=1)
        ),
    )


# (field, header, width in mm of the 156 mm 版心)
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("no", "顺序号", 13),
    ("volume_no", "卷号", 21),
    ("item_no", "件号", 17),
    ("stage", "阶段", 20),
    ("category", "类目", 22),
    ("title", "题名", 48),
    ("retention", "保管期限", 15),
)


def render(ctx: ArchiveDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.table(
        [c[1] for c in COLUMNS],
        ([str(getattr(item, c[0])) for c in COLUMNS] for item in ctx.items),
        [c[2] for c in COLUMNS],
        size_pt=12,
        align=["center", "center", "center", "center", "left", "left", "center"],
    )
    doc.blank()
    doc.paragraph(f"共{ctx.total}件。编制日期：{ctx.date}", style="Normal", size_pt=14)
    return doc
