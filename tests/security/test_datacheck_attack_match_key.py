"""One match, two hit records: a team's package brings its hit of the same lists the office ran
over (the same ``match_key``, by design, since the key names the rows' contents, not a store's
ids), or a forged package brings a copy under a new id. The office's 排除 and its conversion
hold for the match: the other copy is not turned into a second clue or 底稿, and a copy of an
排除 match is not converted as if nobody had looked at it."""

from __future__ import annotations

import uuid

import pytest

from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from tests.workbench.test_hit_review import add_hit
from workbench.errors import Conflict, WorkflowError
from workbench.services.hit_review import decide_hit, hit_to_clue, hit_to_finding

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here


def test_a_match_converted_once_is_not_converted_again_through_a_copy(
    team: Team, world: World
) -> None:
    key = uuid.uuid4().hex
    first, copy = add_hit(team, world, match_key=key), add_hit(team, world, match_key=key)
    with team().session() as s:
        done = hit_to_clue(s, first, attachments=team().attachments, subject_level="乡管")
    with pytest.raises(Conflict, match=done.number), team().session() as s:
        hit_to_finding(s, copy, attachments=team().attachments, target_id=world.target_id)


def test_a_copy_of_an_excluded_match_is_not_converted(team: Team, world: World) -> None:
    key = uuid.uuid4().hex
    first, copy = add_hit(team, world, match_key=key), add_hit(team, world, match_key=key)
    with team("office").session() as s:
        decide_hit(s, first, "排除", "同名不同人，已到村核实")
    with pytest.raises(WorkflowError, match="同名不同人"), team().session() as s:
        hit_to_clue(s, copy, attachments=team().attachments, subject_level="乡管")


def test_the_same_key_in_another_round_is_another_match(team: Team, world: World) -> None:
    key = uuid.uuid4().hex
    first = add_hit(team, world, match_key=key)
    other = add_hit(team, world, match_key=key, round_id=None)
    with team().session() as s:
        decide_hit(s, other, "排除", "不属于本轮")
    with team().session() as s:
        assert hit_to_clue(s, first, attachments=team().attachments, subject_level="乡管").number


def test_a_forged_link_to_an_unrelated_clue_does_not_count(team: Team, world: World) -> None:
    """A package sets a hit's ``clue_id`` to any clue it knows of: the link counts only when
    that clue names the hit as its source, as a conversion makes it."""
    key = uuid.uuid4().hex
    other = add_hit(team, world)
    with team().session() as s:
        unrelated = hit_to_clue(s, other, attachments=team().attachments, subject_level="乡管")
    first = add_hit(team, world, match_key=key)
    add_hit(team, world, match_key=key, clue_id=unrelated.record_id)  # the forged copy
    forged = add_hit(team, world, clue_id=unrelated.record_id)
    with team().session() as s:
        assert hit_to_clue(s, first, attachments=team().attachments, subject_level="乡管").number
        assert hit_to_clue(s, forged, attachments=team().attachments, subject_level="乡管").number
