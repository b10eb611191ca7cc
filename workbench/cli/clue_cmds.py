"""``clues transfer|outcome|deadline-rule``: the 问题线索 follow-through for scripts (the rules
and who may take each step live in services/clues.py)."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli import common
from workbench.errors import UsageError
from workbench.services.authority import recusal_override
from workbench.services.clue_transfer import feedback_months, set_feedback_months
from workbench.services.clues import record_outcome, transfer_clue
from workbench.services.identifiers import resolve_record
from workbench.vocab.enums import ClueOutcomeKind, ClueTransferUnit

_UNITS = "|".join(u.value for u in ClueTransferUnit)
_KINDS = "|".join(k.value for k in ClueOutcomeKind)
_OVERRIDE = "回避例外理由：组长对本人申报的回避例外办理（记入审计日志）"


def cmd_transfer(args: argparse.Namespace) -> int:
    due = common.iso_date(args.due, "--due")
    with (
        common.unlock(args) as vault,
        vault.session() as s,
        recusal_override(s, args.override),
    ):
        view = transfer_clue(
            s,
            resolve_record(s, "clues", args.id),
            to=args.to,
            second_to=args.second_to,
            other_unit=args.unit,
            feedback_due=due,
            transferred_by=args.by or "",
        )
    assert view.feedback_due is not None
    common.emit(
        args,
        view,
        f"线索 {view.number} 已移交{view.units_text()}（{view.transfer_mode.label}），"
        f"反馈期限 {view.feedback_due.isoformat()}",
    )
    return 0


def cmd_outcome(args: argparse.Namespace) -> int:
    on = common.iso_date(args.date, "--date")
    if on is None:
        raise UsageError("请用 --date 给出处置结果的日期（YYYY-MM-DD）")
    with (
        common.unlock(args) as vault,
        vault.session() as s,
        recusal_override(s, args.override),
    ):
        view = record_outcome(
            s,
            resolve_record(s, "clues", args.id),
            args.kind,
            on,
            detail=args.detail or "",
            unit=args.unit,
        )
    entry = view.outcomes[-1]
    detail = f"（{entry.detail}）" if entry.detail else ""
    common.emit(
        args, view, f"线索 {view.number} 登记处置结果：{entry.on} {entry.kind.label}{detail}"
    )
    return 0


def cmd_deadline_rule(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        if args.months is not None:
            set_feedback_months(s, args.months)
        months = feedback_months(s)
    human = f"默认反馈期限：移交后 {months} 个月" if months else "未设默认反馈期限：移交时须填写"
    common.emit(args, {"feedback_months": months}, human)
    return 0


def register(clues: Any) -> None:
    """Adds ``transfer``, ``outcome`` and ``deadline-rule`` to the ``clues`` group."""
    p = clues.add_parser("transfer", help="移交问题线索（组长或巡察办）")
    p.add_argument("id", help="id 或线索编号")
    p.add_argument("--to", required=True, help=f"接收单位：{_UNITS}（或中文名称）")
    p.add_argument("--second-to", help=f"双移交的第二个接收单位：{_UNITS}")
    p.add_argument("--unit", help="接收单位为 other 时的单位名称")
    p.add_argument("--due", help="反馈期限 YYYY-MM-DD（默认：按巡察办设定的规则）")
    p.add_argument("--by", help="移交经办人（默认：当前用户）")
    p.add_argument("--override", help=_OVERRIDE)
    p.set_defaults(func=cmd_transfer)
    p = clues.add_parser("outcome", help="登记线索处置结果（组长或巡察办）")
    p.add_argument("id", help="id 或线索编号")
    p.add_argument("--kind", required=True, help=f"处置结果：{_KINDS}（或中文名称）")
    p.add_argument("--date", required=True, help="日期 YYYY-MM-DD")
    p.add_argument("--detail", help="说明；组织处理须写明方式，如 诫勉、调整岗位")
    p.add_argument("--unit", help="作出处置的接收单位（默认：第一个接收单位）")
    p.add_argument("--override", help=_OVERRIDE)
    p.set_defaults(func=cmd_outcome)
    p = clues.add_parser("deadline-rule", help="查看或设定默认反馈期限（设定：巡察办）")
    p.add_argument("--months", type=common.whole_number, help="移交后几个月；0 表示不设默认")
    p.set_defaults(func=cmd_deadline_rule)
