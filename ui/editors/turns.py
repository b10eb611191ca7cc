"""A transcript as question/answer turns, quick to type while the interview goes on.

Keys: Enter in a question goes to its answer; Ctrl+Enter in an answer starts the next turn (or
goes to it); Ctrl+Backspace in an empty turn removes it. Answers grow with their text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Pair = tuple[str, str]


class _Growing(QPlainTextEdit):
    """A text box that grows to fit its text (up to a limit), so long turns stay readable."""

    def __init__(self, min_lines: int, max_lines: int = 12) -> None:
        super().__init__()
        self.MIN_LINES, self.MAX_LINES = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = max(self.MIN_LINES, min(self.MAX_LINES, self.document().lineCount() + 1))
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setFixedHeight(height)


class TurnsEditor(QWidget):
    changed = Signal()
    turn_added = Signal(QWidget)  # the new row, for the editor to watch its fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("turns")
        self.rows: list[tuple[QFrame, _Growing, _Growing]] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("回车：转到答；Ctrl+回车：下一问；Ctrl+退格：删除空白的一问一答"))
        hint.setStyleSheet("color: #666;")
        self._column.addWidget(hint)
        self._rows_box = QVBoxLayout()
        self._column.addLayout(self._rows_box)
        self.add_button = QPushButton(self.tr("添加一问一答"))
        self.add_button.setObjectName("add_turn")
        self.add_button.clicked.connect(lambda: self.add_turn(focus=True))
        self._column.addWidget(self.add_button)
        self.read_only = False

    # -- values ----------------------------------------------------------------------------

    def pairs(self) -> list[Pair]:
        return [(q.toPlainText(), a.toPlainText()) for _, q, a in self.rows]

    def set_pairs(self, pairs: list[Pair]) -> None:
        """Reuse rows where they exist, so restoring an undo step keeps the focus in place."""
        wanted = list(pairs) or [("", "")]
        while len(self.rows) > len(wanted):
            self._remove(len(self.rows) - 1)
        for i, (question, answer) in enumerate(wanted):
            if i >= len(self.rows):
                self.add_turn()
            _, q, a = self.rows[i]
            if q.toPlainText() != question:
                q.setPlainText(question)
            if a.toPlainText() != answer:
                a.setPlainText(answer)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.add_button.setEnabled(not read_only)
        for _, q, a in self.rows:
            q.setReadOnly(read_only)
            a.setReadOnly(read_only)

    # -- rows ------------------------------------------------------------------------------

    def add_turn(self, *, focus: bool = False, at: int | None = None) -> QPlainTextEdit:
        index = len(self.rows) if at is None else at
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(row)
        grid.setContentsMargins(6, 4, 6, 4)
        question, answer = _Growing(1), _Growing(2)
        question.setObjectName("question")
        answer.setObjectName("answer")
        question.setPlaceholderText(self.tr("问"))
        answer.setPlaceholderText(self.tr("答"))
        grid.addWidget(QLabel(self.tr("问：")), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(question, 0, 1)
        grid.addWidget(QLabel(self.tr("答：")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(answer, 1, 1)
        question.installEventFilter(self)
        answer.installEventFilter(self)
        question.setReadOnly(self.read_only)
        answer.setReadOnly(self.read_only)
        self.rows.insert(index, (row, question, answer))
        self._rows_box.insertWidget(index, row)
        self._renumber()
        self.turn_added.emit(row)
        if focus:
            question.setFocus()
        return question

    def _remove(self, index: int) -> None:
        row, _, _ = self.rows.pop(index)
        self._rows_box.removeWidget(row)
        row.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for i, (row, _, _) in enumerate(self.rows, start=1):
            row.setToolTip(self.tr("第 %n 问", "", i))

    def _index_of(self, widget: QObject) -> int:
        for i, (_, q, a) in enumerate(self.rows):
            if widget is q or widget is a:
                return i
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        i = self._index_of(watched)
        if i < 0 or self.read_only:
            return super().eventFilter(watched, event)
        _, question, answer = self.rows[i]
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if watched is question and enter and not ctrl:
            answer.setFocus()
            return True
        if enter and ctrl:
            if i + 1 < len(self.rows):
                self.rows[i + 1][1].setFocus()
            else:
                self.add_turn(focus=True)
                self.changed.emit()
            return True
        if (
            event.key() == Qt.Key.Key_Backspace
            and ctrl
            and not question.toPlainText()
            and not answer.toPlainText()
            and len(self.rows) > 1
        ):
            self._remove(i)
            self.rows[max(0, i - 1)][2].setFocus()
            self.changed.emit()
            return True
        return super().eventFilter(watched, event)
