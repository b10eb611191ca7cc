"""Translations: ours (resources/translations/workbench_<lang>.qm) and Qt's own zh_CN.

Chinese is the source language and the default, whatever the system locale (field laptops are
often set to en_US).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from workbench.i18n import Wording, fill

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a UI string written outside a class (lupdate: ``-tr-function-alias tr+=_tr``
    extracts ``_tr("…")`` calls with the empty context, which this looks up). Inside a QObject
    subclass use ``self.tr`` instead: lupdate gives those the class as context."""
    return QCoreApplication.translate("", text, disambiguation, n)


def aside(text: str, note: str) -> str:
    """“text（note）” in the language's own brackets (English: “text (note)”), filled in one
    pass, so that neither value (a name as typed) is taken for a marker."""
    template = tr("%1（%2）")
    return re.sub("%[12]", lambda m: text if m[0] == "%1" else note, template)


def aside_list(*parts: str) -> str:
    """The non-empty ``parts`` joined with the language's comma (“a，b”; English: “a, b”)."""
    return tr("，").join(p for p in parts if p)


def core_text(text: str) -> str:
    """A string defined in core (an enum label, an error message), marked there with ``N_``; a
    ``Wording`` is its template translated, then filled (its ``Wording`` fillers translated)."""
    if isinstance(text, Wording):
        fillers = {
            k: core_text(v) if isinstance(v, Wording) else v for k, v in text.fillers.items()
        }
        return fill(QCoreApplication.translate("core", text.template), fillers)
    return QCoreApplication.translate("core", text)


def core_notice(notice: tuple[str, str] | None) -> str:
    """A core message with its ``%1`` filled after translation (the filler stays as typed)."""
    return core_text(notice[0]).replace("%1", notice[1]) if notice is not None else ""


def install_translators(app: QApplication, language: str = "zh_CN") -> list[QTranslator]:
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English))
        ours = QTranslator(app)
        if ours.load(f"workbench_{language}", str(TRANSLATIONS)):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
