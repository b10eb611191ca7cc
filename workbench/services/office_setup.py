"""The office's set-up of a round (配置): rounds, teams, members, targets, persons and "3+1" lists.

The record services (``rounds.py``, ``targets.py``, ``focus.py``) hold each record's own rules;
``round_rules.py`` what the round's type means for them. This module adds what the office's
set-up needs around them: only 巡察办 may do it, every change is checked against the round's type
(``round_rules``) in the same unit of work, names stay unique where a person names a record (a
round among rounds, a team and a target within their round) so scripts and people can write a
name instead of a UUID (``setup_common.py``), and a target gets its 监督重点清单 when it is added.
Targets, persons and lists are ``office_targets.py``'s, offered here too. The GUI and the CLI set
a round up only through these functions; the demo generator writes its records directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, WorkflowError
from workbench.models import Member, Round, Team
from workbench.models.system import User
from workbench.services import round_rules
from workbench.services.common import get_live, parse_enum, required_text

# targets, persons and lists, and the shared lookups, offered here too: the GUI and the CLI set a
# round up through this module
from workbench.services.office_targets import TargetChanges as TargetChanges
from workbench.services.office_targets import TargetSetup as TargetSetup
from workbench.services.office_targets import add_list_entry as add_list_entry
from workbench.services.office_targets import add_person as add_person
from workbench.services.office_targets import add_target as add_target
from workbench.services.office_targets import assign_targets_to_team as assign_targets_to_team
from workbench.services.office_targets import edit_target as edit_target
from workbench.services.office_targets import seed_round_focus as seed_round_focus
from workbench.services.rounds import (
    MemberDraft,
    MemberView,
    PhaseDates,
    RoundDraft,
    RoundView,
    TeamView,
    add_member,
    create_round,
    create_team,
    get_member,
    get_round,
    get_team,
    list_members,
    list_teams,
    update_member,
    update_round,
    update_team,
)
from workbench.services.rounds import TeamContact as TeamContact
from workbench.services.rounds import set_team_contact as set_team_contact
from workbench.services.setup_common import SETUP_ROLES as SETUP_ROLES
from workbench.services.setup_common import given, require_setup, resolve_person
from workbench.services.setup_common import resolve_member as resolve_member
from workbench.services.setup_common import resolve_round as resolve_round
from workbench.services.setup_common import resolve_target as resolve_target
from workbench.services.setup_common import resolve_team as resolve_team
from workbench.store import audit
from workbench.vocab.enums import ForceType, MemberRole, OrgLevel, RoundPhase, RoundType

# the framework a new round is classified by unless the office names another
DEFAULT_FRAMEWORK = ("sigjj", 2025)


# -- rounds ---------------------------------------------------------------------------------------


def _check_round_name(session: Session, name: str, own_id: str | None) -> None:
    clash = session.scalar(
        select(Round.id).where(Round.name == name.strip(), Round.deleted_at.is_(None))
    )
    if clash is not None and clash != own_id:
        raise Conflict(f"已有名为“{name.strip()}”的巡察轮次", field="name")


def next_round_number(session: Session, year: int) -> int:
    """The year's next 轮次."""
    last = session.scalar(
        select(func.max(Round.number)).where(Round.year == year, Round.deleted_at.is_(None))
    )
    return int(last or 0) + 1


def _settle_round(session: Session, round_id: str) -> RoundView:
    """The 方案 status the round's type implies, then every rule of the type (a type changed on
    a round already set up is checked against all its teams, targets and members)."""
    row = get_live(session, Round, round_id, "巡察轮次")
    row.plan_status = round_rules.plan_status_for(row.round_type, row.plan_status)
    session.flush()
    round_rules.check_whole_round(session, row)
    return get_round(session, round_id)


def add_round(session: Session, draft: RoundDraft) -> RoundView:
    """``draft.revisit_of`` (回头看) may name the earlier round or give its id."""
    require_setup(session, "新建巡察轮次")
    _check_round_name(session, draft.name, None)
    if draft.revisit_of is not None:
        draft = dataclasses.replace(draft, revisit_of=resolve_round(session, draft.revisit_of))
    return _settle_round(session, create_round(session, draft).id)


@dataclass(frozen=True)
class RoundChanges:
    """What an edit changes; None keeps the current value. ``revisit_of`` names the earlier
    round (or gives its id), "" removes the link."""

    name: str | None = None
    round_type: RoundType | str | None = None
    term: str | None = None
    year: int | None = None
    number: int | None = None
    authorization_no: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    dispatch_level: OrgLevel | str | None = None
    topic: str | None = None
    revisit_of: str | None = None
    phase_dates: PhaseDates | None = None  # the whole set; a phase left out loses its dates


