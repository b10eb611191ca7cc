"""The main window, the dashboard and the letters page, driven through real widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from workbench.services.letters import list_letters
from workbench.workspace import Workspace


def _window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    return window


def test_dashboard_shows_the_round_figures(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.figures["letters"].value.text() != "—", timeout=10000)  # type: ignore[attr-defined]
    round_id = window.round_combo.currentData()
    expected = workspace.read(lambda s: list_letters(s, round_id, limit=1).total)
    assert dashboard.figures["letters"].value.text() == str(expected)  # type: ignore[attr-defined]
    assert dashboard.by_channel.items  # type: ignore[attr-defined]
    window.close()


def test_letters_page_lists_filters_and_describes(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total > 0, timeout=10000)
    round_id = window.round_combo.currentData()
    total = workspace.read(lambda s: list_letters(s, round_id, limit=1).total)
    assert page.model.rowCount() == total
    qtbot.waitUntil(lambda: page.detail.toPlainText() != "", timeout=10000)
    first = page.model.view_at(0)
    assert first is not None and first.number in page.detail.toPlainText()
    # filter: only letters by 小信封
    combo = page.filter_bar.findChild(QComboBox, "filter_channel")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("small_envelope"))
    expected = workspace.read(
        lambda s: list_letters(s, round_id, channel="small_envelope", limit=1).total
    )
    qtbot.waitUntil(lambda: page.model.total == expected and not window.tasks.busy, timeout=10000)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    assert all(v is not None and v.channel.value == "small_envelope" for v in views)
    combo.setCurrentIndex(0)
    window.close()


def test_the_filter_choice_is_remembered(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    page = window.pages["letters"]
    combo = page.findChild(QComboBox, "filter_status")
    assert combo is not None
    combo.setCurrentIndex(combo.findData("disposed"))
    window.close()
    again = _window(qtbot, workspace)
    combo = again.pages["letters"].findChild(QComboBox, "filter_status")
    assert combo is not None and combo.currentData() == "disposed"
    combo.setCurrentIndex(0)
    again.close()


def test_round_selector_scopes_the_pages(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = _window(qtbot, workspace)
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    in_round = page.model.total
    window.round_combo.setCurrentIndex(0)  # 全部轮次
    everything = workspace.read(lambda s: list_letters(s, limit=1).total)
    qtbot.waitUntil(lambda: page.model.total == everything, timeout=10000)
    assert everything >= in_round
    window.close()


def test_english_page_names_and_column_titles_fit(qtbot: QtBot, workspace: Workspace) -> None:
    """In English the navigation was as narrow as for Chinese ("Documents and repor…"), the
    list columns kept their Chinese widths ("eedback deadlin") and the status bar its Chinese
    punctuation."""
    from PySide6.QtCore import Qt

    from ui.pages.record_list_page import RecordListPage

    with english_ui():
        window = _window(qtbot, workspace)
        window.resize(1366, 820)
        assert window.nav.viewport().width() >= window.nav.sizeHintForColumn(0)
        shown = [w.text() for w in window.statusBar().findChildren(QLabel)]
        assert "王建国 (Team leader, System administrator)" in shown  # not （…、…）
        clues = window.pages["clues"]
        assert isinstance(clues, RecordListPage)
        header = clues.table.horizontalHeader()
        for i in range(clues.model.columnCount()):
            title = str(clues.model.headerData(i, Qt.Orientation.Horizontal))
            assert header.sectionSize(i) >= header.fontMetrics().horizontalAdvance(title), title
        # 督办 ("72 days overdue") was 90 px wide, made for “逾期 72 天”: “72 days …”
        for key in ("clues", "rectification"):
            page = window.pages[key]
            assert isinstance(page, RecordListPage)
            window.show_page(key)
            qtbot.waitUntil(lambda p=page: p.model.total > 0 and not window.tasks.busy)
            column = next(i for i, c in enumerate(page.model.columns) if c.key == "overdue")
            cells = [page.model.index(r, column) for r in range(page.model.rowCount())]
            shown = [str(page.model.data(c)) for c in cells]
            assert any("days overdue" in t for t in shown), key
            widest = max(page.table.fontMetrics().horizontalAdvance(t) for t in shown)
            assert page.table.columnWidth(column) >= widest + 8, key  # the cell's margins
        window.close()
