"""Locking: by hand and when idle; the store is really locked and unlock returns to the page."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.lock import IdleLock
from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.workspace import Workspace


def test_lock_clears_pages_disposes_the_store_and_unlock_returns(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    total = page.model.total
    with qtbot.waitSignal(window.locked, timeout=10000):
        window.lock()
    assert window.is_locked and workspace.locked
    assert page.model.rowCount() == 0 and page.detail.toPlainText() == ""
    window.lock_screen.passphrase.setText("wrong passphrase")
    window.lock_screen._submit()
    assert window.lock_screen.message.text() == "正在解锁…"  # the key is derived off the GUI thread
    assert not window.lock_screen.button.isEnabled()
    qtbot.waitUntil(lambda: "WB-AUTH" in window.lock_screen.message.text(), timeout=30000)
    assert window.is_locked and window.lock_screen.button.isEnabled()
    window.lock_screen.passphrase.setText(DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        window.lock_screen._submit()
    assert not window.is_locked and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.total == total, timeout=10000)
    window.close()
    window.workspace.lock()


def test_idle_lock_fires_once_per_idle_period(qtbot: QtBot) -> None:
    idle = IdleLock(minutes=0.01)  # 0.6 s
    app = QApplication.instance()
    assert app is not None
    idle.start(app)
    try:
        with qtbot.waitSignal(idle.idle, timeout=10000):
            pass
        with qtbot.assertNotEmitted(idle.idle, wait=1500):
            pass  # not again until re-armed
        idle.rearm()
        with qtbot.waitSignal(idle.idle, timeout=10000):
            pass
    finally:
        idle.stop(app)
