"""The search catch-up in the status bar: records a package import wrote in bulk are queued for
the search index (``workbench.services.index_queue``); this indexes them in the background.

It runs one batch per DB-worker job and queues the next when one is done, so pages, editors and
searches get their turn in between instead of waiting for tens of thousands of records. Stopping
just queues no further batch: what was indexed stays, the rest waits for the next start.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ui.errors import show_error
from ui.tasks import Tasks
from workbench.services.index_queue import catch_up
from workbench.services.search import unindexed_count
from workbench.workspace import Workspace

BATCH = 500  # keys per worker job: well under a second, so the UI never waits long


class IndexStatus(QWidget):
    finished = Signal(int, bool)  # keys indexed in this run, whether it was stopped early

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.label = QLabel()
        self.label.setObjectName("index_progress_label")
        self.bar = QProgressBar()
        self.bar.setObjectName("index_progress")
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.stop_button = QToolButton()
        self.stop_button.setObjectName("index_stop")
        self.stop_button.setText(self.tr("停止"))
        self.stop_button.setToolTip(self.tr("停止编入检索；剩余记录在下次解锁或导入后继续"))
        self.stop_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.stop_button)
        layout.addStretch(1)  # spare status-bar width goes after the button, not between
        self.running = False
        self._stopping = False
        self.done = 0
        self.total = 0
        self.setVisible(False)

    def start(self) -> None:
        """Index whatever is queued. Safe to call at any time: nothing queued does nothing, and
        a call while running (even one being stopped) keeps that run going."""
        self._stopping = False
        self.stop_button.setEnabled(True)
        if self.running:
            return
        self.running = True
        self.done = self.total = 0
        self.tasks.run(unindexed_count, self._counted, self._failed)

    def stop(self) -> None:
        """Queue no further batch; the one on the worker finishes (it is one transaction)."""
        if self.running:
            self._stopping = True
            self.stop_button.setEnabled(False)

    def _counted(self, total: int) -> None:
        if not total or self._stopping:
            self._finish()
            return
        self.total = total
        self.setVisible(True)
        self._show_progress()
        self._next_batch()

    def _next_batch(self) -> None:
        def work(worker: Any) -> int:
            workspace: Workspace = worker.workspace
            return workspace.call(catch_up, batch=BATCH, limit=BATCH)

        self.tasks.run_on_worker(work, self._batch_done, self._failed)

    def _batch_done(self, indexed: int) -> None:
        self.done += indexed
        self.total = max(self.total, self.done)
        self._show_progress()
        if indexed and not self._stopping:
            self._next_batch()
        else:
            self._finish()

    def _text(self, done: int) -> str:
        return (
            self.tr("正在编入检索：%1 / %2")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{self.total:,}")
        )

    def _show_progress(self) -> None:
        # as wide as the last text from the start: a status bar does not grow a widget later
        widest = self.label.fontMetrics().horizontalAdvance(self._text(self.total))
        self.label.setMinimumWidth(widest + 4)
        self.label.setText(self._text(self.done))
        self.bar.setRange(0, self.total)
        self.bar.setValue(self.done)

    def _finish(self) -> None:
        stopped = self._stopping
        self.running = self._stopping = False
        self.setVisible(False)
        self.finished.emit(self.done, stopped)

    def _failed(self, error: BaseException) -> None:
        stopped = self._stopping  # stopped for the lock: the store may be closed by now
        self._finish()
        if not stopped:
            show_error(self.window(), error)
