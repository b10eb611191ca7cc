"""The main window on the office server (issue #20, from a review): the 系统管理员 is not asked to
back up or rotate a key the server does not have, and is told why; disabling a user says the
database login must go instead of offering a key rotation; 刷新 (F5) and each unlock show the
rounds colleagues made meanwhile, keeping the round chosen; 忘记口令 asks for the connection again
and says who can help."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QToolButton, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.stores import ROLES, USER
from ui.dialogs.first_run_wizard import FirstRunWizard
from ui.dialogs.rekey_dialog import RekeyDialog
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.dialogs.users_dialog import UsersDialog
from ui.main_window import MainWindow
from workbench.errors import UserDisabled
from workbench.roles import Role
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.users import add_user
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault
from workbench.workspace import Workspace

SLOW = 60_000  # ms: Argon2id and a server on a loaded machine


@pytest.fixture
def desktop(pg_url: str, tmp_path: Path) -> Path:
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "desktop",
        make_connection(pg_url),
        user_name=USER,
        passphrase=PASSPHRASE,
        roles=ROLES,
        kdf=TEST_KDF,
    )
    vault.lock()
    return tmp_path / "desktop"


@pytest.fixture
def window(qtbot: QtBot, desktop: Path) -> Iterator[MainWindow]:
    window = MainWindow(Workspace.open(desktop, USER, PASSPHRASE))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    yield window


def _account_actions(window: MainWindow) -> dict[str, object]:
    account = window.findChild(QToolButton, "account")
    assert account is not None
    return {a.objectName(): a for a in account.menu().actions()}


def _new_round(desktop: Path, name: str) -> None:
    """A colleague's desktop (here: another unlock of the same store) makes a round."""
    other = Workspace.open(desktop, USER, PASSPHRASE)
    try:
        other.write(lambda s: create_round(s, RoundDraft(name, 2026, 1, "常规", "sgjj", 2020)))
    finally:
        other.lock()


def _rounds(window: MainWindow) -> list[str]:
    return [window.round_combo.itemText(i) for i in range(1, window.round_combo.count())]


def test_backup_and_rekey_are_not_offered_on_the_server_and_say_why(
    window: MainWindow,
) -> None:
    assert window.workspace.on_server
    actions = _account_actions(window)
    for name, why in (("backup", "数据库管理员"), ("rekey", "数据库账号")):
        action = actions[name]
        assert not action.isEnabled()  # type: ignore[attr-defined]
        assert why in action.toolTip() and action.statusTip() == action.toolTip()  # type: ignore[attr-defined]
    assert actions["manage_users"].isEnabled()  # type: ignore[attr-defined]
    assert window.backup_reminder.isHidden()  # never backed up here, and not this desktop's job


def test_restore_is_offered_on_the_server_and_says_it_makes_a_local_copy(
    window: MainWindow,
) -> None:
    """A backup file becomes a new database on this computer: the server is not touched, so
    the job is offered, saying so."""
    restore = _account_actions(window)["restore"]
    assert restore.isEnabled()  # type: ignore[attr-defined]
    tip = restore.toolTip()  # type: ignore[attr-defined]
    assert "本机" in tip and "不改动巡察办服务器上的数据库" in tip
    assert restore.statusTip() == tip  # type: ignore[attr-defined]


def test_the_status_bar_names_the_server_and_database_not_the_folder(
    window: MainWindow, desktop: Path, pg_url: str, pg_cluster: pg.Cluster
) -> None:
    url = make_url(pg_url)
    shown = window.store_place.text()
    assert shown == f"巡察办服务器（{url.host}:{url.port}/{url.database}）"
    assert str(desktop) not in shown and pg_cluster.app_password not in shown


def test_disabling_on_the_server_says_the_database_login_must_go(
    qtbot: QtBot, window: MainWindow, desktop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.open(desktop, USER, PASSPHRASE) as vault:
        add_user(vault, "zhang", "张伟 的 初始 口令", (Role.MEMBER,), display_name="张伟")
    OfficeVault.connect(
        desktop, window.workspace._vault.connection, "zhang", "张伟 的 初始 口令", kdf=TEST_KDF
    ).lock()
    _account_actions(window)["manage_users"].trigger()  # type: ignore[attr-defined]
    dialog = window.findChild(UsersDialog)
    assert dialog is not None and dialog.on_server
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=SLOW)
    dialog.select_user("zhang")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.disable_button.click()
    assert "张伟（zhang）" in asked[0] and "数据库账号" in asked[0]  # said before the choice
    qtbot.waitUntil(lambda: dialog.disabled_notice is not None, timeout=SLOW)
    notice = dialog.disabled_notice
    assert notice is not None and notice.isVisible()
    assert "张伟（zhang）" in notice.text() and "数据库账号" in notice.text()
    assert "数据密钥" not in notice.text()
    assert dialog.findChild(RekeyDialog) is None
    with pytest.raises(UserDisabled):
        Vault.open(desktop, "zhang", "张伟 的 初始 口令")


