"""``workbench <records> list|show|void``: the list, get and void services the UI uses.

One table declares each record type: its services and the columns a person wants in a terminal.
Filters map onto the list service's keyword arguments; a filter a type does not support is a
usage error rather than silently ignored.
"""

from __future__ import annotations

import argparse
import inspect
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from workbench.cli import common
from workbench.cli.labels import view_field_label
from workbench.errors import UsageError, ValidationError
from workbench.services import (
    activities,
    clues,
    findings,
    focus,
    interviews,
    letters,
    portraits,
    rectification,
    reports,
    rounds,
    targets,
)
from workbench.services.authority import recusal_override
from workbench.services.identifiers import KINDS, resolve_record
from workbench.services.reads import open_record
from workbench.services.voiding import VOIDERS, readable, void, void_mark


@dataclass(frozen=True)
class RecordCommand:
    name: str
    help: str
    list_fn: Callable[..., Any]
    get_fn: Callable[..., Any]
    columns: tuple[tuple[str, str], ...]  # (attribute, header)


# CLI filter → the keyword names list services use for it, in order of preference
FILTERS: dict[str, tuple[str, ...]] = {
    "round": ("round_id",),
    "target": ("target_id",),
    "team": ("team_id",),
    "status": ("status", "approval"),
    "type": ("interview_type", "activity_type", "report_type", "kind", "subject_type"),
    "category": ("category",),
    "channel": ("channel",),
    "date_from": ("date_from", "due_from"),
    "date_to": ("date_to", "due_to"),
    "text": ("text",),
}

# each filter's help, in the user's words (one entry per filter above)
FILTER_HELP: dict[str, str] = {
    "round": "按轮次筛选（名称或 id）",
    "target": "按被巡察对象筛选（名称或 id）",
    "team": "按巡察组筛选（名称或 id）",
    "status": "按状态筛选（状态代码）",
    "type": "按类型筛选（类型代码）",
    "category": "按分类筛选",
    "channel": "按来信渠道筛选",
    "date_from": "起始日期 YYYY-MM-DD（收到、谈话、编制或时限的日期，依记录类型）",
    "date_to": "截止日期 YYYY-MM-DD",
    "text": "按文字查找：编号、名称、摘要等（不分大小写）",
}

# CLI switch → the list service's keyword it turns on, and its help
SWITCHES: dict[str, tuple[str, str]] = {
    "overdue": ("overdue", "只列反馈期限已过仍未反馈的（督办）"),
}

COMMANDS: list[RecordCommand] = [
    RecordCommand(
        "rounds",
        "巡察轮次",
        rounds.list_rounds,
        rounds.get_round,
        (
            ("id", "编号"),
            ("name", "名称"),
            ("round_type", "类型"),
            ("phase", "阶段"),
            ("start_date", "开始"),
        ),
    ),
    RecordCommand(
        "targets",
        "被巡察对象",
        targets.list_targets,
        targets.get_target,
        (("id", "编号"), ("name", "名称"), ("kind_title", "类型"), ("attention", "关注等级")),
    ),
    RecordCommand(
        "persons",
        "干部/人员",
        targets.list_persons,
        targets.get_person,
        (("id", "编号"), ("name", "姓名"), ("position", "职务"), ("level", "级别")),
    ),
    RecordCommand(
        "interviews",
        "个别谈话",
        interviews.list_interviews,
        interviews.get_interview,
        (
            ("number", "编号"),
            ("held_at", "时间"),
            ("interview_type", "类型"),
            ("subject_name", "谈话对象"),
            ("id", "ID"),
        ),
    ),
    RecordCommand(
        "letters",
        "信访件",
        letters.list_letters,
        letters.get_letter,
        (
            ("number", "编号"),
            ("received_at", "收到时间"),
            ("channel", "渠道"),
            ("category", "分类"),
            ("status", "状态"),
            ("id", "ID"),
        ),
    ),
    RecordCommand(
        "findings",
        "问题底稿",
        findings.list_findings,
        findings.get_finding,
        (
            ("number", "编号"),
            ("title", "名称"),
            ("status", "状态"),
            ("compiled_on", "编制日期"),
            ("id", "ID"),
        ),
    ),
    RecordCommand(
        "clues",
        "问题线索",
        clues.list_clues,
        clues.get_clue,
        (
            ("number", "编号"),
            ("subject_name", "被反映人"),
            ("status", "状态"),
            ("feedback_due", "反馈期限"),
            ("id", "ID"),
        ),
    ),
    RecordCommand(
        "activities",
        "工作记录",
        activities.list_activities,
        activities.get_activity,
        (("held_at", "时间"), ("activity_type", "类型"), ("title", "标题"), ("id", "ID")),
    ),
    RecordCommand(
        "focus",
        "监督重点清单事项",
        focus.list_focus_items,
        focus.get_focus_item,
        (("item_code", "代码"), ("title", "事项"), ("status", "状态"), ("id", "ID")),
    ),
    RecordCommand(
        "lists",
        "“3+1”清单条目",
        focus.list_list_entries,
        focus.get_list_entry,
        (("kind", "清单"), ("title", "标题"), ("document_no", "文号"), ("id", "ID")),
    ),
    RecordCommand(
        "portraits",
        "政治画像",
        portraits.list_portraits,
        portraits.get_portrait,
        (("subject_name", "对象"), ("subject_type", "类别"), ("overall", "总体评价"), ("id", "ID")),
    ),
    RecordCommand(
        "rectifications",
        "整改台账",
        rectification.list_rectifications,
        rectification.get_rectification,
        (
            ("number", "编号"),
            ("status", "状态"),
            ("due_date", "时限"),
            ("problem", "问题"),
            ("id", "ID"),
        ),
    ),
    RecordCommand(
        "reports",
        "报告",
        reports.list_reports,
        reports.get_report,
        (("report_type", "类型"), ("title", "标题"), ("approval", "状态"), ("id", "ID")),
    ),
    RecordCommand(
        "archive",
        "立卷归档",
        reports.list_archive_items,
        reports.get_archive_item,
        (("volume_no", "卷号"), ("item_no", "件号"), ("title", "题名"), ("id", "ID")),
    ),
]


