"""A file on its way into the store, as the DB worker sees it: only plain Python objects.

The worker reports progress into ``percents`` and checks ``cancel``; the GUI copies the last
percent into its progress bar from a timer. No Qt object or signal crosses to the worker: a Qt
object whose last reference the worker thread released would be torn down there while the GUI
thread may hold Qt's connection lock — a deadlock (seen when closing a progress dialog).
"""

from __future__ import annotations

from pathlib import Path

from workbench.jobs import CancelToken


class Upload:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.cancel = CancelToken()
        self.percents: list[int] = []  # every percent reported, in order

    def __call__(self, done: int, total: int | None, label: str = "") -> None:
        percent = min(100, done * 100 // total) if total else 0
        if not self.percents or percent != self.percents[-1]:
            self.percents.append(percent)

    @property
    def percent(self) -> int:
        return self.percents[-1] if self.percents else 0
