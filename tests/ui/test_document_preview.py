"""A document's pages before its export, from a record page's 生成文书 menu: the types of that
page's records, each disabled with its reason; the dialog shows the pages LibreOffice laid out,
leaves no temporary file behind (also when closed mid-way), says plainly when LibreOffice is
missing, and prints the exported file's pages after the not-encrypted warning."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_documents_ui import document_dialog, save_as, warning_box
from ui.dialogs import document_dialog as dialog_module
from ui.dialogs import document_export
from ui.main_window import MainWindow
from ui.pages.document_menu import DOCUMENT_PAGES
from workbench.reports import DOCUMENTS
from workbench.reports import preview as core_preview
from workbench.reports.preview import find_office
from workbench.workspace import Workspace

needs_office = pytest.mark.skipif(find_office() is None, reason="needs LibreOffice (soffice)")


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.round_combo.count() > 1 and not w.tasks.busy, timeout=10000)
    yield w
    w.close()


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where temporary folders go during the test, to see what is left there."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def menu_entries(page: QWidget) -> list[tuple[str, bool, str]]:
    """(type, enabled, reason) of each entry the page's 生成文书 menu shows now."""
    menu = page.findChild(QMenu, "documents_menu")
    assert menu is not None
    menu.aboutToShow.emit()
    return [(a.data(), a.isEnabled(), a.toolTip()) for a in menu.actions()]


def letters_page(qtbot: QtBot, window: MainWindow) -> QWidget:
    window.show_page("letters")
    page = window.pages["letters"]
    qtbot.waitUntil(lambda: page.current_view() is not None, timeout=10000)  # type: ignore[attr-defined]
    return page


def test_every_document_type_has_a_page() -> None:
    """A type added to the registry must be given its page here, or no record page offers it."""
    missing = [d.code for d in DOCUMENTS if d.code not in DOCUMENT_PAGES]
    assert missing == []


def test_the_menu_lists_the_types_of_the_page_records(qtbot: QtBot, window: MainWindow) -> None:
    page = letters_page(qtbot, window)
    entries = menu_entries(page)
    assert [code for code, _on, _why in entries] == [
        "letter-register",
        "letter-handling",
        "letter-ledger",
    ]
    assert all(on for _code, on, _why in entries)

    page.table.clearSelection()  # type: ignore[attr-defined]
    by_code = {code: (on, why) for code, on, why in menu_entries(page)}
    assert by_code["letter-register"] == (False, "请先在列表中选择一条记录。")
    assert by_code["letter-ledger"][0]  # the round's ledger needs no record

    window.show_page("findings")
    findings = [code for code, _on, _why in menu_entries(window.pages["findings"])]
    assert findings == [
        "finding",
        "finding-ledger",
        "inspection-report",
        "feedback",
        "immediate-fix-notice",
    ]
    feedback = dict((c, (on, why)) for c, on, why in menu_entries(window.pages["findings"]))
    if "target_id" not in window.scope():  # 反馈意见 is made for one target
        assert feedback["feedback"] == (False, "请先在工具栏选择被巡察对象。")


@needs_office
def test_the_preview_shows_every_page_and_leaves_no_file(
    qtbot: QtBot, window: MainWindow, temp_root: Path
) -> None:
    page = letters_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "letter-handling")
    assert dialog.pages.kind == "message"  # nothing is built before 预览 is asked for
    dialog.findChild(QPushButton, "preview").click()
    assert dialog.building()
    qtbot.waitUntil(lambda: dialog.pages.kind == "pdf", timeout=120000)
    count = dialog.pages.page_count()
    assert count >= 1
    assert f"共 {count} 页" in dialog.status.text()

    def whole_page_shown() -> bool:  # fitted again once the page buttons took their room
        shown = dialog.pages.pixmap()
        room = dialog.pages.image_area.viewport().size()
        ratio = shown.devicePixelRatio()
        return shown.height() / ratio <= room.height() and shown.width() / ratio <= room.width()

    qtbot.waitUntil(whole_page_shown, timeout=10000)
    seen = []
    for index in range(count):
        assert dialog.pages.current_page() == index
        assert not dialog.pages.pixmap().isNull()
        assert dialog.pages.page_label.text() == f"第 {index + 1} / {count} 页"
        seen.append(dialog.pages.pixmap().size())
        dialog.pages.next_button.click()
    assert dialog.pages.fitting()  # the page fits the pane until the user zooms
    assert list(temp_root.iterdir()) == []  # the .docx, the PDF and the profile are gone
    dialog.close()
    assert not dialog.isVisible()