def _text(value: Any, width: int = 40) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _shown(value: Any) -> str:
    """A field of ``show``: yes/no, lists joined, a nested part (a 责任主体, a 审签 step) as its
    labelled values in brackets."""
    if is_dataclass(value) and not isinstance(value, type):
        parts = [
            f"{view_field_label(f.name)}：{_shown(v)}"
            for f in fields(value)
            if (v := getattr(value, f.name)) not in (None, "", (), [])
        ]
        return "（" + "，".join(parts) + "）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(_shown(v) for v in value)
    return _text(value, 200)


def _filters(spec: RecordCommand, args: argparse.Namespace) -> dict[str, Any]:
    accepted = inspect.signature(spec.list_fn).parameters
    kwargs: dict[str, Any] = {}
    for flag, (keyword, _help) in SWITCHES.items():
        if getattr(args, flag, False):
            if keyword not in accepted:
                raise UsageError(f"{spec.help}不支持 --{flag} 筛选")
            kwargs[keyword] = True
    for flag, names in FILTERS.items():
        value = getattr(args, flag, None)
        if value is None:
            continue
        name = next((n for n in names if n in accepted), None)
        option = "--" + flag.replace("date_", "").replace("_", "-")
        if name is None:
            raise UsageError(f"{spec.help}不支持 {option} 筛选")
        kwargs[name] = common.iso_date(value, option) if flag.startswith("date_") else value
    if getattr(args, "voided", False):
        if "voided" not in accepted:
            raise UsageError(f"{spec.help}不支持 --voided")
        kwargs["voided"] = True
    if getattr(args, "order", None):
        if "order" not in accepted:
            raise UsageError(f"{spec.help}不支持 --order 排序")
        kwargs["order"] = args.order  # the service validates the column
    return kwargs


def _resolve_names(session: Session, kwargs: dict[str, Any]) -> None:
    """``--round``, ``--team`` and ``--target`` may be names as well as UUIDs (a team or a target
    within its round)."""
    for key, kind in (("round_id", "rounds"), ("team_id", "teams"), ("target_id", "targets")):
        if key in kwargs:
            kwargs[key] = resolve_record(session, kind, kwargs[key], kwargs.get("round_id"))


def _none(page: Any) -> str:
    """What an empty page says: nothing matched, or nothing this far into the list."""
    if page.total:
        return f"第 {page.offset + 1} 条起没有记录（共 {page.total} 条）"
    return "没有记录"


