"""The QApplication as every entry point wants it: names, font, icon and translators.

Its own module so that the composition root (ui/app.py) and the self-test (ui/selftest.py),
which app.py starts, both use it without importing each other.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import NoReturn

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui import settings
from ui.fonts import apply_ui_font
from ui.i18n import install_translators
from ui.i18n import tr as _tr
from ui.icons import icon


def make_app(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("InspectionWorkbench")
    app.setOrganizationName("Inspection")
    apply_ui_font(app)
    app.setWindowIcon(icon("app"))
    lang = language or settings.LANGUAGE.get(settings.open_settings())
    install_translators(app, lang)
    app.setApplicationDisplayName(_tr("巡察工作台"))
    return app


def dispose_window(window: QWidget) -> None:
    """Close a top-level window and delete it now, while the application runs. Left to the
    interpreter's exit, Qt objects are destroyed after the QApplication in no fixed order: the
    packaged self-test died with a segfault there, after reporting success."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def quit_process(code: int) -> NoReturn:
    """End the process now, once everything is saved and every store locked, without the
    interpreter's and the libraries' teardown: what it would do is free memory the system frees
    anyway. The packaged program on Debian 11 died in that teardown (a segfault after Python's
    own finalisation: faulthandler showed no Python frame) in about one fresh install in three."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)