def edit_round(
    session: Session, round_id: str, changes: RoundChanges, *, expected_version: int | None = None
) -> RoundView:
    require_setup(session, "修改巡察轮次")
    current = get_round(session, round_id)
    fields = given(changes)
    wanted = fields.pop("round_type", current.round_type)
    kind = parse_enum(RoundType, wanted, "round_type", "巡察类型")
    phase_dates = fields.pop("phase_dates", current.phase_dates)
    link = fields.pop("revisit_of", None)
    if isinstance(link, str):
        revisit = resolve_round(session, link) if link.strip() else None
    else:  # the link means something for a 回头看 only, so another type drops it
        revisit = current.revisit_of if kind is RoundType.REVISIT else None
    draft = RoundDraft(
        name=current.name,
        year=current.year,
        number=current.number,
        round_type=kind,
        framework_id=current.framework_id,
        framework_version=current.framework_version,
        term=current.term,
        start_date=current.start_date,
        end_date=current.end_date,
        authorization_no=current.authorization_no,
        dispatch_level=current.dispatch_level,
        topic=current.topic,
        revisit_of=revisit,
        phase_dates=dict(phase_dates.items()),
    )
    draft = dataclasses.replace(draft, **fields)
    _check_round_name(session, draft.name, round_id)
    update_round(session, round_id, draft, expected_version=expected_version)
    return _settle_round(session, round_id)


def move_round_phase(session: Session, round_id: str, phase: RoundPhase | str) -> RoundView:
    """Move the round to its next phase: one step forward, never back or past one (the audit log
    records who moved it from which phase to which)."""
    require_setup(session, "推进巡察阶段")
    row = get_live(session, Round, round_id, "巡察轮次")
    wanted = parse_enum(RoundPhase, phase, "phase", "巡察阶段")
    order = list(RoundPhase)
    current = row.phase
    following = order[order.index(current) + 1 :]
    if wanted is not (following[0] if following else None):
        step = f"只能进入下一阶段“{following[0].label}”" if following else "已是最后阶段"
        raise WorkflowError(
            f"本轮处于“{current.label}”阶段，{step}", field="phase", phase=current.value
        )
    round_rules.check_phase_move(row, wanted)
    row.phase = wanted
    session.flush()
    audit.record(
        session, "round.phase", "round", row.id, {"from": current.value, "to": wanted.value}
    )
    return get_round(session, round_id)


# -- teams and members ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamSetup:
    team: TeamView
    leader: MemberView | None


def _store_user(session: Session, name: str) -> User | None:
    return session.scalar(select(User).where(User.name == name.strip(), User.disabled.is_(False)))


def _check_team_name(session: Session, round_id: str, name: str, own_id: str | None) -> str:
    clean = required_text(name, "name", "巡察组名称", 80)
    if any(t.name == clean and t.id != own_id for t in list_teams(session, round_id)):
        raise Conflict(f"本轮已有名为“{clean}”的巡察组", field="name")
    return clean


def _lead_team(session: Session, round_id: str, text: str | None) -> str | None:
    return resolve_team(session, text, round_id) if text and text.strip() else None


def _check_team(session: Session, team_id: str) -> TeamView:
    round_rules.check_team(session, get_live(session, Team, team_id, "巡察组"))
    return get_team(session, team_id)


def add_team(
    session: Session,
    round_id: str,
    name: str,
    *,
    leader: str | None = None,
    leader_force_type: ForceType | str = ForceType.FULL_TIME,
    leader_home_level: OrgLevel | str | None = None,
    level: OrgLevel | str = OrgLevel.CITY,
    county: str = "",
    lead_team: str | None = None,
) -> TeamSetup:
    """A team numbered after the round's last one. ``leader`` is a store user's name (the member
    is linked to that user) or else the leader's own name; the leader comes from the team's level
    and county unless ``leader_home_level`` says otherwise (联动). ``lead_team`` names the city
    team leading this county group (1托N, 联动), or gives its id."""
    require_setup(session, "新建巡察组")
    get_round(session, round_id)
    clean = _check_team_name(session, round_id, name, None)
    last = session.scalar(
        select(func.max(Team.number)).where(Team.round_id == round_id, Team.deleted_at.is_(None))
    )
    team = create_team(
        session,
        round_id,
        int(last or 0) + 1,
        clean,
        level=level,
        county=county,
        lead_team_id=_lead_team(session, round_id, lead_team),
    )
    member = None
    if leader is not None and leader.strip():
        user = _store_user(session, leader)
        member = add_member(
            session,
            team.id,
            MemberDraft(
                name=user.display_name if user else leader,
                role=MemberRole.LEADER,
                force_type=leader_force_type,
                user_id=user.id if user else None,
                home_level=leader_home_level or team.level,
                home_county=team.county if team.level is OrgLevel.COUNTY else "",
            ),
        )
    return TeamSetup(_check_team(session, team.id), member)


