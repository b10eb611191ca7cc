"""The office's set-up of a round (配置): rounds, teams, members and targets.

The record services (``rounds.py``, ``targets.py``) hold each record's own rules; this module adds
what the office's set-up needs around them: only 巡察办 may do it, names stay unique where a person
names a record (a round among rounds, a team and a target within their round) so scripts and
people can write a name instead of a UUID, and a target gets its 监督重点清单 when it is added.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import AmbiguousName, Conflict, NotFound, WorkflowError
from workbench.models import Round, Target, Team
from workbench.models.enums import ForceType, MemberRole, OrgLevel, RoundPhase, RoundType
from workbench.models.system import User
from workbench.roles import Role
from workbench.services.catalog import catalog
from workbench.services.common import get_live, live, parse_enum, require_role, required_text
from workbench.services.focus import seed_focus_items
from workbench.services.rounds import (
    MemberDraft,
    MemberView,
    PhaseDates,
    RoundDraft,
    RoundView,
    TeamView,
    add_member,
    assign_targets,
    create_round,
    create_team,
    get_round,
    list_members,
    list_teams,
    update_round,
)
from workbench.services.targets import (
    TargetDraft,
    TargetView,
    create_target,
    get_target,
)
from workbench.store import audit
from workbench.taxonomy import TaxonomyNotFound

# who may configure a round: the office, not its system administrator (三员: users and keys only)
SETUP_ROLES: tuple[Role, ...] = (Role.OFFICE,)

# the framework a new round is classified by unless the office names another
DEFAULT_FRAMEWORK = ("sigjj", 2025)

_SHOWN = 10  # candidates named in a message; the rest are counted

R = TypeVar("R")


def _require_setup(session: Session, action: str) -> None:
    require_role(session, SETUP_ROLES, action)


# -- names → records ------------------------------------------------------------------------------


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _names(rows: Sequence[R], describe: Callable[[R], str]) -> str:
    shown = "、".join(describe(r) for r in rows[:_SHOWN])
    more = len(rows) - _SHOWN
    return shown + (f" 等 {len(rows)} 个" if more > 0 else "")


def _pick(
    rows: Sequence[R],
    text: str,
    *,
    id_of: Callable[[R], str],
    name_of: Callable[[R], str],
    describe: Callable[[R], str],
    label: str,
    field: str,
) -> R:
    """The row ``text`` names: its UUID, its exact name, or the one name containing ``text``.
    Several matches, or none, are refused with the candidates by name (never by UUID)."""
    wanted = text.strip()
    if _is_uuid(wanted):
        by_id = [r for r in rows if id_of(r) == wanted.lower()]
        if by_id:
            return by_id[0]
    exact = [r for r in rows if name_of(r) == wanted]
    matches = exact or [r for r in rows if wanted and wanted in name_of(r)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        # records of one name can only come from elsewhere (set-up keeps names unique)
        hint = "同名，请改用 id（见 list 命令）" if exact else "请写出完整名称"
        raise AmbiguousName(
            f"“{wanted}”对应多个{label}：{_names(matches, describe)}，{hint}",
            field=field,
            candidates=[describe(r) for r in matches],
        )
    known = f"，现有：{_names(rows, describe)}" if rows else "，目前还没有"
    raise NotFound(f"未找到{label}“{wanted}”{known}", field=field)


def _round_label(row: Round) -> str:
    return f"{row.name}（{row.year}年第{row.number}轮·{row.round_type.label}）"


def resolve_round(session: Session, text: str) -> str:
    """The id of the live round named by ``text`` (UUID or name)."""
    rows = session.scalars(live(Round).order_by(Round.year.desc(), Round.number.desc())).all()
    row = _pick(
        rows,
        text,
        id_of=lambda r: r.id,
        name_of=lambda r: r.name,
        describe=_round_label,
        label="巡察轮次",
        field="round",
    )
    return row.id


def resolve_team(session: Session, text: str, round_id: str | None = None) -> str:
    """The id of the live team named by ``text``, within ``round_id`` when given."""
    query = live(Team).order_by(Team.number)
    if round_id is not None:
        query = query.where(Team.round_id == round_id)
    rows = session.scalars(query).all()
    rounds = {r.id: r.name for r in session.scalars(live(Round))}

    def describe(t: Team) -> str:
        where = "" if round_id is not None else f"，{rounds.get(t.round_id or '', '')}"
        return f"{t.name}（第{t.number}组{where}）"

    row = _pick(
        rows,
        text,
        id_of=lambda t: t.id,
        name_of=lambda t: t.name,
        describe=describe,
        label="巡察组",
        field="team",
    )
    return row.id


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


def add_round(session: Session, draft: RoundDraft) -> RoundView:
    _require_setup(session, "新建巡察轮次")
    _check_round_name(session, draft.name, None)
    return create_round(session, draft)


@dataclass(frozen=True)
class RoundChanges:
    """What an edit changes; None keeps the current value."""

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
    _require_setup(session, "修改巡察轮次")
    current = get_round(session, round_id)
    draft = RoundDraft(
        name=current.name,
        year=current.year,
        number=current.number,
        round_type=current.round_type,
        framework_id=current.framework_id,
        framework_version=current.framework_version,
        term=current.term,
        start_date=current.start_date,
        end_date=current.end_date,
        authorization_no=current.authorization_no,
        dispatch_level=current.dispatch_level,
        topic=current.topic,
        revisit_of=current.revisit_of,
        phase_dates=dict(current.phase_dates.items()),
    )
    given = {k: v for k, v in dataclasses.asdict(changes).items() if v is not None}
    draft = dataclasses.replace(draft, **given)
    _check_round_name(session, draft.name, round_id)
    return update_round(session, round_id, draft, expected_version=expected_version)


def move_round_phase(session: Session, round_id: str, phase: RoundPhase | str) -> RoundView:
    """Move the round to its next phase: one step forward, never back or past one (the audit log
    records who moved it from which phase to which)."""
    _require_setup(session, "推进巡察阶段")
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


def add_team(
    session: Session,
    round_id: str,
    name: str,
    *,
    leader: str | None = None,
    leader_force_type: ForceType | str = ForceType.FULL_TIME,
) -> TeamSetup:
    """A team numbered after the round's last one. ``leader`` is a store user's name (the member
    is linked to that user) or else the leader's own name."""
    _require_setup(session, "新建巡察组")
    clean = required_text(name, "name", "巡察组名称", 80)
    if any(t.name == clean for t in list_teams(session, round_id)):
        raise Conflict(f"本轮已有名为“{clean}”的巡察组", field="name")
    last = session.scalar(
        select(func.max(Team.number)).where(Team.round_id == round_id, Team.deleted_at.is_(None))
    )
    team = create_team(session, round_id, int(last or 0) + 1, clean)
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
            ),
        )
    return TeamSetup(team, member)


