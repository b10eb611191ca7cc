"""``workbench data hit ID [exclude|verify|confirm|to-clue|to-finding]``: one 比对疑点, shown with
its matched rows side by side, decided, or turned into a 问题线索 or 底稿 (the rules are in
services/hit_review.py)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence

from sqlalchemy.orm import Session

from workbench.cli import common
from workbench.datacheck.evidence import side_by_side
from workbench.services.datahits import HitView, get_hit
from workbench.services.hit_review import (
    DEFAULT_METHOD,
    Converted,
    decide_hit,
    hit_to_clue,
    hit_to_finding,
    linked_records,
    resolve_hit,
)
from workbench.services.identifiers import resolve_record
from workbench.services.office_setup import resolve_team
from workbench.services.reads import open_record
from workbench.vocab.enums import CadreLevel, ClueTransferUnit, HitStatus

_LEVELS = "|".join(c.value for c in CadreLevel)
_UNITS = "|".join(u.value for u in ClueTransferUnit)
_CELL_MAX = 30  # characters of a value in the terminal's table; --json has all of it


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= _CELL_MAX else text[: _CELL_MAX - 1] + "…"


def _table(header: Sequence[str], lines: Sequence[Sequence[str]]) -> list[str]:
    """Columns aligned by display width (a Chinese character takes two)."""
    rows = [[_cut(c) for c in header], *([_cut(c) for c in line] for line in lines)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def describe(view: HitView, linked: Sequence[str]) -> str:
    """The hit in words, its matched rows side by side (one column per row)."""
    subject = view.subject_name + (
        f"（{view.subject_id_number}）" if view.subject_id_number else ""
    )
    out = [
        f"比对疑点 {view.id}",
        f"规则：{view.rule_title}（{view.rule_id} 第 {view.rule_version} 版）",
        f"涉及人员：{subject}",
        f"比对情况：{view.summary}",
    ]
    out += [f"定性提示：{view.qualification}"] if view.qualification else []
    out += [f"涉及纪律：{view.discipline}"] if view.discipline else []
    decision = f"处理结论：{view.status.label}"
    if view.decided_at is not None:
        decision += f"（{view.decided_by}，{view.decided_at:%Y-%m-%d %H:%M}）"
    out.append(decision)
    out += [f"说明：{view.reason}"] if view.reason else []
    out += [f"已转为：{'、'.join(linked)}"] if linked else []
    headings, lines = side_by_side(view.rows, raw=any("cells" in r for r in view.rows))
    if headings:
        out += ["比中数据：", *_table(["字段", *headings], [[k, *vs] for k, vs in lines])]
    return "\n".join(out)


def cmd_show(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        hit_id = resolve_hit(s, args.id)
        view = open_record(s, "data_hits", hit_id, get_hit)
        linked = linked_records(s, view)
    common.emit(args, {"hit": view, "linked": list(linked)}, describe(view, linked))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        view = decide_hit(s, resolve_hit(s, args.id), args.status, args.reason or "")
    reason = f"：{view.reason}" if view.reason else ""
    common.emit(args, view, f"疑点 {view.id[:8]} 已标记为“{view.status.label}”{reason}")
    return 0


def _converted(args: argparse.Namespace, done: Converted, noun: str) -> None:
    human = (
        f"疑点 {done.hit.id[:8]} 已转为{noun} {done.number}（疑点：{done.hit.status.label}），"
        f"比中数据已作为佐证材料附上（{done.attachment_sha256[:12]}）"
    )
    common.emit(args, done, human)


def cmd_to_clue(args: argparse.Namespace) -> int:
    due = common.iso_date(args.due, "--due")
    with common.unlock(args) as vault, vault.session() as s:
        hit_id = resolve_hit(s, args.id)
        target = resolve_record(s, "targets", args.target) if args.target else None
        team = _team(s, args.team, hit_id)
        done = hit_to_clue(
            s,
            hit_id,
            attachments=vault.attachments,
            subject_level=args.level,
            subject_position=args.position or "",
            transfer_unit=args.to,
            second_unit=args.second_to,
            other_unit=args.unit or "",
            target_id=target,
            team_id=team,
            feedback_due=due,
        )
    _converted(args, done, "问题线索")
    return 0


def cmd_to_finding(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        hit_id = resolve_hit(s, args.id)
        round_id = get_hit(s, hit_id).round_id
        done = hit_to_finding(
            s,
            hit_id,
            attachments=vault.attachments,
            target_id=resolve_record(s, "targets", args.target, round_id),
            title=args.title or "",
            method_code=args.method,
            taxonomy_code=args.category or "",
            team_id=_team(s, args.team, hit_id),
            amount=args.amount,
        )
    _converted(args, done, "问题底稿")
    return 0


def _team(s: Session, text: str | None, hit_id: str) -> str | None:
    """The team ``--team`` names, among those of the hit's round."""
    if not text:
        return None
    return resolve_team(s, text, get_hit(s, hit_id).round_id)


def add_parsers(data: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``data hit ID``: show; with a step after the id: decide or convert."""
    p = data.add_parser(
        "hit", help="查看一条比对疑点（比中数据并排显示），或排除、核实、转为线索或底稿"
    )
    p.add_argument("id", help="疑点 id（疑点列表所示；也可只写其前 6 位以上）")
    p.set_defaults(func=cmd_show)
    steps = p.add_subparsers(dest="hit_step", metavar="处理")
    for verb, status, text in (
        ("exclude", HitStatus.EXCLUDED, "排除（须用 --reason 写明理由）"),
        ("verify", HitStatus.PENDING, "标记为待核实"),
        ("confirm", HitStatus.CONFIRMED, "标记为属实"),
    ):
        s = steps.add_parser(verb, help=text)
        if status is HitStatus.EXCLUDED:
            s.add_argument("--reason", required=True, help="排除理由（必填），如：同名不同人")
        else:
            s.add_argument("--reason", help="核实说明")
        s.set_defaults(func=cmd_decide, status=status)
    s = steps.add_parser("to-clue", help="转为问题线索（比中数据作为佐证材料附上）")
    s.add_argument("--level", required=True, help=f"被反映人干部级别：{_LEVELS}（或中文名称）")
    s.add_argument("--position", help="被反映人职务")
    s.add_argument(
        "--to", default=ClueTransferUnit.DISCIPLINE_COMMISSION.value, help=f"拟移交单位：{_UNITS}"
    )
    s.add_argument("--second-to", help=f"双移交的第二个单位：{_UNITS}")
    s.add_argument("--unit", help="拟移交单位为 other 时的单位名称")
    s.add_argument("--target", help="涉及的被巡察对象（名称或 id）")
    s.add_argument("--team", help="巡察组（名称或 id；默认：疑点所属组）")
    s.add_argument("--due", help="反馈期限 YYYY-MM-DD")
    s.set_defaults(func=cmd_to_clue)
    s = steps.add_parser("to-finding", help="转为问题底稿（比中数据作为佐证材料附上）")
    s.add_argument("--target", required=True, help="被巡察对象（名称或 id）")
    s.add_argument("--title", help="底稿名称（默认：规则名称和涉及人员）")
    s.add_argument(
        "--method",
        default=DEFAULT_METHOD,
        help=f"发现方式（工作方式代码或名称；默认 {DEFAULT_METHOD}）",
    )
    s.add_argument("--category", help="问题分类代码（本轮监督框架中的代码）")
    s.add_argument("--team", help="巡察组（名称或 id；默认：巡察该对象的组）")
    s.add_argument("--amount", help="涉及金额（元）")
    s.set_defaults(func=cmd_to_finding)
