"""The .xlsx a converted hit leaves is a 佐证材料 of a clue or 底稿: every case reader of the
team reads it (``attach get``, the evidence list), not only who converted. So it holds the
lists' raw cells only when every role that reads case content may see them (``data access``);
otherwise a 组长's conversion handed every 组员 the rows the office kept from them."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from tests.workbench.test_hit_review import add_hit
from workbench.roles import Role
from workbench.services.data_access import NEVER, set_data_roles
from workbench.services.findings_evidence import list_evidence
from workbench.services.hit_review import hit_to_finding

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here

RAW = "某某村3组"  # a cell of the 低保 row outside the key fields (tests/workbench/hit_rows.py)


def _sheet_text(team: Team, user: str, finding_id: str) -> list[Any]:
    """The evidence .xlsx as ``user`` gets it: the 底稿's material, then its content."""
    vault = team(user)
    with vault.read() as s:
        [material] = list_evidence(s, finding_id)
    data = b"".join(vault.attachments.iter_content(material.attachment_sha256))
    ws: Any = load_workbook(io.BytesIO(data)).active
    return [v for row in ws.iter_rows(values_only=True) for v in row if v]


def test_a_leaders_conversion_does_not_hand_members_the_raw_rows(team: Team, world: World) -> None:
    hit = add_hit(team, world)
    with team().session() as s:  # the 组长: allowed to see the lists by default
        done = hit_to_finding(s, hit, attachments=team().attachments, target_id=world.target_id)
    seen = _sheet_text(team, "member", done.record_id)
    assert "李四" in seen  # the key fields are there for everyone
    assert RAW not in seen


def test_with_every_reader_allowed_the_evidence_has_the_raw_rows(team: Team, world: World) -> None:
    with team("office").session() as s:
        set_data_roles(s, set(Role) - NEVER)
    hit = add_hit(team, world)
    with team().session() as s:
        done = hit_to_finding(s, hit, attachments=team().attachments, target_id=world.target_id)
    assert RAW in _sheet_text(team, "member", done.record_id)
