"""Translations: ours (resources/translations/workbench_<lang>.qm) and Qt's own zh_CN.

Chinese is the source language and the default, whatever the system locale (field laptops are
often set to en_US).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


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
