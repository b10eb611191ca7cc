"""Driving the record editors from a real main window: open the page, press 新建/编辑, wait."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from ui.editors.base import RecordEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.workspace import Workspace

E = TypeVar("E", bound=RecordEditor)


def open_window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)


def record_page(qtbot: QtBot, window: MainWindow, key: str) -> RecordListPage:
    window.show_page(key)
    page = window.pages[key]
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    return page


def press(page: Any, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def open_editor(qtbot: QtBot, window: MainWindow, page: Any, button: str, cls: type[E]) -> E:
    press(page, button)
    found: list[E] = []

    def opened() -> bool:
        found[:] = [w for w in window.findChildren(cls) if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(opened, timeout=10000)
    settle(qtbot, window)
    QApplication.processEvents()
    return found[0]


def save(qtbot: QtBot, window: MainWindow, editor: RecordEditor) -> Any:
    with qtbot.waitSignal(editor.saved, timeout=10000) as blocker:
        editor.save_button.click()
    settle(qtbot, window)
    return blocker.args[0]
