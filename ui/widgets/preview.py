"""Attachment preview from memory: images, PDFs and plain text, never a plaintext file on disk.

The caller hands over the decrypted bytes. Images decode with QImage; PDFs open in pypdfium2 from
the bytes (pdfium reads them in memory, no temp file) and one page at a time is rendered to a QImage
shown in the same scroll view as images; text decodes as UTF-8 or GB18030. Anything else gets a
message pointing to the export, which is the user's explicit choice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr as _tr

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.05, 8.0)
TEXT_CHARS = 1_000_000  # a longer text shows its beginning: QPlainTextEdit slows past this
TEXT_SUFFIXES = {".txt", ".csv", ".md", ".json", ".log", ".xml", ".ini", ".yaml", ".yml"}
TEXT_TYPES = {"application/json", "application/xml", "application/csv"}
PDF_MAX_PIXELS = 30_000_000  # one rendered page at most (120 MB as RGBX): caps the PDF zoom
PDF_MARGIN = 8  # grey around the page, so a white page stands out from the pane
PDF_BACKGROUND = "background: #8a8a8a;"


def preview_kind(media_type: str, name: str = "") -> str:
    """What kind of preview a type can have: "image", "pdf", "text", or "" (none)."""
    suffix = PurePath(name).suffix.lower()
    media_type = media_type.split(";")[0].strip().lower()  # "text/plain; charset=utf-8"
    if media_type == "application/pdf" or suffix == ".pdf":
        return "pdf"
    if media_type.startswith("image/"):
        readable = {bytes(t.data()).decode() for t in QImageReader.supportedMimeTypes()}
        return "image" if media_type in readable else ""
    if media_type.startswith("text/") or media_type in TEXT_TYPES or suffix in TEXT_SUFFIXES:
        return "text"
    return ""


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else GB18030; None for binary data or another encoding."""
    if b"\x00" in data[:8192]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def unsupported_message() -> str:
    return _tr("此类型不能预览，可导出后用其他程序打开（导出的文件不加密）")


class _OpenPdf:
    """The PDF document on screen, kept apart from the widget so that the widget's deletion
    can close it (a slot on the widget itself would no longer run then)."""

    def __init__(self) -> None:
        self.document: pdfium.PdfDocument | None = None

    def close(self) -> None:
        if self.document is not None:
            self.document.close()  # frees pdfium's document and drops the decrypted bytes
            self.document = None


