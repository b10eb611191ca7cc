"""Screenshots of a document before its export: the 生成文书 dialog with the pages LibreOffice
laid out, and a 公文's dialog with its 公文要素 opened, in Chinese and in English, on the demo
store's window (1366 × 768)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QPushButton

from ui.dialogs.document_dialog import DocumentDialog
from ui.i18n import TRANSLATIONS
from ui.i18n import tr as _tr
from ui.main_window import MainWindow
from ui.pages.document_actions import open_document
from workbench.reports.preview import find_office
from workbench.workspace import Workspace

Settle = Callable[..., None]
MENU_PAGE = "letters"  # three types: two of a record, the round's ledger
PAGE, DOCUMENT = "interviews", "interview"  # three pages
FRAMED_PAGE, FRAMED = "findings", "inspection-report"  # a 上行文: every 公文要素, 签发人 too


def take_document_screenshots(
    app: QApplication, workspace: Workspace, out_dir: Path, settle: Settle
) -> None:
    if find_office() is None:
        print("LibreOffice not found: no screenshot of the document preview")
        return
    for suffix in ("", "-en"):
        english = QTranslator(app)
        if suffix:
            assert english.load("workbench_en", str(TRANSLATIONS))
            app.installTranslator(english)
        window = MainWindow(workspace)
        window.resize(1366, 768)
        window.show()
        settle(app, window)
        try:
            _preview(app, window, out_dir, suffix, settle)
        finally:
            window.tasks.shutdown()
            window.hide()
            window.deleteLater()
            app.removeTranslator(english)


def _preview(
    app: QApplication, window: MainWindow, out_dir: Path, suffix: str, settle: Settle
) -> None:
    window.show_page(MENU_PAGE)
    settle(app, window)
    save = _saver(out_dir, suffix)
    button = window.pages[MENU_PAGE].findChild(QPushButton, "documents")
    assert button is not None
    menu = button.menu()
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    settle(app, window)
    save(menu, "menu-documents")
    menu.hide()
    window.show_page(PAGE)
    page = window.pages[PAGE]
    settle(app, window)
    open_document(page, DOCUMENT)
    dialog = page.findChild(DocumentDialog)
    assert dialog is not None
    dialog.resize(1280, 720)
    settle(app, window)
    preview = dialog.findChild(QPushButton, "preview")
    assert preview is not None
    preview.click()
    settle(app, window, 180.0)
    save(dialog, "dialog-document-preview")
    dialog.pages.next_button.click()
    settle(app, window)
    save(dialog, "dialog-document-preview-2")
    dialog.close()
    _framed(app, window, save, settle)


def _framed(
    app: QApplication, window: MainWindow, save: Callable[[object, str], None], settle: Settle
) -> None:
    window.show_page(FRAMED_PAGE)
    page = window.pages[FRAMED_PAGE]
    settle(app, window)
    open_document(page, FRAMED)
    settle(app, window)
    dialog = page.findChild(DocumentDialog)
    assert dialog is not None
    dialog.show_frame(True)
    dialog.new_number.setChecked(True)
    dialog.attachments.addItem(_tr("问题底稿清单"))
    settle(app, window)
    save(dialog, "dialog-document-frame")
    dialog.close()


def _saver(out_dir: Path, suffix: str) -> Callable[[object, str], None]:
    def save(widget: object, name: str) -> None:
        path = out_dir / f"{name}{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        print(path)

    return save
