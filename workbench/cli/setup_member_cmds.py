"""The office's set-up from the command line, continued: a team's members (with 回避 declared by
the names of the round's targets and persons), the targets' persons and "3+1" list entries
(services/office_setup.py holds the rules and who may do it).
"""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli import common
from workbench.errors import UsageError
from workbench.services.focus import ListEntryDraft
from workbench.services.office_setup import (
    MemberChanges,
    add_list_entry,
    add_person,
    add_team_member,
    edit_member,
    list_team_members,
    resolve_member,
    resolve_round,
    resolve_team,
)
from workbench.services.rounds import MemberDraft, MemberView, get_team
from workbench.services.targets import PersonDraft
from workbench.vocab.enums import CadreLevel, ListKind, OrgLevel


def org_level(text: str | None, option: str) -> OrgLevel | None:
    """``city`` or ``county`` (or 市级/县级); anything else is a usage error."""
    if text is None:
        return None
    try:
        return OrgLevel.parse(text.strip())
    except ValueError:
        codes = "、".join(f"{v.value}（{v.label}）" for v in OrgLevel)
        raise UsageError(f"{option} 的层级“{text}”无效，可选：{codes}") from None


def _team(s: Any, args: argparse.Namespace) -> str:
    round_id = resolve_round(s, args.round) if args.round else None
    return resolve_team(s, args.team, round_id)


def _member_line(m: MemberView) -> str:
    home = f"{m.home_level.label}{('·' + m.home_county) if m.home_county else ''}"
    links = len(m.recusal_target_ids) + len(m.recusal_person_ids)
    recusal = f"，回避 {links} 项" if links else ""
    return f"{m.role.label} {m.name}（{m.force_type.label}，来自{home}{recusal}）"


def cmd_members_add(args: argparse.Namespace) -> int:
    home_level = org_level(args.home_level, "--home-level")
    with common.unlock(args) as vault, vault.session() as s:
        team_id = _team(s, args)
        team = get_team(s, team_id)  # a member comes from the team's level unless told
        home_county = team.county if team.level is OrgLevel.COUNTY else ""
        member = add_team_member(
            s,
            team_id,
            MemberDraft(
                name=args.name,
                role=args.role,
                force_type=args.force_type,
                original_unit=args.unit or "",
                recusal=args.recusal_reason or "",
                home_level=home_level or team.level,
                home_county=home_county if args.home_county is None else args.home_county,
            ),
            recusal_targets=args.recusal_target or (),
            recusal_persons=args.recusal_person or (),
        )
    common.emit(args, member, f"已添加{_member_line(member)}")
    return 0


def cmd_members_edit(args: argparse.Namespace) -> int:
    cleared: tuple[str, ...] | None = () if args.clear_recusal else None
    changes = MemberChanges(
        name=args.name,
        role=args.role,
        force_type=args.force_type,
        original_unit=args.unit,
        recusal=args.recusal_reason,
        home_level=org_level(args.home_level, "--home-level"),
        home_county=args.home_county,
        recusal_targets=args.recusal_target or cleared,
        recusal_persons=args.recusal_person or cleared,
    )
    with common.unlock(args) as vault, vault.session() as s:
        team_id = _team(s, args)
        member = edit_member(s, resolve_member(s, args.member, team_id), changes)
    common.emit(args, member, f"已修改{_member_line(member)}")
    return 0


def cmd_members_list(args: argparse.Namespace) -> int:
    with common.unlock(args) as vault, vault.read() as s:
        members = list_team_members(s, _team(s, args))
    lines = [_member_line(m) for m in members]
    common.emit(args, members, "\n".join(lines) if lines else "该组还没有成员。")
    return 0


def _choice(enum_cls: Any, text: str, option: str) -> Any:
    try:
        return enum_cls.parse(text.strip())
    except ValueError:
        codes = "、".join(f"{v.value}（{v.label}）" for v in enum_cls)
        raise UsageError(f"{option} 的值“{text}”无效，可选：{codes}") from None


def cmd_persons_add(args: argparse.Namespace) -> int:
    level = _choice(CadreLevel, args.level, "--level")
    with common.unlock(args) as vault, vault.session() as s:
        person = add_person(
            s,
            resolve_round(s, args.round),
            PersonDraft(
                target_id=args.target,
                name=args.name,
                level=level,
                position=args.position or "",
                unit=args.unit or "",
                id_number=args.id_number or "",
            ),
        )
    position = f"，{person.position}" if person.position else ""
    common.emit(args, person, f"已添加人员 {person.name}（{person.level.label}{position}）")
    return 0


