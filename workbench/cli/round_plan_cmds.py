"""``rounds plan R file|approve|return``: a 专项巡察's 工作方案 (services/round_plan.py holds the
rules and who may move it)."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli import common
from workbench.services.office_setup import resolve_round
from workbench.services.round_plan import file_plan, review_plan

_DONE = {"file": "已报备", "approve": "审核通过", "return": "已退回修改"}


def cmd_rounds_plan(args: argparse.Namespace) -> int:
    note = args.note or ""
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round)
        if args.action == "file":
            view = file_plan(s, round_id)
        else:
            view = review_plan(s, round_id, approve=args.action == "approve", note=note)
    reason = f"（{view.plan_note}）" if view.plan_note and args.action != "file" else ""
    common.emit(args, view, f"巡察轮次“{view.name}”的工作方案{_DONE[args.action]}{reason}")
    return 0


def register(rounds: Any) -> None:
    """Adds ``plan`` to the ``rounds`` group."""
    p = rounds.add_parser(
        "plan", help="专项巡察工作方案：报备、审核通过或退回修改（巡察办，记入审计日志）"
    )
    p.add_argument("round", help="轮次名称或 id")
    p.add_argument(
        "action",
        choices=sorted(_DONE),
        help="file 报备 | approve 审核通过 | return 退回修改（须写 --note）",
    )
    p.add_argument("--note", help="审核意见；退回修改时必填")
    p.set_defaults(func=cmd_rounds_plan)
