"""Unlocking through the dialog: wrong passphrase message, the delay, success, and the key
derivation off the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from ui.dialogs.unlock_dialog import UnlockDialog
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.workspace import Workspace


def unlock(qtbot: QtBot, dialog: UnlockDialog) -> None:
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)


def test_wrong_passphrase_then_right_one(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = UnlockDialog(demo_dir, DEMO_LEADER)
    qtbot.addWidget(dialog)
    dialog.pass_edit.setText("not the passphrase")
    unlock(qtbot, dialog)
    assert dialog.workspace is None
    assert "WB-AUTH" in dialog.message.text() and dialog.pass_edit.text() == ""
    dialog.pass_edit.setText(DEMO_PASSPHRASE)
    unlock(qtbot, dialog)
    assert dialog.workspace is not None and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.workspace.user.name == DEMO_LEADER
    dialog.workspace.lock()


def test_repeated_failures_disable_the_button_with_a_countdown(
    qtbot: QtBot, demo_dir: Path
) -> None:
    dialog = UnlockDialog(demo_dir, DEMO_LEADER)
    qtbot.addWidget(dialog)
    for _ in range(3):
        dialog.pass_edit.setText("wrong passphrase")
        unlock(qtbot, dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    assert "秒后再试" in dialog.message.text()


def test_a_damaged_store_says_how_to_restore(qtbot: QtBot, store_dir: Path) -> None:
    with open(store_dir / "workbench.db", "r+b") as f:  # one byte of the first page's ciphertext
        f.seek(100)
        byte = f.read(1)
        f.seek(100)
        f.write(bytes([byte[0] ^ 0x01]))
    dialog = UnlockDialog(store_dir, LEADER)
    qtbot.addWidget(dialog)
    dialog.pass_edit.setText(PASSPHRASE)
    unlock(qtbot, dialog)
    assert dialog.workspace is None
    assert "WB-STORE-DAMAGED" in dialog.message.text()
    assert "workbench restore" in dialog.message.text()


def test_the_key_is_derived_off_the_gui_thread_while_the_dialog_is_busy(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unlock waits for a timer on the GUI thread: it finishes only if the GUI thread keeps
    running its event loop during the unlock (on the GUI thread it would wait in vain)."""
    gate, real_open = threading.Event(), Workspace.open
    threads: list[bool] = []

    def gated_open(directory: Path, user: str, passphrase: str) -> Workspace:
        threads.append(threading.current_thread() is threading.main_thread())
        opened_in_time = gate.wait(timeout=10)
        assert opened_in_time, "the GUI thread was blocked during the unlock"
        return real_open(directory, user, passphrase)

    monkeypatch.setattr(Workspace, "open", staticmethod(gated_open))
    dialog = UnlockDialog(demo_dir, DEMO_LEADER)
    qtbot.addWidget(dialog)
    ticks: list[bool] = []  # the GUI thread's timer, one entry per firing during the unlock
    timer = QTimer(dialog)
    timer.setInterval(10)
    timer.timeout.connect(lambda: (ticks.append(dialog.busy), gate.set()))
    timer.start()
    dialog.pass_edit.setText(DEMO_PASSPHRASE)
    dialog.try_unlock()
    assert dialog.busy and dialog.workspace is None  # try_unlock returned at once
    assert dialog.message.text() == "正在解锁…"
    assert not dialog.buttons.isEnabled() and not dialog.pass_edit.isEnabled()
    assert dialog.pass_edit.text() == ""  # the passphrase left the field at once
    dialog.reject()  # Esc while busy: the dialog stays for the outcome
    qtbot.waitUntil(lambda: dialog.workspace is not None, timeout=30000)
    timer.stop()
    assert threads == [False] and any(ticks)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.buttons.isEnabled()
    dialog.workspace.lock()
