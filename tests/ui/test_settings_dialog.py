"""设置: idle minutes (1–120) re-arm the running idle lock, the language waits for a restart,
the log folder is shown; saved to QSettings, or nothing changes on cancel."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui import settings
from ui.dialogs.settings_dialog import SettingsDialog
from ui.errors import log_file
from ui.lock import IdleLock
from ui.main_window import MainWindow
from workbench.workspace import Workspace


def _button(dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    button = dialog.buttons.button(which)
    assert button is not None
    button.click()


def test_opened_from_the_main_window_it_saves_and_rearms_the_idle_lock(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    idle = IdleLock(settings.idle_lock_minutes(settings.open_settings()))
    window.idle_lock = idle
    assert idle.seconds == 600  # the default 10 minutes
    action = window.findChild(QAction, "open_settings")
    assert action is not None and action.text() == "设置"
    action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.idle_minutes.value() == 10
    assert (dialog.idle_minutes.minimum(), dialog.idle_minutes.maximum()) == (1, 120)
    assert dialog.log_folder.isReadOnly()
    assert dialog.log_folder.text() == str(log_file().parent)
    assert "下次启动" in dialog.restart_note.text()

    idle._last_input -= 300  # five idle minutes have passed…
    idle_since = idle._last_input
    dialog.idle_minutes.setValue(25)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    _button(dialog, QDialogButtonBox.StandardButton.Ok)
    store = settings.open_settings()
    assert settings.IDLE_LOCK_MINUTES.get(store) == 25
    assert settings.LANGUAGE.get(store) == "en"
    assert idle.seconds == 25 * 60 and idle.minutes == 25
    assert idle._armed and idle._last_input > idle_since  # …but the new period counts from now
    with qtbot.assertNotEmitted(idle.idle, wait=100):
        idle._check()
    window.close()


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    idle = IdleLock(10)
    dialog = SettingsDialog(idle)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.idle_minutes.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    _button(dialog, QDialogButtonBox.StandardButton.Cancel)
    store = settings.open_settings()
    assert settings.IDLE_LOCK_MINUTES.get(store) == 10 and settings.LANGUAGE.get(store) == "zh_CN"
    assert idle.seconds == 600


def test_the_minutes_stay_in_range_whatever_the_file_says(qtbot: QtBot) -> None:
    store = settings.open_settings()
    for written, read in ((0, 1), (-5, 1), (500, 120), (30, 30)):
        settings.IDLE_LOCK_MINUTES.set(store, written)
        assert settings.idle_lock_minutes(store) == read
    dialog = SettingsDialog()  # without an idle lock (e.g. before unlocking) it still saves
    qtbot.addWidget(dialog)
    dialog.idle_minutes.setValue(0)  # the spin box refuses 0: the lock cannot be turned off
    assert dialog.idle_minutes.value() == 1
    dialog.accept()
    assert settings.IDLE_LOCK_MINUTES.get(settings.open_settings()) == 1


def test_languages_are_named_in_themselves(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    names = {dialog.language.itemData(i): dialog.language.itemText(i) for i in range(2)}
    assert names == {"zh_CN": "简体中文", "en": "English"}
    assert dialog.language.currentData() == "zh_CN"
