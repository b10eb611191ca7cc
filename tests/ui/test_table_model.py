"""The lazy table model, without views: pages load on demand, stale pages are dropped."""

from __future__ import annotations

from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from ui.models.record_table_model import Column, RecordTableModel
from ui.tasks import Tasks
from workbench.services.common import Page
from workbench.workspace import Workspace


@dataclass(frozen=True)
class Row:
    id: str
    n: int


def fake_list(total: int, calls: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    def fetch(_session: object, offset: int, limit: int) -> Page[Row]:
        calls.append((offset, limit))
        items = tuple(Row(str(i), i) for i in range(offset, min(offset + limit, total)))
        return Page(items, total, offset, limit)

    return fetch


def test_a_hundred_thousand_rows_load_only_the_pages_looked_at(
    qtbot: QtBot, workspace: Workspace
) -> None:
    tasks = Tasks(workspace)
    try:
        model = RecordTableModel(tasks, [Column("n", "数")])
        calls: list[tuple[int, int]] = []
        with qtbot.waitSignal(model.loaded, timeout=10000):
            model.set_query(fake_list(100_000, calls))
        # each page with its neighbours' edge rows (tests/pg/test_pg_list_drift.py)
        assert model.rowCount() == 100_000 and calls == [(0, 201)]
        assert model.data(model.index(99_999, 0)) == RecordTableModel.LOADING
        qtbot.waitUntil(lambda: model.data(model.index(99_999, 0)) == "99999", timeout=10000)
        assert calls == [(0, 201), (99_799, 202)]
        assert model.loaded_pages == 2
    finally:
        tasks.shutdown()


def test_a_reload_drops_pages_of_the_old_query(qtbot: QtBot, workspace: Workspace) -> None:
    tasks = Tasks(workspace)
    try:
        model = RecordTableModel(tasks, [Column("n", "数")])
        with qtbot.waitSignal(model.loaded, timeout=10000):
            model.set_query(fake_list(1000, []))
        model.data(model.index(900, 0))  # asks for a page of the old query…
        with qtbot.waitSignal(model.loaded, timeout=10000):
            model.set_query(fake_list(10, []))  # …which must not land in the new one
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10000)  # the old page has come back
        assert model.rowCount() == 10 and model.loaded_pages == 1
    finally:
        tasks.shutdown()


def test_errors_reach_the_gui_thread(qtbot: QtBot, workspace: Workspace) -> None:
    tasks = Tasks(workspace)
    try:
        model = RecordTableModel(tasks, [Column("n", "数")])

        def broken(_s: object, _o: int, _l: int) -> Page[Row]:
            raise RuntimeError("boom")

        with qtbot.waitSignal(model.load_failed, timeout=10000) as blocker:
            model.set_query(broken)
        assert isinstance(blocker.args[0], RuntimeError)
    finally:
        tasks.shutdown()
