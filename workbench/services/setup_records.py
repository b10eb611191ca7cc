"""The office's set-up of a round beyond what ``office_setup`` wraps so far: a team's level,
county and 牵头组, editing teams, members and targets, the team's targets, persons and the "3+1"
list entries. Each function is 巡察办 only and then calls the record service, which keeps the
record's own rules (the 身份证号 check, the policy entry's 原文摘录, 回避 within the round).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import FocusItem, Member, Person, Target, Team
from workbench.models.enums import ForceType, MemberRole, OrgLevel
from workbench.services.common import (
    get_live,
    live,
    optional_text,
    parse_enum,
    require_role,
    required_text,
)
from workbench.services.focus import (
    ListEntryDraft,
    ListEntryView,
    create_list_entry,
    update_list_entry,
)
from workbench.services.office_setup import SETUP_ROLES, TeamSetup
from workbench.services.office_setup import add_team as add_named_team
from workbench.services.rounds import (
    MemberDraft,
    MemberView,
    TeamView,
    _member_view,
    _recusal_links,
    _team_view,
    assign_targets,
    check_version,
    list_teams,
)
from workbench.services.targets import (
    PersonDraft,
    PersonView,
    TargetDraft,
    TargetView,
    create_person,
    get_target,
    require_target,
    update_person,
    update_target,
)


@dataclass(frozen=True)
class TeamFields:
    name: str
    level: OrgLevel | str = OrgLevel.CITY
    county: str = ""  # 所属县（区）: a county-level team's county
    lead_team_id: str | None = None  # 1托N: the team that leads this one


def _apply_team(session: Session, row: Team, fields: TeamFields) -> None:
    name = required_text(fields.name, "name", "巡察组名称", 80)
    clash = session.scalar(
        select(Team.id).where(
            Team.round_id == row.round_id, Team.name == name, Team.deleted_at.is_(None)
        )
    )
    if clash is not None and clash != row.id:
        raise Conflict(f"本轮已有名为“{name}”的巡察组", field="name")
    if fields.lead_team_id is not None:
        lead = get_live(session, Team, fields.lead_team_id, "牵头组")
        if lead.round_id != row.round_id:
            raise ValidationError("牵头组不属于本轮巡察", field="lead_team_id")
        if lead.id == row.id:
            raise ValidationError("巡察组不能做自己的牵头组", field="lead_team_id")
    row.name = name
    row.level = parse_enum(OrgLevel, fields.level, "level", "层级")
    row.county = optional_text(fields.county, "county", "所属县（区）", 60)
    row.lead_team_id = fields.lead_team_id


def add_team(
    session: Session, round_id: str, fields: TeamFields, *, leader: str | None = None
) -> TeamSetup:
    """``office_setup.add_team`` (numbering, the leader by user name or own name), then the
    team's level, county and 牵头组."""
    setup = add_named_team(session, round_id, fields.name, leader=leader)
    row = get_live(session, Team, setup.team.id, "巡察组")
    _apply_team(session, row, fields)
    session.flush()
    return replace(setup, team=_team_view(row))


def edit_team(
    session: Session, team_id: str, fields: TeamFields, *, expected_version: int | None = None
) -> TeamView:
    require_role(session, SETUP_ROLES, "修改巡察组")
    row = get_live(session, Team, team_id, "巡察组")
    check_version(row.version, expected_version)
    _apply_team(session, row, fields)
    session.flush()
    return _team_view(row)


def _follow_target(session: Session, target: Target, team_id: str | None) -> None:
    """A target changing team takes its cadres and 监督重点 along (they carry the target's team
    so that what is shown for a team finds them)."""
    target.team_id = team_id
    for model in (Person, FocusItem):
        for row in session.scalars(live(model).where(model.target_id == target.id)):
            if row.team_id != team_id:
                row.team_id = team_id
    session.flush()


