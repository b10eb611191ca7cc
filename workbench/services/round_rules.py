"""What a round's type means for its set-up (配置): each rule once, for every set-up path.

``office_setup`` calls these after it writes a record, inside the same unit of work, so a refusal
rolls the change back and the store stays as it was. They read the flushed rows:

- 常规、机动: no rule beyond the records' own.
- 专项: a topic; its 工作方案 goes 草拟 → 报备 → 审核 (``round_plan.py``), and the round may not
  leave 准备 before the 方案 is 审核通过.
- 提级: dispatched by the city; a county group works under a city team of the round (1托N).
- 交叉: every team has its county, and no team inspects a target of its own county.
- 联动: a city cadre may be 组长 or 副组长 of a county group (elsewhere a county group is led by
  county cadres).
- 对村: only 村 and 社区 are inspected.
- 回头看: names the earlier round it looks back on.

Only 提级 and 联动 teams may have a 牵头组: a county group led by a city team of the same round.
So there are no chains: a led group is a county group, which leads nobody.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_
from sqlalchemy.orm import Session

from workbench.errors import WorkflowError
from workbench.models import Member, Round, Target, Team
from workbench.services.catalog import catalog
from workbench.services.common import live
from workbench.vocab.enums import MemberRole, OrgLevel, PlanStatus, RoundPhase, RoundType

LEAD_TEAM_TYPES = (RoundType.ELEVATED, RoundType.LINKED)
LEADING_ROLES = (MemberRole.LEADER, MemberRole.DEPUTY)
VILLAGE_KINDS = ("village", "community")  # 对村巡察: 村、社区


def _refuse(message: str, field: str) -> WorkflowError:
    return WorkflowError(message, field=field)


def _round_of(session: Session, round_id: str | None) -> Round:
    row = session.get(Round, round_id or "")
    assert row is not None  # the record services checked the round
    return row


def _teams(session: Session, round_id: str | None) -> Sequence[Team]:
    return session.scalars(live(Team).where(Team.round_id == round_id)).all()


def _teams_of_target(session: Session, target: Target) -> list[Team]:
    """A target is a team's through its ``team_id`` or the team's ``target_ids`` (set-up keeps
    the two in step; records from elsewhere may carry only one)."""
    return [
        t
        for t in _teams(session, target.round_id)
        if t.id == target.team_id or target.id in t.target_ids
    ]


def _targets_of_team(session: Session, team: Team) -> Sequence[Target]:
    mine = or_(Target.team_id == team.id, Target.id.in_(team.target_ids))
    return session.scalars(live(Target).where(Target.round_id == team.round_id, mine)).all()


# -- the round ------------------------------------------------------------------------------------


def check_round(session: Session, row: Round) -> None:
    """The round's own fields against its type."""
    kind = row.round_type
    if kind is RoundType.ELEVATED and row.dispatch_level is not OrgLevel.CITY:
        raise _refuse(
            f"提级巡察由市级派出，派出层级不能为“{row.dispatch_level.label}”", "dispatch_level"
        )
    if kind is RoundType.SPECIAL and not row.topic.strip():
        raise _refuse("专项巡察须填写专项主题", "topic")
    if kind is not RoundType.REVISIT:
        if row.revisit_of is not None:
            raise _refuse(f"只有回头看关联原轮次（本轮为{kind.label}巡察）", "revisit_of")
        return
    if row.revisit_of is None:
        raise _refuse("回头看须指明所回看的原轮次", "revisit_of")
    if row.revisit_of == row.id:
        raise _refuse("回头看的原轮次不能是本轮", "revisit_of")
    earlier = _round_of(session, row.revisit_of)
    if (earlier.year, earlier.number) >= (row.year, row.number):
        raise _refuse(
            f"回头看的原轮次“{earlier.name}”（{earlier.year}年第{earlier.number}轮）"
            f"须早于本轮（{row.year}年第{row.number}轮）",
            "revisit_of",
        )


def plan_status_for(round_type: RoundType, current: PlanStatus) -> PlanStatus:
    """Only a 专项 round has a 工作方案: it starts as 草拟; any other round has none."""
    if round_type is not RoundType.SPECIAL:
        return PlanStatus.NONE
    return PlanStatus.DRAFT if current is PlanStatus.NONE else current


def plan_gate_problem(
    round_type: RoundType, phase: RoundPhase, plan_status: PlanStatus
) -> str | None:
    """Why the 方案 keeps a 专项 round in 准备, or None (a round of another type never waits);
    screens show the same reason ``check_phase_move`` raises."""
    if (
        round_type is RoundType.SPECIAL
        and phase is RoundPhase.PREPARATION
        and plan_status is not PlanStatus.APPROVED
    ):
        return f"专项巡察的工作方案须先审核通过（当前：{plan_status.label}），才能离开准备阶段"
    return None


