"""Global search: results as you type, highlighted safely, Enter opens the record's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.dialogs.search_dialog import snippet_html
from ui.main_window import MainWindow
from workbench.search import HIGHLIGHT_END, HIGHLIGHT_START
from workbench.workspace import Workspace


def test_type_then_enter_opens_the_letter(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    dialog = window.open_search()
    dialog.query.setText("小信封")  # typed through an input method: QTest cannot key in CJK
    qtbot.waitUntil(lambda: dialog.hits != [], timeout=10000)
    letters = [h for h in dialog.hits if h.record_type == "letter"]
    assert letters, [h.record_type for h in dialog.hits]
    row = dialog.hits.index(letters[0])
    dialog.results.setCurrentRow(row)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    page = window.pages["letters"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: letters[0].title.split()[0] in page.detail.toPlainText(), timeout=10000)  # type: ignore[attr-defined]
    window.close()


def test_two_characters_and_pinyin_initials(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    dialog = window.open_search()
    dialog.query.setText("整改")
    qtbot.waitUntil(lambda: len(dialog.hits) > 0, timeout=10000)
    assert all("整改" in h.title + h.snippet for h in dialog.hits)
    dialog.query.setText("wjg")  # 王建国, the team leader, took part in activities
    qtbot.waitUntil(lambda: any(h.record_type == "activity" for h in dialog.hits), timeout=10000)
    window.close()


def test_snippets_show_stored_html_as_text() -> None:
    html = snippet_html(f"<script>x</script>{HIGHLIGHT_START}巡察{HIGHLIGHT_END}")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b style='color:#b71c1c'>巡察</b>" in html
