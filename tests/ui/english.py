"""The English UI for a test: the compiled translations installed for the ``with`` block."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from tools.i18n import TS


@contextmanager
def english_ui() -> Iterator[None]:
    app = QApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm"))), "run `make qm`"
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
