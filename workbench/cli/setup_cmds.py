"""The office's set-up of a round from the command line: rounds, teams, targets and the
监督重点清单 (services/office_setup.py holds the rules and who may do it; round_rules.py what
each round type means). Members, persons and "3+1" lists: setup_member_cmds.py.

``--round`` and ``--team`` take a name as well as a UUID; options are checked before the
passphrase is asked for where they can be.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace
from datetime import date
from typing import Any

from workbench.cli import clue_cmds, common, round_plan_cmds, setup_member_cmds
from workbench.cli.setup_member_cmds import org_level
from workbench.errors import UsageError
from workbench.services.office_setup import (
    DEFAULT_FRAMEWORK,
    RoundChanges,
    TargetChanges,
    TargetSetup,
    TeamChanges,
    add_round,
    add_target,
    add_team,
    edit_round,
    edit_target,
    edit_team,
    list_round_teams,
    move_round_phase,
    next_round_number,
    resolve_round,
    resolve_target,
    resolve_team,
    seed_round_focus,
    set_team_contact,
)
from workbench.services.rounds import (
    PhaseDates,
    RoundDraft,
    RoundView,
    TeamView,
    get_round,
    get_team,
)
from workbench.services.targets import TargetDraft
from workbench.vocab.enums import OrgLevel, RoundPhase, RoundType

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


def level(text: str | None) -> OrgLevel | None:
    return org_level(text, "--level")


def _phase_dates(values: list[str] | None) -> PhaseDates | None:
    """``--phase-date 进驻=2026-03-01..2026-04-30`` (repeatable; either end may be empty); on an
    edit the phases named replace theirs and the others keep their dates."""
    if not values:
        return None
    dates: PhaseDates = {}
    for value in values:
        phase, sep, span = value.partition("=")
        start, dots, end = span.partition("..")
        if not (sep and dots):
            raise UsageError(
                "--phase-date 应写作 阶段=开始..结束，如 进驻=2026-03-01..2026-04-30，"
                f"而不是“{value}”"
            )
        dates[_phase(phase)] = (
            common.iso_date(start.strip(), "--phase-date"),
            common.iso_date(end.strip(), "--phase-date"),
        )
    return dates


def _framework(text: str | None) -> tuple[str, int]:
    if text is None:
        return DEFAULT_FRAMEWORK
    match = re.fullmatch(r"([a-z0-9_.-]+)@([0-9]{1,6})", text.strip())
    if match is None:
        raise UsageError(f"--framework 应写作 标识@版本，如 sigjj@2025，而不是“{text}”")
    return match.group(1), int(match.group(2))


def _round_line(view: RoundView) -> str:
    dates = f"，{view.start_date} 至 {view.end_date}" if view.start_date or view.end_date else ""
    topic = f"，专项主题“{view.topic}”" if view.topic else ""
    return (
        f"“{view.name}”（{view.year}年第{view.number}轮，{view.round_type.label}巡察，"
        f"{view.dispatch_level.label}派出，{view.phase.label}阶段，"
        f"框架 {view.framework_id}@{view.framework_version}{dates}{topic}）"
    )


def cmd_rounds_add(args: argparse.Namespace) -> int:
    round_type = _round_type(args.type)
    framework_id, framework_version = _framework(args.framework)
    start = common.iso_date(args.start, "--start")
    end = common.iso_date(args.end, "--end")
    dispatch = level(args.level)
    phase_dates = _phase_dates(args.phase_date)
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
                dispatch_level=dispatch or OrgLevel.CITY,
                topic=args.topic or "",
                revisit_of=args.revisit_of,
                phase_dates=dict((phase_dates or {}).items()),
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
        dispatch_level=level(args.level),
        topic=args.topic,
        revisit_of=args.revisit_of,
    )
    dates = _phase_dates(args.phase_date)
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round)
        if dates is not None:  # the service takes the whole set
            changes = replace(changes, phase_dates={**get_round(s, round_id).phase_dates, **dates})
        view = edit_round(s, round_id, changes)
    common.emit(args, view, f"已修改巡察轮次{_round_line(view)}")
    return 0


def cmd_rounds_phase(args: argparse.Namespace) -> int:
    phase = _phase(args.phase)
    with common.unlock(args) as vault, vault.session() as s:
        view = move_round_phase(s, resolve_round(s, args.round), phase)
    common.emit(args, view, f"巡察轮次“{view.name}”已进入{view.phase.label}阶段")
    return 0


def _team_line(team: TeamView) -> str:
    county = f"·{team.county}" if team.county else ""
    return f"第{team.number}组“{team.name}”（{team.level.label}{county}）"


def cmd_teams_add(args: argparse.Namespace) -> int:
    team_level = level(args.level)
    with common.unlock(args) as vault, vault.session() as s:
        setup = add_team(
            s,
            resolve_round(s, args.round),
            args.name,
            leader=args.leader,
            level=team_level or OrgLevel.CITY,
            county=args.county or "",
            lead_team=args.lead_team,
        )
    leader = f"，组长 {setup.leader.name}" if setup.leader else ""
    common.emit(args, setup, f"已新建{_team_line(setup.team)}{leader}")
    return 0


def cmd_teams_edit(args: argparse.Namespace) -> int:
    changes = TeamChanges(
        name=args.name, level=level(args.level), county=args.county, lead_team=args.lead_team
    )
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        team = edit_team(s, resolve_team(s, args.team, round_id), changes)
    common.emit(args, team, f"已修改{_team_line(team)}")
    return 0


# the 信访渠道 of ``teams contact``: (TeamContact field and --option, label, example)
CONTACT_OPTIONS = (
    ("phone", "值班电话", ""),
    ("mailbox", "邮政信箱", "，如 云川县邮政局第18号信箱"),
    ("postcode", "邮编", "（信箱的邮编，6 位数字）"),
    ("email", "电子邮箱", ""),
    ("address", "来访地址", ""),
    ("hours", "受理时间", "，如 工作日8:30-17:30"),
    ("qr", "二维码内容", "：巡察公告二维码所含的网址，或电话、邮箱等文字"),
)


def cmd_teams_contact(args: argparse.Namespace) -> int:
    given = {f: getattr(args, f) for f, _, _ in CONTACT_OPTIONS if getattr(args, f) is not None}
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round) if args.round else None
        team_id = resolve_team(s, args.team, round_id)
        current = get_team(s, team_id).contact
        team = set_team_contact(s, team_id, replace(current, **given))
    shown = "；".join(
        f"{label}：{getattr(team.contact, f)}"
        for f, label, _ in CONTACT_OPTIONS
        if getattr(team.contact, f)
    )
    common.emit(args, team, f"{_team_line(team)}的信访渠道：{shown or '（未设置）'}")
    return 0


def cmd_teams_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        teams = list_round_teams(s, resolve_round(s, args.round))
    lines = [
        f"第{t.team.number}组\t{t.team.name}\t{t.team.level.label}{t.team.county}\t"
        f"组长 {t.leader or '（未定）'}\t"
        f"成员 {len(t.members)} 人\t对象 {len(t.team.target_ids)} 个"
        for t in teams
    ]
    common.emit(args, teams, "\n".join(lines) if lines else "本轮还没有巡察组。")
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
                team_id=args.team,  # its name or id
                leader_name=args.leader_name or "",
                parent_org=args.parent_org or "",
                county=args.county or "",
            ),
        )
    common.emit(args, setup, f"已添加被巡察对象{_target_line(setup)}")
    return 0


def cmd_targets_edit(args: argparse.Namespace) -> int:
    changes = TargetChanges(
        name=args.name,
        kind=args.kind,
        subtype=args.subtype,
        attention=args.attention,
        parent_org=args.parent_org,
        leader_name=args.leader_name,
        county=args.county,
        team=args.team,
    )
    with common.unlock(args) as vault, vault.session() as s:
        round_id = resolve_round(s, args.round)
        target = edit_target(s, resolve_target(s, args.target, round_id), changes)
    team = "" if target.team_id else "，未分配巡察组"
    common.emit(args, target, f"已修改被巡察对象“{target.name}”（{target.kind_title}）{team}")
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
    p.add_argument("--level", help="派出层级 city|county（市级、县级；提级巡察为 city）")
    p.add_argument("--topic", help="专项主题（专项巡察必填）")
    p.add_argument("--revisit-of", dest="revisit_of", help="回头看的原轮次名称或 id")
    p.add_argument(
        "--phase-date",
        dest="phase_date",
        action="append",
        metavar="PHASE=START..END",
        help="某阶段的起止日期，如 进驻=2026-03-01..2026-04-30（可重复；一端可空）",
    )


def _team_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", help="层级 city|county（市级组、县级组）")
    p.add_argument("--county", help="所属县（区）（交叉巡察必填）")
    p.add_argument(
        "--lead-team",
        dest="lead_team",
        help='牵头的市级组名称或 id（提级巡察 1托N、联动巡察的县级组；编辑时 "" 取消）',
    )


def _target_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--kind", required=adding, help="对象类型代码或名称，如 village、村")
    p.add_argument("--subtype", help="子类型代码或名称，如 complex、社情复杂村")
    p.add_argument(
        "--attention",
        default="general" if adding else None,
        help="special|key|general（新建时默认 general）",
    )
    p.add_argument("--team", help='负责的巡察组名称或 id（编辑时 "" 取消分配）')
    p.add_argument("--leader", "--leader-name", dest="leader_name", help="一把手姓名")
    p.add_argument("--county", help="所属县（区）（交叉巡察必填）")
    p.add_argument("--parent-org", dest="parent_org", help="上级主管")


def register(sub: argparse._SubParsersAction, groups: dict[str, Any]) -> None:  # type: ignore[type-arg]
    """Adds to the ``rounds``, ``targets``, ``focus`` and ``clues`` groups of list_cmds; makes
    ``teams``; setup_member_cmds adds ``members``, ``persons add`` and ``lists add``."""
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

    teams = sub.add_parser("teams").add_subparsers(dest="teams_cmd", required=True)
    p = teams.add_parser("add", help="新建巡察组（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--name", required=True)
    p.add_argument("--leader", help="组长：本库用户名（关联该用户），或组长姓名")
    _team_options(p)
    p.set_defaults(func=cmd_teams_add)
    p = teams.add_parser("edit", help="修改巡察组（巡察办）；只改给出的项")
    p.add_argument("team", help="巡察组名称或 id")
    p.add_argument("--round", help="轮次名称或 id（各轮组名相同时用）")
    p.add_argument("--name")
    _team_options(p)
    p.set_defaults(func=cmd_teams_edit)
    p = teams.add_parser(
        "contact", help='设置巡察组的信访渠道（巡察办）；只改给出的项，"" 清除该项'
    )
    p.add_argument("team", help="巡察组名称或 id")
    p.add_argument("--round", help="轮次名称或 id（各轮组名相同时用）")
    for field, label, example in CONTACT_OPTIONS:
        p.add_argument(f"--{field}", help=f"{label}{example}")
    p.set_defaults(func=cmd_teams_contact)
    p = teams.add_parser("list", help="列出本轮巡察组")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.set_defaults(func=cmd_teams_list)
    setup_member_cmds.register(sub, groups)

    p = groups["targets"].add_parser("add", help="添加被巡察对象并生成其监督重点清单（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--name", required=True)
    _target_options(p, adding=True)
    p.set_defaults(func=cmd_targets_add)
    p = groups["targets"].add_parser("edit", help="修改被巡察对象（巡察办）；只改给出的项")
    p.add_argument("target", help="对象名称或 id")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--name")
    _target_options(p, adding=False)
    p.set_defaults(func=cmd_targets_edit)

    p = groups["focus"].add_parser("seed", help="按对象类型补齐本轮各对象的监督重点清单（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.set_defaults(func=cmd_focus_seed)
