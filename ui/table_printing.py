"""Printing a table: the rows of a list as a simple grid across as many pages as it takes, with
the title and the column headers repeated on every page and 第 n 页，共 m 页 at the foot.

Every row is one line (longer text is cut with …), so the rows a page holds are known before
drawing and the page count can be printed on the first page. The table is laid out as on screen
and scaled to the page's width, the text with it (never larger than on screen, never below
``MIN_POINTS``): what the user's columns show is what the paper shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.i18n import tr as _tr

MIN_POINTS = 6.0
TITLE_POINTS = 13
PADDING = 0.25  # of a line's height, left and right of a cell's text


@dataclass(frozen=True)
class TableColumn:
    title: str
    width: int  # on screen, in pixels: only the proportions matter
    right: bool = False  # amounts


@dataclass(frozen=True)
class TablePrint:
    title: str
    subtitle: str  # the filters, the count, the date printed
    columns: Sequence[TableColumn]
    rows: Sequence[Sequence[str]]


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer the user chose, landscape by default (lists are wide); None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印列表"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


# Tests replace it with a printer that writes a PDF file (no print dialog, no printer).
choose_printer: Callable[[QWidget], QPrinter | None] = ask_printer


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def print_table(printer: QPrinter, table: TablePrint) -> int:
    """Draw ``table`` on ``printer``; returns the number of pages printed."""
    printer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        return _draw(painter, printer, table)
    finally:
        painter.end()


def _body_points(table: TablePrint, page_width: float, resolution: int) -> float:
    """The screen's font size, times the page's width over the table's width on screen."""
    screen = QApplication.primaryScreen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    table_points = sum(max(c.width, 1) for c in table.columns) * 72 / dpi
    page_points = page_width * 72 / resolution
    points = QApplication.font().pointSizeF()
    points = points if points > 0 else 9.0
    return max(points * min(1.0, page_points / table_points), MIN_POINTS)


def _draw(painter: QPainter, printer: QPrinter, table: TablePrint) -> int:
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)
    points = _body_points(table, page.width(), printer.resolution())
    body, bold, title_font = _font(points), _font(points, True), _font(TITLE_POINTS, True)
    painter.setFont(body)
    metrics = QFontMetricsF(painter.font(), printer)
    line = metrics.height() * 1.6
    pad = metrics.height() * PADDING
    title_height = QFontMetricsF(title_font, printer).height() * 1.5
    top = title_height + line * 2  # title, subtitle, headers
    per_page = max(int((page.height() - top - line * 1.5) // line), 1)
    pages = max((len(table.rows) + per_page - 1) // per_page, 1)
    total_width = sum(max(c.width, 1) for c in table.columns) or 1
    widths = [page.width() * max(c.width, 1) / total_width for c in table.columns]
    grid = QPen(QColor("#808080"))
    grid.setWidthF(max(printer.resolution() / 150, 1.0))
    for number in range(pages):
        if number:
            printer.newPage()
        painter.setFont(title_font)
        painter.drawText(
            QRectF(0, 0, page.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            table.title,
        )
        painter.setFont(body)
        painter.drawText(
            QRectF(0, title_height, page.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(table.subtitle, Qt.TextElideMode.ElideRight, page.width()),
        )
        y = title_height + line
        painter.fillRect(QRectF(0, y, page.width(), line), QColor("#e6e6e6"))
        painter.setFont(bold)
        _row(painter, metrics, [c.title for c in table.columns], widths, y, line, pad, ())
        painter.setFont(body)
        rows = table.rows[number * per_page : (number + 1) * per_page]
        right = tuple(i for i, c in enumerate(table.columns) if c.right)
        for offset, values in enumerate(rows):
            _row(painter, metrics, values, widths, y + line * (offset + 1), line, pad, right)
        bottom = y + line * (len(rows) + 1)
        painter.setPen(grid)
        x = 0.0
        for width in [0.0, *widths]:
            x += width
            painter.drawLine(QPointF(x, y), QPointF(x, bottom))
        for index in range(len(rows) + 2):
            painter.drawLine(QPointF(0, y + line * index), QPointF(page.width(), y + line * index))
        painter.setPen(QPen(QColor("black")))
        foot = _tr("第 %1 页，共 %2 页").replace("%1", str(number + 1)).replace("%2", str(pages))
        painter.drawText(
            QRectF(0, page.height() - line, page.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            foot,
        )
    return pages


def _row(
    painter: QPainter,
    metrics: QFontMetricsF,
    values: Sequence[str],
    widths: Sequence[float],
    y: float,
    line: float,
    pad: float,
    right: Sequence[int],
) -> None:
    x = 0.0
    for index, (value, width) in enumerate(zip(values, widths, strict=False)):
        room = max(width - 2 * pad, 1.0)
        text = metrics.elidedText(str(value), Qt.TextElideMode.ElideRight, room)
        align = Qt.AlignmentFlag.AlignRight if index in right else Qt.AlignmentFlag.AlignLeft
        painter.drawText(
            QRectF(x + pad, y, room, line), align | Qt.AlignmentFlag.AlignVCenter, text
        )
        x += width
