"""The lists' text filter and date range, through the services (the GUI's 搜索 box and 日期 range
and the CLI's --from/--to call the same parameters): they narrow, ignore case, treat % and _ as
themselves, and bound the list's own date inclusively."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import workbench.services  # noqa: F401 - the search-index hook
from tests.workbench.cli_helpers import cli_json
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import ValidationError
from workbench.services.activities import list_activities
from workbench.services.attachments import list_attachments
from workbench.services.clues import list_clues
from workbench.services.findings import list_findings
from workbench.services.focus import list_focus_items
from workbench.services.interviews import list_interviews
from workbench.services.letters import UNCLASSIFIED, list_letters
from workbench.services.portraits import list_portraits
from workbench.services.rectification import list_rectifications
from workbench.store.vault import Vault

ListFn = Callable[..., Any]


def _persons(v: Any) -> str:
    return " ".join(p.name for p in v.reported_persons)


# service → (the view's text the filter searches, a field to take the needle from)
TEXTS: dict[str, tuple[ListFn, Callable[[Any], str], Callable[[Any], str]]] = {
    "letters": (
        list_letters,
        lambda v: f"{v.number} {v.reporter_name} {_persons(v)} {v.summary} {v.transfer_to}",
        lambda v: v.summary,
    ),
    "findings": (
        list_findings,
        lambda v: f"{v.number} {v.title} {v.summary}",
        lambda v: v.title,
    ),
    "clues": (
        list_clues,
        lambda v: f"{v.number} {v.subject_name} {v.subject_position} {v.problem}",
        lambda v: v.problem,
    ),
    "interviews": (
        list_interviews,
        lambda v: f"{v.number} {v.subject_name} {v.subject_unit} {v.subject_position} {v.summary}",
        lambda v: v.summary,
    ),
    "activities": (list_activities, lambda v: f"{v.title} {v.notes}", lambda v: v.title),
    "focus": (
        list_focus_items,
        lambda v: f"{v.item_code} {v.title} {v.notes}",
        lambda v: v.title,
    ),
    "portraits": (
        list_portraits,
        lambda v: f"{v.subject_name} {v.conclusion}",
        lambda v: v.subject_name,
    ),
    "rectifications": (
        list_rectifications,
        lambda v: f"{v.number} {v.category} {v.problem} {v.lead_department} {v.responsible_person}",
        lambda v: v.problem,
    ),
    "attachments": (list_attachments, lambda v: v.name, lambda v: v.name),
}

# service → (its range parameters, the view's date it bounds)
DATES: dict[str, tuple[ListFn, str, Callable[[Any], date | None]]] = {
    "letters": (list_letters, "date", lambda v: v.received_at.date()),
    "findings": (list_findings, "date", lambda v: v.compiled_on),
    "interviews": (list_interviews, "date", lambda v: v.held_at.date()),
    "activities": (list_activities, "date", lambda v: v.held_at.date()),
    "clues": (list_clues, "due", lambda v: v.feedback_due),
    "rectifications": (list_rectifications, "due", lambda v: v.due_date),
}


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """The small demo store, opened once: these tests only read."""
    directory = tmp_path_factory.mktemp("filters") / "store"
    shutil.copytree(demo_template, directory)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        vault = Vault.open(directory, DEMO_LEADER, DEMO_PASSPHRASE)
        yield vault
        vault.lock()


def _ids(views: Any) -> list[str]:
    return [str(getattr(v, "id", None) or v.sha256) for v in views]


@pytest.mark.parametrize("service", list(TEXTS))
def test_the_text_filter_keeps_exactly_the_records_containing_it(demo: Vault, service: str) -> None:
    fn, searched, source = TEXTS[service]
    with demo.read() as s:
        everything = list(fn(s, limit=1000).items)
        assert len(everything) > 1, f"the demo store has too few {service} to test"
        needle = next(source(v)[1:4] for v in everything if len(source(v)) >= 4)
        kept = fn(s, text=f"  {needle} ", limit=1000)
    expected = [v for v in everything if needle.lower() in searched(v).lower()]
    assert expected, needle
    assert _ids(kept.items) == _ids(expected)  # same records, same order
    assert kept.total == len(expected)


def test_the_text_filter_ignores_case_and_matches_wildcards_literally(demo: Vault) -> None:
    with demo.read() as s:
        letters = list(list_letters(s, limit=1000).items)
        number = letters[0].number  # XF-2026-0001: ASCII, so case applies
        assert number.lower() != number
        found = list_letters(s, text=number.lower()).items
        assert [v.number for v in found] == [number]
        assert list_letters(s, text="%").total == 0
        assert list_letters(s, text="_").total == 0
        assert list_letters(s, text="").total == len(letters)  # blank: no filter


def test_a_text_filter_longer_than_a_search_is_refused(demo: Vault) -> None:
    with demo.read() as s, pytest.raises(ValidationError) as caught:
        list_findings(s, text="问" * 101)
    assert caught.value.details["field"] == "text"


@pytest.mark.parametrize("service", list(DATES))
def test_the_date_range_keeps_the_days_inside_it_inclusively(demo: Vault, service: str) -> None:
    fn, prefix, day_of = DATES[service]
    with demo.read() as s:
        everything = list(fn(s, limit=1000).items)
        days = sorted({d for d in map(day_of, everything) if d is not None})
        assert len(days) > 1, f"the demo store's {service} need more than one day to test"
        low, high = days[0], days[len(days) // 2]
        bounds = {f"{prefix}_from": low, f"{prefix}_to": high}
        kept = fn(s, limit=1000, **bounds).items
        only_one = fn(s, limit=1000, **{f"{prefix}_from": high, f"{prefix}_to": high}).items
    expected = [v for v in everything if (d := day_of(v)) is not None and low <= d <= high]
    assert _ids(kept) == _ids(expected)
    assert 0 < len(kept) < len(everything)
    assert {day_of(v) for v in only_one} == {high}


def test_attachments_name_the_records_they_belong_to(demo: Vault) -> None:
    with demo.read() as s:
        files = list_attachments(s, limit=1000).items
        letters = {v.original_sha256: v.number for v in list_letters(s, limit=1000).items}
    used = [f for f in files if f.used_by]
    assert used, "the demo store's attachments belong to records"
    for file in files:
        if file.sha256 in letters:
            assert ("信访件", letters[file.sha256]) in [(u.label, u.name) for u in file.used_by]
    assert all(u.name and u.label for f in used for u in f.used_by)


def test_attachments_are_bounded_by_the_day_they_were_added(demo: Vault) -> None:
    with demo.read() as s:
        files = list_attachments(s, limit=1000).items
        day = files[0].created_at.date()  # the demo adds them all on one day
        that_day = list_attachments(s, date_from=day, date_to=day, limit=1000).items
        before = list_attachments(s, date_to=day - timedelta(days=1)).total
        after = list_attachments(s, date_from=day + timedelta(days=1)).total
    assert [f.sha256 for f in that_day] == [f.sha256 for f in files if f.created_at.date() == day]
    assert before == len([f for f in files if f.created_at.date() < day])
    assert after == len([f for f in files if f.created_at.date() > day])


def test_letters_not_yet_classified_are_a_category_of_their_own(demo: Vault) -> None:
    """What the dashboard counts as 未分类, the list can show."""
    with demo.read() as s:
        everything = list(list_letters(s, limit=1000).items)
        kept = list_letters(s, category=UNCLASSIFIED, limit=1000).items
    expected = [v.id for v in everything if v.category is None]
    assert expected and [v.id for v in kept] == expected


def test_the_command_line_lists_by_text_too(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = cli_json(capsys, "findings", "list", "--limit", "500")["items"]
    needle = every[0]["number"]
    found = cli_json(capsys, "findings", "list", "--text", needle.lower())["items"]
    assert [f["number"] for f in found] == [needle]
