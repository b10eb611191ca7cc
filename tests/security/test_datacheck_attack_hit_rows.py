"""A hit's ``rows`` is a JSON column a team's package fills: the field rules bound its size and
depth, not its shape. A forged hit whose rows are numbers, strings, lists where mappings belong,
or mappings of mappings must not break the hits list, the CLI's show, the evidence .xlsx or the
conflicts page for everyone; the readable parts are shown, the rest left out. And a reader who
may not see raw rows gets only the known parts of an entry, whatever else a sender put in it."""

from __future__ import annotations

from typing import Any

from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from tests.workbench.test_hit_review import add_hit, sheet_values
from workbench.cli.data_hit_cmds import describe
from workbench.exchange.to_office.conflict_text import hit_rows_text
from workbench.models.fieldrules import json_fault
from workbench.roles import Role
from workbench.services.data_access import NEVER, set_data_roles
from workbench.services.datahits import get_hit, list_hits
from workbench.services.hit_review import hit_to_finding

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here

HOSTILE: list[Any] = [
    7,
    "a row",
    None,
    ["kind", "assistance"],
    {"kind": {"x": 1}, "source": ["县民政局"], "row_no": {"n": 1}, "key_fields": ["姓名"]},
    {"kind": "staff", "key_fields": {"姓名": {"deep": [1, 2]}, "单位": 5}, "cells": "secret"},
    {"kind": "assistance", "key_fields": "李四", "cells": [1, 2, 3]},
    {
        "kind": "assistance",
        "source": "县民政局",
        "row_no": 3,
        "key_fields": {"姓名": "李四"},
        "cells": {"家庭住址": "某某村3组"},
        "leak": {"家庭住址": "某某村3组"},
    },
]


def test_the_hostile_rows_pass_the_field_rules() -> None:
    """The package check lets them through: the reader is what must cope."""
    assert json_fault(HOSTILE) is None


def test_a_forged_hits_rows_do_not_break_reading_it(team: Team, world: World) -> None:
    hit = add_hit(team, world, rows=HOSTILE)
    with team("member").read() as s:
        listed = list_hits(s)
        view = get_hit(s, hit)
    assert [h.id for h in listed] == [hit]
    assert all(isinstance(r, dict) for r in view.rows)
    text = describe(view, [])
    assert "李四" in text
    shown = repr(view.rows) + text
    assert "某某村3组" not in shown and "secret" not in shown  # a 组员: no raw cells at all
    assert hit_rows_text(HOSTILE)  # the conflicts page's reading
    with team().read() as s:
        raw = get_hit(s, hit)
    assert "某某村3组" in describe(raw, [])  # the 组长 sees the real cells


def test_a_forged_hit_converts_with_what_can_be_read(team: Team, world: World) -> None:
    with team("office").session() as s:  # the .xlsx then carries the cells too
        set_data_roles(s, set(Role) - NEVER)
    hit = add_hit(team, world, rows=HOSTILE)
    with team().session() as s:
        done = hit_to_finding(s, hit, attachments=team().attachments, target_id=world.target_id)
    values = [v for line in sheet_values(team(), done.attachment_sha256) for v in line if v]
    assert "李四" in values
    assert "某某村3组" in values
    assert not any("secret" in str(v) for v in values)


def test_rows_that_are_a_mapping_read_as_none(team: Team, world: World) -> None:
    """The field rules refuse text or a number for ``rows``, not a mapping."""
    hit = add_hit(team, world, rows={"not": "a list"})
    with team().read() as s:
        assert get_hit(s, hit).rows == ()
