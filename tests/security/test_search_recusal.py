"""A member who declared 回避 for a person reads the hits that name that person through 全文搜索
instead of the 比对疑点 list, which leaves them out: search leaves them out too, by name and by
身份证号 (the same rule as ``datahits.get_hit``), whatever the spelling or the term typed."""

from __future__ import annotations

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.conftest import team, team_template
from tests.workbench.findings_world import World, world_fixture
from tests.workbench.team import Team
from tests.workbench.test_hit_review import add_hit
from tests.workbench.test_signoff_scope import declare
from workbench.errors import PermissionDenied
from workbench.services.datahits import get_hit
from workbench.services.search import search_records

__all__ = ["team", "team_template", "world_fixture"]  # fixtures used here


def _hits(team: Team, who: str, query: str) -> set[str]:
    with team(who).read() as s:
        return {r.record_id for r in search_records(s, query, types=("data_hit",))}


def test_a_recused_member_does_not_find_the_hits_naming_the_person(
    team: Team, world: World
) -> None:
    declare(team, "member", persons=(world.county_id,))  # 张县管
    named = add_hit(team, world, subject_name="张县管", summary="张县管在低保名单中领取低保")
    spaced = add_hit(team, world, subject_name="张 县管", summary="张 县管同时领取低保")
    other = add_hit(team, world)  # 李四
    with team("member").read() as s:
        for hidden in (named, spaced):
            with pytest.raises(PermissionDenied, match="回避"):
                get_hit(s, hidden)
    for query in ("低保", "张县管", "zxg", "公职人员享受低保", "领取"):
        assert named not in _hits(team, "member", query), query
        assert spaced not in _hits(team, "member", query), query
    assert _hits(team, "member", "低保") == {other}
    assert _hits(team, "deputy", "低保") == {named, spaced, other}
