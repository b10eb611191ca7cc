"""What the 轮次配置 page's forms save: whole drafts, handed to the office's set-up functions
(``office_setup``, ``office_targets``) so the page meets the same rules as the CLI — 巡察办 only,
names unique in the round, the round type's rules (``round_rules``) — and edits of persons and
"3+1" entries, which the set-up functions do not offer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.services import office_setup, office_targets
from workbench.services.focus import ListEntryDraft, ListEntryView, update_list_entry
from workbench.services.office_setup import MemberChanges, TeamChanges, TeamSetup
from workbench.services.office_targets import TargetChanges
from workbench.services.rounds import MemberDraft, MemberView, TeamView, get_team
from workbench.services.setup_common import require_setup
from workbench.services.targets import (
    PersonDraft,
    PersonView,
    TargetDraft,
    TargetView,
    update_person,
)
from workbench.vocab.enums import OrgLevel


@dataclass(frozen=True)
class TeamFields:
    name: str
    level: OrgLevel | str = OrgLevel.CITY
    county: str = ""  # 所属县（区）: a county-level team's county
    lead_team_id: str | None = None  # 1托N: the team that leads this one


def add_team(
    session: Session, round_id: str, fields: TeamFields, *, leader: str | None = None
) -> TeamSetup:
    return office_setup.add_team(
        session,
        round_id,
        fields.name,
        leader=leader,
        level=fields.level,
        county=fields.county,
        lead_team=fields.lead_team_id,
    )


def edit_team(
    session: Session, team_id: str, fields: TeamFields, *, expected_version: int | None = None
) -> TeamView:
    if fields.lead_team_id == team_id:
        raise ValidationError("巡察组不能做自己的牵头组", field="lead_team_id")
    changes = TeamChanges(fields.name, fields.level, fields.county, fields.lead_team_id or "")
    return office_setup.edit_team(session, team_id, changes, expected_version=expected_version)


def set_team_targets(session: Session, team_id: str, target_ids: Sequence[str]) -> TeamView:
    """The team's 负责单位 exactly: the targets listed move to it (off any other team), the ones
    it had and are not listed keep no team."""
    require_setup(session, "分配被巡察单位")
    wanted = list(dict.fromkeys(target_ids))
    for dropped in get_team(session, team_id).target_ids:
        if dropped not in wanted:
            office_targets.edit_target(session, dropped, TargetChanges(team=""))
    return office_targets.assign_targets_to_team(session, team_id, wanted)


def edit_member(
    session: Session, member_id: str, draft: MemberDraft, *, expected_version: int | None = None
) -> MemberView:
    """Everything a member's entry holds, 回避 links included (records of the same round)."""
    changes = MemberChanges(
        name=draft.name,
        role=draft.role,
        force_type=draft.force_type,
        original_unit=draft.original_unit,
        recusal=draft.recusal,
        home_level=draft.home_level,
        home_county=draft.home_county,
        recusal_targets=draft.recusal_target_ids,
        recusal_persons=draft.recusal_person_ids,
    )
    return office_setup.edit_member(session, member_id, changes, expected_version=expected_version)


def edit_target(
    session: Session, target_id: str, draft: TargetDraft, *, expected_version: int | None = None
) -> TargetView:
    changes = TargetChanges(
        name=draft.name,
        kind=draft.kind,
        subtype=draft.subtype,
        attention=draft.attention,
        parent_org=draft.parent_org,
        overview=draft.overview,
        leader_name=draft.leader_name,
        county=draft.county,
        team=draft.team_id or "",
    )
    return office_targets.edit_target(
        session, target_id, changes, expected_version=expected_version
    )


def add_person(session: Session, round_id: str, draft: PersonDraft) -> PersonView:
    return office_targets.add_person(session, round_id, draft)


def edit_person(
    session: Session, person_id: str, draft: PersonDraft, *, expected_version: int | None = None
) -> PersonView:
    require_setup(session, "修改干部")
    return update_person(session, person_id, draft, expected_version=expected_version)


def add_list_entry(session: Session, round_id: str, draft: ListEntryDraft) -> ListEntryView:
    return office_targets.add_list_entry(session, round_id, draft)


def edit_list_entry(
    session: Session, entry_id: str, draft: ListEntryDraft, *, expected_version: int | None = None
) -> ListEntryView:
    require_setup(session, "修改清单条目")
    return update_list_entry(session, entry_id, draft, expected_version=expected_version)
