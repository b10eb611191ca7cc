"""修改口令: the unlocked user changes their own passphrase.

The current passphrase is asked again (a laptop left unlocked must not let a passer-by lock its
owner out); the new one twice, against the core's own strength rule. The change derives two keys
(old slot opened, new slot sealed), so it runs on the DB worker while the dialog waits.
"""

from __future__ import annotations

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

from ui.errors import error_text
from ui.tasks import Tasks
from workbench.errors import WorkbenchError
from workbench.workspace import MIN_PASSPHRASE_CHARS, check_new_passphrase


def passphrase_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def message_label() -> QLabel:
    """Where a dialog says what is wrong, in red, never read as rich text."""
    label = QLabel()
    label.setObjectName("message")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: #b00020;")
    return label


class ChangePassphraseDialog(QDialog):
    def __init__(self, tasks: Tasks, user_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("修改口令"))
        intro = QLabel(
            self.tr("修改 %1 的解锁口令。新口令至少 %2 个字符，下次解锁时使用。")
            .replace("%2", str(MIN_PASSPHRASE_CHARS))
            .replace("%1", user_label)
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.current = passphrase_edit("current_passphrase")
        self.new = passphrase_edit("new_passphrase")
        self.again = passphrase_edit("new_passphrase_again")
        self.message = message_label()
        form = QFormLayout()
        form.addRow(self.tr("当前口令"), self.current)
        form.addRow(self.tr("新口令"), self.new)
        form.addRow(self.tr("再次输入新口令"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("修改"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.current.setFocus()

    def change(self) -> None:
        current, new = self.current.text(), self.new.text()
        if not current:
            self._refuse(self.tr("请输入当前口令"), self.current)
            return
        if new != self.again.text():
            self.again.clear()
            self._refuse(self.tr("两次输入的新口令不一致"), self.again)
            return
        try:
            check_new_passphrase(new)
        except WorkbenchError as exc:
            self._refuse(error_text(exc), self.new)
            return
        self.message.setText(self.tr("正在修改口令…"))
        self.message.setStyleSheet("color: palette(mid);")
        self.setEnabled(False)
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.change_passphrase(current, new),
            lambda _none: self._changed(),
            self._failed,
        )

    def _changed(self) -> None:
        for edit in (self.current, self.new, self.again):
            edit.clear()
        self.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.current.clear()
        self._refuse(error_text(error), self.current)

    def _refuse(self, text: str, focus: QLineEdit) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        focus.setFocus()