def check_phase_move(row: Round, wanted: RoundPhase) -> None:
    """A 专项 round leaves 准备 only with its 方案 审核通过."""
    if wanted is row.phase:
        return
    problem = plan_gate_problem(row.round_type, row.phase, row.plan_status)
    if problem is not None:
        raise _refuse(problem, "plan_status")


def check_whole_round(session: Session, row: Round) -> None:
    """Everything of the round again, after the round itself changed (its type above all)."""
    check_round(session, row)
    for team in _teams(session, row.id):
        check_team(session, team)  # its targets' counties too (交叉)
    if row.round_type is RoundType.VILLAGE:
        for target in session.scalars(live(Target).where(Target.round_id == row.id)):
            _check_village(target)


# -- teams ----------------------------------------------------------------------------------------


def _check_lead(session: Session, team: Team, kind: RoundType) -> None:
    led = [t for t in _teams(session, team.round_id) if t.lead_team_id == team.id]
    if led and team.level is not OrgLevel.CITY:
        names = "、".join(f"“{t.name}”" for t in led)
        raise _refuse(f"“{team.name}”正牵头{names}，须是市级组", "level")
    if team.lead_team_id is None:
        if kind is RoundType.ELEVATED and team.level is OrgLevel.COUNTY:
            raise _refuse(
                f"提级巡察的县级组由本轮的市级组牵头（1托N）：“{team.name}”须指定牵头组",
                "lead_team_id",
            )
    else:
        if kind not in LEAD_TEAM_TYPES:
            raise _refuse(
                f"只有提级巡察、联动巡察的巡察组可以有牵头组（本轮为{kind.label}巡察）",
                "lead_team_id",
            )
        lead = session.get(Team, team.lead_team_id)
        assert lead is not None  # rounds.py checked it is a live team of the round
        if team.level is not OrgLevel.COUNTY:
            raise _refuse(f"“{team.name}”是市级组，只有县级组由牵头组带领", "lead_team_id")
        if lead.level is not OrgLevel.CITY:
            raise _refuse(f"牵头组“{lead.name}”是县级组，牵头组须是市级组", "lead_team_id")


def check_team(session: Session, team: Team) -> None:
    """The team against its round's type, with what depends on it: the teams it leads, its
    targets (交叉) and its 组长/副组长 (their level against the team's)."""
    kind = _round_of(session, team.round_id).round_type
    _check_lead(session, team, kind)
    if kind is RoundType.CROSS:
        if not team.county.strip():
            raise _refuse(f"交叉巡察的巡察组须填写所属县（区）：“{team.name}”未填写", "county")
        for target in _targets_of_team(session, team):
            _check_cross(team, target)
    for member in session.scalars(live(Member).where(Member.team_id == team.id)):
        _check_member(team, member, kind)


# -- targets --------------------------------------------------------------------------------------


def _check_cross(team: Team, target: Target) -> None:
    if not target.county.strip():
        raise _refuse(f"交叉巡察的被巡察对象须填写所属县（区）：“{target.name}”未填写", "county")
    if target.county.strip() == team.county.strip():
        raise _refuse(
            f"{team.name}所属县（区）为{team.county}，交叉巡察不能巡察本县单位“{target.name}”",
            "county",
        )


def _check_village(target: Target) -> None:
    if target.kind not in VILLAGE_KINDS:
        found = catalog().target_types().kind(target.kind)
        title = found.title if found else target.kind
        raise _refuse(f"对村巡察只巡察村、社区，“{target.name}”是{title}", "kind")


def check_target(session: Session, target: Target) -> None:
    """The target against its round's type: 对村 kinds, 交叉 counties against its team's."""
    kind = _round_of(session, target.round_id).round_type
    if kind is RoundType.VILLAGE:
        _check_village(target)
    if kind is RoundType.CROSS:
        for team in _teams_of_target(session, target):
            _check_cross(team, target)


# -- members --------------------------------------------------------------------------------------


def _check_member(team: Team, member: Member, kind: RoundType) -> None:
    if (
        team.level is OrgLevel.COUNTY
        and member.role in LEADING_ROLES
        and member.home_level is not OrgLevel.COUNTY
        and kind is not RoundType.LINKED
    ):
        raise _refuse(
            f"“{team.name}”是县级组，{member.role.label}须来自县级，{member.name}来自"
            f"{member.home_level.label}（只有联动巡察可由市级干部带领县级组）",
            "home_level",
        )


def check_member(session: Session, member: Member) -> None:
    team = session.get(Team, member.team_id or "")
    assert team is not None  # rounds.py checked it
    _check_member(team, member, _round_of(session, team.round_id).round_type)
