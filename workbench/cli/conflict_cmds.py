"""``workbench conflicts``: list, show and resolve the office's conflicts, in the words of the
conflicts page: fields by their labels, both values side by side, versions as 本机/来件 or by
number; ``resolve`` keeps a whole version or takes differing fields one by one, and
``--preview`` prints the merged result without saving it."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from workbench.cli import common
from workbench.errors import UsageError
from workbench.exchange import (
    ConflictView,
    FieldRow,
    HeadView,
    field_key,
    get_conflict,
    head_number,
    list_conflicts,
    preview_merge,
    resolve_conflict,
)
from workbench.exchange.errors import ConflictMergeRefused

_CELL = 60  # characters of a value in a listing; ``show`` prints them whole


def _cut(text: str, limit: int | None) -> str:
    flat = " ".join(text.split())
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def head_line(head: HeadView) -> str:
    side = "本机" if head.local else "来件"
    line = f"[{head.index}] {side}：{head.device}，第 {head.version} 版"
    line += "（当前显示）" if head.live else ""
    line += "（提议：该设备无权直接修改此记录）" if head.held else ""
    return line + ("（已作废）" if head.deleted else "")


def _values(row: FieldRow, heads: Iterable[HeadView], limit: int | None) -> list[str]:
    return [f"    [{h.index}] {_cut(t, limit)}" for h, t in zip(heads, row.texts, strict=True)]


def conflict_text(view: ConflictView, *, full: bool = False) -> str:
    """One conflict: what it is, its versions, then each differing field with every version's
    value (``full``: every field, values uncut)."""
    lines = [
        f"{view.type_label} {view.title}（id {view.record_id}）  不同之处 {len(view.differing)} 处"
    ]
    lines += [f"  {head_line(h)}" for h in view.heads]
    limit = None if full else _CELL
    for row in view.rows:
        if not (row.differs or full):
            continue
        mark = "≠ " if row.differs and full else ""
        lines.append(f"  {mark}{row.label}：")
        lines += _values(row, view.heads, limit)
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        rows = list_conflicts(s)
    human = "\n\n".join(conflict_text(c) for c in rows)
    common.emit(args, rows, human or "没有待处理的冲突")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        view = get_conflict(s, args.record)
    common.emit(args, view, conflict_text(view, full=True))
    return 0


def _choices(view: ConflictView, items: list[str]) -> dict[str, int]:
    """``--field 名称=local|incoming|N`` → field key → version number."""
    out: dict[str, int] = {}
    for item in items:
        name, sep, side = item.rpartition("=")
        if not sep or not name.strip():
            raise UsageError(f"--field 应写成 名称=local 或 名称=incoming（或版本序号）：{item}")
        out[field_key(view, name)] = head_number(view, side)
    return out


def cmd_resolve(args: argparse.Namespace) -> int:
    if args.keep is None and not args.field:
        raise UsageError("请用 --keep 选定保留的版本，或用 --field 逐项选定不同之处")
    with common.unlock(args) as vault:
        with vault.read() as s:
            view = get_conflict(s, args.record)
            keep = None if args.keep is None else head_number(view, args.keep)
            choices = _choices(view, args.field or [])
            preview = preview_merge(s, view.record_id, keep, choices)
        if args.preview:
            lines = [f"{view.type_label} {view.title}：合并结果预览（未保存）"]
            for row, source in ((r, preview.sources.get(r.name)) for r in preview.rows):
                if row.differs:
                    lines.append(f"  {row.label}：{_cut(row.texts[0], None)}（取自 [{source}]）")
            if preview.refusal:
                lines.append(f"不能保存：{preview.refusal}")
            common.emit(args, preview, "\n".join(lines))
            return 0 if preview.refusal is None else ConflictMergeRefused.exit_code
        resolve_conflict(vault, view.record_id, keep, choices)
    taken = {n: i for n, i in preview.sources.items() if i != preview.keep}
    how = f"保留第 {preview.keep} 个版本"
    if taken:
        labels = {r.name: r.label for r in view.rows}
        how += "，其中" + "、".join(f"{labels[n]}取自第 {i} 个" for n, i in taken.items())
    common.emit(args, preview, f"已解决冲突：{view.type_label} {view.title}（{how}）")
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    conflicts = sub.add_parser("conflicts", help="（巡察办）合并冲突").add_subparsers(
        dest="conflicts_cmd", required=True
    )
    conflicts.add_parser("list", help="列出待处理的冲突及各版本的不同之处").set_defaults(
        func=cmd_list
    )
    p = conflicts.add_parser("show", help="一条冲突的全部字段，各版本并列")
    p.add_argument("record", help="记录的编号或 id")
    p.set_defaults(func=cmd_show)
    p = conflicts.add_parser("resolve", help="保留一个版本，或逐项选定不同之处，解决冲突")
    p.add_argument("record", help="记录的编号或 id")
    p.add_argument(
        "--keep",
        help="保留的版本：local（本机）、incoming（来件）或版本序号；"
        "与 --field 同用时，未逐项选定的字段取自此版本（默认本机）",
    )
    p.add_argument(
        "--field",
        action="append",
        metavar="名称=local|incoming",
        help="逐项选定：该字段取自本机、来件或第几个版本（可重复；名称见 conflicts show）",
    )
    p.add_argument("--preview", action="store_true", help="只显示合并结果，不保存")
    p.set_defaults(func=cmd_resolve)
