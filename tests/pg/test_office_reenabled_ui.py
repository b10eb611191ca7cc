"""The GUI of a desktop linked to the office server (issue #20): a user enabled again with a new
passphrase is told at the unlock dialog to connect again, and is unlocked once they do from it
(the connection typed again, or opened with the old passphrase: 用新口令重新连接…);
忘记口令 works with the recovery code there, the connection given again, under the rules of
``workbench recover --url`` (a disabled user is refused). Each screen changed is grabbed in
Chinese and English (``WORKBENCH_TEST_SHOTS`` names a folder to keep them in)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.ui.english import english_ui
from ui.dialogs.recovery_dialog import RecoveryDialog
from ui.dialogs.unlock_dialog import UnlockDialog
from workbench.roles import Role
from workbench.services.users import add_user, disable_user, enable_user
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault

SLOW = 60_000  # ms: Argon2id and a server on a loaded machine
ADMIN, STAFF = "office1", "staff2"
FIRST = "张伟 的 初始 口令"
RESET = "管理员 重设 的 新口令"
NEW = "找回之后 的 新口令"
SCREEN = (1366, 768)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("WORKBENCH_TEST_SHOTS") or tmp_path / "shots")


def grab(widget: QWidget, folder: Path, name: str) -> None:
    """The widget as shown on a 1366×768 screen: it must fit there, its labels unclipped."""
    widget.adjustSize()
    assert widget.width() <= SCREEN[0] and widget.height() <= SCREEN[1], (name, widget.size())
    for label in widget.findChildren(QLabel):
        if label.isVisible() and label.text() and not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), (name, label.text())
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))


@pytest.fixture
def server(pg_url: str, tmp_path: Path) -> tuple[Path, Path, str]:
    """The 系统管理员's desktop and the colleague's own; the colleague disabled and enabled
    again with ``RESET``. Also the recovery code."""
    admin_desk, staff_desk = tmp_path / "admin", tmp_path / "staff"
    vault, code = OfficeVault.create_on_server(
        admin_desk, make_connection(pg_url), user_name=ADMIN, passphrase=PASSPHRASE, kdf=TEST_KDF
    )
    with vault:
        add_user(vault, STAFF, FIRST, (Role.MEMBER,), display_name="张伟")
        OfficeVault.connect(staff_desk, vault.connection, STAFF, FIRST, kdf=TEST_KDF).lock()
        disable_user(vault, STAFF)
        enable_user(vault, STAFF, RESET)
    return admin_desk, staff_desk, code


def _unlock(qtbot: QtBot, dialog: UnlockDialog, passphrase: str) -> str:
    dialog.pass_edit.setText(passphrase)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
    return dialog.message.text()


def _fill_server(fields: object, pg_url: str, cluster: pg.Cluster) -> None:
    # the address an administrator hands out: no password (typed apart), no CA path
    url = make_url(pg_url).difference_update_query(["sslrootcert"])
    bare = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    fields.url.setText(bare.render_as_string())  # type: ignore[attr-defined]
    fields.ca.setText(str(cluster.ca))  # type: ignore[attr-defined]
    fields.db_password.setText(cluster.app_password)  # type: ignore[attr-defined]


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
def test_enabled_again_the_unlock_dialog_says_to_connect_again_and_does(
    qtbot: QtBot,
    server: tuple[Path, Path, str],
    pg_url: str,
    pg_cluster: pg.Cluster,
    shots: Path,
    english: bool,
) -> None:
    _, staff_desk, _ = server
    lang = "en" if english else "zh"
    with english_ui() if english else _chinese():
        dialog = UnlockDialog(staff_desk, STAFF)
        qtbot.addWidget(dialog)
        dialog.show()
        said = _unlock(qtbot, dialog, RESET)
        assert dialog.workspace is None and "WB-AUTH-LINK" in said
        assert ("connect" in said) if english else ("重新连接巡察办服务器" in said)
        grab(dialog, shots, f"unlock-new-passphrase-{lang}")
        said = _unlock(qtbot, dialog, FIRST)
        assert "WB-AUTH-RESET" in said
        if not english:
            assert "仍能打开本机保存的服务器连接" in said and "系统管理员" in said
        grab(dialog, shots, f"unlock-old-passphrase-{lang}")

        wizard = dialog.open_reconnect()
        page = wizard.currentPage()
        assert page.user.text() == STAFF  # type: ignore[attr-defined]
        _fill_server(page, pg_url, pg_cluster)
        page.passphrase.setText(RESET)  # type: ignore[attr-defined]
        grab(wizard, shots, f"reconnect-{lang}")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=SLOW)
    assert dialog.workspace is not None and dialog.workspace.user.name == STAFF
    dialog.workspace.lock()
    Vault.open(staff_desk, STAFF, RESET).lock()  # the copy is sealed under the new passphrase


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
def test_the_old_and_the_new_passphrase_reconnect_from_the_unlock_dialog(
    qtbot: QtBot, server: tuple[Path, Path, str], shots: Path, english: bool
) -> None:
    """用新口令重新连接…: offered once a refusal says the passphrase may have been set on the
    server; nothing of the connection is typed again."""
    _, staff_desk, _ = server
    lang = "en" if english else "zh"
    with english_ui() if english else _chinese():
        dialog = UnlockDialog(staff_desk, STAFF)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.relink.isHidden()
        assert "WB-AUTH-LINK" in _unlock(qtbot, dialog, RESET)
        assert dialog.relink.isVisible()
        grab(dialog, shots, f"unlock-relink-offered-{lang}")
        relink = dialog.open_relink()
        assert relink.user_edit.text() == STAFF and relink.focusWidget() is relink.old
        relink.old.setText("not the old one")
        relink.new.setText(RESET)
        relink.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not relink.busy, timeout=SLOW)
        assert relink.isVisible() and "WB-AUTH" in relink.message.text()
        grab(relink, shots, f"relink-refused-{lang}")
        relink.old.setText(FIRST)
        relink.new.setText(RESET)
        relink.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=SLOW)
    assert dialog.workspace is not None and dialog.workspace.user.name == STAFF
    dialog.workspace.lock()
    Vault.open(staff_desk, STAFF, RESET).lock()


class _chinese:  # noqa: N801 - a do-nothing ``with``, the UI's own language
    def __enter__(self) -> None:
        return None

    def __exit__(self, *_exc: object) -> None:
        return None


def _ok(dialog: RecoveryDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
def test_forgot_passphrase_on_the_server_recovers_with_the_connection_given_again(
    qtbot: QtBot,
    server: tuple[Path, Path, str],
    pg_url: str,
    pg_cluster: pg.Cluster,
    shots: Path,
    english: bool,
) -> None:
    admin_desk, _, code = server
    lang = "en" if english else "zh"
    with english_ui() if english else _chinese():
        unlock = UnlockDialog(admin_desk, ADMIN)
        qtbot.addWidget(unlock)
        unlock.show()
        qtbot.mouseClick(unlock.forgot, Qt.MouseButton.LeftButton)
        dialog = unlock.findChild(RecoveryDialog)
        assert dialog is not None and dialog.isVisible() and dialog.on_server
        assert dialog.focusWidget() is dialog.server.url  # type: ignore[union-attr]
        dialog.code_edit.setText(code)
        dialog.new.setText(NEW)
        dialog.again.setText(NEW)
        _ok(dialog)  # no address: said before anything is tried
        assert dialog.message.text() and not dialog.busy
        grab(dialog, shots, f"recovery-server-{lang}")

        # the core's rules, as for ``workbench recover --url``: a disabled user is refused
        assert dialog.server is not None
        _fill_server(dialog.server, pg_url, pg_cluster)
        with Vault.open(admin_desk, ADMIN, PASSPHRASE) as admin:
            disable_user(admin, STAFF)
        dialog.user_edit.setText(STAFF)
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
        assert "WB-AUTH-DISABLED" in dialog.message.text()
        assert dialog.pages.currentIndex() == 0
        grab(dialog, shots, f"recovery-server-refused-{lang}")

        dialog.user_edit.setText(ADMIN)
        dialog.again.setText(NEW)
        _ok(dialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
        assert dialog.pages.currentIndex() == 1, dialog.message.text()
        assert dialog.server.db_password.text() == ""  # nothing secret kept around
        grab(dialog, shots, f"recovery-server-new-code-{lang}")
        dialog.confirm.setChecked(True)
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert unlock.result() == QDialog.DialogCode.Accepted
    assert unlock.workspace is not None and unlock.workspace.user.name == ADMIN
    unlock.workspace.lock()
    Vault.open(admin_desk, ADMIN, NEW).lock()  # the server's slot and this desktop's link
