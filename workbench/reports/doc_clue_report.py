"""专题报告 on the 问题线索 of a round (or one target): kept out of the 巡察报告 by rule, grouped
by the unit each clue is to go to (纪委监委, 组织部, 其他)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.models import Clue
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    cn_number,
    doc_date,
    round_date,
    secrecy_mark,
)
from workbench.reports.doc_clues import ClueItem, clue_item, round_clues
from workbench.reports.gbt9704 import OfficialDocument
from workbench.reports.grouping import scope_of
from workbench.vocab.enums import ClueTransferUnit, RoundPhase


@dataclass(frozen=True)
class ClueUnitGroup:
    no: str = F("序号，如“一、”")
    title: str = F("拟移交单位")
    count: str = F("线索数")
    clues: tuple[ClueItem, ...] = F("线索（列表）")


@dataclass(frozen=True)
class ClueReportDoc(DocContext):
    recipient: str = F("主送机关")
    issuer: str = F("署名")
    scope: str = F("巡察对象或轮次名称")
    intro: str = F("开头段（线索数量和构成）")
    total: str = F("线索总数")
    units: tuple[ClueUnitGroup, ...] = F("按拟移交单位分组的线索")
    closing: str = F("结尾段")


def context(session: Session, request: DocRequest) -> ClueReportDoc:
    names = Lookup(session)
    scope = scope_of(session, request, names)
    views = round_clues(session, request)
    today = request.date or date.today()
    levels = Counter(v.subject_level.label for v in views)
    units: list[ClueUnitGroup] = []
    for unit in ClueTransferUnit:
        mine = [v for v in views if unit in v.units()]  # a 双移交 under both its units
        if mine:
            units.append(
                ClueUnitGroup(
                    no=f"{cn_number(len(units) + 1)}、",
                    title="其他单位" if unit is ClueTransferUnit.OTHER else unit.label,
                    count=str(len(mine)),
                    clues=tuple(
                        clue_item(session, n, v, names, today) for n, v in enumerate(mine, 1)
                    ),
                )
            )
    make_up = "，".join(f"涉及{k}干部{n}条" for k, n in sorted(levels.items()))
    to = "，".join(f"拟移交{u.title}{u.count}条" for u in units)
    double = sum(1 for v in views if v.second_unit is not None)
    if double:
        to += f"（其中双移交{double}条，两个单位分别计入）"
    where = f"对{scope.name}的巡察" if scope.target else f"{scope.name}巡察"
    intro = (
        f"{scope.actor}在{where}中，共发现问题线索{len(views)}条"
        + (f"，其中{make_up}" if make_up else "")
        + (f"；{to}" if to else "")
        + "。现将有关情况专题报告如下。"
    )
    return ClueReportDoc(
        title=f"关于{scope.name}巡察发现问题线索的专题报告",
        secrecy=secrecy_mark(session, Clue, Clue.round_id == scope.round.id),
        copy_no=request.copy_no,
        date=doc_date(request, round_date(scope.round, RoundPhase.REPORTING)),
        recipient=scope.recipient,
        issuer=scope.issuer,
        scope=scope.name,
        intro=intro,
        total=str(len(views)),
        units=tuple(units),
        closing="以上问题线索，建议按照有关规定和程序移交相关单位处置，并跟踪了解办理情况。",
    )


def render(ctx: ClueReportDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    for group in ctx.units:
        doc.heading(1, f"{group.no}拟移交{group.title}的问题线索（{group.count}条）")
        for c in group.clues:
            who = "，".join(t for t in (c.subject_position, f"{c.subject_level}干部") if t)
            doc.heading(2, f"（{cn_number(int(c.no))}）关于{c.subject_name}（{who}）的问题线索")
            doc.text(c.problem)
            facts = [
                ("线索编号", c.number),
                ("线索来源", c.sources),
                ("涉及纪律", c.disciplines),
                ("移交方式", c.transfer_mode),
                ("反馈期限", c.feedback_due),
            ]
            doc.text("；".join(f"{k}：{v}" for k, v in facts if v) + "。")
    if not ctx.units:
        doc.text("本次巡察未发现需要移交的问题线索。")
    doc.text(ctx.closing)
    doc.signature(ctx.issuer, ctx.date)
    return doc