@dataclass(frozen=True)
class TeamChanges:
    """What an edit changes; None keeps the current value. ``lead_team`` names the leading team
    (or gives its id), "" removes it."""

    name: str | None = None
    level: OrgLevel | str | None = None
    county: str | None = None
    lead_team: str | None = None


def edit_team(
    session: Session, team_id: str, changes: TeamChanges, *, expected_version: int | None = None
) -> TeamView:
    require_setup(session, "修改巡察组")
    current = get_team(session, team_id)
    round_id = current.round_id or ""
    lead = current.lead_team_id
    if changes.lead_team is not None:
        lead = _lead_team(session, round_id, changes.lead_team)
    name = current.name if changes.name is None else changes.name
    update_team(
        session,
        team_id,
        name=_check_team_name(session, round_id, name, team_id),
        level=current.level if changes.level is None else changes.level,
        county=current.county if changes.county is None else changes.county,
        lead_team_id=lead,
        expected_version=expected_version,
    )
    return _check_team(session, team_id)


def _recusals(
    session: Session,
    round_id: str,
    resolve: Callable[[Session, str, str], str],
    names: Sequence[str],
) -> tuple[str, ...]:
    return tuple(resolve(session, n, round_id) for n in names if n.strip())


def _checked_member(session: Session, member_id: str) -> MemberView:
    round_rules.check_member(session, get_live(session, Member, member_id, "组员"))
    return get_member(session, member_id)


def add_team_member(
    session: Session,
    team_id: str,
    draft: MemberDraft,
    *,
    recusal_targets: Sequence[str] = (),
    recusal_persons: Sequence[str] = (),
) -> MemberView:
    """``recusal_targets`` and ``recusal_persons`` declare 回避 by the names (or ids) of the
    round's targets and persons, on top of the ids in ``draft``."""
    require_setup(session, "添加组员")
    round_id = get_team(session, team_id).round_id or ""
    draft = dataclasses.replace(
        draft,
        recusal_target_ids=(
            *draft.recusal_target_ids,
            *_recusals(session, round_id, resolve_target, recusal_targets),
        ),
        recusal_person_ids=(
            *draft.recusal_person_ids,
            *_recusals(session, round_id, resolve_person, recusal_persons),
        ),
    )
    return _checked_member(session, add_member(session, team_id, draft).id)


@dataclass(frozen=True)
class MemberChanges:
    """What an edit changes; None keeps the current value. ``recusal_targets`` and
    ``recusal_persons`` (names or ids) replace the member's 回避 links; () removes them."""

    name: str | None = None
    role: MemberRole | str | None = None
    force_type: ForceType | str | None = None
    original_unit: str | None = None
    recusal: str | None = None  # 回避事由
    home_level: OrgLevel | str | None = None
    home_county: str | None = None
    recusal_targets: Sequence[str] | None = None
    recusal_persons: Sequence[str] | None = None


def edit_member(
    session: Session,
    member_id: str,
    changes: MemberChanges,
    *,
    expected_version: int | None = None,
) -> MemberView:
    require_setup(session, "修改组员")
    current = get_member(session, member_id)
    round_id = get_team(session, current.team_id or "").round_id or ""
    targets, persons = current.recusal_target_ids, current.recusal_person_ids
    if changes.recusal_targets is not None:
        targets = _recusals(session, round_id, resolve_target, changes.recusal_targets)
    if changes.recusal_persons is not None:
        persons = _recusals(session, round_id, resolve_person, changes.recusal_persons)
    fields = given(changes)
    fields.pop("recusal_targets", None)
    fields.pop("recusal_persons", None)
    draft = MemberDraft(
        name=current.name,
        role=current.role,
        force_type=current.force_type,
        original_unit=current.original_unit,
        recusal=current.recusal,
        user_id=current.user_id,
        home_level=current.home_level,
        home_county=current.home_county,
        recusal_target_ids=targets,
        recusal_person_ids=persons,
    )
    draft = dataclasses.replace(draft, **fields)
    update_member(session, member_id, draft, expected_version=expected_version)
    return _checked_member(session, member_id)


def list_team_members(session: Session, team_id: str) -> list[MemberView]:
    get_team(session, team_id)
    return list_members(session, team_id)


@dataclass(frozen=True)
class TeamSummary:
    team: TeamView
    leader: str  # the 组长's name, "" while the team has none
    members: tuple[MemberView, ...]


def list_round_teams(session: Session, round_id: str) -> list[TeamSummary]:
    get_round(session, round_id)
    result = []
    for team in list_teams(session, round_id):
        members = tuple(list_members(session, team.id))
        leader = next((m.name for m in members if m.role is MemberRole.LEADER), "")
        result.append(TeamSummary(team, leader, members))
    return result
