"""The office's set-up of a round from the command line: rounds, teams, members, targets and the
监督重点清单 (services/office_setup.py holds the rules and who may do it).

``--round`` and ``--team`` take a name as well as a UUID; options are checked before the
passphrase is asked for where they can be.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from workbench.cli import clue_cmds, common, round_plan_cmds
from workbench.errors import UsageError
from workbench.models.enums import RoundPhase, RoundType
from workbench.services.office_setup import (
    DEFAULT_FRAMEWORK,
    RoundChanges,
    TargetSetup,
    add_round,
    add_target,
    add_team,
    add_team_member,
    edit_round,
    list_round_teams,
    move_round_phase,
    next_round_number,
    resolve_round,
    resolve_team,
    seed_round_focus,
)
from workbench.services.rounds import MemberDraft, RoundDraft, RoundView
from workbench.services.targets import TargetDraft

TYPE_CODES = "、".join(f"{t.value}（{t.label}）" for t in RoundType)
PHASE_CODES = "、".join(f"{p.value}（{p.label}）" for p in RoundPhase)


def _round_type(text: str | None) -> RoundType | None:
    """The English code (or the Chinese label) of a round type; anything else is a usage error."""
    if text is None:
        return None
    try:
        return RoundType.parse(text.strip())
    except ValueError:
        raise UsageError(f"巡察类型“{text}”无效，可选：{TYPE_CODES}") from None


def _phase(text: str) -> RoundPhase:
    try:
        return RoundPhase.parse(text.strip())
    except ValueError:
        raise UsageError(f"巡察阶段“{text}”无效，可选：{PHASE_CODES}") from None


def _framework(text: str | None) -> tuple[str, int]:
    if text is None:
        return DEFAULT_FRAMEWORK
    match = re.fullmatch(r"([a-z0-9_.-]+)@([0-9]{1,6})", text.strip())
    if match is None:
        raise UsageError(f"--framework 应写作 标识@版本，如 sigjj@2025，而不是“{text}”")
    return match.group(1), int(match.group(2))


def _round_line(view: RoundView) -> str:
    dates = f"，{view.start_date} 至 {view.end_date}" if view.start_date or view.end_date else ""
    return (
        f"“{view.name}”（{view.year}年第{view.number}轮，{view.round_type.label}巡察，"
        f"{view.phase.label}阶段，框架 {view.framework_id}@{view.framework_version}{dates}）"
    )


def cmd_rounds_add(args: argparse.Namespace) -> int:
    round_type = _round_type(args.type)
    framework_id, framework_version = _framework(args.framework)
    start = common.iso_date(args.start, "--start")
    end = common.iso_date(args.end, "--end")
    with common.unlock(args) as vault, vault.session() as s:
        year = args.year if args.year is not None else date.today().year
        number = args.number if args.number is not None else next_round_number(s, year)
        view = add_round(
            s,
            RoundDraft(
                name=args.name,
                year=year,
                number=number,
                round_type=round_type or RoundType.REGULAR,
                framework_id=framework_id,
                framework_version=framework_version,
                term=args.term or "",
                start_date=start,
                end_date=end,
                authorization_no=args.auth_no or "",
            ),
        )
    common.emit(args, view, f"已新建巡察轮次{_round_line(view)}")
    return 0


def cmd_rounds_edit(args: argparse.Namespace) -> int:
    changes = RoundChanges(
        name=args.name,
        round_type=_round_type(args.type),
        term=args.term,
        year=args.year,
        number=args.number,
        authorization_no=args.auth_no,
        start_date=common.iso_date(args.start, "--start"),
        end_date=common.iso_date(args.end, "--end"),
    )
    with common.unlock(args) as vault, vault.session() as s:
        view = edit_round(s, resolve_round(s, args.round), changes)
    common.emit(args, view, f"已修改巡察轮次{_round_line(view)}")
    return 0


def cmd_rounds_phase(args: argparse.Namespace) -> int:
    phase = _phase(args.phase)
    with common.unlock(args) as vault, vault.session() as s:
        view = move_round_phase(s, resolve_round(s, args.round), phase)
    common.emit(args, view, f"巡察轮次“{view.name}”已进入{view.phase.label}阶段")
    return 0


def cmd_teams_add(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        setup = add_team(s, resolve_round(s, args.round), args.name, leader=args.leader)
    leader = f"，组长 {setup.leader.name}" if setup.leader else ""
    common.emit(args, setup, f"已新建第{setup.team.number}组“{setup.team.name}”{leader}")
    return 0


def cmd_teams_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        teams = list_round_teams(s, resolve_round(s, args.round))
    lines = [
        f"第{t.team.number}组\t{t.team.name}\t组长 {t.leader or '（未定）'}\t"
        f"成员 {len(t.members)} 人\t对象 {len(t.team.target_ids)} 个"
        for t in teams
    ]
    common.emit(args, teams, "\n".join(lines) if lines else "本轮还没有巡察组。")
    return 0


def cmd_members_add(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        member = add_team_member(
            s,
            resolve_team(s, args.team, round_id),
            MemberDraft(
                name=args.name,
                role=args.role,
                force_type=args.force_type,
                original_unit=args.unit or "",
            ),
        )
    common.emit(
        args,
        member,
        f"已添加{member.role.label} {member.name}（{member.force_type.label}）",
    )
    return 0


def _target_line(setup: TargetSetup) -> str:
    t = setup.target
    kind = f"{t.kind_title}·{t.subtype_title}" if t.subtype_title else t.kind_title
    focus = f"监督重点清单 {setup.focus_items} 项" if setup.focus_items else setup.note
    return f"“{t.name}”（{kind}），{focus}"


def cmd_targets_add(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round)
        setup = add_target(
            s,
            round_id,
            TargetDraft(
                name=args.name,
                kind=args.kind,
                subtype=args.subtype,
                attention=args.attention,
                team_id=resolve_team(s, args.team, round_id) if args.team else None,
                leader_name=args.leader_name or "",
                parent_org=args.parent_org or "",
            ),
        )
    common.emit(args, setup, f"已添加被巡察对象{_target_line(setup)}")
    return 0


def cmd_focus_seed(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.session() as s:
        seeded = seed_round_focus(s, resolve_round(s, args.round))
    lines = [_target_line(t) for t in seeded]
    common.emit(args, seeded, "\n".join(lines) if lines else "本轮还没有被巡察对象。")
    return 0


def _round_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--name", required=adding, help="轮次名称，如 2026年第一轮巡察")
    p.add_argument(
        "--type",
        required=adding,
        help="巡察类型：regular|special|mobile|elevated|cross|linked|"
        "revisit|village（或中文：常规、专项、机动、提级、交叉、联动、回头看、对村）",
    )
    p.add_argument("--term", help="届次，如 十五届市委")
    p.add_argument("--year", type=int, help="年度（新建时默认今年）")
    p.add_argument("--number", type=int, help="轮次（新建时默认该年度的下一轮）")
    p.add_argument("--auth-no", dest="auth_no", help="授权文号")
    p.add_argument("--start", help="开始日期 YYYY-MM-DD")
    p.add_argument("--end", help="结束日期 YYYY-MM-DD")


def register(sub: argparse._SubParsersAction, groups: dict[str, Any]) -> None:  # type: ignore[type-arg]
    """Adds to the ``rounds``, ``targets``, ``focus`` and ``clues`` groups of list_cmds; makes
    ``teams`` and ``members``."""
    rounds = groups["rounds"]
    round_plan_cmds.register(rounds)
    clue_cmds.register(groups["clues"])
    p = rounds.add_parser("add", help="新建巡察轮次（巡察办）")
    _round_options(p, adding=True)
    p.add_argument(
        "--framework",
        help=f"监督框架 标识@版本（默认 {DEFAULT_FRAMEWORK[0]}@{DEFAULT_FRAMEWORK[1]}）",
    )
    p.set_defaults(func=cmd_rounds_add)
    p = rounds.add_parser("edit", help="修改巡察轮次（巡察办）；只改给出的项")
    p.add_argument("round", help="轮次名称或 id")
    _round_options(p, adding=False)
    p.set_defaults(func=cmd_rounds_edit)
    p = rounds.add_parser("phase", help="把巡察轮次推进到下一阶段（巡察办，记入审计日志）")
    p.add_argument("round", help="轮次名称或 id")
    p.add_argument(
        "phase",
        help="下一阶段：preparation|stationing|reporting|feedback|rectification|archiving"
        "（或中文：准备、进驻、报告、反馈、整改、归档）",
    )
    p.set_defaults(func=cmd_rounds_phase)

    teams = sub.add_parser("teams", help="巡察组：add / list").add_subparsers(
        dest="teams_cmd", required=True
    )
    p = teams.add_parser("add", help="新建巡察组（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--name", required=True)
    p.add_argument("--leader", help="组长：本库用户名（关联该用户），或组长姓名")
    p.set_defaults(func=cmd_teams_add)
    p = teams.add_parser("list", help="列出本轮巡察组")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.set_defaults(func=cmd_teams_list)

    members = sub.add_parser("members", help="组员：add").add_subparsers(
        dest="members_cmd", required=True
    )
    p = members.add_parser("add", help="添加组员（巡察办）")
    p.add_argument("--team", required=True, help="巡察组名称或 id")
    p.add_argument("--round", help="轮次名称或 id（各轮组名相同时用）")
    p.add_argument("--name", required=True)
    p.add_argument("--role", default="member", help="leader|deputy|member|recorder|letters")
    p.add_argument(
        "--force-type", dest="force_type", default="full_time", help="full_time|fixed|seconded"
    )
    p.add_argument("--unit", help="原单位")
    p.set_defaults(func=cmd_members_add)

    p = groups["targets"].add_parser("add", help="添加被巡察对象并生成其监督重点清单（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, help="对象类型代码或名称，如 village、村")
    p.add_argument("--subtype", help="子类型代码或名称，如 complex、社情复杂村")
    p.add_argument("--attention", default="general", help="special|key|general（默认 general）")
    p.add_argument("--team", help="负责的巡察组名称或 id")
    p.add_argument("--leader-name", dest="leader_name", help="一把手姓名")
    p.add_argument("--parent-org", dest="parent_org", help="上级主管")
    p.set_defaults(func=cmd_targets_add)

    p = groups["focus"].add_parser("seed", help="按对象类型补齐本轮各对象的监督重点清单（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.set_defaults(func=cmd_focus_seed)
