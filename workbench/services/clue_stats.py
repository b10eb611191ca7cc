"""Clue figures an office reports upward every round: how many clues led to each outcome
(立案数, 处分数, 组织处理数…), per receiving unit (纪委监委 / 组织部 / 其他), per team and per
被巡察对象. A clue counts once per outcome kind however many entries of that kind it carries; a
双移交 counts under both its units."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models import Clue, Target, Team
from workbench.services.clues import OPEN_STATUSES
from workbench.vocab.enums import ClueOutcomeKind, ClueStatus, ClueTransferUnit

UNASSIGNED = "未指定"


@dataclass
class ClueGroup:
    key: str  # a unit code, team id or target id ("" when the clue names none)
    label: str
    clues: int = 0
    transferred: int = 0  # 移交数
    overdue: int = 0  # 反馈逾期 (督办)
    outcomes: dict[str, int] = field(default_factory=dict)  # outcome code → clues with it


@dataclass(frozen=True)
class ClueStats:
    by_outcome: dict[str, int]  # outcome code → clues with it, every kind listed
    by_unit: tuple[ClueGroup, ...]  # 纪委监委, 组织部, 其他 (in that order)
    by_team: tuple[ClueGroup, ...]
    by_target: tuple[ClueGroup, ...]


def _team_names(session: Session, ids: set[str]) -> dict[str, tuple[int, str]]:
    query = select(Team.id, Team.number, Team.name).where(Team.id.in_(ids))
    return {key: (number, name) for key, number, name in session.execute(query)}


def _target_names(session: Session, ids: set[str]) -> dict[str, str]:
    query = select(Target.id, Target.name).where(Target.id.in_(ids))
    return {key: name for key, name in session.execute(query)}


def clue_stats(session: Session, round_id: str | None, today: date) -> ClueStats:
    query = select(
        Clue.team_id,
        Clue.target_id,
        Clue.status,
        Clue.feedback_due,
        Clue.transfer_unit,
        Clue.second_unit,
        Clue.outcomes,
    ).where(Clue.deleted_at.is_(None))
    if round_id is not None:
        query = query.where(Clue.round_id == round_id)
    rows = session.execute(query).all()
    units = {u.value: ClueGroup(u.value, u.label) for u in ClueTransferUnit}
    teams: dict[str, ClueGroup] = {}
    targets: dict[str, ClueGroup] = {}
    by_outcome: Counter[str] = Counter({k.value: 0 for k in ClueOutcomeKind})
    for team_id, target_id, status, due, unit, second, outcomes in rows:
        kinds = {str(e.get("kind")) for e in outcomes or ()}
        transferred = status is not ClueStatus.REGISTERED
        overdue = status in OPEN_STATUSES and due is not None and due < today
        by_outcome.update(kinds)
        groups = [units[u.value] for u in (unit, second) if u is not None]
        groups.append(teams.setdefault(team_id or "", ClueGroup(team_id or "", UNASSIGNED)))
        groups.append(targets.setdefault(target_id or "", ClueGroup(target_id or "", UNASSIGNED)))
        for group in groups:
            group.clues += 1
            group.transferred += transferred
            group.overdue += overdue
            for kind in kinds:
                group.outcomes[kind] = group.outcomes.get(kind, 0) + 1
    team_names = _team_names(session, set(teams) - {""})
    target_names = _target_names(session, set(targets) - {""})
    for group in teams.values():
        group.label = team_names[group.key][1] if group.key in team_names else UNASSIGNED
    for group in targets.values():
        group.label = target_names.get(group.key, UNASSIGNED)

    def ordered(
        groups: dict[str, ClueGroup], rank: Callable[[ClueGroup], Any]
    ) -> tuple[ClueGroup, ...]:
        # teams by 组号, targets by name; clues naming none last
        return tuple(sorted(groups.values(), key=lambda g: (g.key == "", rank(g), g.key)))

    return ClueStats(
        by_outcome=dict(by_outcome),
        by_unit=tuple(units.values()),
        by_team=ordered(teams, lambda g: team_names.get(g.key, (0, ""))),
        by_target=ordered(targets, lambda g: g.label),
    )
