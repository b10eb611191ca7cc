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

from ui.dialogs.recovery_dialog import RecoveryDialog
from ui.errors import error_text
from workbench.errors import WorkbenchError
from workbench.workspace import Workspace, seconds_until_unlock_allowed


class UnlockDialog(QDialog):
    """Modal: on accept, ``workspace`` is the unlocked store. The KDF takes a few hundred
    milliseconds, short enough to run here with a busy cursor rather than on the worker."""

    def __init__(self, store_dir: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.workspace: Workspace | None = None
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
        self.forgot.clicked.connect(self.open_recovery)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        store_label = QLabel(self.tr("数据库：%1").replace("%1", str(store_dir)))
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

    def open_recovery(self) -> RecoveryDialog:
        """忘记口令: on success the recovered store is this dialog's workspace. One dialog, kept
        and reused: it forgets what was typed whenever it closes."""
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
        try:
            self.workspace = Workspace.open(
                self.store_dir, self.user_edit.text().strip(), self.pass_edit.text()
            )
        except WorkbenchError as exc:
            self.pass_edit.clear()
            self.message.setText(error_text(exc))
            self._tick()
            return
        self.pass_edit.clear()
        self.accept()