def add_team_member(session: Session, team_id: str, draft: MemberDraft) -> MemberView:
    _require_setup(session, "添加组员")
    return add_member(session, team_id, draft)


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


# -- targets and their 监督重点清单 ----------------------------------------------------------------


@dataclass(frozen=True)
class TargetSetup:
    target: TargetView
    focus_items: int  # live items the target has after seeding
    note: str  # why there are none, when there are none


def _seed(session: Session, round_id: str, target: TargetView) -> TargetSetup:
    try:
        catalog().focus_list(target.kind, target.subtype)
    except TaxonomyNotFound:
        what = target.subtype_title or target.kind_title
        note = f"监督重点清单目录中没有“{what}”的清单，请在目录中补充后运行 focus seed"
        return TargetSetup(target, 0, note)
    items = seed_focus_items(session, round_id, target.id)
    return TargetSetup(target, len(items), "")


def add_target(session: Session, round_id: str, draft: TargetDraft) -> TargetSetup:
    """The target, listed on its team if it has one, with its 监督重点清单 seeded from the
    catalog by kind and sub-type."""
    _require_setup(session, "添加被巡察对象")
    name = draft.name.strip()
    same = select(Target.id).where(
        Target.round_id == round_id, Target.name == name, Target.deleted_at.is_(None)
    )
    if session.scalar(same) is not None:
        raise Conflict(f"本轮已有名为“{name}”的被巡察对象", field="name")
    target = create_target(session, round_id, draft)
    if target.team_id is not None:
        team = session.get(Team, target.team_id)
        assert team is not None  # create_target checked it
        assign_targets(session, team.id, (*team.target_ids, target.id))
    return _seed(session, round_id, target)


def seed_round_focus(session: Session, round_id: str) -> list[TargetSetup]:
    """Seed (idempotently) the 监督重点清单 of every live target of the round."""
    _require_setup(session, "生成监督重点清单")
    get_round(session, round_id)
    ids = session.scalars(
        select(Target.id)
        .where(Target.round_id == round_id, Target.deleted_at.is_(None))
        .order_by(Target.name, Target.id)
    ).all()
    return [_seed(session, round_id, get_target(session, i)) for i in ids]
