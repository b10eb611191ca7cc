"""The set-up dialogs' common frame: a form whose save runs one unit of work on the DB worker.
A refusal from the core is shown at the top (and next to the field it names); the dialog stays
open with everything typed, so nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.i18n import core_text
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.errors import WorkbenchError
from workbench.services import Session

Work = Callable[[Session], Any]


def enum_combo(name: str, enum_cls: Any, current: Any = None) -> QComboBox:
    """A combo of a core enum's labels (translated), each item's data the enum member."""
    combo = QComboBox()
    combo.setObjectName(name)
    for member in enum_cls:
        combo.addItem(core_text(member.label), member)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def choose(combo: QComboBox, value: Any) -> None:
    """Select the item whose data is ``value`` (the first when there is none)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


class SetupDialog(QDialog):
    saved = Signal(object)

    def __init__(self, tasks: Tasks, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.banner = QLabel()
        self.banner.setObjectName("dialog_error")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(
            "color: #b00020; background: #fdecea; padding: 6px; border-radius: 3px;"
        )
        self.banner.hide()
        self.hint = QLabel()
        self.hint.setObjectName("dialog_hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #555555;")
        self.hint.hide()
        self.form = Form()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("save")
        self.ok_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.banner)
        self.body.addWidget(self.hint)
        self.body.addWidget(self.form)
        self.body.addWidget(self.buttons)

    def explain(self, text: str) -> None:
        """A line above the form saying what the dialog is for."""
        self.hint.setText(text)
        self.hint.show()

    def work(self) -> Work | None:
        """The unit of work the form describes, or None after showing why it cannot be saved."""
        raise NotImplementedError

    def save(self) -> None:
        self.form.clear_errors()
        self.banner.hide()
        work = self.work()
        if work is None:
            return
        self.ok_button.setEnabled(False)
        self.tasks.run(work, self._saved, self.show_error, write=True)

    def _saved(self, result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        """At the top, and under the field the core names when the form has it."""
        self.ok_button.setEnabled(True)
        text = error_text(error)
        self.banner.setText(text)
        self.banner.show()
        field = error.details.get("field") if isinstance(error, WorkbenchError) else None
        line = self.form.errors.get(str(field)) if field else None
        if line is not None:
            line.setWordWrap(True)
            line.setText(text)
            line.show()
        self.fit()

    def refuse(self, field: str, message: str) -> None:
        """A check the dialog makes itself, shown like the core's."""
        self.banner.setText(message)
        self.banner.show()
        line = self.form.errors.get(field)
        if line is not None:
            line.setWordWrap(True)
            line.setText(message)
            line.show()
        self.fit()

    def fit(self) -> None:
        """Grow to show the message lines just shown (never shrink what the user sized)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint()
        self.resize(max(self.width(), wanted.width()), max(self.height(), wanted.height()))
