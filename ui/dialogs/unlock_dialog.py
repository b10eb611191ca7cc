"""Unlock a store as one of its users; wrong passphrases meet a growing delay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.first_run_wizard import FirstRunWizard
from ui.dialogs.recovery_dialog import RecoveryDialog
from ui.dialogs.relink_dialog import RelinkDialog
from ui.errors import error_code, error_text
from ui.slow_call import start_slow_call
from workbench.workspace import (
    Workspace,
    linked_to_office_server,
    seconds_until_unlock_allowed,
)

# the refusals of a linked desktop that say the passphrase may have been set on the server
SET_ON_THE_SERVER = ("WB-AUTH-LINK", "WB-AUTH-RESET")


class UnlockDialog(QDialog):
    """Modal: on accept, ``workspace`` is the unlocked store. The key derivation (Argon2id, and
    any migration the store needs) runs off the GUI thread while the dialog shows 正在解锁…"""

    def __init__(self, store_dir: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.workspace: Workspace | None = None
        self.busy = False
        self._recovery: RecoveryDialog | None = None
        self.setWindowTitle(self.tr("解锁巡察工作台"))
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("user")
        self.pass_edit = QLineEdit()
        self.pass_edit.setObjectName("passphrase")
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("口令"), self.pass_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("解锁"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.forgot = self.buttons.addButton(
            self.tr("忘记口令…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.forgot.setObjectName("forgot_passphrase")
        self.forgot.setAutoDefault(False)
        self.forgot.clicked.connect(self.forgot_passphrase)
        self._wizard: FirstRunWizard | None = None
        self.reconnect = self.buttons.addButton(
            self.tr("连接巡察办服务器…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reconnect.setObjectName("reconnect_server")
        self.reconnect.setAutoDefault(False)
        self.reconnect.setToolTip(
            self.tr(
                "同事第一次在本机使用、口令在其他电脑上改过、数据库账号口令或 CA 证书更换后，"
                "重新填写连接信息"
            )
        )
        self.reconnect.setVisible(linked_to_office_server(store_dir))
        self.reconnect.clicked.connect(self.open_reconnect)
        # offered once a refusal says the passphrase may have been set on the server
        self.relink = self.buttons.addButton(
            self.tr("用新口令重新连接…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.relink.setObjectName("relink_new_passphrase")
        self.relink.setAutoDefault(False)
        self.relink.setVisible(False)
        self.relink.clicked.connect(self.open_relink)
        self._relink: RelinkDialog | None = None
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        # A linked folder holds only the sealed connection: the server is named after unlocking
        place = (
            self.tr("数据库：巡察办服务器（连接信息保存在 %1）")
            if linked_to_office_server(store_dir)
            else self.tr("数据库：%1")
        )
        store_label = QLabel(place.replace("%1", str(store_dir)))
        store_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(store_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.pass_edit if user else self.user_edit).setFocus()
        self._countdown = QTimer(self)
        self._countdown.setInterval(500)
        self._countdown.timeout.connect(self._tick)
        self._tick()

    def _tick(self) -> None:
        if self.busy:
            return
        wait = seconds_until_unlock_allowed(self.store_dir)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(wait <= 0)
        if wait > 0:
            self.message.setText(
                self.tr("口令错误次数过多，请 %1 秒后再试").replace("%1", str(int(wait) + 1))
            )
            self._countdown.start()
        else:
            self._countdown.stop()

    def forgot_passphrase(self) -> None:
        """忘记口令: the recovery code, here or on the office server (where the dialog asks for
        the connection again: the link is sealed under the forgotten passphrase)."""
        self.open_recovery()

    def _fit_message(self) -> None:
        """A long message wraps at a readable width and the dialog grows to show all of it."""
        self.message.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        if self.isVisible():  # a hidden dialog takes its size when shown
            self.adjustSize()

    def open_reconnect(self) -> FirstRunWizard:
        """连接巡察办服务器: the first-run wizard's connect page, for this folder. It adds or
        renews the user's sealed copy of the connection; once connected it is this dialog's
        workspace."""
        if self._wizard is not None:  # an earlier one, closed: its typing goes with it
            self._wizard.deleteLater()  # (not on close: it still refits itself just after)
        wizard = FirstRunWizard(self.store_dir, self)
        wizard.choice.connect_server.setChecked(True)
        wizard.setStartId(FirstRunWizard.CONNECT)
        wizard.accepted.connect(lambda: self._reconnected(wizard))
        self._wizard = wizard
        wizard.open()
        page = wizard.currentPage()
        user_field = getattr(page, "user", None)
        if isinstance(user_field, QLineEdit):
            user_field.setText(self.user_edit.text().strip())
        return wizard

    def _reconnected(self, wizard: FirstRunWizard) -> None:
        if wizard.workspace is not None:
            self.workspace = wizard.workspace
            self.accept()

    def open_relink(self) -> RelinkDialog:
        """用新口令重新连接: the old passphrase opens this desktop's copy, the new one the
        account on the server; once done it is this dialog's workspace."""
        if self._relink is not None:
            self._relink.deleteLater()
        dialog = RelinkDialog(self.store_dir, self.user_edit.text().strip(), self)
        dialog.accepted.connect(lambda: self._reconnected_with(dialog.workspace))
        self._relink = dialog
        dialog.open()
        return dialog

    def _reconnected_with(self, workspace: Workspace | None) -> None:
        if workspace is not None:
            self.workspace = workspace
            self.accept()

    def open_recovery(self) -> RecoveryDialog:
        """On success the recovered store is this dialog's workspace. One dialog, kept and
        reused: it forgets what was typed whenever it closes."""
        if self._recovery is None:
            self._recovery = RecoveryDialog(self.store_dir, parent=self)
            self._recovery.accepted.connect(self._recovered)
        self._recovery.start(self.user_edit.text().strip())
        self._recovery.open()
        return self._recovery

    def _recovered(self) -> None:
        if self._recovery is not None and self._recovery.workspace is not None:
            self.workspace = self._recovery.workspace
            self.accept()

    def try_unlock(self) -> None:
        if self.busy:
            return
        directory, user, passphrase = (
            self.store_dir,
            self.user_edit.text().strip(),
            self.pass_edit.text(),
        )
        self.pass_edit.clear()
        self._set_busy(True)
        start_slow_call(
            self,
            lambda: Workspace.open(directory, user, passphrase),
            self._unlocked,
            self._refused,
        )

    def _unlocked(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.workspace = workspace
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(error_text(error))
        if error_code(error) in SET_ON_THE_SERVER:
            self.relink.setVisible(True)
        self._fit_message()  # the server's refusals say what to do, at some length
        self._tick()
        self.pass_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.message.setStyleSheet("color: palette(text);" if busy else "color: #b00020;")
        if busy:
            self.message.setText(self.tr("正在解锁…"))
        for widget in (self.buttons, self.user_edit, self.pass_edit):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Not while the key is being derived: the thread reports back to this dialog."""
        if not self.busy:
            super().reject()
