"""Administration through real widgets on real stores: users (三员 rule, 停用/启用), backup and
restore, and the backup reminder. Only the 系统管理员 gets any of it; the core refuses others."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from tests.ui.english import english_ui
from ui import settings
from ui.dialogs.backup_dialog import BackupDialog, RestoreDialog
from ui.dialogs.rekey_dialog import RekeyDialog
from ui.dialogs.user_forms import AddUserDialog, EditRolesDialog, EnableUserDialog
from ui.dialogs.users_dialog import UsersDialog
from ui.main_window import MainWindow
from ui.models.record_table_model import human_size
from workbench.errors import AuthenticationError, KeyRetired, PermissionDenied, UserDisabled
from workbench.models.base import utcnow
from workbench.roles import Role
from workbench.services import backups, users
from workbench.store.vault import Vault
from workbench.workspace import Workspace

NEW_PASS = "初始口令 for zhang"
SLOW = 60_000  # ms: a keyslot is an Argon2id derivation, slow on a loaded machine


def _window(qtbot: QtBot, directory: Path, name: str = LEADER, secret: str = PASSPHRASE):  # type: ignore[no-untyped-def]
    window = MainWindow(Workspace.open(directory, name, secret))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    return window


def _menu_actions(window: MainWindow) -> dict[str, object]:
    account = window.findChild(QToolButton, "account")
    assert account is not None
    return {a.objectName(): a for a in account.menu().actions()}


def _users_dialog(qtbot: QtBot, window: MainWindow) -> UsersDialog:
    _menu_actions(window)["manage_users"].trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(UsersDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=SLOW)
    return dialog


def _ok(buttons: QDialogButtonBox) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _add_member(store_dir: Path, name: str = "zhang") -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, name, NEW_PASS, (Role.MEMBER,), display_name="张伟")


def test_a_user_added_in_the_dialog_unlocks_the_store(qtbot: QtBot, store_dir: Path) -> None:
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    assert dialog.table.item(0, 0).text() == LEADER
    assert dialog.table.item(0, 2).text() == "组长、系统管理员"
    assert dialog.table.item(0, 3).text() == "启用" and dialog.table.item(0, 4).text()
    dialog.add_button.click()
    add = dialog.findChild(AddUserDialog)
    assert add is not None and add.isVisible()
    add.name.setText("zhang")
    add.display_name.setText("张伟")
    add.role_boxes[Role.MEMBER].setChecked(True)
    add.role_boxes[Role.RECORDER].setChecked(True)
    assert add.warning.isHidden()
    add.passphrase.setText(NEW_PASS)
    add.again.setText(NEW_PASS + "x")
    _ok(add.buttons)
    assert "两次输入的口令不一致" in add.message.text()
    add.passphrase.setText(NEW_PASS)
    add.again.setText(NEW_PASS)
    _ok(add.buttons)  # on the worker, with the busy bar
    assert not add.busy.isHidden() and not add.name.isEnabled()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=SLOW)
    assert dialog.table.item(1, 1).text() == "张伟"
    assert dialog.table.item(1, 2).text() == "组员、记录员/信访专员"
    assert "已添加用户 zhang" in dialog.message.text()
    with Vault.open(store_dir, "zhang", NEW_PASS) as theirs:
        assert theirs.user.roles == (Role.MEMBER, Role.RECORDER)


def test_a_refused_3yuan_combination_shows_the_reason_and_adds_nothing(
    qtbot: QtBot, store_dir: Path
) -> None:
    window = _window(qtbot, store_dir)
    add = _users_dialog(qtbot, window).open_add()
    add.name.setText("shenji")
    add.role_boxes[Role.SYSADMIN].setChecked(True)
    assert "三员" in add.warning.text() or add.warning.isHidden()
    add.role_boxes[Role.AUDITOR].setChecked(True)
    reason = "安全审计员不得同时担任系统管理员或安全保密管理员（三员分立）"
    assert reason in add.message.text()  # as soon as the combination is ticked
    add.passphrase.setText(NEW_PASS)
    add.again.setText(NEW_PASS)
    _ok(add.buttons)
    assert reason in add.message.text() and add.isVisible()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.read() as s:
        assert [u.name for u in users.list_users(s)] == [LEADER]
    add.role_boxes[Role.AUDITOR].setChecked(False)
    add.role_boxes[Role.TEAM_LEADER].setChecked(True)  # allowed, but warned
    assert add.message.text() == ""
    assert not add.warning.isHidden() and "三员角色和业务角色" in add.warning.text()


def test_disable_then_enable_with_a_new_passphrase(
    qtbot: QtBot, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_member(store_dir)
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=SLOW)
    dialog.select_user(LEADER)
    assert not dialog.disable_button.isEnabled()  # nobody disables themself
    dialog.select_user("zhang")
    assert dialog.disable_button.isEnabled() and not dialog.enable_button.isEnabled()
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.disable_button.click()
    assert "张伟（zhang）" in asked[0]
    qtbot.waitUntil(lambda: dialog.table.item(1, 3).text() == "停用", timeout=SLOW)
    with pytest.raises((AuthenticationError, UserDisabled)):
        Vault.open(store_dir, "zhang", NEW_PASS)
    assert dialog.enable_button.isEnabled()
    enable = dialog.open_enable()
    assert isinstance(enable, EnableUserDialog)
    enable.passphrase.setText("second passphrase")
    enable.again.setText("second passphrase")
    _ok(enable.buttons)
    qtbot.waitUntil(lambda: dialog.table.item(1, 3).text() == "启用", timeout=SLOW)
    with Vault.open(store_dir, "zhang", "second passphrase") as theirs:
        assert not theirs.user.disabled


def test_roles_are_changed_under_the_3yuan_rule(qtbot: QtBot, store_dir: Path) -> None:
    _add_member(store_dir)
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=SLOW)
    dialog.select_user("zhang")
    edit = dialog.open_roles()
    assert isinstance(edit, EditRolesDialog) and edit.roles.chosen() == (Role.MEMBER,)
    edit.roles.boxes[Role.MEMBER].setChecked(False)
    edit.roles.boxes[Role.AUDITOR].setChecked(True)
    edit.roles.boxes[Role.SECADMIN].setChecked(True)
    assert "三员分立" in edit.message.text()
    _ok(edit.buttons)
    assert edit.isVisible()  # refused: nothing sent to the core
    edit.roles.boxes[Role.SECADMIN].setChecked(False)
    assert edit.message.text() == ""
    _ok(edit.buttons)
    qtbot.waitUntil(lambda: dialog.table.item(1, 2).text() == "安全审计员", timeout=SLOW)
    dialog.select_user(LEADER)  # the only 系统管理员 keeps the role: the core says why
    mine = dialog.open_roles()
    assert mine is not None
    mine.roles.boxes[Role.SYSADMIN].setChecked(False)
    _ok(mine.buttons)
    qtbot.waitUntil(lambda: "最后一位在用的系统管理员" in mine.message.text(), timeout=SLOW)
    assert mine.isVisible() and window.workspace.user.has(Role.SYSADMIN)


def test_others_get_no_administration_and_the_core_refuses_them(
    qtbot: QtBot, store_dir: Path, tmp_path: Path
) -> None:
    _add_member(store_dir)
    window = _window(qtbot, store_dir, "zhang", NEW_PASS)
    actions = _menu_actions(window)
    assert "change_passphrase" in actions
    assert not {"manage_users", "backup", "restore"} & set(actions)
    assert window.backup_reminder.isHidden()  # never backed up, yet nothing for a 组员
    workspace = window.workspace
    with pytest.raises(PermissionDenied):
        workspace.call(users.add_user, "x", NEW_PASS, (Role.MEMBER,))
    with pytest.raises(PermissionDenied):
        workspace.call(backups.backup_store, tmp_path / "b.wbk")


def test_backup_in_the_dialog_is_accepted_by_the_core_restore(
    qtbot: QtBot, store_dir: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, store_dir)
    _menu_actions(window)["backup"].trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(BackupDialog)
    assert dialog is not None and "加密" in dialog.intro.text()
    target = tmp_path / "b.wbk"
    dialog.file.setText(str(target))
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "已备份到" in dialog.message.text(), timeout=SLOW)
    restored = backups.restore_store(target, tmp_path / "r", LEADER, PASSPHRASE)
    with Vault.open(restored, LEADER, PASSPHRASE) as again:
        assert again.store_id == window.workspace.summary.store_id
    assert not dialog.start_button.isEnabled()  # done: 关闭 is what is left
    again_dialog = BackupDialog(window.tasks, window)
    qtbot.addWidget(again_dialog)
    again_dialog.file.setText(str(target))
    again_dialog.start_button.click()  # the same file again: never overwritten
    assert "已存在" in again_dialog.message.text() and not again_dialog.job.running


def test_a_cancelled_backup_leaves_no_file(qtbot: QtBot, store_dir: Path, tmp_path: Path) -> None:
    window = _window(qtbot, store_dir)
    dialog = BackupDialog(window.tasks, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "b.wbk"
    dialog.file.setText(str(target))
    gate = threading.Event()
    window.tasks.run_on_worker(lambda _worker: gate.wait(30))  # the backup queues behind this
    dialog.start_button.click()
    dialog.job.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: "已取消" in dialog.job.label.text(), timeout=SLOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_restore_in_the_dialog_checks_then_restores_into_a_new_folder(
    qtbot: QtBot, store_dir: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, store_dir)
    window.workspace.call(backups.backup_store, tmp_path / "b.wbk")
    _menu_actions(window)["restore"].trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.user.text() == LEADER
    assert not dialog.restore_button.isEnabled()  # only after the check
    dialog.file.setText(str(tmp_path / "b.wbk"))
    dialog.passphrase.setText("not the passphrase")
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "WB-AUTH" in dialog.message.text(), timeout=SLOW)
    assert not dialog.restore_button.isEnabled() and dialog.passphrase.text() == ""
    dialog.passphrase.setText(PASSPHRASE)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "校验通过" in dialog.facts.text(), timeout=SLOW)
    size = human_size((tmp_path / "b.wbk").stat().st_size)
    assert "备份于 20" in dialog.facts.text() and f"大小 {size}" in dialog.facts.text()
    dialog.folder.setText(str(store_dir))  # the running store: refused, never overwritten
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: "不是空文件夹" in dialog.message.text(), timeout=SLOW)
    dialog.folder.setText(str(tmp_path / "restored"))
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: "已恢复到" in dialog.message.text(), timeout=SLOW)
    assert dialog.open_button.isVisible()
    with Vault.open(tmp_path / "restored", LEADER, PASSPHRASE) as again:
        assert again.store_id == window.workspace.summary.store_id
    assert window.workspace.summary.directory == store_dir and not window.workspace.locked


def test_the_reminder_shows_for_no_or_an_old_backup_and_goes_after_one(
    qtbot: QtBot, store_dir: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, store_dir)
    reminder = window.backup_reminder
    assert reminder.isVisible() and "尚未备份" in reminder.text.text()
    long_ago = utcnow() - timedelta(days=10, hours=1)
    window.workspace.write(lambda s: backups.set_last_backup_at(s, long_ago))
    reminder.refresh()
    qtbot.waitUntil(lambda: "上次备份：10 天前" in reminder.text.text(), timeout=SLOW)
    assert reminder.isVisible()
    store = settings.open_settings()
    settings.BACKUP_REMINDER_DAYS.set(store, 0)  # 0: off
    store.sync()
    reminder.refresh()
    assert reminder.isHidden()
    settings.BACKUP_REMINDER_DAYS.set(store, 14)
    store.sync()
    reminder.refresh()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    assert reminder.isHidden()  # 10 days is within 14
    settings.BACKUP_REMINDER_DAYS.set(store, 7)
    store.sync()
    reminder.refresh()
    qtbot.waitUntil(reminder.isVisible, timeout=SLOW)
    reminder.button.click()  # 立即备份
    dialog = window.findChild(BackupDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.file.setText(str(tmp_path / "now.wbk"))
    dialog.start_button.click()
    qtbot.waitUntil(reminder.isHidden, timeout=SLOW)


def test_a_3yuan_role_change_asks_the_other_3yuan_holder_to_cosign(
    qtbot: QtBot, store_dir: Path
) -> None:
    """Dual control in the dialog: the core's refusal names the 安全保密管理员; the co-sign step
    takes their name and passphrase, and the change is made with their signature."""
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, "zhaoli", NEW_PASS, (Role.SECADMIN,))
        users.add_user(vault, "zhang", NEW_PASS, (Role.MEMBER,))
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    dialog.select_user("zhang")
    edit = dialog.open_roles()
    assert edit is not None and edit.cosign.isHidden()
    edit.roles.set_chosen((Role.AUDITOR,))
    _ok(edit.buttons)
    qtbot.waitUntil(lambda: "共同签署" in edit.message.text(), timeout=SLOW)
    assert "安全保密管理员“zhaoli”" in edit.message.text() and not edit.cosign.isHidden()
    edit.cosign.name.setText("zhaoli")
    edit.cosign.passphrase.setText(NEW_PASS)
    _ok(edit.buttons)  # the dialog closes (and is deleted); the table shows the new role
    qtbot.waitUntil(lambda: "安全审计员" in dialog.table.item(2, 2).text(), timeout=SLOW)
    with Vault.open(store_dir, "zhang", NEW_PASS) as theirs, theirs.read() as s:
        assert theirs.user.roles == (Role.AUDITOR,)
        assert users.grant_history(s, "zhang")[-1].cosigner_name == "zhaoli"


def test_the_english_cosign_step_is_read_whole(qtbot: QtBot, store_dir: Path) -> None:
    """Before: the dialog kept its height when the co-sign fields appeared, and their English
    note (two lines at this width) was cut off after the first."""
    from PySide6.QtWidgets import QLabel

    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, "zhaoli", NEW_PASS, (Role.SECADMIN,))
        users.add_user(vault, "zhang", NEW_PASS, (Role.MEMBER,))
    with english_ui():
        window = _window(qtbot, store_dir)
        dialog = _users_dialog(qtbot, window)
        dialog.select_user("zhang")
        edit = dialog.open_roles()
        assert edit is not None
        edit.roles.set_chosen((Role.AUDITOR,))
        _ok(edit.buttons)
        qtbot.waitUntil(lambda: "WB-PERMISSION-COSIGN" in edit.message.text(), timeout=SLOW)
        note = next(w for w in edit.cosign.findChildren(QLabel) if "co-signed" in w.text())

        def whole() -> bool:
            return all(
                w.height() >= w.heightForWidth(w.width())
                for w in (note, edit.message)
                if w.wordWrap()
            )

        qtbot.waitUntil(whole, timeout=10000)
        edit.reject()
        window.close()


def test_disabling_offers_rekey_and_the_dialog_shows_the_new_code_once(
    qtbot: QtBot, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_member(store_dir)
    old_keyfile = (store_dir / "keyfile.json").read_bytes()
    window = _window(qtbot, store_dir)
    dialog = _users_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=SLOW)
    dialog.select_user("zhang")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: dialog.findChild(RekeyDialog) is not None, timeout=SLOW)
    assert "是否立即更换数据密钥" in asked[1]
    rekey = dialog.findChild(RekeyDialog)
    assert isinstance(rekey, RekeyDialog)
    rekey.start_button.click()
    qtbot.waitUntil(lambda: rekey.pages.currentIndex() == 1, timeout=SLOW)
    code = rekey.code.text().replace(" ", "")
    rekey.reject()  # not written down yet: the code stays on screen
    assert rekey.isVisible()
    rekey.confirm.setChecked(True)
    assert (store_dir / "rekey-journal.json").exists()  # the code is kept until written down
    rekey.done_button.click()
    assert not rekey.isVisible()
    qtbot.waitUntil(lambda: not (store_dir / "rekey-journal.json").exists(), timeout=SLOW)
    # the window goes on working under the new key
    dialog.refresh()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    assert dialog.table.rowCount() == 2 and dialog.message.text() == ""
    window.tasks.lock_workspace()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    vault, _new = Vault.open_with_recovery_code(store_dir, code, LEADER, "after the rotation")
    vault.lock()
    (store_dir / "keyfile.json").write_bytes(old_keyfile)
    with pytest.raises(KeyRetired):
        Vault.open(store_dir, LEADER, PASSPHRASE)
