"""大数据碰撞比对 end to end: the demo generator's lists go through the real import, every shipped
rule runs on them, and the hits are exactly the planted ones (precision and recall 1.0): every
planted hit found, no near miss reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.workbench.setup_files import OFFICE, office_round
from tests.workbench.team import Team
from workbench.datacheck.kinds import FIELDS
from workbench.demo_data.lists import RULE_IDS, SyntheticLists, write_lists
from workbench.models.datalists import DataSource
from workbench.services.datahits import list_hits, rule_list, run_rules
from workbench.services.datalists import import_list

pytestmark = pytest.mark.slow


def _import_all(team: Team, lists: SyntheticLists, round_id: str, guessed: bool) -> None:
    with team(OFFICE).session() as s:
        for item in lists.files:
            done = import_list(
                s,
                item.path,
                kind=item.kind,
                round_id=round_id,
                label=item.label,
                source_date=item.source_date,
                mapping=None if guessed else item.mapping,
            )
            assert (done.rows, done.skipped_rows) == (item.rows, 0), item.path.name


def _found(team: Team, round_id: str) -> set[tuple[str, str]]:
    with team(OFFICE).session() as s:
        run_rules(s, round_id)
    with team(OFFICE).read() as s:
        return {(hit.rule_id, hit.subject_id_number) for hit in list_hits(s, round_id)}


@pytest.mark.parametrize("seed", [2026, 7])
def test_every_planted_hit_is_found_and_no_near_miss(team: Team, tmp_path: Path, seed: int) -> None:
    lists = write_lists(tmp_path / "lists", seed=seed, scale="small")
    round_id = office_round(team(OFFICE))
    _import_all(team, lists, round_id, guessed=False)
    found = _found(team, round_id)
    assert {rule for rule, _ in lists.truth} == set(RULE_IDS)
    missed, extra = lists.truth - found, found - lists.truth
    assert (missed, extra) == (set(), set())
    near = {(m.rule_id, m.id_number) for m in lists.near_misses}
    assert {rule for rule, _ in near} == set(RULE_IDS) and not near & found


def test_the_shipped_rules_are_the_ones_planted(team: Team) -> None:
    with team(OFFICE).read() as s:
        assert [rule.id for rule in rule_list(s) if rule.shipped] == list(RULE_IDS)


def test_bench_shaped_lists_give_the_same_hits(team: Team, tmp_path: Path) -> None:
    """Plain CSV in UTF-8 (the bench's form), three cases of each planted kind."""
    from dataclasses import replace

    from workbench.demo_data.lists import SCALES

    scale = replace(SCALES["small"], assistance=400, relatives=120, planted=3)
    lists = write_lists(tmp_path / "lists", scale=scale, messy=False)
    round_id = office_round(team(OFFICE))
    _import_all(team, lists, round_id, guessed=False)
    assert _found(team, round_id) == lists.truth


def test_the_lists_import_whole_with_the_columns_guessed(team: Team, tmp_path: Path) -> None:
    lists = write_lists(tmp_path / "lists")
    round_id = office_round(team(OFFICE))
    _import_all(team, lists, round_id, guessed=True)
    with team(OFFICE).read() as s:
        sources = {src.kind: src for src in s.scalars(select(DataSource))}
    for item in lists.files:
        required = {f.key for f in FIELDS[item.kind] if f.required}
        guessed = {k: v for k, v in sources[item.kind].mapping.items() if k in required}
        assert guessed == {k: v for k, v in item.mapping.items() if k in required}, item.kind
