"""The Qt bindings keep Python's reference counts: PySide6 6.12.0 on Python 3.11 dropped one
reference to None per call that returns nothing, and the app aborted (``none_dealloc``) within
seconds of use. pytest's own references hide that for a while, so count directly."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_the_reference_to_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        label.setText("巡察")
        label.setEnabled(True)
        label.isVisible()
        label.parent()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # a few references may come or go with the interpreter's own work, not one per call
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