def test_f5_and_unlocking_show_the_rounds_a_colleague_made(
    qtbot: QtBot, window: MainWindow, desktop: Path
) -> None:
    _new_round(desktop, "2026年第一轮巡察")
    window.page_actions.refresh.trigger()
    qtbot.waitUntil(lambda: _rounds(window) == ["2026年第一轮巡察"], timeout=SLOW)
    window.round_combo.setCurrentIndex(1)
    chosen = window.round_combo.currentData()

    _new_round(desktop, "2026年第二轮巡察")
    assert len(_rounds(window)) == 1  # nothing told this desktop yet
    window.page_actions.refresh.trigger()
    qtbot.waitUntil(lambda: len(_rounds(window)) == 2, timeout=SLOW)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    assert window.round_combo.currentData() == chosen  # the choice is kept

    with qtbot.waitSignal(window.locked, timeout=SLOW):
        window.lock()
    _new_round(desktop, "2026年第三轮巡察")
    with qtbot.waitSignal(window.unlocked, timeout=SLOW):
        window.unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: len(_rounds(window)) == 3, timeout=SLOW)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    assert window.round_combo.currentData() == chosen


def test_forgot_passphrase_on_the_server_asks_for_the_connection_and_who_can_help(
    qtbot: QtBot, desktop: Path
) -> None:
    """The recovery itself: test_office_reenabled_ui.py."""
    dialog = UnlockDialog(desktop, USER)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.forgot.click()
    recovery = dialog._recovery
    assert recovery is not None and recovery.isVisible() and recovery.server is not None
    note = recovery.findChild(QLabel, "server_note")
    assert note is not None and note.isVisible()
    assert "服务器地址" in note.text() and "停用再启用" in note.text()


def _store_line(dialog: UnlockDialog) -> str:
    return next(
        label.text() for label in dialog.findChildren(QLabel) if label.text().startswith("数据库：")
    )


def test_a_colleague_connects_from_the_unlock_dialog(
    qtbot: QtBot, desktop: Path, pg_url: str, pg_cluster: pg.Cluster, tmp_path: Path
) -> None:
    """连接巡察办服务器… on the unlock dialog of a linked folder: the first-run wizard's connect
    page, for this folder; a colleague sharing the desktop connects and is unlocked."""
    with Vault.open(desktop, USER, PASSPHRASE) as vault:
        add_user(vault, "zhang", "张伟 的 初始 口令", (Role.MEMBER,), display_name="张伟")
    local, _ = Workspace.create(tmp_path / "local", user_name=USER, passphrase=PASSPHRASE)
    local.lock()
    on_disk = UnlockDialog(tmp_path / "local", USER)
    qtbot.addWidget(on_disk)
    assert on_disk.reconnect.isHidden()  # a store on this disk has no server to connect to
    assert _store_line(on_disk) == f"数据库：{tmp_path / 'local'}"

    dialog = UnlockDialog(desktop, "zhang")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.reconnect.isVisible() and dialog.reconnect.toolTip()
    # the linked folder is not the database: the dialog says the data is on the server
    assert _store_line(dialog) == f"数据库：巡察办服务器（连接信息保存在 {desktop}）"
    wizard = dialog.open_reconnect()
    assert wizard.currentId() == FirstRunWizard.CONNECT and wizard.directory() == desktop
    page = wizard.currentPage()
    assert page.user.text() == "zhang"  # type: ignore[attr-defined]
    bare = make_url(pg_url).set(password=None).difference_update_query(["sslrootcert"])
    page.url.setText(bare.render_as_string())  # type: ignore[attr-defined]
    page.ca.setText(str(pg_cluster.ca))  # type: ignore[attr-defined]
    page.db_password.setText(pg_cluster.app_password)  # type: ignore[attr-defined]
    page.passphrase.setText("张伟 的 初始 口令")  # type: ignore[attr-defined]
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=SLOW)
    assert dialog.workspace is not None and dialog.workspace.user.name == "zhang"
    dialog.workspace.lock()
    Vault.open(desktop, USER, PASSPHRASE).lock()  # the first user's copy is kept
