"""An insider of one 巡察组 takes another team's 底稿 under their own team's sign-off: the 底稿's
team must be the team that inspects its unit, whichever path sets it."""

from __future__ import annotations

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import (
    World,
    draft,
    make,
    world_fixture,
)
from tests.workbench.team import Team
from tests.workbench.test_signoff_scope import second_team
from workbench.errors import NotFound, ValidationError
from workbench.models import Finding
from workbench.services.findings import create_finding, update_finding
from workbench.services.identifiers import resolve_record

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here


def test_a_draft_cannot_be_moved_to_a_team_that_does_not_inspect_its_unit(
    team: Team, world: World
) -> None:
    other_team, other_target = second_team(team, world)
    fid = make(team, world, "member", target_id=other_target, team_id=other_team)
    with team("member").session() as s, pytest.raises(ValidationError) as err:
        update_finding(s, fid, draft(world, target_id=other_target, team_id=world.team_id))
    assert err.value.details["field"] == "team_id"
    assert "第二巡察组" in err.value.message
    with team().read() as s:
        assert s.get_one(Finding, fid).team_id == other_team
    with team(LEADER).session() as s, pytest.raises(ValidationError):
        create_finding(
            s, draft(world, title="另一问题", target_id=other_target, team_id=world.team_id)
        )


def test_an_id_of_another_round_does_not_resolve_within_a_round(team: Team, world: World) -> None:
    """A command scoped to one round (a document, a filter) takes no record of another round
    named by its id, as it takes none named by its name."""
    with team().read() as s:
        assert resolve_record(s, "targets", world.target_id, world.round_id) == world.target_id
        assert resolve_record(s, "targets", world.other_target_id) == world.other_target_id
        with pytest.raises(NotFound):
            resolve_record(s, "targets", world.other_target_id, world.round_id)
