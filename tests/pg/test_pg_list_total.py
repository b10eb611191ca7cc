"""A list's page and its total apart, on both backends: ``total=False`` gives the rows without
counting, ``limit=0`` the total alone, and together they say what one call with both says."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.pg.stores import Backend
from tests.pg.test_pg_services import _letter, _world
from workbench.errors import ValidationError
from workbench.services.findings import FindingDraft, create_finding, list_findings
from workbench.services.letters import list_letters, register_letter, void_letter
from workbench.services.rounds import list_rounds
from workbench.services.targets import list_targets

vacuum = importlib.import_module("workbench.store.migrations.versions.0022_pg_vacuum_inserts")


def _letters(backend: Backend, summaries: list[str]) -> tuple[str, list[str]]:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        ids = [register_letter(s, _letter(round_id, target_id, t)).id for t in summaries]
    return round_id, ids


def test_the_rows_without_the_total_and_the_total_alone(backend: Backend) -> None:
    round_id, ids = _letters(backend, [f"反映张三问题{n}" for n in range(4)] + ["反映礼金"])
    with backend.write() as s:
        void_letter(s, ids[0], "重复登记")
    with backend.read() as s:
        both = list_letters(s, round_id=round_id, limit=3)
        rows = list_letters(s, round_id=round_id, limit=3, total=False)
        alone = list_letters(s, round_id=round_id, limit=0)
        assert both.total == 4 and len(both.items) == 3
        assert rows.total is None and rows.items == both.items
        assert alone.items == () and alone.total == 4 == alone.counted
        # the filters count as they select, voided records included when asked for
        assert list_letters(s, round_id=round_id, text="礼金", limit=0).total == 1
        assert list_letters(s, round_id=round_id, voided=True, limit=0).total == 5
        past_the_end = list_letters(s, round_id=round_id, offset=4, limit=3, total=False)
        assert past_the_end.items == () and past_the_end.total is None
        with pytest.raises(ValueError, match="without its total"):
            rows.counted  # noqa: B018 - the property raises
        with pytest.raises(ValidationError):  # neither rows nor a total: nothing was asked
            list_letters(s, round_id=round_id, limit=0, total=False)
        with pytest.raises(ValidationError):
            list_letters(s, round_id=round_id, limit=-1)


Listing = Callable[..., Any]


def _lists(round_id: str) -> list[tuple[Listing, dict[str, Any]]]:
    return [
        (list_rounds, {}),
        (list_letters, {"round_id": round_id}),
        (list_findings, {"round_id": round_id}),
        (list_targets, {"round_id": round_id}),
    ]


def test_other_lists_give_their_page_and_total_apart_too(backend: Backend) -> None:
    round_id, target_id = _world(backend)
    with backend.write() as s:
        for title in ("惠农补贴发放审核把关不严", "公务接待超标准"):
            register_letter(s, _letter(round_id, target_id, f"反映{title}"))
            create_finding(s, FindingDraft(round_id, title, target_id, "FS-02", summary=title))
    with backend.read() as s:
        for listing, filters in _lists(round_id):
            both = listing(s, limit=2, **filters)
            assert both.total > 0, listing.__name__
            rows = listing(s, limit=2, total=False, **filters)
            assert (rows.items, rows.total) == (both.items, None), listing.__name__
            assert listing(s, limit=0, **filters).total == both.total, listing.__name__


def test_the_big_tables_are_vacuumed_after_one_percent_new_rows(backend: Backend) -> None:
    """Migration 0022: on PostgreSQL the rows of a large import are marked all-visible soon, so a
    total stays an index-only count; SQLite has no such setting."""
    if backend.name != "postgresql":
        pytest.skip("a PostgreSQL table setting")
    tables = list(vacuum.BIG_TABLES)
    options = text("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(:tables)")
    with backend.read() as s:
        found = {row.relname: row.reloptions for row in s.execute(options, {"tables": tables})}
    assert found == {
        table: ["autovacuum_vacuum_insert_scale_factor=0.01"] for table in vacuum.BIG_TABLES
    }
