"""All database work runs on one worker thread (Anki's collection executor).

``Tasks.run(work, on_done, on_error)`` queues ``work(session)`` for the worker, which runs it
through the workspace and hands the frozen result back to the GUI thread. The calls are typed
over that result (Anki's ``CollectionOp``/``QueryOp``): ``on_done`` takes what ``work`` returns.
Workers never touch widgets; callbacks run on the GUI thread. Slow work that needs no store
(``run_aside``) gets a thread of its own, so it does not hold up the units of work behind it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from workbench.services import Session
from workbench.workspace import Workspace

T = TypeVar("T")
# What waits between the threads: typed per call in the signatures below, erased in the dicts.
Work = Callable[[Any], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Job = tuple[Work, str]  # the unit of work and its mode
Outcome = tuple[bool, Any]  # succeeded?, the result or the error


class _Worker(QObject):
    finished = Signal(int)

    def __init__(
        self, workspace: Workspace, jobs: dict[int, Job], outcomes: dict[int, Outcome]
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self._jobs = jobs
        self._outcomes = outcomes

    @Slot(int)
    def run(self, job_id: int) -> None:
        work, mode = self._jobs.pop(job_id)
        try:
            ws = self.workspace
            if mode == "raw":  # not a unit of work: lock, swap the workspace
                result = work(self)
            else:
                result = ws.write(work) if mode == "write" else ws.read(work)
        except BaseException as exc:
            self._outcomes[job_id] = (False, exc)
        else:
            self._outcomes[job_id] = (True, result)
        del work  # the closure is released on this thread, before the GUI hears of it
        self.finished.emit(job_id)


class _Aside(QThread):
    """One piece of slow work that needs no store, on a thread of its own."""

    done = Signal(int)

    def __init__(self, job_id: int, fn: Callable[[], Any], outcomes: dict[int, Outcome]) -> None:
        super().__init__()
        self._job_id, self._fn, self._outcomes = job_id, fn, outcomes

    def run(self) -> None:
        try:
            self._outcomes[self._job_id] = (True, self._fn())
        except BaseException as exc:
            self._outcomes[self._job_id] = (False, exc)
        del self._fn
        self.done.emit(self._job_id)


class Tasks(QObject):
    """The GUI side of the worker: submit units of work, get callbacks on the GUI thread."""

    _submit = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("db-worker")
        # Signals carry only job ids: the work and its outcome wait in these dicts (each item
        # set on one thread and popped on the other, under the GIL), so no Python object rides a
        # queued Qt event across threads, where PySide frees it on the receiving thread.
        self._jobs: dict[int, Job] = {}
        self._outcomes: dict[int, Outcome] = {}
        self._worker = _Worker(workspace, self._jobs, self._outcomes)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Done | None, Failed | None]] = {}
        self.default_error: Failed | None = None
        self._aside: dict[int, _Aside] = {}
        self._thread.start()

    def run(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
        *,
        write: bool = False,
    ) -> int:
        return self._queue(work, on_done, on_error, "write" if write else "read")

    def run_on_worker(
        self,
        fn: Callable[[_Worker], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run ``fn(worker)`` on the worker thread, in order with the units of work (attachments
        stream through ``worker.workspace``; locking swaps it)."""
        return self._queue(fn, on_done, on_error, "raw")

    def run_aside(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run ``fn()`` on a thread of its own, beside the DB worker: slow work that needs no
        store (LibreOffice laying out pages) must not hold up the units of work queued after it.
        Callbacks on the GUI thread; it counts as busy, and ``shutdown`` waits for it."""
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        thread = self._aside[job_id] = _Aside(job_id, fn, self._outcomes)
        thread.done.connect(self._on_finished)
        thread.start()
        return job_id

    def lock_workspace(self, on_done: Callable[[None], None] | None = None) -> int:
        """Lock the store on the worker thread, after any work already queued."""
        return self.run_on_worker(lambda worker: worker.workspace.lock(), on_done)

    def set_workspace(
        self, workspace: Workspace, on_done: Callable[[None], None] | None = None
    ) -> int:
        return self.run_on_worker(lambda worker: setattr(worker, "workspace", workspace), on_done)

    def _queue(self, work: Work, on_done: Done | None, on_error: Failed | None, mode: str) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._jobs[job_id] = (work, mode)
        self._submit.emit(job_id)
        return job_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _pop(self, job_id: int) -> tuple[Done | None, Failed | None]:
        callbacks = self._pending.pop(job_id, (None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks

    @Slot(int)
    def _on_finished(self, job_id: int) -> None:
        aside = self._aside.pop(job_id, None)
        if aside is not None:
            aside.wait()  # its run() has returned: only the thread's end is left
            aside.deleteLater()
        succeeded, value = self._outcomes.pop(job_id)
        on_done, on_error = self._pop(job_id)
        if succeeded:
            if on_done is not None:
                on_done(value)
            return
        handler = on_error or self.default_error
        if handler is not None:
            handler(value)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait()
        for aside in self._aside.values():
            aside.wait()
