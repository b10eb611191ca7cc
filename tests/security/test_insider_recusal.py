"""A member who declared 回避 for a person handles that person's matters anyway by writing the
name a little differently: a space typed inside or around the name (half- or full-width)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from tests.workbench.test_signoff_scope import declare
from workbench.errors import PermissionDenied
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.letters import LetterDraft, ReportedPerson, register_letter

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here

SPELLINGS = ["张 县管", "张\u3000县管", " 张县管\t"]


@pytest.mark.parametrize("name", SPELLINGS)
def test_recusal_by_name_ignores_spaces_in_the_name(team: Team, world: World, name: str) -> None:
    declare(team, "member", persons=(world.county_id,))
    yesterday = datetime.now() - timedelta(days=1)
    letter = LetterDraft(
        world.round_id,
        "来信",
        yesterday,
        summary="反映问题",
        reported_persons=(ReportedPerson(name),),
    )
    clue = ClueDraft(world.round_id, name, "县管", "问题", "纪委监委", "单移交")
    talk = InterviewDraft("必谈", yesterday, ("甲", "乙"), "乙", name)
    for write in (
        lambda s: register_letter(s, letter),
        lambda s: register_clue(s, clue),
        lambda s: create_interview(s, world.round_id, talk),
    ):
        with team("member").session() as s, pytest.raises(PermissionDenied, match="张县管"):
            write(s)
