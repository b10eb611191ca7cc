"""问题线索 follow-through: the 反馈期限 rule, 双移交 and 其他 units at 移交, dated outcomes, the
督办 list and the clue figures — on a real encrypted store with users of each role."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.workbench.team import Team
from tests.workbench.test_clues import T0, TODAY, World, advance, register
from tests.workbench.test_clues import world as world
from workbench.errors import PermissionDenied, ValidationError, WorkflowError
from workbench.services.clue_transfer import add_months, feedback_months, set_feedback_months
from workbench.services.clues import (
    get_clue,
    list_clues,
    record_outcome,
    remove_outcome,
    transfer_clue,
)
from workbench.services.stats import round_stats
from workbench.vocab.enums import ClueOutcomeKind, ClueStatus, ClueTransferUnit, TransferMode


def transferred(team: Team, w: World, **changes: Any) -> str:
    cid = register(team, w, **changes)
    advance(team, cid, ClueStatus.TRANSFERRED)
    return cid


# -- the 反馈期限 rule ----------------------------------------------------------------------------


def test_the_rule_fills_the_deadline_from_the_transfer_date(team: Team, world: World) -> None:
    cid = register(team, world, feedback_due=None)
    with team().session() as s:
        assert feedback_months(s) == 3  # the default
        view = transfer_clue(s, cid, transferred_at=T0)
    assert view.feedback_due == add_months(T0.date(), 3)


def test_a_given_deadline_wins_over_the_rule(team: Team, world: World) -> None:
    cid = register(team, world, feedback_due=None)
    with team().session() as s:
        view = transfer_clue(s, cid, feedback_due=TODAY + timedelta(days=10))
    assert view.feedback_due == TODAY + timedelta(days=10)


def test_without_deadline_and_without_rule_the_transfer_is_refused(
    team: Team, world: World
) -> None:
    cid = register(team, world, feedback_due=None)
    with team("office").session() as s:
        set_feedback_months(s, 0)
    with pytest.raises(ValidationError, match="移交须有反馈期限") as err, team().session() as s:
        transfer_clue(s, cid)
    assert err.value.details["field"] == "feedback_due"
    with team().read() as s:
        view = get_clue(s, cid)
    assert (view.status, view.feedback_due, view.transferred_at) == (
        ClueStatus.REGISTERED,
        None,
        None,
    )


def test_only_the_office_sets_the_rule_within_range(team: Team) -> None:
    with team("office").session() as s:
        set_feedback_months(s, 6)
    with team().read() as s:
        assert feedback_months(s) == 6
    with pytest.raises(PermissionDenied), team().session() as s:  # the 组长
        set_feedback_months(s, 2)
    with pytest.raises(ValidationError), team("office").session() as s:
        set_feedback_months(s, 25)
    with team().read() as s:
        assert feedback_months(s) == 6


@pytest.mark.parametrize(
    ("day", "months", "due"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
    ],
)
def test_add_months_keeps_to_the_calendar(day: date, months: int, due: date) -> None:
    assert add_months(day, months) == due


# -- receiving units ----------------------------------------------------------------------------


def test_double_transfer_names_both_units(team: Team, world: World) -> None:
    cid = register(team, world)
    with team().session() as s:
        view = transfer_clue(s, cid, to="纪委监委", second_to="organization_dept")
    assert view.transfer_mode is TransferMode.DOUBLE
    assert view.units() == (
        ClueTransferUnit.DISCIPLINE_COMMISSION,
        ClueTransferUnit.ORGANIZATION_DEPT,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"transfer_mode": "双移交"}, "second_unit"),  # 双移交 with one unit
        ({"transfer_mode": "双移交", "second_unit": "纪委监委"}, "second_unit"),  # the same twice
        ({"second_unit": "组织部"}, "second_unit"),  # 单移交 with two
        ({"transfer_unit": "其他"}, "other_unit"),  # 其他 without a name
    ],
)
def test_register_refuses_incomplete_units(
    team: Team, world: World, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        register(team, world, **changes)
    assert err.value.details["field"] == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"to": "其他"}, "other_unit"),
        ({"to": "other", "other_unit": "  "}, "other_unit"),
        ({"to": "组织部", "second_to": "组织部"}, "second_unit"),
    ],
)
def test_transfer_refuses_incomplete_units(
    team: Team, world: World, kwargs: dict[str, Any], field: str
) -> None:
    cid = register(team, world)
    with pytest.raises(ValidationError) as err, team().session() as s:
        transfer_clue(s, cid, **kwargs)
    assert err.value.details["field"] == field
    with team().read() as s:
        assert get_clue(s, cid).status is ClueStatus.REGISTERED


def test_other_unit_keeps_its_name(team: Team, world: World) -> None:
    cid = register(team, world)
    with team().session() as s:
        view = transfer_clue(s, cid, to="other", other_unit="县审计局")
    assert (view.transfer_unit, view.other_unit) == (ClueTransferUnit.OTHER, "县审计局")


# -- outcomes ----------------------------------------------------------------------------


def test_outcomes_are_dated_entries_kept_in_order(team: Team, world: World) -> None:
    cid = register(team, world, transfer_mode="双移交", second_unit="组织部")
    advance(team, cid, ClueStatus.TRANSFERRED)
    day = T0.date() + timedelta(days=3)
    with team("office").session() as s:
        record_outcome(s, cid, "初核", day)
        record_outcome(s, cid, ClueOutcomeKind.CASE_FILED, day + timedelta(days=5))
        view = record_outcome(
            s, cid, "组织处理", day + timedelta(days=6), detail="诫勉", unit="组织部"
        )
    assert [(o.kind, o.on, o.detail, o.unit) for o in view.outcomes] == [
        (ClueOutcomeKind.PRELIMINARY, day, "", ClueTransferUnit.DISCIPLINE_COMMISSION),
        (
            ClueOutcomeKind.CASE_FILED,
            day + timedelta(days=5),
            "",
            ClueTransferUnit.DISCIPLINE_COMMISSION,
        ),
        (
            ClueOutcomeKind.ORGANIZATIONAL,
            day + timedelta(days=6),
            "诫勉",
            ClueTransferUnit.ORGANIZATION_DEPT,
        ),
    ]
    with team().session() as s:
        view = remove_outcome(s, cid, 0)
    assert [o.kind for o in view.outcomes] == [
        ClueOutcomeKind.CASE_FILED,
        ClueOutcomeKind.ORGANIZATIONAL,
    ]


@pytest.mark.parametrize(
    ("kind", "on", "kwargs", "field"),
    [
        ("立案", T0.date() - timedelta(days=1), {}, "date"),  # before the 移交
        ("立案", TODAY + timedelta(days=5), {}, "date"),  # in the future
        ("组织处理", TODAY, {}, "detail"),  # which measure?
        ("立案", TODAY, {"unit": "组织部"}, "unit"),  # not a receiving unit of this clue
        ("表扬", TODAY, {}, "kind"),
    ],
)
def test_outcome_validation(
    team: Team, world: World, kind: str, on: date, kwargs: dict[str, Any], field: str
) -> None:
    cid = transferred(team, world)
    with pytest.raises(ValidationError) as err, team().session() as s:
        record_outcome(s, cid, kind, on, **kwargs)
    assert err.value.details["field"] == field
    with team().read() as s:
        assert get_clue(s, cid).outcomes == ()


def test_outcomes_only_between_transfer_and_close(team: Team, world: World) -> None:
    fresh = register(team, world)
    closed = register(team, world)
    advance(team, closed, ClueStatus.CLOSED)
    for cid in (fresh, closed):
        with pytest.raises(WorkflowError), team().session() as s:
            record_outcome(s, cid, "立案", TODAY)


@pytest.mark.parametrize("user", ["member", "deputy", "recorder", "secadmin"])
def test_only_leader_or_office_record_outcomes(team: Team, world: World, user: str) -> None:
    cid = transferred(team, world)
    with pytest.raises(PermissionDenied), team(user).session() as s:
        record_outcome(s, cid, "立案", TODAY)


# -- 督办 and figures ----------------------------------------------------------------------------


def test_overdue_filter_lists_the_clues_to_chase(team: Team, world: World) -> None:
    late = register(team, world, feedback_due=TODAY - timedelta(days=2))
    register(team, world, feedback_due=TODAY + timedelta(days=2))
    answered = register(team, world, feedback_due=TODAY - timedelta(days=9))
    advance(team, answered, ClueStatus.FED_BACK)
    with team().read() as s:
        page = list_clues(s, world.round_id, overdue_on=TODAY)
    assert [c.id for c in page.items] == [late]


def test_figures_by_outcome_unit_team_and_target(team: Team, world: World) -> None:
    both = transferred(team, world, transfer_mode="双移交", second_unit="组织部")
    single = transferred(team, world, target_id=None)
    register(team, world, transfer_unit="组织部", feedback_due=TODAY - timedelta(days=1))
    with team("office").session() as s:
        record_outcome(s, both, "立案", TODAY)
        record_outcome(s, both, "党纪处分", TODAY, detail="党内警告")
        record_outcome(s, both, "立案", TODAY)  # the same clue counts once
        record_outcome(s, single, "谈话函询", TODAY)
    with team().read() as s:
        figures = round_stats(s, world.round_id, today=TODAY).clue_figures
    assert figures.by_outcome["case_filed"] == 1
    assert figures.by_outcome["party_discipline"] == 1
    assert figures.by_outcome["talk_inquiry"] == 1
    assert figures.by_outcome["government_sanction"] == 0
    units = {g.key: g for g in figures.by_unit}
    commission, organization = units["discipline_commission"], units["organization_dept"]
    assert (commission.clues, commission.transferred) == (2, 2)
    assert commission.outcomes == {"case_filed": 1, "party_discipline": 1, "talk_inquiry": 1}
    assert (organization.clues, organization.transferred, organization.overdue) == (2, 1, 1)
    assert organization.outcomes == {"case_filed": 1, "party_discipline": 1}
    targets = {g.label: g for g in figures.by_target}
    assert (targets["某某镇党委"].clues, targets["未指定"].clues) == (2, 1)
    assert sum(g.clues for g in figures.by_team) == 3
