"""用新口令重新连接: after a 系统管理员 set the user a new passphrase on the office server (enabling
them again), this desktop's copy of the connection is still sealed under the old one. The old
passphrase opens it, the new one the user's account on the server, and the copy is resealed
under the new one (``OfficeVault.reconnect``): nothing of the connection is typed again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.passphrase_dialog import message_label, passphrase_edit
from ui.errors import error_text
from ui.slow_call import start_slow_call
from workbench.workspace import Workspace


class RelinkDialog(QDialog):
    """Modal: on accept, ``workspace`` is the store unlocked with the new passphrase. The two key
    derivations and the server run off the GUI thread."""

    def __init__(self, store_dir: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.workspace: Workspace | None = None
        self.busy = False
        self.setWindowTitle(self.tr("用新口令重新连接"))
        intro = QLabel(
            self.tr(
                "系统管理员为你设置了新口令（例如停用后重新启用你的账户）后，"
                "本机保存的服务器连接仍用原口令加密。填写原口令和新口令，"
                "连接即改用新口令加密，不必再填写连接信息；此后原口令不再可用。"
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("user")
        self.old = passphrase_edit("old_passphrase")
        self.new = passphrase_edit("new_passphrase")
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("原口令"), self.old)
        form.addRow(self.tr("新口令"), self.new)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("重新连接"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.reconnect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        (self.old if user else self.user_edit).setFocus()

    def reconnect(self) -> None:
        if self.busy:
            return
        user, old, new = self.user_edit.text().strip(), self.old.text(), self.new.text()
        for edit, empty in (
            (self.user_edit, not user),
            (self.old, not old),
            (self.new, not new),
        ):
            if empty:
                self.message.setText(self.tr("请填写用户名、原口令和新口令"))
                edit.setFocus()
                return
        directory = self.store_dir
        self._set_busy(True)
        start_slow_call(
            self,
            lambda: Workspace.reconnect_office(directory, user, old, new),
            self._reconnected,
            self._refused,
        )

    def _reconnected(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.workspace = workspace
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.message.setText(self.tr("正在重新连接巡察办服务器…"))
        for widget in (self.buttons, self.user_edit, self.old, self.new):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Not while connecting: the outcome comes back to this dialog."""
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        for edit in (self.old, self.new):  # nothing secret kept around
            edit.clear()
        super().done(result)
