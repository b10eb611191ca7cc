"""Data checks of the demo store a 巡察办 reviewer found wrong (issue 16): titles of 党支部 and
党总支 heads, "村村（居）", last year's meeting numbers in a 2026 round, 组织生活 complaints sent to
the 纪委, and the 政策清单's law versions — plus the clue follow-through fields it now fills."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from workbench.demo_data import DemoSummary, populate_demo
from workbench.models import RECORD_MODELS, Activity, Clue, ListEntry, Person, Round, Target
from workbench.store.vault import Vault
from workbench.vocab.enums import ActivityType, ClueTransferUnit, ListKind, TransferMode


@pytest.fixture
def demo(vault: Vault) -> Vault:
    summary: DemoSummary = populate_demo(vault)
    assert summary.records > 0
    return vault


def test_branch_secretaries_are_not_called_party_committee_secretaries(demo: Vault) -> None:
    with demo.read() as s:
        rows = s.execute(
            select(Target.name, Person.position).join(Person, Person.target_id == Target.id)
        ).all()
    branches = [(org, pos) for org, pos in rows if org.endswith(("党支部", "党总支"))]
    assert branches
    assert [(org, pos) for org, pos in branches if "党委" in pos or "纪委书记" in pos] == []


def test_no_village_named_twice(demo: Vault) -> None:
    with demo.read() as s:
        texts = [
            str(value)
            for model in RECORD_MODELS
            for row in s.scalars(select(model))
            for column in model.__table__.columns
            if isinstance(value := getattr(row, column.key, None), str)
        ]
    assert texts and [t for t in texts if "村村（居）" in t] == []


def test_meetings_attended_are_of_the_round_year(demo: Vault) -> None:
    with demo.read() as s:
        rows = s.execute(
            select(Activity.title, Round.year)
            .join(Round, Round.id == Activity.round_id)
            .where(Activity.activity_type == ActivityType.ATTEND_MEETING)
        ).all()
    numbered = [(title, year) for title, year in rows if re.search(r"\d{4}年第", title)]
    assert [t for t, year in numbered if f"{year}年第" not in t] == []


def test_organisational_life_complaints_go_to_the_organization_dept(demo: Vault) -> None:
    with demo.read() as s:
        clues = s.scalars(select(Clue).where(Clue.category2 == "三会一课不规范")).all()
    assert all(
        c.transfer_unit is ClueTransferUnit.ORGANIZATION_DEPT and c.second_unit is None
        for c in clues
    )


def test_clue_units_and_outcomes_are_complete(demo: Vault) -> None:
    with demo.read() as s:
        clues = s.scalars(select(Clue)).all()
    double = [c for c in clues if c.transfer_mode is TransferMode.DOUBLE]
    assert double and all(c.second_unit not in (None, c.transfer_unit) for c in double)
    other = [c for c in clues if ClueTransferUnit.OTHER in (c.transfer_unit, c.second_unit)]
    assert all(c.other_unit for c in other)
    assert any(c.outcomes for c in clues)
    for c in clues:
        for entry in c.outcomes:
            assert (
                c.transferred_at is not None
                and entry["date"] >= c.transferred_at.date().isoformat()
            )


def _policy(demo: Vault, title: str) -> list[ListEntry]:
    with demo.read() as s:
        return list(
            s.scalars(
                select(ListEntry).where(
                    ListEntry.kind == ListKind.POLICY, ListEntry.title == f"《{title}》"
                )
            )
        )


def test_policy_list_cites_current_law_and_the_right_chapter(demo: Vault) -> None:
    with demo.read() as s:
        umbrella = s.scalars(
            select(ListEntry).where(
                ListEntry.kind == ListKind.POLICY, ListEntry.content.contains("保护伞")
            )
        ).all()
    assert umbrella and all("群众纪律" in e.clause for e in umbrella)
    villages = _policy(demo, "中华人民共和国村民委员会组织法")
    assert villages and all("每季度" in e.content and "每月" in e.content for e in villages)
    for title, year in (
        ("中华人民共和国会计法", "2024"),
        ("中华人民共和国招标投标法", "2017"),
        ("中华人民共和国政府采购法", "2014"),
    ):
        entries = _policy(demo, title)
        assert entries and all(year in e.document_no for e in entries), title