def set_team_targets(session: Session, team_id: str, target_ids: Sequence[str]) -> TeamView:
    """The team's 负责单位: each target listed names the team as its own and leaves any other
    team's list; a target taken off keeps no team."""
    require_role(session, SETUP_ROLES, "分配被巡察单位")
    team = get_live(session, Team, team_id, "巡察组")
    round_id = team.round_id or ""
    wanted = [require_target(session, i, round_id).id for i in dict.fromkeys(target_ids)]
    for other in list_teams(session, round_id):
        if other.id != team.id and set(other.target_ids) & set(wanted):
            kept = tuple(i for i in other.target_ids if i not in wanted)
            assign_targets(session, other.id, kept)
    dropped = [i for i in team.target_ids if i not in wanted]
    for target_id in [*wanted, *dropped]:
        row = get_live(session, Target, target_id, "被巡察对象")
        _follow_target(session, row, team.id if target_id in wanted else None)
    return assign_targets(session, team.id, tuple(wanted))


def edit_member(
    session: Session, member_id: str, draft: MemberDraft, *, expected_version: int | None = None
) -> MemberView:
    """Everything a member's entry holds, 回避 links included (records of the same round)."""
    require_role(session, SETUP_ROLES, "修改组员")
    row = get_live(session, Member, member_id, "组员")
    check_version(row.version, expected_version)
    row.name = required_text(draft.name, "name", "姓名", 40)
    row.original_unit = optional_text(draft.original_unit, "original_unit", "原单位", 120)
    row.role = parse_enum(MemberRole, draft.role, "role", "组内职务")
    row.force_type = parse_enum(ForceType, draft.force_type, "force_type", "力量类型")
    row.recusal = optional_text(draft.recusal, "recusal", "回避申报", 2000)
    row.home_level = parse_enum(OrgLevel, draft.home_level, "home_level", "来源层级")
    row.home_county = optional_text(draft.home_county, "home_county", "来源县（区）", 60)
    row.recusal_target_ids = _recusal_links(session, Target, draft.recusal_target_ids, row.round_id)
    row.recusal_person_ids = _recusal_links(session, Person, draft.recusal_person_ids, row.round_id)
    session.flush()
    return _member_view(row)


def edit_target(
    session: Session, target_id: str, draft: TargetDraft, *, expected_version: int | None = None
) -> TargetView:
    require_role(session, SETUP_ROLES, "修改被巡察对象")
    current = get_target(session, target_id)
    name = draft.name.strip()
    clash = session.scalar(
        select(Target.id).where(
            Target.round_id == current.round_id, Target.name == name, Target.deleted_at.is_(None)
        )
    )
    if clash is not None and clash != target_id:
        raise Conflict(f"本轮已有名为“{name}”的被巡察对象", field="name")
    view = update_target(session, target_id, draft, expected_version=expected_version)
    if view.team_id != current.team_id:  # the teams' lists follow the target's team
        _follow_target(session, get_live(session, Target, target_id), view.team_id)
        for team in list_teams(session, current.round_id or ""):
            listed = tuple(i for i in team.target_ids if i != target_id)
            if team.id == view.team_id:
                listed = (*listed, target_id)
            if listed != team.target_ids:
                assign_targets(session, team.id, listed)
    return view


def add_person(session: Session, round_id: str, draft: PersonDraft) -> PersonView:
    require_role(session, SETUP_ROLES, "添加干部")
    require_target(session, draft.target_id, round_id)
    return create_person(session, draft)


def edit_person(
    session: Session, person_id: str, draft: PersonDraft, *, expected_version: int | None = None
) -> PersonView:
    require_role(session, SETUP_ROLES, "修改干部")
    return update_person(session, person_id, draft, expected_version=expected_version)


def add_list_entry(session: Session, round_id: str, draft: ListEntryDraft) -> ListEntryView:
    require_role(session, SETUP_ROLES, "添加清单条目")
    return create_list_entry(session, round_id, draft)


def edit_list_entry(
    session: Session, entry_id: str, draft: ListEntryDraft, *, expected_version: int | None = None
) -> ListEntryView:
    require_role(session, SETUP_ROLES, "修改清单条目")
    return update_list_entry(session, entry_id, draft, expected_version=expected_version)
