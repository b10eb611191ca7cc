"""The menu bar (文件、编辑、视图、工具、帮助), its shortcuts on the current page (Ctrl+N, Delete,
Ctrl+P, F5, Ctrl+F), the built-in user guide, the shortcut list and 关于 with the versions."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QImage, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QTableWidget,
    QTextBrowser,
)
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_window, record_page, settle
from tests.ui.english import english_ui
from tests.ui.test_locked_editors import _pick
from ui.dialogs.search_dialog import SearchDialog
from ui.editors.letter_editor import LetterEditor
from ui.main_window import MainWindow
from workbench.services.letters import list_letters
from workbench.services.voiding import void
from workbench.vocab.enums import LetterCategory, LetterStatus
from workbench.workspace import Workspace

MENUS = {
    "menu_file": ["menu_print", "lock", "menu_quit"],
    "menu_edit": ["menu_new", "menu_void", "search"],
    "menu_view": ["menu_refresh", "menu_page_letters"],
    "menu_tools": ["menu_exchange", "change_passphrase", "open_settings"],
    "menu_help": ["menu_guide", "menu_shortcuts", "menu_about"],
}


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key, ctrl: bool = False) -> None:
    """The key pressed in the window, as a user would (through Qt's shortcut map)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10000)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.stack.currentWidget(), key, modifier)


def _dialog(window: MainWindow, name: str) -> QDialog:
    found = [d for d in window.findChildren(QDialog, name) if d.isVisible()]
    assert found, name
    return found[-1]


def test_the_menus_hold_the_window_actions(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "帮助(&H)"]
    for menu_name, names in MENUS.items():
        menu = window.menuBar().findChild(QMenu, menu_name)
        assert menu is not None, menu_name
        inside = {a.objectName() for a in menu.actions()}
        assert set(names) <= inside, (menu_name, set(names) - inside)
    keys = {a.objectName(): a.shortcut().toString() for a in window.findChildren(QAction)}
    assert keys["menu_new"] == "Ctrl+N"
    assert keys["menu_void"] == "Del"
    assert keys["menu_print"] == "Ctrl+P"
    assert keys["menu_refresh"] == "F5"
    assert keys["menu_guide"] == "F1"
    assert keys["search"] == "Ctrl+F"  # the toolbar's 检索, Ctrl+K kept as its second key
    window.close()


def test_ctrl_n_opens_the_new_record_editor_of_the_page(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    record_page(qtbot, window, "letters")
    assert _action(window, "menu_new").isEnabled()
    _key(qtbot, window, Qt.Key.Key_N, ctrl=True)
    qtbot.waitUntil(
        lambda: any(e.isVisible() for e in window.findChildren(LetterEditor)), timeout=10000
    )
    editor = next(e for e in window.findChildren(LetterEditor) if e.isVisible())
    assert editor.windowTitle().startswith("登记")  # 登记信访件: a new letter
    editor.reject()
    window.show_page("dashboard")  # a page without 新建: the action is off
    assert not _action(window, "menu_new").isEnabled()
    window.close()


def test_delete_voids_the_selected_record_with_its_reason(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    letter = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.REGISTERED)
    qtbot.waitUntil(_action(window, "menu_void").isEnabled, timeout=10000)
    asked: list[str] = []

    def answer(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> tuple[str, bool]:
        asked.append(label)
        return "重复登记", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(answer))
    page.table.setFocus()
    _key(qtbot, window, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert asked and letter.number in asked[0]  # the page's own reason dialog
    live = workspace.read(lambda s: list_letters(s, limit=1000).items)
    assert letter.id not in {v.id for v in live}
    window.close()


def test_delete_is_disabled_with_the_core_reason(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    _pick(
        qtbot,
        window,
        page,
        lambda v: v.status is LetterStatus.DISPOSED and v.category is not LetterCategory.DUPLICATE,
    )
    action = _action(window, "menu_void")
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=10000)
    assert "不能作废" in action.toolTip()
    window.close()


def test_f5_refreshes_the_current_page(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    letter = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.REGISTERED)
    workspace.write(lambda s: void(s, "letters", letter.id, "重复登记"))  # behind the page's back
    assert page.model.row_of(letter.id) is not None
    _key(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.row_of(letter.id) is None, timeout=10000)
    window.close()


def test_ctrl_p_prints_through_the_page_and_is_off_without(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    window.show_page("dashboard")
    assert not _action(window, "menu_print").isEnabled()  # the page offers no print_view
    printed: list[str] = []
    window.pages["interviews"].print_view = lambda: printed.append("interviews")  # type: ignore[attr-defined]
    record_page(qtbot, window, "interviews")
    assert _action(window, "menu_print").isEnabled()
    _key(qtbot, window, Qt.Key.Key_P, ctrl=True)
    assert printed == ["interviews"]
    window.close()


def test_ctrl_f_opens_the_search(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    _key(qtbot, window, Qt.Key.Key_F, ctrl=True)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(SearchDialog)), timeout=10000
    )
    for dialog in window.findChildren(SearchDialog):
        dialog.close()
    window.close()


def test_the_guide_opens_offline_with_text_and_screenshots(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    _key(qtbot, window, Qt.Key.Key_F1)
    dialog = _dialog(window, "user_guide")
    browser = dialog.findChild(QTextBrowser, "guide")
    assert browser is not None
    text = browser.toPlainText()
    assert "巡察工作台 使用说明" in text and "数据交换" in text
    images = re.findall(r'<img src="([^"]+)"', browser.document().toHtml())
    assert any(name.startswith("screenshots/") for name in images)
    image = browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, browser.source().resolved(QUrl(images[0]))
    )
    assert isinstance(image, QImage) and not image.isNull()  # from docs/screenshots
    assert image.width() <= 800  # scaled to sit beside the text
    dialog.close()
    window.close()


def test_about_shows_the_versions(qtbot: QtBot, workspace: Workspace) -> None:
    import PySide6
    from PySide6.QtCore import qVersion

    window = open_window(qtbot, workspace)
    _action(window, "menu_about").trigger()
    dialog = _dialog(window, "about")
    versions = dialog.findChild(QLabel, "versions")
    assert versions is not None
    qtbot.waitUntil(lambda: "SQLCipher：4." in versions.text(), timeout=10000)
    text = versions.text()
    assert "巡察工作台：0." in text and f"Qt：{qVersion()}" in text
    assert f"PySide6：{PySide6.__version__}" in text and "SQLite：3." in text
    assert "Python：3." in text
    dialog.close()
    window.close()


def test_the_shortcut_list_in_english(qtbot: QtBot, workspace: Workspace) -> None:
    with english_ui():
        window = open_window(qtbot, workspace)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles == ["&File", "&Edit", "&View", "&Tools", "&Help"]
        _action(window, "menu_shortcuts").trigger()
        dialog = _dialog(window, "shortcuts")
        table = dialog.findChild(QTableWidget, "shortcut_table")
        assert table is not None
        rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        assert rows["Ctrl+N"] == "New record on the current page"
        assert "Del" in rows and "F5" in rows and "Ctrl+P" in rows
        dialog.close()
        window.close()


def test_the_store_menus_are_off_while_locked(qtbot: QtBot, workspace: Workspace) -> None:
    from workbench.demo import DEMO_PASSPHRASE

    window = open_window(qtbot, workspace)
    record_page(qtbot, window, "letters")
    edit = window.menuBar().findChild(QMenu, "menu_edit")
    assert edit is not None and edit.isEnabled()
    with qtbot.waitSignal(window.locked, timeout=10000):
        window.lock()
    assert not edit.isEnabled()
    assert not _action(window, "menu_new").isEnabled()  # Ctrl+N does nothing on the lock screen
    assert not _action(window, "menu_refresh").isEnabled()
    assert _action(window, "menu_about").isEnabled()  # 帮助 stays
    with qtbot.waitSignal(window.unlocked, timeout=30000):
        window.unlock(DEMO_PASSPHRASE)
    settle(qtbot, window)
    assert edit.isEnabled() and _action(window, "menu_new").isEnabled()
    window.close()
