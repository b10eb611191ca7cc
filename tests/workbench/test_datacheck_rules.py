"""比对规则 as data: the shipped rules load, every definition is checked (template, kinds,
parameters) with the offending name in the message, and the office's own rules are added,
versioned and retired by the 巡察办 alone, audited — on a real encrypted store."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the flush hooks
from tests.workbench.team import Team
from workbench.datacheck.matchers import TEMPLATES
from workbench.datacheck.rules import (
    SHIPPED_FILE,
    add_rule,
    all_rules,
    get_rule,
    parse_rule_file,
    retire_rule,
    shipped_rules,
    validate,
)
from workbench.errors import NotFound, PermissionDenied, ValidationError
from workbench.models.datalists import DataRule
from workbench.models.system import AuditEntry
from workbench.services.datahits import rule_list, run_rules
from workbench.services.rounds import RoundDraft, create_round

OWN = {"id": "BJ01", "title": "三成以上的补贴面积超出", "match": "area_exceeds",
       "params": {"tolerance_percent": 30}}  # fmt: skip


def test_the_shipped_rules_load_with_stable_ids_one_per_template() -> None:
    rules = shipped_rules()
    assert [r.id for r in rules] == ["DC01", "DC02", "DC03", "DC04", "DC05", "DC06"]
    assert {r.match for r in rules} == set(TEMPLATES)
    for rule in rules:
        assert rule.shipped and rule.version >= 1
        assert rule.qualification and "《中国共产党纪律处分条例》" in rule.discipline
        assert "第" not in rule.discipline  # no article numbers that nobody verified
    assert json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))["format"] == 1


def test_parameters_left_out_take_the_template_defaults() -> None:
    rule = validate({"id": "BJ02", "title": "死亡后", "match": "paid_after_death"})
    assert rule.params == {"kinds": ["assistance", "subsidy"], "grace_days": 0}
    assert rule.version == 1 and not rule.shipped


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"match": "raw_sql"}, "raw_sql"),
        (
            {"match": "paid_after_death", "params": {"kinds": ["assistance", "vehicles"]}},
            "vehicles",
        ),
        ({"match": "person_in_lists", "params": {"lists": ["deaths"]}}, "deaths"),
        ({"match": "person_in_lists", "params": {"lists": []}}, "lists"),
        ({"params": {"sql": "DROP TABLE data_rows"}}, "sql"),
        ({"params": {"tolerance_percent": "30"}}, "tolerance_percent"),
        ({"params": {"tolerance_percent": -1}}, "tolerance_percent"),
        ({"params": {"tolerance_mu": True}}, "tolerance_mu"),
        ({"match": "paid_after_death", "params": {"grace_days": 1.5}}, "grace_days"),
        ({"match": "paid_after_death", "params": {"grace_days": 400}}, "grace_days"),
        ({"match": "duplicate_receipt", "params": {"places": "yes"}}, "places"),
        ({"params": {"categories": "耕地"}}, "categories"),
        ({"title": " "}, "title"),
        ({"version": 0}, "version"),
        ({"where": "1=1"}, "where"),
        ({"id": "1; DROP"}, "编号"),
        ({"params": []}, "params"),
    ],
)
def test_a_bad_definition_is_refused_naming_what_is_wrong(
    changes: dict[str, Any], named: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        validate({**OWN, **changes})
    assert named in refused.value.message


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('{"id": "BJ01",\n "title": }', "第 2 行第 11 列"),
        ('{"id": "BJ01", "title": "\\ud800"}', "字符串含无效字符"),
        ('{"id": "BJ01", "version": 9223372036854775808}', "数字过大"),
        ('{"id": "BJ01", "id": "BJ02"}', "重复的键“id”"),
    ],
    ids=["syntax", "lone-surrogate", "beyond-64-bits", "duplicate-key"],
)
def test_a_rule_file_is_read_as_strictly_as_a_package(text: str, said: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_rule_file(text.encode("utf-8"))
    assert refused.value.message == f"规则文件不是有效的 JSON：{said}"
    assert refused.value.details.get("field") == "file"


def test_a_rule_file_may_give_a_fraction() -> None:
    parsed = parse_rule_file(b'{"params": {"tolerance_percent": 2.5}}')
    assert parsed == {"params": {"tolerance_percent": 2.5}}


def test_the_office_adds_versions_and_retires_its_rules_audited(team: Team) -> None:
    for user in ("leader", "member"):
        with team(user).session() as s, pytest.raises(PermissionDenied, match="巡察办"):
            add_rule(s, OWN)
    with team("office").session() as s:
        first = add_rule(s, OWN)
        second = add_rule(s, {**OWN, "params": {"tolerance_percent": 40}})
    assert (first.version, second.version) == (1, 2)
    with team().read() as s:
        listed = {r.id: r for r in rule_list(s)}
        assert listed["BJ01"].version == 2 and listed["BJ01"].params["tolerance_percent"] == 40
        assert not listed["BJ01"].shipped and listed["DC01"].shipped
        assert len(s.scalars(select(DataRule)).all()) == 2  # the old version stays
    with team("leader").session() as s, pytest.raises(PermissionDenied):
        retire_rule(s, "BJ01")
    with team("office").session() as s:
        retire_rule(s, "BJ01")
    with team().read() as s:
        assert "BJ01" not in {r.id for r in all_rules(s)}
        assert [r.version for r in rule_list(s, retired=True) if r.id == "BJ01"] == [2]
        with pytest.raises(NotFound, match="BJ01"):
            get_rule(s, "BJ01")
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.action.startswith("data.rule."))
        ).all()
    assert actions == ["data.rule.add", "data.rule.add", "data.rule.retire"]


def test_a_retired_rule_no_longer_runs(team: Team) -> None:
    with team("office").session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        add_rule(s, OWN)
        assert "BJ01" in run_rules(s, rnd.id).by_rule
        retire_rule(s, "BJ01")
        assert "BJ01" not in run_rules(s, rnd.id).by_rule
        with pytest.raises(NotFound):
            run_rules(s, rnd.id, "BJ01")


def test_shipped_rules_are_neither_replaced_nor_retired(team: Team) -> None:
    with team("office").session() as s:
        with pytest.raises(ValidationError, match="内置"):
            add_rule(s, {**OWN, "id": "DC06"})
        with pytest.raises(ValidationError, match="内置"):
            retire_rule(s, "DC01")
        with pytest.raises(NotFound):
            retire_rule(s, "NOPE")
