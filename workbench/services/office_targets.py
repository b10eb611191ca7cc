"""The office's set-up of a round's targets (配置): 被巡察对象 with their 监督重点清单, their
teams, persons and "3+1" list entries. 巡察办 only; every change is checked against the round's
type (``round_rules``) in the same unit of work. ``office_setup`` offers these functions too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict
from workbench.models import FocusItem, Person, Target, Team
from workbench.services import round_rules
from workbench.services.catalog import catalog
from workbench.services.common import get_live, live
from workbench.services.focus import (
    ListEntryDraft,
    ListEntryView,
    create_list_entry,
    seed_focus_items,
)
from workbench.services.rounds import TeamView, get_round, get_team
from workbench.services.setup_common import (
    given,
    require_setup,
    resolve_target,
    resolve_team,
)
from workbench.services.targets import (
    PersonDraft,
    PersonView,
    TargetDraft,
    TargetView,
    create_person,
    create_target,
    get_target,
    update_target,
)
from workbench.taxonomy import TaxonomyNotFound
from workbench.vocab.enums import AttentionLevel

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


def _check_target_name(session: Session, round_id: str, name: str, own_id: str | None) -> None:
    same = select(Target.id).where(
        Target.round_id == round_id, Target.name == name.strip(), Target.deleted_at.is_(None)
    )
    clash = session.scalar(same)
    if clash is not None and clash != own_id:
        raise Conflict(f"本轮已有名为“{name.strip()}”的被巡察对象", field="name")


def _place_target(session: Session, target_id: str) -> TargetView:
    """Keep the target's two team links in step — its ``team_id`` and the team's
    ``target_ids`` (a target is one team's) — move its persons and 监督重点 to that team as
    they were made (create_person, seed_focus_items), then check the round's type."""
    target = get_live(session, Target, target_id, "被巡察对象")
    for team in session.scalars(live(Team).where(Team.round_id == target.round_id)):
        listed = target.id in team.target_ids
        if team.id == target.team_id and not listed:
            team.target_ids = [*team.target_ids, target.id]
        elif team.id != target.team_id and listed:
            team.target_ids = [i for i in team.target_ids if i != target.id]
    for model in (Person, FocusItem):
        for row in session.scalars(live(model).where(model.target_id == target.id)):
            if row.team_id != target.team_id:
                row.team_id = target.team_id
    session.flush()
    round_rules.check_target(session, target)
    return get_target(session, target_id)


def _team_of(session: Session, round_id: str, text: str | None) -> str | None:
    return resolve_team(session, text, round_id) if text and text.strip() else None


def add_target(session: Session, round_id: str, draft: TargetDraft) -> TargetSetup:
    """The target, listed on its team if it has one (``draft.team_id``: the team's name or id),
    with its 监督重点清单 seeded from the catalog by kind and sub-type."""
    require_setup(session, "添加被巡察对象")
    get_round(session, round_id)
    _check_target_name(session, round_id, draft.name, None)
    draft = dataclasses.replace(draft, team_id=_team_of(session, round_id, draft.team_id))
    target = _place_target(session, create_target(session, round_id, draft).id)
    return _seed(session, round_id, target)


@dataclass(frozen=True)
class TargetChanges:
    """What an edit changes; None keeps the current value. ``team`` names the team (or gives its
    id), "" takes the target off its team."""

    name: str | None = None
    kind: str | None = None
    subtype: str | None = None
    attention: AttentionLevel | str | None = None
    parent_org: str | None = None
    overview: str | None = None
    leader_name: str | None = None
    county: str | None = None
    team: str | None = None


def edit_target(
    session: Session,
    target_id: str,
    changes: TargetChanges,
    *,
    expected_version: int | None = None,
) -> TargetView:
    require_setup(session, "修改被巡察对象")
    current = get_target(session, target_id)
    round_id = current.round_id or ""
    fields = given(changes)
    team = fields.pop("team", None)
    draft = TargetDraft(
        name=current.name,
        kind=current.kind,
        attention=current.attention,
        subtype=current.subtype if changes.kind is None else None,
        parent_org=current.parent_org,
        overview=current.overview,
        leader_name=current.leader_name,
        team_id=current.team_id if team is None else _team_of(session, round_id, str(team)),
        county=current.county,
    )
    draft = dataclasses.replace(draft, **fields)
    _check_target_name(session, round_id, draft.name, target_id)
    update_target(session, target_id, draft, expected_version=expected_version)
    return _place_target(session, target_id)


def assign_targets_to_team(session: Session, team_id: str, targets: Sequence[str]) -> TeamView:
    """Put the round's targets named (or given by id) on the team, off any other team."""
    require_setup(session, "分配被巡察对象")
    round_id = get_team(session, team_id).round_id or ""
    for text in targets:
        row = get_live(session, Target, resolve_target(session, text, round_id), "被巡察对象")
        row.team_id = team_id
        session.flush()
        _place_target(session, row.id)
    round_rules.check_team(session, get_live(session, Team, team_id, "巡察组"))
    return get_team(session, team_id)


def seed_round_focus(session: Session, round_id: str) -> list[TargetSetup]:
    """Seed (idempotently) the 监督重点清单 of every live target of the round."""
    require_setup(session, "生成监督重点清单")
    get_round(session, round_id)
    ids = session.scalars(
        select(Target.id)
        .where(Target.round_id == round_id, Target.deleted_at.is_(None))
        .order_by(Target.name, Target.id)
    ).all()
    return [_seed(session, round_id, get_target(session, i)) for i in ids]


# -- persons and "3+1" lists ----------------------------------------------------------------------


def add_person(session: Session, round_id: str, draft: PersonDraft) -> PersonView:
    """A cadre of one of the round's targets (``draft.target_id``: the target's name or id)."""
    require_setup(session, "添加人员")
    target_id = resolve_target(session, draft.target_id, round_id)
    return create_person(session, dataclasses.replace(draft, target_id=target_id))


def add_list_entry(session: Session, round_id: str, draft: ListEntryDraft) -> ListEntryView:
    """A "3+1" list entry (政策/职能/综合监督信息/问题) of the round, of one target if
    ``draft.target_id`` names one (or gives its id), of one team if ``draft.team_id`` does."""
    require_setup(session, "添加清单条目")
    get_round(session, round_id)
    target = draft.target_id
    draft = dataclasses.replace(
        draft,
        target_id=resolve_target(session, target, round_id) if target and target.strip() else None,
        team_id=_team_of(session, round_id, draft.team_id),
    )
    return create_list_entry(session, round_id, draft)
