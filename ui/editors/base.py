"""The record editor every record type builds on: a form with errors by the field, autosave of
drafts into the encrypted store, form-wide undo/redo, and save through the core.

A subclass says what it edits (``kind``), builds its fields into ``self.form``, and maps them to and
from a JSON-able ``state()``. Everything else is here:

- every change restarts a short timer; when it fires the state is saved as a draft (inside the
  store, never in a temp file), so a crash, a power cut or the idle lock loses at most a few
  seconds of typing; the main window offers the drafts back at the next unlock;
- changes become undo steps (typing pauses of half a second make one step); Ctrl+Z / Ctrl+Shift+Z
  undo and redo across the whole form, also while the cursor is in a text field;
- saving runs the subclass's core call and discards the draft in the same transaction;
- a refused save is shown at the top of the editor (above the scrolled form) as well as by its
  field, which is scrolled into view; a record the core keeps locked (审签后, 办结后, 已处置,
  销号后: ``services/locks.py``) opens read-only with the reason at the top (``set_read_only``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
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

from ui.errors import error_text
from ui.i18n import core_notice
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.errors import WorkbenchError
from workbench.services import Session
from workbench.services.drafts import discard_draft, record_draft_id, save_draft
from workbench.services.locks import Notice, lock_notice

State = dict[str, Any]
AUTOSAVE_MS = 2000  # after the last change
UNDO_STEP_MS = 500  # a typing pause that closes one undo step


def _ignore(_error: BaseException) -> None:
    """A lock question that failed (the record just deleted): the save will say why."""


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


def _user_name(tasks: Tasks) -> str:
    """The unlocked user, as the window reads it (the worker's workspace, swapped only at a
    lock, while no editor is open)."""
    return tasks._worker.workspace.user.name


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
        # one draft per user and edited record; a new record's draft gets its own id
        self.draft_id = draft_id or (
            record_draft_id(_user_name(tasks), self.kind, record_id)
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
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        # above the scrolled form, so never below the fold: why the record is read-only, and
        # why the last save was refused
        self.locked_notice = QLabel()
        self.locked_notice.setObjectName("editor_locked")
        self.locked_notice.setWordWrap(True)
        self.locked_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.locked_notice.setStyleSheet(
            "color: #8a5a00; background: #fff6dd; padding: 6px; font-weight: bold;"
        )
        self.locked_notice.hide()
        self.refusal = QLabel()
        self.refusal.setObjectName("editor_refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal.setStyleSheet("color: #b00020; background: #fdecee; padding: 6px;")
        self.refusal.hide()
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.locked_notice)
        layout.addWidget(self.refusal)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)
        self.resize(720, 680)

        self.build()
        self.setWindowTitle(self.title_text())
        self._watch(self)
        self._last_state = self.state()
        if record_id is not None:
            self._ask_lock(record_id)

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

    def save_work(self) -> Callable[[Session], Any]:
        """The core call that creates or updates the record: ``work(session) -> view``. Build
        the draft dataclass here, on the GUI thread; the returned function runs on the worker."""
        raise NotImplementedError

    def title_text(self) -> str:
        return self.windowTitle()

    def _ask_lock(self, record_id: str) -> None:
        """Ask the core whether the workflow has fixed this record (办结, 已处置, 销号…): the
        same rule its update service refuses with, so the editor never offers a doomed save."""
        kind = self.kind
        self.tasks.run(lambda s: lock_notice(s, kind, record_id), self._lock_answered, _ignore)

    def _lock_answered(self, notice: Notice | None) -> None:
        if notice and isValid(self):
            self.set_read_only(core_notice(notice))

    def set_read_only(self, reason: str) -> None:
        """The core keeps this record locked: show why at the top, and let nothing be typed or
        saved (the fields stay readable and selectable)."""
        self.read_only = True
        self.locked_notice.setText(reason)
        self.locked_notice.show()
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(reason)
        body = self.scroll_area.widget()
        assert body is not None
        for w in body.findChildren(QWidget):
            if isinstance(w, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                w.setReadOnly(True)
            elif isinstance(w, QComboBox | QAbstractButton | QAbstractItemView):
                w.setEnabled(False)  # choices, ticks, tables, add/remove rows, attach files
            if w.acceptDrops():
                w.setAcceptDrops(False)

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

    def close_undo_step(self) -> None:
        """End the step being typed now, as a typing pause would (undo, and tests, need it)."""
        if self._step.isActive():
            self._step.stop()
            self._close_step()

    def undo(self) -> None:
        self.close_undo_step()  # the step being typed is undone first
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
        if self.read_only:
            return
        self.form.clear_errors()
        self.refusal.hide()
        try:
            work = self.save_work()
        except ValueError as exc:  # a field the editor itself could not read
            self.form.banner.setText(str(exc))
            self.form.banner.show()
            return
        draft_id = self.draft_id

        def save_and_forget_draft(s: Session) -> Any:
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
        self.refusal.setText(error_text(error))
        self.refusal.show()
        field = error.details.get("field") if isinstance(error, WorkbenchError) else None
        shown = self.form.errors.get(str(field)) if field else None
        self.scroll_area.ensureWidgetVisible(shown if shown is not None else self.form.banner)
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