def _list(spec: RecordCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        kwargs = _filters(spec, args)
        with common.unlock(args) as vault, vault.read() as s:
            _resolve_names(s, kwargs)
            try:
                page = spec.list_fn(s, **kwargs, offset=args.offset, limit=args.limit)
            except ValidationError as exc:
                if exc.details.get("field") != "order":
                    raise
                keys = "、".join(f"{k}（{view_field_label(k)}）" for k in exc.details["allowed"])
                raise UsageError(
                    f"--order 不能按“{args.order}”排序；可用的列：{keys}（前加 - 为倒序）"
                ) from None
        voided = kwargs.get("voided", False)  # a last column: 已作废：<理由>
        header = "\t".join([*(h for _, h in spec.columns), *(["作废"] if voided else [])])
        rows = [
            "\t".join(
                [
                    *(_text(getattr(item, a, None)) for a, _ in spec.columns),
                    *([_text(void_mark(getattr(item, "meta", None)), 80)] if voided else []),
                ]
            )
            for item in page.items
        ]
        footer = f"第 {page.offset + 1}–{page.offset + len(page.items)} 条，共 {page.total} 条"
        common.emit(args, page, "\n".join([header, *rows, footer]) if rows else _none(page))
        return 0

    return run


def _show(spec: RecordCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        # a write transaction: showing a record's content is audited (services/reads.py); a
        # voided record shows too, marked with its reason
        with common.unlock(args) as vault, vault.session() as s:
            record_id = resolve_record(s, spec.name, args.id, voided=True)
            view = open_record(s, spec.name, record_id, readable(spec.get_fn))
        mark = void_mark(getattr(view, "meta", None))
        lines = [mark] if mark else []
        lines += [
            f"{view_field_label(f.name)}：{_shown(getattr(view, f.name))}"
            for f in (fields(view) if is_dataclass(view) else ())
            if f.name != "meta"
        ]
        common.emit(args, view, "\n".join(lines))
        return 0

    return run


def _void(spec: RecordCommand) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with common.unlock(args) as vault, vault.session() as s:
            record_id = resolve_record(s, spec.name, args.id)
            with recusal_override(s, getattr(args, "override", None)):
                void(s, spec.name, record_id, args.reason)
        common.emit(args, {"id": record_id, "voided": True}, f"已作废：{args.id}")
        return 0

    return run


# the record kinds a 回避 keeps a member off (the 组长 may override it: ``--override``)
RECUSAL_CHECKED = ("letters", "interviews", "clues")


def _id_help(name: str) -> str:
    kind = KINDS.get(name)
    if name in ("rounds", "teams"):
        return "id 或名称"
    return f"id 或{kind.key_label}" if kind is not None and kind.key is not None else "id"


def register(sub: argparse._SubParsersAction) -> dict[str, Any]:  # type: ignore[type-arg]
    """Returns each record type's verbs, for the set-up commands to add theirs (rounds add…)."""
    groups: dict[str, Any] = {}
    for spec in COMMANDS:
        verbs = sub.add_parser(spec.name).add_subparsers(dest=f"{spec.name}_cmd", required=True)
        groups[spec.name] = verbs
        p = verbs.add_parser("list", help=f"列出{spec.help}")
        for flag in FILTERS:
            option = "--" + flag.replace("date_", "").replace("_", "-")
            p.add_argument(option, dest=flag, help=FILTER_HELP[flag])
        p.add_argument("--order", help="按此列排序，前加 - 为倒序；写错时列出可用的列")
        p.add_argument("--voided", action="store_true", help="也列出已作废的记录（标明作废理由）")
        p.add_argument("--offset", type=common.whole_number, default=0)
        p.add_argument("--limit", type=common.whole_number, default=50)
        for flag, (_name, text) in SWITCHES.items():
            p.add_argument(f"--{flag}", action="store_true", help=text)
        p.set_defaults(func=_list(spec))
        p = verbs.add_parser("show", help=f"显示一条{spec.help}")
        p.add_argument("id", help=_id_help(spec.name))
        p.set_defaults(func=_show(spec))
        if spec.name in VOIDERS:  # nothing is deleted: a record is voided with a reason
            p = verbs.add_parser("void", help=f"作废一条{spec.help}（须写理由）")
            p.add_argument("id", help=_id_help(spec.name))
            p.add_argument("--reason", required=True, help="作废理由")
            if spec.name in RECUSAL_CHECKED:
                p.add_argument("--override", help="回避例外理由（组长对本人申报的回避例外办理）")
            p.set_defaults(func=_void(spec))
    return groups
