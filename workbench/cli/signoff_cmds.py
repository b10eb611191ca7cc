"""The 底稿 sign-off from the command line: ``workbench findings submit|review|approve|return``.

The rules are the core's (services/findings_signoff.py): a step by the wrong person exits 6
(WB-PERMISSION, the reason names the team or the 回避), a missing reason exits 8
(WB-VALIDATION), a step in the wrong state exits with WB-WORKFLOW's code.
"""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli import common
from workbench.services.findings import FindingView
from workbench.services.findings_signoff import (
    approve_finding,
    return_finding,
    review_finding,
    submit_finding,
)
from workbench.services.identifiers import resolve_record


def _step(args: argparse.Namespace) -> FindingView:
    with common.unlock(args) as vault, vault.session() as s:
        finding_id = resolve_record(s, "findings", args.id)
        if args.findings_cmd == "submit":
            return submit_finding(s, finding_id, comment=args.comment or "")
        if args.findings_cmd == "review":
            return review_finding(
                s, finding_id, comment=args.comment or "", override_reason=args.override
            )
        if args.findings_cmd == "approve":
            return approve_finding(
                s, finding_id, comment=args.comment or "", override_reason=args.override
            )
        return return_finding(s, finding_id, args.reason or "", override_reason=args.override)


def cmd_signoff(args: argparse.Namespace) -> int:
    view = _step(args)
    common.emit(args, view, f"底稿 {view.number}：{view.status.label}")
    return 0


def register(groups: dict[str, Any]) -> None:
    """Adds the sign-off verbs to the ``findings`` group of list_cmds."""
    findings = groups["findings"]
    steps = (
        ("submit", "提交复核（经办人编制）"),
        ("review", "复核（该底稿所属组的副组长）"),
        ("approve", "审签（该底稿所属组的组长）；审签后底稿锁定"),
        ("return", "退回修改（待复核由副组长、待审签由组长），须说明理由"),
    )
    for verb, text in steps:
        p = findings.add_parser(verb, help=text)
        p.add_argument("id", help="底稿 id 或编号")
        if verb == "return":
            p.add_argument("--reason", help="退回理由（必填）")
        else:
            p.add_argument("--comment", help="意见")
        if verb != "submit":
            p.add_argument(
                "--override",
                metavar="REASON",
                help="回避例外：组长本人已申报回避仍须签署时的理由（记入审计日志）",
            )
        p.set_defaults(func=cmd_signoff)
