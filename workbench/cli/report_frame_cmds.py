"""``workbench report-settings`` and ``workbench report-numbers``: the office's 公文 frame
settings (发文机关标志, 机关代字, 印发机关, 抄送; set by 巡察办, audited) and the register of
issued 发文字号. The choices of one export (``--issue``, ``--urgency``, ``--cc`` …) are options of
``workbench report`` itself (``add_frame_options``).

    workbench report-settings
    workbench report-settings --office-mark 中共云县县委巡察工作领导小组办公室 --office-code 云巡办
    workbench report-numbers --year 2026
"""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli import common
from workbench.reports.frame import URGENCIES
from workbench.reports.frame_settings import (
    SETTINGS,
    frame_settings,
    set_frame_setting,
    split_names,
)
from workbench.reports.numbers import list_numbers


def _option(field: str) -> str:
    return "--" + field.replace("_", "-")


def cmd_report_settings(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        for setting in SETTINGS:
            value = getattr(args, setting.field)
            if value is not None:
                set_frame_setting(s, setting.field, value)
        current = frame_settings(s)
    lines = [
        f"{setting.label}：{getattr(current, setting.field) or '（未设定，用默认）'}"
        for setting in SETTINGS
    ]
    common.emit(args, current, "\n".join(lines))
    return 0


def cmd_report_numbers(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = list_numbers(s, year=args.year, code=args.code)
    lines = [
        f"{n.text}  {n.title}  成文日期 {n.doc_date.isoformat()}  {n.issued_by}"
        f"  {n.issued_at:%Y-%m-%d %H:%M}"
        for n in rows
    ]
    common.emit(args, rows, "\n".join(lines) or "尚未签发发文字号")
    return 0


def add_frame_options(p: argparse.ArgumentParser) -> None:
    """The 公文 frame choices of one export (types with a 版头 and 版记)."""
    p.add_argument("--issue", action="store_true", help="编发文字号：取本机关代字今年的下一个号")
    p.add_argument("--number", help="沿用已为本文书签发的发文字号，如 巡一组〔2026〕3号")
    p.add_argument("--urgency", choices=[u for u in URGENCIES if u], help="紧急程度")
    p.add_argument("--signer", help="签发人（上行文；默认：巡察组组长）")
    p.add_argument("--recipient", help="主送机关（默认：按文书类型）")
    p.add_argument("--cc", help="抄送机关，以、分隔（默认：按文书类型和本办设置；空串：不抄送）")
    p.add_argument(
        "--attachment", action="append", default=[], help="附件名称（可重复，按顺序编号）"
    )
    p.add_argument("--note", help="附注，如 此件发至县级")


def frame_choices(args: argparse.Namespace) -> dict[str, Any]:
    """The DocRequest fields ``add_frame_options`` gives."""
    return {
        "issue": bool(args.issue),
        "number": args.number or "",
        "urgency": args.urgency or "",
        "signer": args.signer or "",
        "recipient": args.recipient,
        "cc": None if args.cc is None else split_names(args.cc),
        "attachments": tuple(args.attachment),
        "note": args.note or "",
    }


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report-settings")
    for setting in SETTINGS:
        p.add_argument(_option(setting.field), dest=setting.field, help=setting.label)
    p.set_defaults(func=cmd_report_settings)
    p = sub.add_parser("report-numbers")
    p.add_argument("--year", type=common.whole_number, help="年份")
    p.add_argument("--code", help="机关代字，如 巡一组")
    p.set_defaults(func=cmd_report_numbers)