@needs_office
def test_a_db_job_queued_during_the_layout_is_not_held_up(
    qtbot: QtBot, window: MainWindow, temp_root: Path
) -> None:
    """Before: LibreOffice ran on the DB worker, and every unit of work queued meanwhile (a page
    refresh, a save) waited its seconds; now the job ends while LibreOffice is still at work."""
    page = letters_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "letter-handling")
    ended: list[str] = []
    dialog.findChild(QPushButton, "preview").click()
    qtbot.waitUntil(dialog.laying_out, timeout=60000)
    window.tasks.run(lambda s: s.info.get("actor"), lambda _actor: ended.append("job"))
    qtbot.waitUntil(lambda: dialog.pages.kind == "pdf", timeout=120000)
    ended.append("preview")
    assert ended == ["job", "preview"]
    assert list(temp_root.iterdir()) == []
    dialog.close()


@needs_office
def test_closing_the_dialog_mid_way_stops_libreoffice_and_removes_its_folder(
    qtbot: QtBot, window: MainWindow, temp_root: Path
) -> None:
    page = letters_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "letter-register")
    dialog.findChild(QPushButton, "preview").click()
    qtbot.waitUntil(lambda: any(temp_root.iterdir()), timeout=30000)  # LibreOffice started
    dialog.close()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30000)
    assert list(temp_root.iterdir()) == []


def test_without_libreoffice_the_dialog_says_so_and_offers_the_export(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(dialog_module, "office_program", lambda: None)
    monkeypatch.setattr(core_preview, "find_office", lambda: None)
    opened: list[QUrl] = []
    monkeypatch.setattr(document_export, "open_url", opened.append)
    page = letters_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "letter-register")
    assert not dialog.findChild(QPushButton, "preview").isEnabled()
    assert "未找到 LibreOffice" in dialog.pages.message.text()
    assert "WPS" in dialog.pages.message.text()
    export = dialog.findChild(QPushButton, "export")
    assert export.text() == "导出并打开…"
    out = tmp_path / "登记表.docx"
    save_as(monkeypatch, out)
    export.click()
    box = warning_box(qtbot, window)
    assert "未加密" in box.informativeText()
    # 打印 hands the file to WPS or Word (after saying why), there being no LibreOffice
    monkeypatch.setattr(document_export.QMessageBox, "information", lambda *_a, **_k: None)
    box.findChild(QPushButton, "print").click()
    assert opened == [QUrl.fromLocalFile(str(out))]


@needs_office
def test_printing_after_the_warning_prints_every_page_of_the_file(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    printed = tmp_path / "printed.pdf"

    def pdf_printer(_parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    from ui import printing

    monkeypatch.setattr(printing, "choose_printer", pdf_printer)
    page = letters_page(qtbot, window)
    dialog = document_dialog(qtbot, page, "letter-handling")
    out = tmp_path / "处理单.docx"
    save_as(monkeypatch, out)
    dialog.findChild(QPushButton, "export").click()
    box = warning_box(qtbot, window)
    box.findChild(QPushButton, "print").click()
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=120000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=30000)
    laid_out = pdfium.PdfDocument(core_preview.file_pages(out))
    document = pdfium.PdfDocument(printed.read_bytes())
    try:
        assert len(document) == len(laid_out)
        width, height = document.get_page_size(0)
        assert (round(width), round(height)) == (595, 842)  # A4, the document's own size
    finally:
        document.close()
        laid_out.close()
