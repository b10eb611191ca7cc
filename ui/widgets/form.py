"""A form whose fields each carry their own error line: a refused save shows the core's message
next to the field it names (``ValidationError.details["field"]``), the rest in a banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.errors import error_text
from workbench.errors import WorkbenchError


class Form(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout()
        # a label longer than its share goes above its field rather than pushing the fields
        # past the window's edge (English labels are two to three times as wide as Chinese)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.banner = QLabel()
        self.banner.setObjectName("form_error")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("color: #b00020;")
        self.banner.hide()
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.layout_)
        outer.addWidget(self.banner)

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        """A row for the service field ``field``; its error line sits right under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        error.setStyleSheet("color: #b00020;")
        error.hide()
        column.addWidget(error)
        self.errors[field] = error
        self.layout_.addRow(label, box)
        return widget

    def clear_errors(self) -> None:
        self.banner.hide()
        for label in self.errors.values():
            label.hide()

    def show_error(self, error: BaseException) -> None:
        self.clear_errors()
        field = error.details.get("field") if isinstance(error, WorkbenchError) else None
        target = self.errors.get(str(field)) if field else None
        if target is not None:
            target.setText(error_text(error))
            target.show()
        else:
            self.banner.setText(error_text(error))
            self.banner.show()
