"""Round statistics sheet (统计表) from ``services.stats.round_stats``: the headline figures,
letters by category and channel, problems by 方面 and 类. The same rows feed the .xlsx sheet."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.models import Round
from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    bare_round,
    doc_date,
    fmt_fen,
    secrecy_mark,
)
from workbench.reports.fitted import fitted_table
from workbench.reports.gbt9704 import OfficialDocument
from workbench.services.stats import round_stats
from workbench.vocab.enums import ClueOutcomeKind, LetterCategory, LetterChannel


@dataclass(frozen=True)
class StatRow:
    label: str = F("项目")
    value: str = F("数值")


@dataclass(frozen=True)
class StatsDoc(DocContext):
    round_name: str = F("巡察轮次")
    indicators: tuple[StatRow, ...] = F("主要指标")
    letters_by_category: tuple[StatRow, ...] = F("信访件按分类")
    letters_by_channel: tuple[StatRow, ...] = F("信访件按来源渠道")
    findings_by_aspect: tuple[StatRow, ...] = F("问题按方面")
    findings_by_category: tuple[StatRow, ...] = F("问题按类")


def _labelled(
    counts: dict[str, int], enum: type[LetterCategory] | type[LetterChannel]
) -> tuple[StatRow, ...]:
    rows = [StatRow(m.label, str(counts.get(m.value, 0))) for m in enum if counts.get(m.value)]
    if counts.get(""):
        rows.append(StatRow("未分类", str(counts[""])))
    return tuple(rows)


def context(session: Session, request: DocRequest) -> StatsDoc:
    rnd = Lookup(session).round(request.round_id or "")
    st = round_stats(session, rnd.id, today=request.date)
    indicators = (
        ("个别谈话（次）", st.interviews),
        ("谈话人数", st.interviewees),
        ("受理信访件（件）", st.letters),
        ("发现问题（个）", st.findings),
        ("立行立改（个）", st.immediate_fixes),
        ("涉及金额（元）", fmt_fen(st.amount_fen)),
        ("发现问题线索（条）", st.clues),
        ("已移交线索（条）", st.clues_transferred),
        ("线索反馈逾期（条）", st.clues_overdue),
        *(
            (f"线索{kind.label}（条）", st.clue_figures.by_outcome.get(kind.value, 0))
            for kind in ClueOutcomeKind
        ),
        ("整改事项（项）", st.rectifications),
        ("已完成整改（项）", st.rectifications_done),
        ("整改完成率", f"{st.rectification_rate:.1%}"),
    )
    return StatsDoc(
        title=f"{bare_round(rnd.name)}巡察工作统计表",
        secrecy=secrecy_mark(session, Round, Round.id == rnd.id),
        copy_no=request.copy_no,
        date=doc_date(request),
        round_name=rnd.name,
        indicators=tuple(StatRow(k, str(v)) for k, v in indicators),
        letters_by_category=_labelled(st.letters_by_category, LetterCategory),
        letters_by_channel=_labelled(st.letters_by_channel, LetterChannel),
        findings_by_aspect=tuple(StatRow(c.title, str(c.count)) for c in st.findings_by_aspect),
        findings_by_category=tuple(StatRow(c.title, str(c.count)) for c in st.findings_by_category),
    )


SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("indicators", "一、主要指标", "指标"),
    ("letters_by_category", "二、信访件分类", "分类"),
    ("letters_by_channel", "三、信访件来源渠道", "来源渠道"),
    ("findings_by_aspect", "四、发现问题按方面统计", "方面"),
    ("findings_by_category", "五、发现问题按类统计", "类"),
)


def render(ctx: StatsDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    for attr, heading, column in SECTIONS:
        rows: tuple[StatRow, ...] = getattr(ctx, attr)
        doc.heading(1, heading)
        fitted_table(
            doc,
            [column, "数量"],
            ([r.label, r.value] for r in rows),
            size_pt=12,
            align=["left", "right"],
            keep_together=True,
        )
    doc.closing_line(f"统计日期：{ctx.date}", size_pt=14)
    return doc