class AttachmentPreview(QWidget):
    """One pane that shows whichever kind the bytes are; ``kind`` says which is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_preview")
        self.kind = ""  # "", "message", "image", "pdf", "text"
        self._image = QImage()
        self._zoom: float | None = None  # None: fit the pane (a PDF: fit its width)
        self.pdf_fit_page = False  # a PDF fits its whole page, not its width (a document's preview)
        self._open_pdf = _OpenPdf()  # holds the decrypted bytes while shown
        self.destroyed.connect(self._open_pdf.close)
        self._page = 0
        self._page_count = 0
        self._page_size = (0.0, 0.0)  # the current page in points

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # a long file name must not widen the pane: it is cut, the tooltip has all of it
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.page_label = QLabel()
        self.page_label.setObjectName("preview_page")
        self.prev_button = self._button(self.tr("上一页"), "preview_prev", lambda: self._turn(-1))
        self.next_button = self._button(self.tr("下一页"), "preview_next", lambda: self._turn(1))
        self.zoom_out_button = self._button(self.tr("缩小"), "preview_zoom_out", self.zoom_out)
        self.zoom_in_button = self._button(self.tr("放大"), "preview_zoom_in", self.zoom_in)
        self.fit_button = self._button(self.tr("适合窗口"), "preview_fit", self.fit)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title, 1)
        for widget in (
            self.page_label,
            self.prev_button,
            self.next_button,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
        ):
            bar.addWidget(widget)

        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #666; padding: 12px;")
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setObjectName("preview_image")
        self.image_area.setWidgetResizable(True)
        self.image_area.setWidget(self.image_label)
        self.text = QPlainTextEdit()
        self.text.setObjectName("preview_text")
        self.text.setReadOnly(True)
        self.stack = QStackedWidget()
        for pane in (self.message, self.image_area, self.text):
            self.stack.addWidget(pane)
        # a fitted page is rendered again once resizing pauses, not at every step of a drag
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(40)
        self._refit_timer.timeout.connect(self._refit)
        # the bar above grows when the page buttons appear: a whole page is fitted again then
        self.image_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.clear()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- what is shown ---------------------------------------------------------------------

    def clear(self) -> None:
        """Show nothing and let go of the previous content (the PDF document, the image)."""
        self.show_message(self.tr("选择一个附件即可在此预览。"))
        self.kind = ""

    def show_message(self, text: str, title: str = "") -> None:
        self._release()
        self.kind = "message"
        self._set_title(title)
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._show_controls()

    def show_data(self, data: bytes, media_type: str, name: str) -> None:
        """Preview ``data`` (the attachment's plaintext, in memory) by its type and name."""
        kind = preview_kind(media_type, name)
        if data.startswith(b"%PDF-"):
            kind = "pdf"  # a PDF stored under a generic type
        shown = False
        if kind == "image":
            shown = self._show_image(data)
        elif kind == "pdf":
            shown = self._show_pdf(data)
        elif kind == "text":
            shown = self._show_text(data)
        if not shown:
            reason = unsupported_message() if not kind else self._unreadable(kind)
            self.show_message(reason, name)
            return
        self._set_title(name)
        self._show_controls()

    def _set_title(self, name: str) -> None:
        self.title.setText(name)
        self.title.setToolTip(name)

    def _unreadable(self, kind: str) -> str:
        if kind == "pdf":
            return self.tr("PDF 文件已损坏或有密码保护，不能预览，可导出后用其他程序打开")
        if kind == "text":
            return self.tr("无法识别此文本的编码（支持 UTF-8 和 GB18030），可导出后用其他程序打开")
        return self.tr("图片已损坏或格式不受支持，可导出后用其他程序打开")

    def _show_image(self, data: bytes) -> bool:
        image = QImage.fromData(data)
        if image.isNull():
            return False
        self._release()
        self.kind = "image"
        self._image = image
        self._zoom = None
        self.stack.setCurrentWidget(self.image_area)
        self._render_image()
        return True

    def _show_pdf(self, data: bytes) -> bool:
        self._release()
        try:
            # from the bytes in memory: pdfium never sees a path, nothing is written out
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:  # broken, empty or protected by a password
            return False
        self._open_pdf.document = document
        self._page_count = len(document)
        self.kind = "pdf"
        self._zoom = None
        self.image_label.setStyleSheet(PDF_BACKGROUND)
        self.image_label.setContentsMargins(PDF_MARGIN, PDF_MARGIN, PDF_MARGIN, PDF_MARGIN)
        self.stack.setCurrentWidget(self.image_area)
        if not self._go_to_page(0):
            self._release()
            self.kind = ""
            return False
        return True

    def _show_text(self, data: bytes) -> bool:
        text = decode_text(data)
        if text is None:
            return False
        self._release()
        self.kind = "text"
        if len(text) > TEXT_CHARS:
            note = self.tr("（仅显示前 %1 个字符，完整内容请导出后查看）")
            text = text[:TEXT_CHARS] + "\n\n" + note.replace("%1", f"{TEXT_CHARS:,}")
        self.text.setPlainText(text)
        self.stack.setCurrentWidget(self.text)
        return True

    def _release(self) -> None:
        self._refit_timer.stop()
        self._image = QImage()
        self.image_label.clear()
        self.image_label.setStyleSheet("")
        self.image_label.setContentsMargins(0, 0, 0, 0)
        self.text.clear()
        self._open_pdf.close()
        self._page = self._page_count = 0
        self._page_size = (0.0, 0.0)

    def pixmap(self) -> QPixmap:
        """The image or PDF page on screen at its current zoom (null for other kinds)."""
        return self.image_label.pixmap() if self.kind in ("image", "pdf") else QPixmap()

    def _show_controls(self) -> None:
        zoomable = self.kind in ("image", "pdf")
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setVisible(zoomable)
        for widget in (self.page_label, self.prev_button, self.next_button):
            widget.setVisible(self.kind == "pdf")

    # -- zoom and pages --------------------------------------------------------------------

    def zoom_factor(self) -> float:
        """The scale on screen now (1.0 = actual size), also while fitting the pane."""
        if self.kind == "image":
            return self._zoom if self._zoom is not None else self._image_fit_factor()
        if self.kind == "pdf":
            return self._zoom if self._zoom is not None else self._pdf_fit_factor()
        return 1.0

    def fitting(self) -> bool:
        """Whether the content follows the pane's size (an image fits it, a PDF its width)."""
        return self.kind in ("image", "pdf") and self._zoom is None

    def zoom_in(self) -> None:
        self._set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.zoom_factor() / ZOOM_STEP)

    def fit(self) -> None:
        if self.kind == "image":
            self._zoom = None
            self._render_image()
        elif self.kind == "pdf":
            self._zoom = None
            self._rezoom_pdf()

    def _set_zoom(self, factor: float) -> None:
        factor = min(max(factor, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if self.kind == "image":
            self._zoom = factor
            self._render_image()
        elif self.kind == "pdf":
            self._zoom = min(factor, self._pdf_zoom_cap())
            self._rezoom_pdf()

    def _rezoom_pdf(self) -> None:
        """Render at the new zoom and keep the same place of the page in view: the scroll bars
        keep their relative position once the scroll area has laid out the new size."""
        bars = (self.image_area.horizontalScrollBar(), self.image_area.verticalScrollBar())
        where = [bar.value() / bar.maximum() if bar.maximum() else 0.0 for bar in bars]
        self._render_pdf()

        def restore() -> None:
            for bar, fraction in zip(bars, where, strict=True):
                bar.setValue(round(fraction * bar.maximum()))

        QTimer.singleShot(0, restore)

    def _image_fit_factor(self) -> float:
        if self._image.isNull():
            return 1.0
        room = self.image_area.viewport().size()
        scale = min(room.width() / self._image.width(), room.height() / self._image.height())
        return min(1.0, scale)  # small images stay sharp at their own size

    def _pixels_per_point(self) -> float:
        return self.logicalDpiX() / 72

    def _pdf_fit_factor(self) -> float:
        """The zoom at which the page's width fills the pane, less the vertical scroll bar
        when the page is then taller than the pane (it is, for portrait pages)."""
        width, height = self._page_size
        if width <= 0:
            return 1.0
        room = self.image_area.maximumViewportSize()  # the viewport without scroll bars
        per_point = self._pixels_per_point()
        if self.pdf_fit_page:
            across = (room.width() - 2 * PDF_MARGIN - 0.01) / (width * per_point)
            down = (room.height() - 2 * PDF_MARGIN - 0.01) / (height * per_point)
            return max(ZOOM_RANGE[0], min(across, down))
        usable = room.width() - 2 * PDF_MARGIN
        if height * usable / width + 2 * PDF_MARGIN > room.height():
            usable -= self.image_area.verticalScrollBar().sizeHint().width()
        # a hair less: pdfium rounds the bitmap's size up, a pixel more would scroll sideways
        return max(ZOOM_RANGE[0], (usable - 0.01) / (width * per_point))

    def _pdf_zoom_cap(self) -> float:
        """The largest zoom whose rendering of the current page stays under PDF_MAX_PIXELS."""
        width, height = self._page_size
        dots = (self._pixels_per_point() * self.devicePixelRatioF()) ** 2 * width * height
        # 0.999: pdfium rounds each side of the bitmap up to a whole pixel
        return 0.999 * (PDF_MAX_PIXELS / dots) ** 0.5 if dots > 0 else ZOOM_RANGE[1]

    def _render_image(self) -> None:
        if self._image.isNull():
            return
        factor = self.zoom_factor()
        size = QSize(
            max(1, round(self._image.width() * factor)),
            max(1, round(self._image.height() * factor)),
        )
        scaled = self._image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.image_label.setPixmap(QPixmap.fromImage(scaled))

    def _render_pdf(self) -> bool:
        """Render the current page at the zoom on screen, in device pixels (sharp on HiDPI).
        One page at screen resolution takes milliseconds, so it is done here, synchronously."""
        document = self._open_pdf.document
        if document is None:
            return False
        ratio = self.devicePixelRatioF()
        factor = min(self.zoom_factor(), self._pdf_zoom_cap())
        page = document[self._page]
        try:
            bitmap = page.render(
                scale=factor * self._pixels_per_point() * ratio,
                force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
                rev_byteorder=True,  # bytes R, G, B, x: QImage's RGBX8888 on any byte order
            )
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()  # QImage only borrowed the buffer: own the pixels before it is freed
            finally:
                bitmap.close()
        except pdfium.PdfiumError:
            return False
        finally:
            page.close()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.image_label.setPixmap(pixmap)
        return True

    def _go_to_page(self, index: int) -> bool:
        document = self._open_pdf.document
        if document is None:
            return False
        self._page = min(max(index, 0), self._page_count - 1)
        self._page_size = document.get_page_size(self._page)
        rendered = self._render_pdf()
        self.image_area.verticalScrollBar().setValue(0)  # a new page is read from its top
        self._show_page_number(self._page)
        return rendered

    def _turn(self, step: int) -> None:
        if self.kind == "pdf":
            self._go_to_page(self._page + step)

    def current_page(self) -> int:
        return self._page

    def page_count(self) -> int:
        """The pages of the PDF shown; 0 when none is (a closed document is not counted)."""
        return self._page_count if self._open_pdf.document is not None else 0

    def _show_page_number(self, page: int) -> None:
        count = self._page_count
        self.page_label.setText(
            self.tr("第 %1 / %2 页").replace("%1", str(page + 1)).replace("%2", str(count))
        )
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < count - 1)

    def _refit(self) -> None:
        if self.kind == "pdf" and self._zoom is None:
            self._render_pdf()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.Resize
            and self.pdf_fit_page
            and self.kind == "pdf"
            and self._zoom is None
        ):
            self._refit_timer.start()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.kind == "image" and self._zoom is None:
            self._render_image()
        elif self.kind == "pdf" and self._zoom is None:
            self._refit_timer.start()
