"""Idle auto-lock: after N minutes without keyboard or mouse input the window locks itself.

It cannot be turned off (the settings dialog offers 1–120 minutes) and takes new minutes while
it runs.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Watches the whole application's input; ``idle`` fires once per idle period."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = minutes * 60
        self._last_input = time.monotonic()
        self._armed = True
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._check)

    def start(self, app: QObject) -> None:
        app.installEventFilter(self)
        self._timer.start()

    def stop(self, app: QObject) -> None:
        app.removeEventFilter(self)
        self._timer.stop()

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    def set_minutes(self, minutes: float) -> None:
        """Take a new idle period, counted from now."""
        self.seconds = minutes * 60
        self.rearm()

    def rearm(self) -> None:
        self._last_input = time.monotonic()
        self._armed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if self._armed and time.monotonic() - self._last_input >= self.seconds:
            self._armed = False
            self.idle.emit()
