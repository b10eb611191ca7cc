"""Unlocking through the dialog: wrong passphrase message, the delay, success."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from ui.dialogs.unlock_dialog import UnlockDialog
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE


def test_wrong_passphrase_then_right_one(qtbot: QtBot, demo_dir: Path) -> None:
    dialog = UnlockDialog(demo_dir, DEMO_LEADER)
    qtbot.addWidget(dialog)
    dialog.pass_edit.setText("not the passphrase")
    dialog.try_unlock()
    assert dialog.workspace is None
    assert "WB-AUTH" in dialog.message.text() and dialog.pass_edit.text() == ""
    dialog.pass_edit.setText(DEMO_PASSPHRASE)
    dialog.try_unlock()
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
        dialog.try_unlock()
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
    dialog.try_unlock()
    assert dialog.workspace is None
    assert "WB-STORE-DAMAGED" in dialog.message.text()
    assert "workbench restore" in dialog.message.text()
