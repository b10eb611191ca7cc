"""A tracker takes back a clue's 处置结果 that should stand: the audit log keeps which entry
went (its kind, date and unit — not its wording, which the 安全审计员 must not read)."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from tests.workbench.conftest import team, team_template
from tests.workbench.team import Team
from tests.workbench.test_clues import T0, World, advance, register
from tests.workbench.test_clues import world as world
from workbench.models import AuditEntry
from workbench.services.clues import record_outcome, remove_outcome
from workbench.vocab.enums import ClueStatus

__all__ = ["team", "team_template"]  # fixtures used here


def test_a_removed_outcome_is_named_in_the_audit_log(team: Team, world: World) -> None:
    cid = register(team, world)
    advance(team, cid, ClueStatus.TRANSFERRED)
    day = T0.date() + timedelta(days=3)
    with team("office").session() as s:
        record_outcome(s, cid, "立案", day)
        record_outcome(s, cid, "组织处理", day, detail="诫勉谈话：张县管")
    with team("office").session() as s:
        remove_outcome(s, cid, 1)
    with team("secadmin").read() as s:
        (entry,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "clue.outcome_remove"))
    assert entry.object_id == cid
    assert json.loads(entry.detail) == {
        "index": 1,
        "kind": "organizational",
        "date": day.isoformat(),
        "unit": "discipline_commission",
    }
