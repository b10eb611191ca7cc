"""A key fingerprint as people compare it over the phone: six groups of five digits, large, in
two lines of three, selectable so it can be copied into a note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

GROUPS_PER_LINE = 3


def grouped(fingerprint: str) -> str:
    """``"12345 67890 …"`` → two lines of three groups (any spacing accepted)."""
    groups = fingerprint.split()
    lines = [
        "  ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]
    return "\n".join(lines)


class FingerprintLabel(QLabel):
    def __init__(self, fingerprint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        font.setBold(True)
        self.setFont(font)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("color: #0d47a1; padding: 4px;")
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.setText(grouped(fingerprint) if fingerprint else "—")
