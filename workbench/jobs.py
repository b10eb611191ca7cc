"""Long jobs report progress and can be cancelled.

Core functions that may take long take ``progress`` and ``cancel`` arguments; the CLI passes a
console sink, the UI a sink that emits Qt signals from the worker thread.
"""

from __future__ import annotations

import threading
from typing import Protocol

from workbench.errors import Cancelled


class ProgressSink(Protocol):
    def __call__(self, done: int, total: int | None, label: str = "") -> None: ...


def no_progress(done: int, total: int | None, label: str = "") -> None:
    """A sink that ignores progress."""


class CancelToken:
    """Set from any thread; checked by the job between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
