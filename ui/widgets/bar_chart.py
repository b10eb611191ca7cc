"""A horizontal bar chart drawn with QPainter (QtCharts is deprecated and lives in Addons)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#b71c1c")
TRACK = QColor("#f1e4e4")


class BarChart(QWidget):
    ROW = 26

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.items: list[tuple[str, float, str]] = []  # (label, value, value text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_items(self, items: list[tuple[str, float, str]]) -> None:
        self.items = items
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 36 + self.ROW * max(1, len(self.items)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        title_font = self.font()
        title_font.setBold(True)
        p.setFont(title_font)
        p.drawText(QRectF(0, 0, self.width(), 28), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        if not self.items:
            p.drawText(QRectF(0, 30, self.width(), self.ROW), Qt.AlignmentFlag.AlignLeft, "—")
            return
        label_w = min(220, max(p.fontMetrics().horizontalAdvance(t) for t, _, _ in self.items) + 12)
        value_w = 70
        track_w = max(40, self.width() - label_w - value_w - 8)
        top = max(v for _, v, _ in self.items) or 1
        for i, (label, value, text) in enumerate(self.items):
            y = 32 + i * self.ROW
            elided = p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(0, y, label_w - 8, self.ROW - 6), Qt.AlignmentFlag.AlignVCenter, elided
            )
            p.fillRect(QRectF(label_w, y + 4, track_w, self.ROW - 12), TRACK)
            p.fillRect(QRectF(label_w, y + 4, track_w * value / top, self.ROW - 12), BAR)
            p.drawText(
                QRectF(label_w + track_w + 8, y, value_w, self.ROW - 6),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
