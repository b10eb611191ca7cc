"""A slow core call made before a store is open (deriving the key from a passphrase with Argon2id,
which also runs any pending migration): it runs on a thread of its own so the GUI thread keeps
painting, and its outcome comes back on the GUI thread. The caller shows the busy state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal

T = TypeVar("T")


class SlowCall(QThread, Generic[T]):
    succeeded = Signal(object)  # the call's result
    failed = Signal(object)  # the exception it raised

    def __init__(self, fn: Callable[[], T], parent: QObject) -> None:
        super().__init__(parent)
        self._fn: Callable[[], T] | None = fn

    def run(self) -> None:
        fn, self._fn = self._fn, None  # nothing of the call (a passphrase) kept once it ran
        assert fn is not None
        try:
            result: Any = fn()
        except Exception as exc:
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


def start_slow_call(
    parent: QObject,
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None],
) -> SlowCall[T]:
    """Run ``fn()`` off the GUI thread; ``on_done``/``on_error`` run on the GUI thread. Keep
    ``parent`` alive (refuse to close it) until one of them ran."""
    call: SlowCall[T] = SlowCall(fn, parent)
    call.succeeded.connect(on_done)
    call.failed.connect(on_error)
    call.finished.connect(call.deleteLater)
    call.start()
    return call
