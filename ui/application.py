"""The QApplication as every entry point wants it: names, font, icon and translators.

Its own module so that the composition root (ui/app.py) and the self-test (ui/selftest.py),
which app.py starts, both use it without importing each other.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

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
