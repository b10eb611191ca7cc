"""What the 数据比对 page shows, read in units of work on the DB worker: the round's lists, the
rules, whether the user may see the lists' raw rows (and which roles may), and the hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.roles import Role
from workbench.services import Session
from workbench.services.common import actor_roles
from workbench.services.data_access import data_roles, may_see_raw
from workbench.services.datahits import HitView, RuleView, list_hits, rule_list
from workbench.services.datalist_transfer import received_from
from workbench.services.datalists import SourceView, list_sources
from workbench.services.hit_review import DECIDERS
from workbench.services.rounds import list_rounds
from workbench.services.workflow import TEAM_ROLES

__all__ = ["DatacheckData", "HitView", "load_datacheck", "load_hits"]


@dataclass(frozen=True)
class DatacheckData:
    rounds: tuple[tuple[str, str], ...]  # (name, id) of every round, for the import dialog
    sources: tuple[SourceView, ...]
    rules: tuple[RuleView, ...]
    raw: bool  # may import lists and see their rows and the hits' unrelated columns
    raw_roles: tuple[Role, ...]  # the roles the 巡察办 allows that (for the tooltips)
    may_decide: bool  # may decide hits and turn them into clues
    may_draft: bool  # may turn one into a 底稿 (a 巡察组's roles only)
    # source id → (who sent it, when): the lists a briefing brought (下发)
    received: dict[str, tuple[str, datetime]] = field(default_factory=dict)

    @property
    def deciders(self) -> tuple[Role, ...]:
        return DECIDERS

    @property
    def drafters(self) -> tuple[Role, ...]:
        return TEAM_ROLES


def load_datacheck(session: Session, round_id: str | None) -> DatacheckData:
    raw = may_see_raw(session)
    # the lists are the allowed roles' only: the others see the rules and the hits
    sources = tuple(list_sources(session, round_id=round_id)) if raw else ()
    return DatacheckData(
        rounds=tuple((r.name, r.id) for r in list_rounds(session).items),
        sources=sources,
        rules=tuple(rule_list(session)),
        raw=raw,
        raw_roles=tuple(sorted(data_roles(session))),
        may_decide=bool(actor_roles(session) & {r.value for r in DECIDERS}),
        may_draft=bool(actor_roles(session) & {r.value for r in TEAM_ROLES}),
        received=received_from(session, [s.id for s in sources]),
    )


def load_hits(
    session: Any, round_id: str | None, rule_id: str | None, status: str | None
) -> tuple[HitView, ...]:
    return tuple(list_hits(session, round_id=round_id, rule_id=rule_id, status=status))
