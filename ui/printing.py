"""Printing an exported document: its pages as LibreOffice lays them out, drawn on the printer
chosen in Qt's print dialog.

Why this way: Qt's printing reaches the system's printers on Linux (CUPS) and Windows alike and
needs no network, and what is printed is what the preview showed. Handing the file to the
system's handler has no print verb on Linux, and on Windows depends on WPS or Word registering
one; where LibreOffice is missing the user opens the file in WPS or Word and prints there.
"""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from ui.i18n import tr as _tr

PRINT_DPI = 300  # enough for 仿宋 at 16 pt; an A4 page is 2480 × 3508 pixels


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer and copies the user chose in the system's print dialog; None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印文书"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


# Tests replace it with a printer that writes a PDF file (no print dialog, no printer).
choose_printer: Callable[[QWidget], QPrinter | None] = ask_printer


def print_pages(pdf: bytes, printer: QPrinter) -> int:
    """Draw each page of ``pdf`` on ``printer`` at its own size (A4 stays A4 with its margins:
    the page is printed full-page, its margins are the document's). Returns the pages printed."""
    document = pdfium.PdfDocument(pdf)
    painter = QPainter()
    try:
        printer.setFullPage(True)
        width, height = document.get_page_size(0)
        _set_page(printer, width, height)
        if not painter.begin(printer):
            return 0
        for index in range(len(document)):
            width, height = document.get_page_size(index)
            if index:
                _set_page(printer, width, height)
                printer.newPage()
            image = _page_image(document, index, min(PRINT_DPI, printer.resolution()))
            target = painter.viewport()
            painter.drawImage(QRectF(target), image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _set_page(printer: QPrinter, width: float, height: float) -> None:
    size = QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Point,
        matchPolicy=QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)


def _page_image(document: pdfium.PdfDocument, index: int, dpi: int) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(
            scale=dpi / 72,
            force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
            rev_byteorder=True,
        )
        try:
            return QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            ).copy()
        finally:
            bitmap.close()
    finally:
        page.close()
