"""修改口令 from the main window's 账户 menu, and 忘记口令 on the unlock screen through the
recovery code: real widgets on a real store, then unlocking says which passphrase works."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from ui.dialogs.recovery_dialog import RecoveryDialog
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.main_window import MainWindow
from workbench.errors import AuthenticationError, RecoveryCodeInvalid
from workbench.store import recovery
from workbench.workspace import Workspace

NEW = "a new passphrase 新口令"


def _ok(buttons: QDialogButtonBox) -> None:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None and button.isEnabled()
    button.click()


def _fill(dialog: ChangePassphraseDialog, current: str, new: str, again: str) -> None:
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.again.setText(again)


def test_change_own_passphrase_from_the_account_menu(qtbot: QtBot, store_dir: Path) -> None:
    workspace = Workspace.open(store_dir, LEADER, PASSPHRASE)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    account = window.findChild(QToolButton, "account")
    assert account is not None and account.text() == "账户"
    actions = {a.objectName(): a for a in account.menu().actions()}
    actions["change_passphrase"].trigger()
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()

    _fill(dialog, PASSPHRASE, NEW, NEW + "x")
    _ok(dialog.buttons)
    assert "两次输入的新口令不一致" in dialog.message.text() and dialog.again.text() == ""

    _fill(dialog, PASSPHRASE, "short", "short")
    _ok(dialog.buttons)
    assert "至少需要 8 个字符" in dialog.message.text() and "WB-VALIDATION" in dialog.message.text()

    _fill(dialog, "not my passphrase", NEW, NEW)
    _ok(dialog.buttons)  # runs on the DB worker
    qtbot.waitUntil(lambda: "当前口令不正确" in dialog.message.text(), timeout=30_000)
    assert dialog.isEnabled() and dialog.isVisible() and dialog.current.text() == ""

    _fill(dialog, PASSPHRASE, NEW, NEW)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        _ok(dialog.buttons)
    assert "口令已修改" in window.statusBar().currentMessage()
    window.close()
    workspace.lock()

    with pytest.raises(AuthenticationError):
        Workspace.open(store_dir, LEADER, PASSPHRASE)
    Workspace.open(store_dir, LEADER, NEW).lock()


def test_forgotten_passphrase_through_the_recovery_code(
    qtbot: QtBot, store_dir: Path, recovery_code: str
) -> None:
    unlock = UnlockDialog(store_dir, LEADER)
    qtbot.addWidget(unlock)
    qtbot.mouseClick(unlock.forgot, Qt.MouseButton.LeftButton)
    dialog = unlock.findChild(RecoveryDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.user_edit.text() == LEADER
    qtbot.keyClicks(dialog.code_edit, recovery_code[:13])
    dialog.reject()  # 取消, then 忘记口令… again: nothing typed is kept
    assert not dialog.isVisible() and dialog.code_edit.text() == "-------"
    qtbot.mouseClick(unlock.forgot, Qt.MouseButton.LeftButton)
    assert unlock.findChildren(RecoveryDialog) == [dialog] and dialog.isVisible()

    groups = recovery_code.split("-")
    typo = f"{(int(groups[1]) + 1) % 1_000_000:06d}"
    qtbot.keyClicks(dialog.code_edit, groups[0] + typo[:5])
    assert dialog.message.text() == ""  # group 2 not complete yet
    qtbot.keyClicks(dialog.code_edit, typo[5])
    assert "恢复码第 2 组有误" in dialog.message.text()
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "".join(groups))  # the mask puts the dashes in
    assert dialog.code_edit.text() == recovery_code and dialog.message.text() == ""

    dialog.new.setText(NEW)
    dialog.again.setText(NEW + "x")
    _ok(dialog.buttons)
    assert "两次输入的新口令不一致" in dialog.message.text()

    dialog.again.setText(NEW)
    _ok(dialog.buttons)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert dialog.pages.currentIndex() == 1
    shown = dialog.new_code.text().replace("\n", " ")  # as it is copied by hand
    assert len(shown.split(" - ")) == 8 and shown.replace(" - ", "-") != recovery_code
    dialog.reject()  # Esc before the check: the new code stays on screen
    assert dialog.isVisible() and not dialog.done_button.isEnabled()
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert unlock.result() == unlock.DialogCode.Accepted
    assert unlock.workspace is not None and unlock.workspace.user.name == LEADER
    unlock.workspace.lock()

    with pytest.raises(AuthenticationError):
        Workspace.open(store_dir, LEADER, PASSPHRASE)
    Workspace.open(store_dir, LEADER, NEW).lock()
    with pytest.raises(RecoveryCodeInvalid):  # the used code no longer works
        Workspace.recover(store_dir, LEADER, recovery_code, "yet another passphrase")
    Workspace.recover(store_dir, LEADER, shown, "yet another passphrase")[0].lock()


def test_a_code_of_another_store_is_refused_and_nothing_changes(
    qtbot: QtBot, store_dir: Path
) -> None:
    before = (store_dir / "keyfile.json").read_bytes()
    dialog = RecoveryDialog(store_dir, LEADER)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText(recovery.generate())  # well-formed, every group checks out
    dialog.new.setText(NEW)
    dialog.again.setText(NEW)
    _ok(dialog.buttons)
    # the key derivations run off the GUI thread; the dialog takes no input meanwhile
    assert dialog.busy and dialog.message.text() == "正在设置新口令…"
    assert not dialog.buttons.isEnabled() and not dialog.code_edit.isEnabled()
    dialog.reject()  # Esc while busy: the outcome still comes back to the dialog
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)
    assert "恢复码不正确" in dialog.message.text() and "WB-AUTH-RECOVERY" in dialog.message.text()
    assert dialog.workspace is None and dialog.pages.currentIndex() == 0
    assert (store_dir / "keyfile.json").read_bytes() == before
