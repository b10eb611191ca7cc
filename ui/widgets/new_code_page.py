"""A new recovery code, shown once: large and selectable, with a note, and a finish button that
stays disabled until the user ticks that they wrote the code down. The texts come from the
dialog that shows it (after a recovery, after a key rotation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget


class NewCodePage(QWidget):
    def __init__(self, title: str, note: str, written: str, finish: str) -> None:
        super().__init__()
        heading = QLabel(title)
        heading.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("new_recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code.font())
        font.setPointSize(16)
        font.setBold(True)
        self.code.setFont(font)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.confirm = QCheckBox(written)
        self.confirm.setObjectName("confirm_written")
        self.done_button = QPushButton(finish)
        self.done_button.setObjectName("finish")
        self.done_button.setEnabled(False)
        self.confirm.toggled.connect(self.done_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.code)
        layout.addWidget(self.note)
        layout.addWidget(self.confirm)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_code(self, code: str) -> None:
        self.code.setText(code.replace("-", " - "))
