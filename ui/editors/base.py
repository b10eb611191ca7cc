"""The record editor every record type builds on: a form with errors by the field, autosave of
drafts into the encrypted store, form-wide undo/redo, and save through the core.

A subclass says what it edits (``kind``), builds its fields into ``self.form``, and maps them to and
from a JSON-able ``state()``. Everything else is here:

- every change restarts a short timer; when it fires the state is saved as a draft (inside the
  store, never in a temp file), so a crash, a power cut or the idle lock loses at most a few
  seconds of typing; the main window offers the drafts back at the next unlock;
- changes become undo steps (typing pauses of half a second make one step); Ctrl+Z / Ctrl+Shift+Z
  undo and redo across the whole form, also while the cursor is in a text field;
- saving runs the subclass's core call and discards the draft in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.services.drafts import discard_draft, save_draft

State = dict[str, Any]
AUTOSAVE_MS = 2000  # after the last change
UNDO_STEP_MS = 500  # a typing pause that closes one undo step


class _Snapshot(QUndoCommand):
    """One undo step: the whole form before and after (forms are small; no per-field diffing)."""

    def __init__(self, editor: RecordEditor, before: State, after: State) -> None:
        super().__init__()
        self.editor, self.before, self.after = editor, before, after
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the change already happened
            self._first = False
            return
        self.editor.apply_state(self.after)

    def undo(self) -> None:
        self.editor.apply_state(self.before)


class RecordEditor(QDialog):
    """Create (``view is None``) or edit one record. ``saved`` carries the saved view."""

    saved = Signal(object)
    kind: ClassVar[str] = ""  # the draft kind; also the record type for open_record
    heading: ClassVar[str] = ""  # set by subclasses via title_for()

    def __init__(
        self,
        tasks: Tasks,
        *,
        round_id: str | None,
        team_id: str | None = None,
        view: Any | None = None,
        draft_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.kind}_editor")
        self.tasks = tasks
        self.round_id = round_id or getattr(view, "round_id", None)
        self.team_id = getattr(view, "team_id", None) or team_id
        self.view = view
        record_id = getattr(view, "id", None)
        # one draft per edited record; a new record's draft gets its own id
        self.draft_id = draft_id or (
            str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.kind}:{record_id}"))
            if record_id
            else str(uuid.uuid4())
        )
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._dirty = False
        self._last_state: State = {}
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._step = QTimer(self, singleShot=True, interval=UNDO_STEP_MS)
        self._step.timeout.connect(self._close_step)

        self.form = Form()
        self.status = QLabel()
        self.status.setObjectName("editor_status")
        self.status.setStyleSheet("color: #666;")
        self.undo_button = QPushButton(QCoreApplication.translate("RecordEditor", "撤销"))
        self.undo_button.setObjectName("undo")
        self.redo_button = QPushButton(QCoreApplication.translate("RecordEditor", "重做"))
        self.redo_button.setObjectName("redo")
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("RecordEditor", "保存"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("RecordEditor", "取消")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.redo_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.form)
        self.extra = QVBoxLayout()  # below the form: transcripts, item lists
        body_layout.addLayout(self.extra)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(720, 680)

        self.build()
        self.setWindowTitle(self.title_text())
        self._watch(self)
        self._last_state = self.state()

    # -- what subclasses provide ---------------------------------------------------------------

    def build(self) -> None:
        """Add the fields to ``self.form`` (and ``self.extra``) and load ``self.view`` if any."""
        raise NotImplementedError

    def state(self) -> State:
        """The fields' values, JSON-able (dates as ISO text)."""
        raise NotImplementedError

    def restore(self, state: State) -> None:
        """Put ``state`` (from ``state()``, possibly of an older draft) back into the fields."""
        raise NotImplementedError

    def save_work(self) -> Callable[[Any], Any]:
        """The core call that creates or updates the record: ``work(session) -> view``. Build
        the draft dataclass here, on the GUI thread; the returned function runs on the worker."""
        raise NotImplementedError

    def title_text(self) -> str:
        return self.windowTitle()

    # -- change tracking -----------------------------------------------------------------------

    def _watch(self, root: QWidget) -> None:
        """Connect every input under ``root`` to ``changed`` and route undo keys to the form."""
        for w in root.findChildren(QWidget):
            if w.property("_editor_watched"):
                continue
            signal = None
            if isinstance(w, QLineEdit | QPlainTextEdit):
                signal = w.textChanged
            elif isinstance(w, QComboBox):
                signal = w.currentIndexChanged
            elif isinstance(w, QDateTimeEdit | QDateEdit):
                signal = w.dateTimeChanged
            elif isinstance(w, QCheckBox):
                signal = w.toggled
            elif isinstance(w, QAbstractSpinBox) and hasattr(w, "valueChanged"):
                signal = w.valueChanged
            if signal is not None:
                signal.connect(self.changed)
                w.installEventFilter(self)
                w.setProperty("_editor_watched", True)

    def watch_new_widgets(self, root: QWidget) -> None:
        """For fields added after construction (a new transcript turn)."""
        self._watch(root)

    def changed(self, *_args: Any) -> None:
        if self._applying:
            return
        if not self._step.isActive() and self.state() == self._last_state:
            return  # a signal without a change (a combo filled in after loading)
        self._dirty = True
        self.status.setText(QCoreApplication.translate("RecordEditor", "有未保存的修改"))
        self._step.start()
        self._autosave.start()

    def _close_step(self) -> None:
        current = self.state()
        if current != self._last_state:
            self.undo_stack.push(_Snapshot(self, self._last_state, current))
            self._last_state = current

    def apply_state(self, state: State) -> None:
        self._applying = True
        try:
            self.restore(state)
        finally:
            self._applying = False
        self._last_state = state
        self._dirty = True
        self._autosave.start()

    def undo(self) -> None:
        if self._step.isActive():  # the step being typed is undone first
            self._step.stop()
            self._close_step()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            if event.matches(QKeySequence.StandardKey.Undo):
                action = self.undo
            elif event.matches(QKeySequence.StandardKey.Redo):
                action = self.redo
            else:
                return super().eventFilter(watched, event)
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # deliver it as a key press, which is taken here
            else:
                action()
            return True
        return super().eventFilter(watched, event)

    # -- drafts --------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def restore_draft(self, payload: State) -> None:
        """Open with a recovered draft's values (they count as unsaved changes)."""
        self.apply_state(payload)
        self.undo_stack.clear()
        self.status.setText(QCoreApplication.translate("RecordEditor", "已恢复未保存的草稿"))

    def autosave(self) -> None:
        """Queue the draft for the worker: before a lock that is queued after it."""
        if not self._dirty:
            return
        self._autosave.stop()
        state = self.state()
        draft_id, kind = self.draft_id, self.kind
        record_id, round_id = getattr(self.view, "id", None), self.round_id
        title = self.title_text()
        self.tasks.run(
            lambda s: save_draft(
                s,
                draft_id,
                kind=kind,
                payload=state,
                record_id=record_id,
                round_id=round_id,
                title=title,
            ),
            lambda _v: self._show_status(
                QCoreApplication.translate("RecordEditor", "草稿已自动保存")
            ),
            lambda _e: self._show_status(
                QCoreApplication.translate("RecordEditor", "草稿未能自动保存")
            ),
            write=True,
        )

    def _show_status(self, text: str) -> None:
        if isValid(self.status):  # a parked editor may be gone when the answer comes
            self.status.setText(text)

    # -- save / cancel -------------------------------------------------------------------------

    def save(self) -> None:
        self.form.clear_errors()
        try:
            work = self.save_work()
        except ValueError as exc:  # a field the editor itself could not read
            self.form.banner.setText(str(exc))
            self.form.banner.show()
            return
        draft_id = self.draft_id

        def save_and_forget_draft(s: Any) -> Any:
            view = work(s)
            discard_draft(s, draft_id)  # same transaction: a crash keeps one or the other
            return view

        self._autosave.stop()
        self.save_button.setEnabled(False)
        self.tasks.run(save_and_forget_draft, self._saved, self._refused, write=True)

    def _saved(self, view: Any) -> None:
        self._dirty = False
        self.view = view
        self.saved.emit(view)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.form.show_error(error)
        self._autosave.start()

    def reject(self) -> None:
        if self._dirty:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("RecordEditor", "放弃修改"),
                QCoreApplication.translate("RecordEditor", "放弃尚未保存的修改？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
            self.discard()
        super().reject()

    def discard(self) -> None:
        self._autosave.stop()
        self._dirty = False
        draft_id = self.draft_id
        self.tasks.run(lambda s: discard_draft(s, draft_id), write=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.reject()
        if self.isVisible():
            event.ignore()


def focus_first_field(editor: RecordEditor) -> None:
    for w in editor.form.findChildren(QWidget):
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, QAbstractButton):
            w.setFocus()
            return
