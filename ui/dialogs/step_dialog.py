"""A workflow step that needs a few inputs (移交, 转交, 组务会研究 …): a small dialog whose fields
show the core's refusals in place; a refused step (wrong role or state) closes it and says why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_text
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from ui.widgets.form import Form
from workbench.errors import WorkbenchError
from workbench.services import Session

Work = Callable[[Session], Any]  # (session) -> the updated view


class StepDialog(QDialog):
    """A workflow step that needs a few inputs: fields in a form, the step run on the worker.

    ``make_work()`` reads the fields on the GUI thread and returns the unit of work."""

    finished_step = Signal(object)  # the core's answer (the updated record)

    def __init__(self, page: RecordListPage, title: str, action: str | None = None) -> None:
        super().__init__(page)
        self.setObjectName("step_dialog")
        self.page = page
        self.setWindowTitle(title)
        self.title = title
        self.make_work: Callable[[], Work] | None = None
        self.form = Form()
        self.fields: dict[str, Any] = {}  # field name → its input widget
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.note.hide()
        self.refusal = QLabel()  # why the core refused, at the top where it is seen
        self.refusal.setObjectName("step_refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b00020; font-weight: bold;")
        self.refusal.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(action or title)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        # offered when the core refused only for a 回避 this user (the 组长) may override
        self.override_button = QPushButton(_tr("回避例外…"))
        self.override_button.setObjectName("step_override")
        self.override_button.clicked.connect(self._ask_override)
        buttons.addButton(self.override_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.override_button.hide()  # after addButton, which shows it
        self._work: Work | None = None
        self._overridable: WorkbenchError | None = None
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.refusal)
        layout.addWidget(self.note)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def add(self, field: str, label: str, widget: QWidget) -> Any:
        self.fields[field] = widget
        return self.form.add(field, label, widget)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def run(self) -> None:
        assert self.make_work is not None
        self.form.clear_errors()
        self.refusal.hide()
        work = self._work = self.make_work()
        self.ok_button.setEnabled(False)
        self.page.tasks.run(work, self._done, self._refused, write=True)

    def _done(self, result: Any) -> None:
        self.finish(result)

    def finish(self, result: Any) -> None:
        self.finished_step.emit(result)
        self.accept()

    def _ask_override(self) -> None:
        from ui.pages.recusal_override import ask_step_override  # it builds a StepDialog

        assert self._overridable is not None and self._work is not None
        ask_step_override(self, self._overridable, self._work)

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, WorkbenchError) and error.details.get("overridable"):
            self._overridable = error  # stays open: the 组长 may go on with a reason
            self.refusal.setText(error_text(error))
            self.refusal.show()
            self.override_button.show()
            return
        field = error.details.get("field") if isinstance(error, WorkbenchError) else None
        if field and str(field) in self.form.errors:
            self.form.show_error(error)  # the user can correct it here
            self.refusal.setText(error_text(error))
            self.refusal.show()
            return
        self.reject()
        QMessageBox.warning(self.page, _tr("不能执行此操作"), error_text(error))


def ask_step(
    page: RecordListPage,
    title: str,
    build: Callable[[StepDialog, Any], Callable[[], Work]],
    *,
    action: str | None = None,
    on_done: Callable[[Any], None] | None = None,
) -> StepDialog | None:
    """Open the step's dialog for the selected record; ``build`` adds the fields and returns
    what reads them into the unit of work. The page shows the updated record afterwards."""
    view = page.current_view()
    if view is None:
        return None
    dialog = StepDialog(page, title, action)
    dialog.make_work = build(dialog, view)

    def done(updated: Any) -> None:
        shown = getattr(updated, "letter", updated)  # a disposal carries the letter
        page.refresh()
        page.show_record(shown)
        if on_done is not None:
            on_done(updated)

    dialog.finished_step.connect(done)
    dialog.open()
    return dialog
