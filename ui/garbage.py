"""Cyclic garbage is collected on the GUI thread, and only while the DB worker is idle.

Python runs its cycle collector on whichever thread happens to allocate past the threshold. A
cycle holding a Qt wrapper collected on the worker thread frees the Qt object there, and a
collection on the GUI thread while the worker is inside SQLAlchemy crashed three full test runs
with a segfault. So automatic collection is off, and a timer on the GUI thread collects with
the same generational thresholds Python would use, skipping any tick while a job runs.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from ui.tasks import Tasks

TICK_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._thresholds = gc.get_threshold()
        self.collections = 0  # how many ticks collected (tests read it)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(TICK_MS)

    def tick(self) -> None:
        if self._tasks.busy:
            return
        counts = gc.get_count()
        if counts[0] <= self._thresholds[0]:
            return
        generation = 0  # older generations only when they are due, as Python itself does
        if counts[1] > self._thresholds[1]:
            generation = 2 if counts[2] > self._thresholds[2] else 1
        gc.collect(generation)
        self.collections += 1

    def stop(self) -> None:
        """Back to Python's own collection (the window is gone, no worker runs)."""
        self._timer.stop()
        gc.enable()
