"""Sorting the lists through the services: every sortable column both ways, records without a
value last, pages that neither overlap nor skip, unknown columns refused, defaults unchanged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

import workbench.services  # noqa: F401 - the search-index hook
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.errors import ValidationError
from workbench.services.activities import ACTIVITY_ORDERS, list_activities
from workbench.services.attachments import ATTACHMENT_ORDERS, list_attachments
from workbench.services.clues import CLUE_ORDERS, list_clues
from workbench.services.findings import FINDING_ORDERS, list_findings
from workbench.services.focus import FOCUS_ORDERS, list_focus_items
from workbench.services.interviews import INTERVIEW_ORDERS, list_interviews
from workbench.services.letters import LETTER_ORDERS, list_letters
from workbench.services.portraits import PORTRAIT_ORDERS, list_portraits
from workbench.services.rectification import RECTIFICATION_ORDERS, list_rectifications
from workbench.store.vault import Vault

ListFn = Callable[..., Any]

# service, its sortable keys, how a key reads on the view (default: the attribute of that name)
SERVICES: dict[str, tuple[ListFn, dict[str, Any], dict[str, Callable[[Any], Any]]]] = {
    "letters": (list_letters, LETTER_ORDERS, {}),
    "interviews": (list_interviews, INTERVIEW_ORDERS, {}),
    "findings": (list_findings, FINDING_ORDERS, {}),
    "clues": (list_clues, CLUE_ORDERS, {"created_at": lambda v: v.meta.created_at}),
    "activities": (list_activities, ACTIVITY_ORDERS, {}),
    "focus": (list_focus_items, FOCUS_ORDERS, {}),
    "portraits": (list_portraits, PORTRAIT_ORDERS, {}),
    "rectifications": (list_rectifications, RECTIFICATION_ORDERS, {}),
    "attachments": (list_attachments, ATTACHMENT_ORDERS, {}),
}
CASES = [(name, key) for name, (_, keys, _) in SERVICES.items() for key in keys]


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    """The small demo store, opened once: these tests only read."""
    import shutil

    directory = tmp_path_factory.mktemp("sorting") / "store"
    shutil.copytree(demo_template, directory)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        vault = Vault.open(directory, DEMO_LEADER, DEMO_PASSPHRASE)
        yield vault
        vault.lock()


def _all(session: Session, fn: ListFn, **kw: Any) -> list[Any]:
    return list(fn(session, limit=1000, **kw).items)


def _identity(view: Any) -> str:
    return str(getattr(view, "id", None) or view.sha256)


def _rank(value: Any) -> Any:
    """What the store sorts an enum by: its declared (workflow) order, not its code."""
    return list(type(value)).index(value) if isinstance(value, Enum) else value


@pytest.mark.parametrize(("service", "key"), CASES)
def test_each_sortable_column_sorts_both_ways_with_empty_values_last(
    demo: Vault, service: str, key: str
) -> None:
    fn, _, readers = SERVICES[service]
    read = readers.get(key, lambda v: getattr(v, key))
    with demo.read() as s:
        for order, reverse in ((key, False), (f"-{key}", True)):
            values = [read(v) for v in _all(s, fn, order=order)]
            assert len(values) > 1, f"the demo store has too few {service} to test"
            present = [_rank(v) for v in values if v is not None]
            assert present == sorted(present, reverse=reverse), order
            empty = len(values) - len(present)
            assert all(v is None for v in values[len(values) - empty :]), "empty values go last"


@pytest.mark.parametrize(("service", "key"), CASES)
def test_pages_of_a_sorted_list_neither_overlap_nor_skip(
    demo: Vault, service: str, key: str
) -> None:
    fn, _, _ = SERVICES[service]
    with demo.read() as s:
        whole = [_identity(v) for v in _all(s, fn, order=f"-{key}")]
        paged: list[str] = []
        for offset in range(0, len(whole), 7):
            paged += [_identity(v) for v in fn(s, order=f"-{key}", offset=offset, limit=7).items]
    assert paged == whole and len(set(whole)) == len(whole)


@pytest.mark.parametrize("service", list(SERVICES))
@pytest.mark.parametrize("order", ["summary", "-id; DROP TABLE letters", "--number", "id"])
def test_an_unknown_column_is_refused(demo: Vault, service: str, order: str) -> None:
    fn, _, _ = SERVICES[service]
    with demo.read() as s, pytest.raises(ValidationError) as caught:
        fn(s, order=order)
    assert caught.value.code == "WB-VALIDATION"
    assert caught.value.details["field"] == "order"
    assert caught.value.message == "不能按此列排序"  # fixed text: the UI translates it


@pytest.mark.parametrize("service", list(SERVICES))
def test_no_order_keeps_the_default_ordering(demo: Vault, service: str) -> None:
    fn, _, _ = SERVICES[service]
    with demo.read() as s:
        assert fn(s, order=None, limit=1000) == fn(s, limit=1000)


def test_letters_by_date_received_use_the_default_order_or_its_exact_reverse(demo: Vault) -> None:
    with demo.read() as s:
        newest = [v.id for v in _all(s, list_letters)]
        assert [v.id for v in _all(s, list_letters, order="-received_at")] == newest
        oldest = [v.id for v in _all(s, list_letters, order="received_at")]
    # (received_at, number) are unique in the demo store, so the reverse is exact
    assert oldest == newest[::-1]


def test_ties_keep_the_default_order(demo: Vault) -> None:
    """Letters of one status stay newest first, so a sorted column reads naturally."""
    with demo.read() as s:
        by_status = _all(s, list_letters, order="status")
        newest = [v.id for v in _all(s, list_letters)]
    for status in {v.status for v in by_status}:
        group = [v.id for v in by_status if v.status == status]
        assert group == [i for i in newest if i in set(group)]


def test_sorting_combines_with_filters(demo: Vault) -> None:
    with demo.read() as s:
        filtered = _all(s, list_letters, channel="letter", order="-status")
        assert filtered and all(v.channel.value == "letter" for v in filtered)
        assert len(filtered) == list_letters(s, channel="letter").total


def test_the_cli_lists_in_the_order_asked(
    demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from workbench.cli import main

    monkeypatch.setenv("WORKBENCH_STORE", str(demo_dir))
    monkeypatch.setenv("WORKBENCH_USER", DEMO_LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", DEMO_PASSPHRASE)
    assert main(["letters", "list", "--order", "number", "--limit", "200", "--json"]) == 0
    numbers = [item["number"] for item in json.loads(capsys.readouterr().out)["items"]]
    assert len(numbers) > 1 and numbers == sorted(numbers)
    assert main(["letters", "list", "--order", "summary"]) == 2  # WB-USAGE, listing the columns
    assert main(["rounds", "list", "--order", "name"]) == 2  # the rounds list has no sorting
