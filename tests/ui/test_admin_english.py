"""What the English UI says about users and folders (issue #20's screen review): a disabled user
is "Disabled" in the list and in the refusal, with a next step; the name in the questions uses
English brackets; a folder that is not empty is refused in English, whichever job met it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from tests.ui.english import english_ui
from ui.dialogs.users_dialog import UsersDialog
from ui.errors import error_text
from ui.i18n import core_text
from ui.main_window import MainWindow
from workbench.errors import OfficeMigrationIncomplete, RekeyPending, StoreExists, UserDisabled
from workbench.roles import Role
from workbench.services import backups, users
from workbench.store.backup import restore_backup
from workbench.store.vault import Vault, require_new_store_dir
from workbench.workspace import Workspace

SLOW = 60_000  # ms: Argon2id on a loaded machine
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _users_dialog(qtbot: QtBot, window: MainWindow) -> UsersDialog:
    account = window.findChild(QToolButton, "account")
    assert account is not None
    next(a for a in account.menu().actions() if a.objectName() == "manage_users").trigger()
    dialog = window.findChild(UsersDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=SLOW)
    return dialog


def test_a_disabled_user_reads_disabled_and_the_question_uses_english_brackets(
    qtbot: QtBot, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        users.add_user(vault, "zhang", "张伟 的 初始 口令", (Role.MEMBER,), display_name="张伟")
        users.add_user(vault, "li", "李娜 的 初始 口令", (Role.MEMBER,), display_name="李娜")
        users.disable_user(vault, "li")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    with english_ui():
        window = MainWindow(Workspace.open(store_dir, LEADER, PASSPHRASE))
        qtbot.addWidget(window)
        dialog = _users_dialog(qtbot, window)
        states = {dialog.table.item(i, 0).text(): dialog.table.item(i, 3).text() for i in range(3)}
        assert states == {LEADER: "Active", "zhang": "Active", "li": "Disabled"}
        dialog.select_user("zhang")
        dialog.disable_button.click()
        window.close()
    assert "张伟 (zhang)" in asked[0] and not CJK.search(asked[0].replace("张伟", ""))
    assert "（" not in asked[0] and asked[0].endswith("Disable?")
    assert "database login" not in asked[0]  # a store on this disk: no server login to mention


def test_the_disabled_users_refusal_says_disabled_and_whom_to_ask() -> None:
    assert "联系系统管理员" in UserDisabled().message
    with english_ui():
        text = core_text(UserDisabled().message)
    assert "disabled" in text and "system administrator" in text and not CJK.search(text)
    ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / "workbench_en.ts"
    assert "deactivat" not in ts.read_text(encoding="utf-8")  # one word for 停用 throughout


def test_the_half_migrated_database_tells_the_clerk_whom_to_ask_not_a_command() -> None:
    refused = OfficeMigrationIncomplete()
    assert "请联系系统管理员完成迁移" in refused.message and "workbench" not in refused.message
    assert "workbench office migrate" in refused.cli_hint  # for the administrator's terminal
    with english_ui():
        text = core_text(refused.message)
    assert "system administrator" in text and not CJK.search(text)


def test_a_folder_that_is_not_empty_is_refused_in_english(store_dir: Path, tmp_path: Path) -> None:
    """A new store (or a desktop's link, or a demo) and a restore meet the same refusal."""
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("mine", encoding="utf-8")
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        backups.backup_store(vault, tmp_path / "b.wbk")
    refusals: list[StoreExists] = []
    with pytest.raises(StoreExists) as created:
        require_new_store_dir(occupied)
    refusals.append(created.value)
    with pytest.raises(StoreExists) as restored:
        restore_backup(tmp_path / "b.wbk", occupied, lambda _keyfile: bytearray(32))
    refusals.append(restored.value)
    assert (occupied / "notes.txt").read_text(encoding="utf-8") == "mine"
    for refused in refusals:
        assert refused.message.startswith(f"{occupied} 不是空文件夹：请另选一个空文件夹")
        with english_ui():
            text = error_text(refused)
        assert text.startswith(f"{occupied} is not an empty folder: choose an empty one")
        assert not CJK.search(text.replace(str(occupied), "")), text


def test_a_pending_rekey_tells_the_clerk_whom_to_ask_not_a_command() -> None:
    refused = RekeyPending()
    assert "请联系系统管理员" in refused.message and "workbench" not in refused.message
    assert "workbench rekey" in refused.cli_hint  # for the administrator's terminal
    with english_ui():
        text = core_text(refused.message)
    assert "system administrator" in text and "workbench" not in text and not CJK.search(text)
