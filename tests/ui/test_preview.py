"""The attachment preview: images, PDFs (pdfium, from memory), text, and a message for the rest."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ui.widgets.preview import (
    PDF_MARGIN,
    PDF_MAX_PIXELS,
    AttachmentPreview,
    decode_text,
    preview_kind,
)


def minimal_pdf(lines: list[str], pages: int = 1, title: str = "") -> bytes:
    """A valid PDF written by hand: uncompressed content streams in Helvetica, so the text is
    in the file's bytes as written (tests look for it on disk)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font = 3 + 2 * pages
    for i in range(pages):
        shown = [f"({line}) '" for line in [*lines, f"page {i + 1}"]]
        content = "\n".join(["BT /F1 20 Tf 72 720 Td 26 TL", *shown, "ET"]).encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(f"<< /Title ({title}) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root 1 0 R /Info %d 0 R >>" % (len(objects) + 1, len(objects))
    out += b"trailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def png_bytes(width: int, height: int, comment: str = "") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    if comment:
        image.setText("Comment", comment)  # a tEXt chunk: stored as written
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def has_ink(widget: AttachmentPreview) -> bool:
    """Whether the pane shows dark pixels (rendered text), not just a blank page."""
    image = widget.image_area.grab().toImage()
    return any(
        image.pixelColor(x, y).lightness() < 100
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def make_preview(qtbot: QtBot) -> AttachmentPreview:
    preview = AttachmentPreview()
    qtbot.addWidget(preview)
    preview.resize(480, 420)
    preview.show()
    return preview


def test_kinds_come_from_the_type_and_the_name() -> None:
    assert preview_kind("image/png", "a.png") == "image"
    assert preview_kind("image/x-unknown-format", "a.xyz") == ""
    assert preview_kind("application/pdf", "a.pdf") == "pdf"
    assert preview_kind("application/octet-stream", "会议纪要.PDF") == "pdf"
    assert preview_kind("text/plain; charset=utf-8", "a.txt") == "text"
    assert preview_kind("application/octet-stream", "名单.csv") == "text"
    assert preview_kind("application/vnd.ms-excel", "台账.xls") == ""


def test_text_decodes_as_utf8_or_gb18030_and_refuses_binary() -> None:
    words = "谈话要点：村集体资金"
    assert decode_text(words.encode("utf-8")) == words
    assert decode_text(b"\xef\xbb\xbf" + words.encode("utf-8")) == words
    assert decode_text(words.encode("gb18030")) == words
    assert decode_text(b"PK\x03\x04\x00\x00binary") is None


def test_image_fits_the_pane_and_zooms(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(png_bytes(1600, 1200), "image/png", "现场照片.png")
    assert preview.kind == "image"
    fitted = preview.pixmap().width()
    assert 0 < fitted <= preview.image_area.viewport().width()
    assert preview.zoom_factor() < 1
    preview.zoom_in()
    assert abs(preview.pixmap().width() - 1600 * preview.zoom_factor()) <= 1
    assert preview.pixmap().width() > fitted
    preview.zoom_out()
    preview.zoom_out()
    assert preview.pixmap().width() < fitted
    preview.fit()
    assert preview.pixmap().width() == fitted
    assert preview.zoom_in_button.isVisible() and not preview.next_button.isVisible()


def test_small_image_stays_at_its_own_size(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(png_bytes(64, 48), "image/png", "小图.png")
    assert (preview.pixmap().width(), preview.pixmap().height()) == (64, 48)


def test_pdf_renders_from_memory_with_pages_and_zoom(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(minimal_pdf(["Inspection minutes"], pages=3), "application/pdf", "纪要.pdf")
    assert preview.kind == "pdf"
    assert preview.page_count() == 3
    assert preview.page_label.text() == "第 1 / 3 页"
    assert not preview.prev_button.isEnabled() and preview.next_button.isEnabled()
    assert preview.zoom_in_button.isVisible() and preview.next_button.isVisible()
    qtbot.waitUntil(lambda: has_ink(preview), timeout=10000)
    first = preview.pixmap().toImage()
    preview.next_button.click()
    preview.next_button.click()
    assert preview.current_page() == 2
    assert preview.page_label.text() == "第 3 / 3 页"
    assert preview.prev_button.isEnabled() and not preview.next_button.isEnabled()
    assert preview.pixmap().toImage() != first  # "page 3" is drawn, not "page 1"
    preview.prev_button.click()
    assert preview.current_page() == 1 and preview.page_label.text() == "第 2 / 3 页"


def page_width(preview: AttachmentPreview) -> float:
    """The rendered page's width on screen, in logical pixels."""
    pixmap = preview.pixmap()
    return pixmap.width() / pixmap.devicePixelRatio()


def test_pdf_fits_the_width_and_zooms(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(minimal_pdf(["Inspection minutes"]), "application/pdf", "纪要.pdf")
    assert preview.fitting()
    fitted = preview.zoom_factor()
    # the page is taller than the pane: the scroll bar it brings is accounted for
    qtbot.waitUntil(preview.image_area.verticalScrollBar().isVisible, timeout=10000)
    room = preview.image_area.viewport().width()
    # the page fills the width, less the grey margin; no horizontal scrolling
    assert room - 2 * PDF_MARGIN - 2 <= page_width(preview) <= room - 2 * PDF_MARGIN
    assert preview.image_area.horizontalScrollBar().maximum() == 0
    preview.zoom_in()
    assert not preview.fitting()
    assert abs(preview.zoom_factor() - fitted * 1.25) < 1e-6
    assert abs(page_width(preview) - 612 * preview.logicalDpiX() / 72 * fitted * 1.25) <= 1
    preview.zoom_out()
    preview.zoom_out()
    assert page_width(preview) < room - 2 * PDF_MARGIN - 2
    preview.fit()
    assert preview.fitting() and abs(preview.zoom_factor() - fitted) < 1e-6
    preview.resize(640, 420)  # a fitted page follows the pane once resizing pauses
    qtbot.waitUntil(lambda: page_width(preview) > room, timeout=10000)


def test_pdf_zoom_is_capped_by_the_rendered_size(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(minimal_pdf(["big"]), "application/pdf", "纪要.pdf")
    for _ in range(30):
        preview.zoom_in()
    pixmap = preview.pixmap()
    assert pixmap.width() * pixmap.height() <= PDF_MAX_PIXELS


def test_next_attachment_releases_the_pdf(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(minimal_pdf(["one"], pages=2), "application/pdf", "a.pdf")
    document = preview._open_pdf.document
    assert document is not None and preview.page_count() == 2
    preview.show_data("正文".encode(), "text/plain", "b.txt")
    assert preview.kind == "text"
    assert preview.page_count() == 0 and preview._open_pdf.document is None
    assert document.raw is None  # closed: pdfium's copy of the decrypted PDF is freed
    preview.show_data(minimal_pdf(["two"]), "application/pdf", "c.pdf")
    preview.clear()  # what the page does on lock
    assert preview.page_count() == 0 and preview.pixmap().isNull()


def test_text_shows_decoded(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    body = "谈话要点：\n一、村集体资金管理情况\n"
    preview.show_data(body.encode("gb18030"), "text/plain", "谈话要点.txt")
    assert preview.kind == "text"
    assert preview.text.toPlainText() == body
    assert not preview.zoom_in_button.isVisible()


def test_other_types_and_broken_files_get_a_message(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.show_data(b"PK\x03\x04 spreadsheet", "application/vnd.ms-excel", "台账.xls")
    assert preview.kind == "message"
    assert preview.message.text() == "此类型不能预览，可导出后用其他程序打开（导出的文件不加密）"
    assert preview.title.text() == "台账.xls"
    preview.show_data(b"%PDF-1.4 truncated", "application/pdf", "坏.pdf")
    assert preview.kind == "message" and "PDF" in preview.message.text()
    preview.show_data(b"not a png", "image/png", "坏.png")
    assert preview.kind == "message" and "图片" in preview.message.text()
    preview.show_data(b"\x00\x01\x02", "text/plain", "坏.txt")
    assert preview.kind == "message" and "编码" in preview.message.text()
    assert preview.message.alignment() & Qt.AlignmentFlag.AlignCenter
