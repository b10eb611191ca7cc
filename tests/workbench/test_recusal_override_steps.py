"""回避例外 beyond sign-off: the 组长 who declared 回避 may still record an interview, handle a
letter or a clue of their team with a reason (audited once per record and step); nobody else
may, and without a reason nobody does."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.findings_world import (
    World,
    world_fixture,  # noqa: F401 - the `world` fixture
)
from tests.workbench.team import Team
from tests.workbench.test_signoff_scope import declare
from workbench.cli import main
from workbench.errors import PermissionDenied, ValidationError
from workbench.models import AuditEntry, Clue, Interview, Letter
from workbench.services.authority import recusal_override
from workbench.services.clues import ClueDraft, register_clue, void_clue
from workbench.services.interviews import InterviewDraft, create_interview, update_interview
from workbench.services.letters import (
    LetterDraft,
    ReportedPerson,
    register_letter,
    summarize_letter,
)

YESTERDAY = datetime.now() - timedelta(days=1)
REASON = "该组仅组长熟悉此事项，经请示巡察办同意"


def _letter(w: World) -> LetterDraft:
    reported = (ReportedPerson("张县管"),)
    return LetterDraft(
        w.round_id,
        "来信",
        YESTERDAY,
        summary="反映问题",
        reported_persons=reported,
        team_id=w.team_id,
    )


def _clue(w: World) -> ClueDraft:
    return ClueDraft(w.round_id, "张县管", "县管", "问题", "纪委监委", "单移交", team_id=w.team_id)


def _talk(w: World) -> InterviewDraft:
    return InterviewDraft("必谈", YESTERDAY, ("甲", "乙"), "乙", "张县管", team_id=w.team_id)


def _writes(w: World) -> list[Callable[[Any], Any]]:
    return [
        lambda s: register_letter(s, _letter(w)),
        lambda s: register_clue(s, _clue(w)),
        lambda s: create_interview(s, w.round_id, _talk(w)),
    ]


def _overrides(team: Team) -> list[dict[str, Any]]:
    with team().read() as s:
        query = select(AuditEntry).where(AuditEntry.action == "recusal.override")
        return [{"type": e.object_type, **json.loads(e.detail)} for e in s.scalars(query)]


def _count(team: Team) -> tuple[int, int, int]:
    with team().read() as s:
        return tuple(len(s.scalars(select(m)).all()) for m in (Letter, Clue, Interview))  # type: ignore[return-value]


def test_the_leader_is_refused_but_told_the_exception_is_theirs(team: Team, world: World) -> None:
    declare(team, LEADER, persons=(world.county_id,))
    before = _count(team)
    for write in _writes(world):
        with team().session() as s, pytest.raises(PermissionDenied, match="张县管") as err:
            write(s)
        assert err.value.details["reason"] == "recusal"
        assert err.value.details["overridable"] is True
    assert _count(team) == before


def test_the_leader_acts_with_a_reason_audited(team: Team, world: World) -> None:
    declare(team, LEADER, persons=(world.county_id,))
    with team().session() as s, recusal_override(s, REASON):
        letter = register_letter(s, _letter(world))
        clue = register_clue(s, _clue(world))
        talk = create_interview(s, world.round_id, _talk(world))
    with team().session() as s, recusal_override(s, REASON):
        summarize_letter(s, letter.id, summary="反映张县管违规收受礼金")
        update_interview(s, talk.id, _talk(world))  # checked before and after: one entry
        void_clue(s, clue.id, "重复登记")
    entries = _overrides(team)
    assert [e["type"] for e in entries] == [
        "letters",
        "clues",
        "interviews",
        "letters",
        "interviews",
        "clues",
    ]
    assert all(e["reason"] == REASON and e["recusal"] == "张县管" for e in entries)
    with team().session() as s, pytest.raises(PermissionDenied):  # outside the block: refused
        summarize_letter(s, letter.id, summary="再次摘要")


@pytest.mark.parametrize("user", ["deputy", "member"])
def test_nobody_but_the_leader_may_override(team: Team, world: World, user: str) -> None:
    declare(team, user, persons=(world.county_id,))
    before = _count(team)
    for write in _writes(world):
        with (
            team(user).session() as s,
            pytest.raises(PermissionDenied) as err,
            recusal_override(s, REASON),
        ):
            write(s)
        assert "组长" in err.value.message and "overridable" not in err.value.details
    assert _count(team) == before and _overrides(team) == []


def test_an_override_needs_a_reason(team: Team, world: World) -> None:
    declare(team, LEADER, persons=(world.county_id,))
    for write in _writes(world):
        with (
            team().session() as s,
            pytest.raises(ValidationError) as err,
            recusal_override(s, "  "),
        ):
            write(s)
        assert err.value.details["field"] == "override_reason"
    assert _overrides(team) == []


def test_cli_override_for_clues_and_voiding(
    team: Team, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--override R`` on ``clues transfer|outcome`` and ``letters|interviews|clues void``:
    exit 6 without it (or for anyone but the 组长), 8 for a blank reason, 0 with one."""
    with team().session() as s:
        letter = register_letter(s, _letter(world))
        clue = register_clue(s, _clue(world))
    declare(team, LEADER, persons=(world.county_id,))
    declare(team, "deputy", persons=(world.county_id,))

    def cli(user: str, *argv: str) -> int:
        monkeypatch.setenv("WORKBENCH_STORE", str(team.directory))
        monkeypatch.setenv("WORKBENCH_USER", user)
        monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
        return main(list(argv))

    transfer = ["clues", "transfer", clue.number, "--to", "纪委监委", "--due", "2099-01-01"]
    assert cli(LEADER, *transfer) == 6
    assert cli("deputy", *transfer, "--override", REASON) == 6
    assert cli(LEADER, *transfer, "--override", " ") == 8
    assert cli(LEADER, *transfer, "--override", REASON) == 0
    void = ["letters", "void", letter.number, "--reason", "重复登记"]
    assert cli(LEADER, *void) == 6
    assert cli(LEADER, *void, "--override", REASON) == 0
    assert [e["type"] for e in _overrides(team)] == ["clues", "letters"]
