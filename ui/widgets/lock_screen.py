"""What a locked window shows: no data, only who may unlock it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the passphrase

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        title = QLabel(self.tr("巡察工作台已锁定"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("lock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("输入口令解锁"))
        self.passphrase.setMaximumWidth(320)
        self.passphrase.returnPressed.connect(self._submit)
        self.button = button = QPushButton(self.tr("解锁"))
        button.setObjectName("lock_unlock")
        button.clicked.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("lock_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, self.who, self.passphrase, button, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_for(self, user_label: str) -> None:
        self.who.setText(self.tr("用户：%1").replace("%1", user_label))
        self.message.clear()
        self.passphrase.clear()
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While the key is derived (off the GUI thread): 正在解锁…, nothing to press."""
        self.passphrase.setEnabled(not busy)
        self.button.setEnabled(not busy)
        self.message.setStyleSheet("color: palette(text);" if busy else "color: #b00020;")
        self.message.setText(self.tr("正在解锁…") if busy else "")
        if not busy:
            self.passphrase.setFocus()

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        secret = self.passphrase.text()
        self.passphrase.clear()
        self.unlock_requested.emit(secret)