def cmd_lists_add(args: argparse.Namespace) -> int:
    kind = _choice(ListKind, args.kind, "--kind")
    with common.unlock(args) as vault, vault.session() as s:
        entry = add_list_entry(
            s,
            resolve_round(s, args.round),
            ListEntryDraft(
                kind=kind,
                title=args.title,
                target_id=args.target,
                document_no=args.document_no or "",
                clause=args.clause or "",
                content=args.content or "",
                source=args.source or "",
            ),
        )
    common.emit(args, entry, f"已添加{entry.kind.label}条目“{entry.title}”")
    return 0


def _team_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--team", required=True, help="巡察组名称或 id")
    p.add_argument("--round", help="轮次名称或 id（各轮组名相同时用）")


def _member_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    _team_options(p)
    p.add_argument("--name", required=adding)
    p.add_argument(
        "--role",
        default="member" if adding else None,
        help="leader|deputy|member|recorder|letters",
    )
    p.add_argument(
        "--force-type",
        dest="force_type",
        default="full_time" if adding else None,
        help="full_time|fixed|seconded",
    )
    p.add_argument("--unit", help="原单位")
    p.add_argument("--home-level", dest="home_level", help="来源层级 city|county（市级、县级）")
    p.add_argument("--home-county", dest="home_county", help="来源县（区）")
    p.add_argument(
        "--recusal-target",
        dest="recusal_target",
        action="append",
        metavar="NAME",
        help="回避的被巡察对象（本轮对象名称或 id，可重复）",
    )
    p.add_argument(
        "--recusal-person",
        dest="recusal_person",
        action="append",
        metavar="NAME",
        help="回避的人员（本轮人员姓名或 id，可重复）",
    )
    p.add_argument("--recusal-reason", dest="recusal_reason", help="回避事由")


def register(sub: argparse._SubParsersAction, groups: dict[str, Any]) -> None:  # type: ignore[type-arg]
    """Makes ``members``; adds ``persons add`` and ``lists add`` to list_cmds' groups."""
    members = sub.add_parser("members").add_subparsers(dest="members_cmd", required=True)
    p = members.add_parser("add", help="添加组员（巡察办）")
    _member_options(p, adding=True)
    p.set_defaults(func=cmd_members_add)
    p = members.add_parser("edit", help="修改组员（巡察办）；只改给出的项，回避按给出的替换")
    p.add_argument("member", help="组员姓名或 id")
    _member_options(p, adding=False)
    p.add_argument(
        "--clear-recusal",
        dest="clear_recusal",
        action="store_true",
        help="取消未在本次给出的回避对象、回避人员",
    )
    p.set_defaults(func=cmd_members_edit)
    p = members.add_parser("list", help="列出巡察组成员")
    _team_options(p)
    p.set_defaults(func=cmd_members_list)

    p = groups["persons"].add_parser("add", help="添加被巡察对象的人员（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument("--target", required=True, help="所在被巡察对象名称或 id")
    p.add_argument("--name", required=True)
    p.add_argument("--level", required=True, help="干部管理权限：市管|县管|乡管|其他")
    p.add_argument("--position", help="职务")
    p.add_argument("--unit", help="工作单位（不是该对象时）")
    p.add_argument("--id-number", dest="id_number", help="身份证号（按 GB 11643 校验）")
    p.set_defaults(func=cmd_persons_add)

    p = groups["lists"].add_parser("add", help="添加“3+1”清单条目（巡察办）")
    p.add_argument("--round", required=True, help="轮次名称或 id")
    p.add_argument(
        "--kind",
        required=True,
        help="policy|function|supervision|problem（政策清单、职能清单、综合监督信息清单、问题清单）",
    )
    p.add_argument("--title", required=True, help="文件名、职能、信息或问题")
    p.add_argument("--target", help="所属被巡察对象名称或 id（不填：全轮适用）")
    p.add_argument("--document-no", dest="document_no", help="文号")
    p.add_argument("--clause", help="条款")
    p.add_argument("--content", help="原文摘录（政策清单必填）或内容")
    p.add_argument("--source", help="来源单位")
    p.set_defaults(func=cmd_lists_add)
