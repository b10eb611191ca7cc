"""Global search (Ctrl+K): results across record types as you type, Enter opens the record."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import core_text
from ui.tasks import Tasks
from workbench.search import HIGHLIGHT_END, HIGHLIGHT_START
from workbench.services.search import SearchResult, search_records

DEBOUNCE_MS = 150


def snippet_html(snippet: str) -> str:
    """Escape everything, then turn our highlight markers into bold: stored text that looks
    like HTML is shown as text, never interpreted."""
    escaped = html.escape(snippet)
    return escaped.replace(HIGHLIGHT_START, "<b style='color:#b71c1c'>").replace(
        HIGHLIGHT_END, "</b>"
    )


class SearchDialog(QDialog):
    record_opened = Signal(str, str)  # record type, record id

    def __init__(self, tasks: Tasks, round_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.tasks = tasks
        self.round_id = round_id
        self.setWindowTitle(self.tr("全局检索"))
        self.resize(720, 520)
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.query.setPlaceholderText(self.tr("输入关键词：一个字、两个字、多字词或拼音首字母"))
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._open)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self._generation = 0
        self.hits: list[SearchResult] = []

    def _search(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self._show(generation, [])
            return
        round_id = self.round_id
        self.tasks.run(
            lambda s: search_records(s, text, round_id=round_id, limit=50),
            lambda hits: self._show(generation, hits),
        )

    def _show(self, generation: int, hits: list[SearchResult]) -> None:
        if generation != self._generation:
            return  # an older query answered late
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            label = QLabel(
                f"<span style='color:#666'>[{html.escape(core_text(hit.type_label))}]</span> "
                f"{html.escape(hit.title)}<br/>{snippet_html(hit.snippet)}"
            )
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            item.setData(Qt.ItemDataRole.UserRole, (hit.record_type, hit.record_id))
            item.setSizeHint(label.sizeHint())
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self.status.setText(self.tr("找到 %n 条", "", len(hits)) if self.query.text() else "")
        if hits:
            self.results.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.currentItem():
            self._open(self.results.currentItem())
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _open(self, item: QListWidgetItem) -> None:
        record_type, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.record_opened.emit(record_type, record_id)
        self.accept()
