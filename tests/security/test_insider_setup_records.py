"""An enrolled device rewrites the round's set-up at the office: it voids or renames the round,
stretches its own team over another team's unit (and then writes 底稿 there), clears its member's
回避 or adds a member. The round, its teams and members are the office's alone: an edit of one is
held as a conflict in which the office's version stays shown, and a new one refuses the package
(docs/package-format.md, "What a device may write")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.security.test_insider_devices import _finding, _refused, _send, _two_teams
from tests.workbench.exchange_support import World, WorldTemplate, edit, get, world_in
from workbench import exchange as ex
from workbench.exchange.errors import OutOfScope
from workbench.models import Finding, Member, Round, Team
from workbench.vocab.enums import ForceType, MemberRole


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _held(w: World, record_type: str, record_id: str) -> None:
    with w.office.read() as s:
        [conflict] = [c for c in ex.list_conflicts(s) if c.record_id == record_id]
    assert conflict.record_type == record_type
    assert [h.held for h in conflict.heads if h.device_id != w.office.device_id] == [True]


def test_a_device_cannot_void_or_rename_the_round(w: World) -> None:
    """B holds the round as briefed, so its base is one the office sent it."""
    edit(
        w.b,
        Round,
        w.round_id,
        name="B 改的轮次名称",
        deleted_at=datetime(2026, 3, 11),
        void_reason="B 作废了本轮",
    )
    result = ex.import_package(w.office, _send(w, "b", "pr"))
    assert result.outcome["conflicts"] == 1 and result.outcome["updated"] == 0
    row = get(w.office, Round, w.round_id)
    assert (row.name, row.deleted_at, row.void_reason) == ("2026年第六轮巡察", None, "")
    _held(w, "rounds", w.round_id)


def test_a_device_cannot_stretch_its_team_over_another_teams_unit(w: World) -> None:
    first, _second = _two_teams(w)
    t0, t1 = w.template.target_ids
    edit(w.a, Team, first, target_ids=[t0, t1])
    assert ex.import_package(w.office, _send(w, "a", "p1")).outcome["conflicts"] == 1
    assert get(w.office, Team, first).target_ids == [t0]
    _held(w, "teams", first)
    # so the other team's unit stays the other team's
    theirs = _finding(w.a, w.round_id, target_id=t1, number="F-9")
    _refused(w, _send(w, "a", "p2"), OutOfScope)
    assert get(w.office, Finding, theirs) is None


def test_a_device_cannot_clear_its_members_recusal_or_add_a_member(w: World) -> None:
    first, _second = _two_teams(w)
    t1 = w.template.target_ids[1]
    with w.office.session() as s:
        mine = s.scalars(select(Member).where(Member.name == "组员a")).one()
        mine.recusal_target_ids = [t1]
        member_id = mine.id
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "brief2.wbp")
    ex.import_package(w.a, w.dir / "brief2.wbp")
    edit(w.a, Member, member_id, recusal_target_ids=[], role=MemberRole.LEADER)
    assert ex.import_package(w.office, _send(w, "a", "pm")).outcome["conflicts"] == 1
    row = get(w.office, Member, member_id)
    assert (row.recusal_target_ids, row.role) == ([t1], MemberRole.MEMBER)
    _held(w, "members", member_id)

    with w.a.session() as s:
        s.add(
            Member(
                round_id=w.round_id,
                team_id=first,
                name="冒名组长",
                role=MemberRole.LEADER,
                force_type=ForceType.FULL_TIME,
                user_id=w.office.user.id,
            )
        )
    error = _refused(w, _send(w, "a", "pn"), OutOfScope)
    assert "巡察办的部署记录" in error.message
