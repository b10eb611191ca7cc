"""A 组员 or a 组长 calls the record services of a round's set-up directly (a script against the
library, not the 轮次配置 page): making themselves 组长, adding a member, moving a target to
their team, renaming the team or the round, pointing the team's 信访渠道 (the 公告's phone and QR
code) somewhere else — all refused (WB-PERMISSION, exit 6) with the
store unchanged; 巡察办 may."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from workbench.errors import PermissionDenied
from workbench.models import Member, User
from workbench.models import Team as TeamRow
from workbench.services.rounds import (
    MemberDraft,
    RoundDraft,
    TeamContact,
    add_member,
    assign_targets,
    set_team_contact,
    update_member,
    update_round,
    update_team,
)

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here


def _member_id(team: Team, user: str) -> str:
    with team().read() as s:
        uid = s.scalar(select(User.id).where(User.name == user))
        return str(s.scalar(select(Member.id).where(Member.user_id == uid)))


def _writes(team: Team, world: World) -> dict[str, Callable[[Any], object]]:
    me = _member_id(team, "member")
    promoted = MemberDraft("member", "组长", "专职", user_id=None)
    draft = RoundDraft("改名的轮次", 2026, 1, "常规", "sgjj", 2020)
    return {
        "update_member": lambda s: update_member(s, me, promoted),
        "add_member": lambda s: add_member(s, world.team_id, promoted),
        "assign_targets": lambda s: assign_targets(s, world.team_id, (world.target_id,)),
        "update_team": lambda s: update_team(
            s, world.team_id, name="改名的组", level="city", county="", lead_team_id=None
        ),
        "update_round": lambda s: update_round(s, world.round_id, draft),
        "set_team_contact": lambda s: set_team_contact(
            s, world.team_id, TeamContact(phone="13800000000", qr="https://example.org/x")
        ),
    }


def _snapshot(team: Team, world: World) -> tuple[Any, ...]:
    with team().read() as s:
        members = s.execute(
            select(Member.id, Member.name, Member.role, Member.deleted_at).order_by(Member.id)
        ).all()
        row = s.get(TeamRow, world.team_id)
        assert row is not None
        return (tuple(members), row.name, tuple(row.target_ids), dict(row.contact))


@pytest.mark.parametrize("user", ["member", LEADER])
@pytest.mark.parametrize(
    "write",
    [
        "update_member",
        "add_member",
        "assign_targets",
        "update_team",
        "update_round",
        "set_team_contact",
    ],
)
def test_team_users_may_not_change_the_set_up(
    team: Team, world: World, user: str, write: str
) -> None:
    before = _snapshot(team, world)
    with pytest.raises(PermissionDenied, match="巡察办") as err, team(user).session() as s:
        _writes(team, world)[write](s)
    assert err.value.code == "WB-PERMISSION" and err.value.exit_code == 6
    assert _snapshot(team, world) == before


def test_the_office_may(team: Team, world: World) -> None:
    writes = _writes(team, world)
    for name in (
        "update_team",
        "assign_targets",
        "update_member",
        "add_member",
        "set_team_contact",
    ):
        with team("office").session() as s:
            writes[name](s)
    with team().read() as s:
        row = s.get(TeamRow, world.team_id)
        assert row is not None and row.name == "改名的组"
        assert row.target_ids == [world.target_id]
        assert row.contact == {"phone": "13800000000", "qr": "https://example.org/x"}
