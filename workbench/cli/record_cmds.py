"""CLI commands over inspection records: search and statistics (list/show per type in records)."""

from __future__ import annotations

import argparse
import sys

from workbench.cli import common
from workbench.search import HIGHLIGHT_END, HIGHLIGHT_START
from workbench.services.identifiers import resolve_record
from workbench.services.office_setup import resolve_round
from workbench.services.search import search_records, unindexed_count
from workbench.services.stats import round_stats
from workbench.vocab.enums import ClueOutcomeKind, LetterCategory


def cmd_search(args: argparse.Namespace) -> int:
    types = tuple(args.type) if args.type else None
    date_from = common.iso_date(args.date_from, "--from")  # a bad date before the passphrase
    date_to = common.iso_date(args.date_to, "--to")
    with common.unlock(args) as vault, vault.read() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        hits = search_records(
            s,
            args.query,
            types=types,
            round_id=round_id,
            target_id=resolve_record(s, "targets", args.target, round_id) if args.target else None,
            date_from=date_from,
            date_to=date_to,
            limit=args.limit,
        )
        unindexed = unindexed_count(s)
    if unindexed:  # stderr: --json output and scripts reading stdout stay unchanged
        print(
            f"注意：{unindexed:,} 条记录尚未编入检索，结果可能不全（workbench index）",
            file=sys.stderr,
        )
    lines = [
        f"[{h.type_label}] {h.title}\n    "
        + h.snippet.replace(HIGHLIGHT_START, "【").replace(HIGHLIGHT_END, "】")
        + f"\n    id {h.record_id}"
        for h in hits
    ]
    common.emit(args, hits, "\n".join(lines) if lines else "没有找到匹配的记录。")
    return 0


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def _outcomes(counts: dict[str, int]) -> str:
    return "，".join(f"{k.label} {counts.get(k.value, 0)}" for k in ClueOutcomeKind)


def cmd_stats(args: argparse.Namespace) -> int:
    today = common.iso_date(args.today, "--today")
    with common.unlock(args) as vault, vault.read() as s:
        st = round_stats(s, resolve_round(s, args.round) if args.round else None, today=today)
    labels = {c.value: c.label for c in LetterCategory}
    cats = "，".join(f"{labels.get(k, '未分类')} {v}" for k, v in st.letters_by_category.items())
    lines = [
        f"谈话 {st.interviews} 次，谈话人数 {st.interviewees}",
        f"信访件 {st.letters} 件（{cats}）",
        f"问题 {st.findings} 个，立行立改 {st.immediate_fixes} 个，"
        f"涉及金额 {_yuan(st.amount_fen)} 元",
        *(f"    {c.title}：{c.count}" for c in st.findings_by_aspect),
        f"线索 {st.clues} 条，已移交 {st.clues_transferred} 条，反馈逾期 {st.clues_overdue} 条",
        "    处置结果：" + _outcomes(st.clue_figures.by_outcome),
        *(
            f"    {g.label}：线索 {g.clues} 条，{_outcomes(g.outcomes)}"
            for g in st.clue_figures.by_unit
            if g.clues
        ),
        f"整改事项 {st.rectifications} 项，已完成 {st.rectifications_done} 项，"
        f"完成率 {st.rectification_rate:.1%}，逾期未销号 {st.rectifications_overdue} 项",
    ]
    common.emit(args, st, "\n".join(lines))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search")
    p.add_argument("query")
    p.add_argument("--type", action="append", help="记录类型，可重复：letter、finding、clue…")
    p.add_argument("--round", help="轮次名称或 id")
    p.add_argument("--target", help="被巡察对象名称或 id")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    p.add_argument("--limit", type=common.whole_number, default=20)
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("stats")
    p.add_argument("--round", help="轮次名称或 id（默认：全部）")
    p.add_argument("--today", help="计算逾期所用日期（默认：今天）")
    p.set_defaults(func=cmd_stats)
