"""Global search (Ctrl+K): results across record types as you type, Enter opens the record.

Results are painted by a delegate (a QTextDocument per result, laid out once and reused), not a
rich-text QLabel per row: creating and laying out fifty widgets per keystroke was most of the
time between a keystroke and its results on screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import core_text
from ui.tasks import Tasks
from workbench.search import HIGHLIGHT_END, HIGHLIGHT_START
from workbench.services.search import SearchResult, search_records, unindexed_count

DEBOUNCE_MS = 40  # coalesces a burst of keys; longer only delays every answer (bench_ui)
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the result as escaped rich text, for the delegate
HIT_COLOUR = "#b71c1c"  # the matches, bold, on an unselected row


def snippet_html(snippet: str) -> str:
    """Escape everything, then turn our highlight markers into bold: stored text that looks
    like HTML is shown as text, never interpreted."""
    escaped = html.escape(snippet)
    return escaped.replace(HIGHLIGHT_START, "<b class='hit'>").replace(HIGHLIGHT_END, "</b>")


def result_html(hit: SearchResult) -> str:
    """Type and title on the first line, the highlighted snippet below; all of it escaped."""
    return (
        f"<span class='tag'>[{html.escape(core_text(hit.type_label))}]</span> "
        f"{html.escape(hit.title)}<br/>{snippet_html(hit.snippet)}"
    )


def result_text(hit: SearchResult) -> str:
    """The same as plain text: what screen readers and copy get (the display role)."""
    snippet = hit.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")
    return f"[{core_text(hit.type_label)}] {hit.title}\n{snippet}"


def _mix(front: QColor, back: QColor, weight: float) -> str:
    """``front`` toward ``back`` by ``weight`` (0: front itself), as #rrggbb."""
    parts = (
        (front.redF(), back.redF()),
        (front.greenF(), back.greenF()),
        (front.blueF(), back.blueF()),
    )
    return QColor.fromRgbF(*(f + (b - f) * weight for f, b in parts)).name()


def state_style(palette: QPalette, selected: bool) -> str:
    """The tag and the matches' colours for a row's state. Unselected (hover included: styles
    keep the text colour there) a muted text colour and dark red; selected, both in the
    selection's text colour, which the style made to contrast with its highlight (the fixed
    grey #666 all but vanished on the blue selection)."""
    if selected:
        text, back = (
            palette.color(QPalette.ColorRole.HighlightedText),
            palette.color(QPalette.ColorRole.Highlight),
        )
        return f".tag {{ color: {_mix(text, back, 0.1)}; }} .hit {{ color: {text.name()}; }}"
    text, back = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return f".tag {{ color: {_mix(text, back, 0.35)}; }} .hit {{ color: {HIT_COLOUR}; }}"


class ResultDelegate(QStyledItemDelegate):
    """Paints a result's rich text over the usual item background (selection, hover). Each
    result's document is laid out once per width and state and kept until the results change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[str, bool], QTextDocument] = {}

    def forget(self) -> None:
        """Drop the documents of the previous results."""
        self._documents.clear()

    def document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        text = str(index.data(HTML_ROLE) or "")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._documents.get((text, selected))
        if document is None:
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDefaultStyleSheet(state_style(option.palette, selected))
            document.setHtml(text)
            self._documents[text, selected] = document
        width = self._width(option)
        if document.textWidth() != width:
            document.setTextWidth(width)
        return document

    def _width(self, option: QStyleOptionViewItem) -> float:
        view = option.widget  # sizeHint gets no item rectangle: wrap at the list's width
        if isinstance(view, QAbstractItemView):
            return float(max(120, view.viewport().width()))
        return float(max(120, option.rect.width()))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the background only: the document draws the text
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self.document(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        document = self.document(option, index)
        return QSize(round(document.idealWidth()), round(document.size().height()))


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
        self.results.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when resized
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.delegate = ResultDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.results.itemActivated.connect(self._open)
        self.status = QLabel()
        self.unindexed_note = QLabel()  # records a bulk import queued and not yet indexed
        self.unindexed_note.setObjectName("search_unindexed")
        self.unindexed_note.setStyleSheet("color: #8a6d00")
        self.unindexed_note.setVisible(False)
        self.unindexed = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.unindexed_note)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self._generation = 0
        self.hits: list[SearchResult] = []
        self.tasks.run(unindexed_count, self.show_unindexed)

    def show_unindexed(self, count: int) -> None:
        """Say that results may be incomplete while the catch-up has records left to index."""
        self.unindexed = count
        self.unindexed_note.setText(
            self.tr("%1 条记录尚未编入检索，检索结果可能不全").replace("%1", f"{count:,}")
        )
        self.unindexed_note.setVisible(count > 0)

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
        if self.unindexed:  # counted again only while some are missing: the catch-up runs
            self.tasks.run(unindexed_count, self.show_unindexed)

    def _show(self, generation: int, hits: list[SearchResult]) -> None:
        if generation != self._generation:
            return  # an older query answered late
        self.hits = hits
        self.results.clear()
        self.delegate.forget()
        for hit in hits:
            item = QListWidgetItem(result_text(hit))
            item.setData(HTML_ROLE, result_html(hit))
            item.setData(Qt.ItemDataRole.UserRole, (hit.record_type, hit.record_id))
            self.results.addItem(item)
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
