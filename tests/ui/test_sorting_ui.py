"""Sorting in the UI: the table model's sort state without views, then header clicks on the
letters page that reload page 0 in the service's order and are remembered per page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui import settings
from ui.main_window import MainWindow
from ui.models.record_table_model import Column, RecordTableModel
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from workbench.services.letters import list_letters
from workbench.workspace import Workspace

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class Row:
    id: str
    n: int


COLUMNS = [Column("n", "数", sort_key="n"), Column("id", "标识")]


def test_the_model_takes_a_sort_only_on_a_sortable_column(
    qtbot: QtBot, workspace: Workspace
) -> None:
    tasks = Tasks(workspace)
    try:
        model = RecordTableModel(tasks, COLUMNS)
        assert model.order is None and model.sort_section() is None
        with qtbot.assertNotEmitted(model.order_changed):
            model.sort(1, ASC)  # 标识 has no sort key
            model.sort(7, ASC)  # no such column
        assert model.order is None
        with qtbot.waitSignal(model.order_changed) as changed:
            model.sort(0, DESC)
        assert changed.args == ["-n"] and model.order == "-n"
        assert model.sort_section() == (0, DESC)
        with qtbot.assertNotEmitted(model.order_changed):
            model.sort(0, DESC)  # the same sort again: nothing to reload
        with qtbot.waitSignal(model.order_changed) as changed:
            model.sort(0, ASC)
        assert changed.args == ["n"] and model.sort_section() == (0, ASC)
    finally:
        tasks.shutdown()


def test_a_remembered_order_is_taken_only_if_a_column_sorts_by_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    tasks = Tasks(workspace)
    try:
        model = RecordTableModel(tasks, COLUMNS)
        assert model.set_order("-n") and model.order == "-n"
        assert not model.set_order("id") and model.order == "-n"  # not sortable
        assert not model.set_order("-gone") and model.order == "-n"  # a column since removed
        assert model.set_order("") and model.order is None
        tip = Qt.ItemDataRole.ToolTipRole
        assert model.headerData(0, Qt.Orientation.Horizontal, tip)
        assert model.headerData(1, Qt.Orientation.Horizontal, tip) is None
    finally:
        tasks.shutdown()


def _window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    return window


def _click_header(page: RecordListPage, section: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _numbers(page: RecordListPage) -> list[str]:
    return [page.model.view_at(r).number for r in range(page.model.rowCount())]  # type: ignore[union-attr]


def _letters_page(qtbot: QtBot, window: MainWindow) -> RecordListPage:
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    return page


def test_header_clicks_sort_the_letters_through_the_service_and_are_remembered(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = _window(qtbot, workspace)
    page = _letters_page(qtbot, window)
    round_id = window.round_combo.currentData()
    header = page.table.horizontalHeader()
    keys = [c.sort_key for c in page.model.columns]
    number, reported = keys.index("number"), 3
    assert keys[reported] is None  # 被反映人: not sortable
    total = page.model.total

    _click_header(page, number)
    qtbot.waitUntil(lambda: page.model.order == "number" and not window.tasks.busy, timeout=10000)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (number, ASC)
    expected = workspace.read(lambda s: list_letters(s, round_id, order="number", limit=1000))
    assert page.model.total == total == expected.total
    assert _numbers(page) == [v.number for v in expected.items]
    assert _numbers(page) == sorted(_numbers(page))

    _click_header(page, number)  # again: descending
    qtbot.waitUntil(lambda: page.model.order == "-number" and not window.tasks.busy, timeout=10000)
    assert header.sortIndicatorOrder() == DESC
    assert _numbers(page) == sorted(_numbers(page), reverse=True)

    _click_header(page, reported)  # not sortable: the list and its indicator stay
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)  # a reload would be queued
    assert page.model.order == "-number"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (number, DESC)
    stored = settings.sort_key("letters").get(settings.open_settings())
    assert stored == "-number"
    window.close()

    reopened = _window(qtbot, workspace)
    again = _letters_page(qtbot, reopened)
    assert again.model.order == "-number"
    shown = again.table.horizontalHeader()
    assert (shown.sortIndicatorSection(), shown.sortIndicatorOrder()) == (number, DESC)
    assert _numbers(again) == sorted(_numbers(again), reverse=True)
    reopened.close()


def test_the_sort_is_kept_per_page(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    letters = _letters_page(qtbot, window)
    letters.model.sort(0, DESC)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    window.show_page("findings")
    findings = window.pages["findings"]
    assert isinstance(findings, RecordListPage)
    qtbot.waitUntil(lambda: findings.model.total > 0 and not window.tasks.busy, timeout=10000)
    assert findings.model.order is None  # its own default: newest compiled first
    store = settings.open_settings()
    assert settings.sort_key("letters").get(store) == "-number"
    assert settings.sort_key("findings").get(store) == ""
    window.close()
