"""A long job (a package export or import, a wipe, a list import, a rule run) run on the DB
worker: a label, a progress bar and a cancel button. The worker reports through a queued signal
and never touches the widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui.pages.exchange_support import ProgressRelay
from ui.tasks import Tasks
from workbench.errors import Cancelled
from workbench.jobs import CancelToken, ProgressSink
from workbench.workspace import Workspace

# (workspace, progress sink, cancel token) -> result; runs on the worker and calls a core job
# through ``Workspace.call`` (the vault never reaches the UI)
Job = Callable[[Workspace, ProgressSink, CancelToken], Any]
# (session, progress sink, cancel token) -> result; a unit of work the workspace runs
Unit = Callable[[Any, ProgressSink, CancelToken], Any]


class JobPanel(QWidget):
    succeeded = Signal(object)  # the job's result
    failed = Signal(object)  # the error; Cancelled when the user cancelled in time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("job_label")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar()
        self.bar.setObjectName("job_progress")
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("job_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._progressed)
        self.token = CancelToken()
        self.running = False

    def start(self, tasks: Tasks, job: Job, label: str, *, cancellable: bool = True) -> None:
        token, sink = self._begin(label, cancellable)

        def work(worker: Any) -> Any:
            return job(worker.workspace, sink, token)

        tasks.run_on_worker(work, self._done, self._failed)

    def start_unit(self, tasks: Tasks, unit: Unit, label: str, *, write: bool = True) -> None:
        """One unit of work (``unit(session, sink, token)``) in a single transaction: a
        cancelled or failed job rolls back whole."""
        token, sink = self._begin(label, cancellable=True)
        tasks.run(lambda session: unit(session, sink, token), self._done, self._failed, write=write)

    def _begin(self, label: str, cancellable: bool) -> tuple[CancelToken, ProgressSink]:
        self.token = CancelToken()
        self.running = True
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the job says how far it is
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        return self.token, self.relay.sink

    def cancel(self) -> None:
        if self.running:
            self.token.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("正在取消…"))

    def _progressed(self, done: int, total: int, label: str) -> None:
        if not self.running:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if label:
            self.label.setText(label)

    def _done(self, result: Any) -> None:
        self.running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.succeeded.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        if self.token.cancelled and not isinstance(error, Cancelled):
            error = Cancelled()  # raised through a library that rewrapped it
        self.failed.emit(error)
