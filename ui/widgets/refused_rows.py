"""The rows an import refused, one a line: the file's row number, the column as the file's header
names it (— for the row as a whole) and the reason. Shared by 导入名单 and 从 Excel 导入配置."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

REFUSED = QColor("#fdecea")
REFIT_ROWS = 500  # rows re-fitted to a new width: more would make resizing slow


class RefusedRows(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("行号"), self.tr("列"), self.tr("原因")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_rows(self, refused: Iterable[tuple[int, str, str]]) -> None:
        """``refused``: (row number, column or "", reason as shown)."""
        lines = list(refused)
        self.setRowCount(len(lines))
        for row, (row_no, column, reason) in enumerate(lines):
            for col, text in enumerate((str(row_no), column or "—", reason)):
                item = QTableWidgetItem(text)
                item.setBackground(REFUSED)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                elif col == 2:
                    item.setToolTip(text)  # whole, however narrow the dialog has been made
                self.setItem(row, col, item)
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # the reasons wrap to the new width (a long list keeps its heights: tooltips show them)
        if self.rowCount() <= REFIT_ROWS:
            self.resizeRowsToContents()

    def rows(self) -> list[tuple[str, ...]]:
        """The refused rows as shown (row, column, reason), for tests and copying."""
        return [
            tuple((cell.text() if (cell := self.item(r, c)) else "") for c in range(3))
            for r in range(self.rowCount())
        ]
