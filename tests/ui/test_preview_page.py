"""The attachments page: previews from the store, the size cap, drag and drop with progress and
cancel, on the real encrypted demo store."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import ui.pages.attachments_page as attachments_page
from tests.ui.test_preview import has_ink, minimal_pdf
from ui.main_window import MainWindow
from ui.pages.attachments_page import AttachmentsPage
from workbench.workspace import Workspace


def open_page(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, AttachmentsPage]:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("attachments")
    page = window.pages["attachments"]
    assert isinstance(page, AttachmentsPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    return window, page


def select(qtbot: QtBot, window: MainWindow, page: AttachmentsPage, name: str) -> None:
    page.refresh()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    names = [getattr(page.model.view_at(r), "name", None) for r in range(page.model.rowCount())]
    page.table.selectRow(names.index(name))
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)


def file_urls(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime  # events do not own it: the caller keeps it alive


def test_a_stored_pdf_is_previewed(qtbot: QtBot, workspace: Workspace) -> None:
    pdf = minimal_pdf(["Minutes of the meeting"], pages=2)
    workspace.add_attachment(io.BytesIO(pdf), name="会议纪要.pdf", media_type="application/pdf")
    window, page = open_page(qtbot, workspace)
    select(qtbot, window, page, "会议纪要.pdf")
    qtbot.waitUntil(lambda: page.preview.kind == "pdf", timeout=10000)
    assert page.preview.page_count() == 2
    assert page.preview.title.text() == "会议纪要.pdf"
    qtbot.waitUntil(lambda: has_ink(page.preview), timeout=10000)
    window.close()


def test_unsupported_type_gets_the_export_hint_without_decrypting(
    qtbot: QtBot, workspace: Workspace
) -> None:
    workspace.add_attachment(
        io.BytesIO(b"PK\x03\x04"), name="台账.xlsx", media_type="application/vnd.ms-excel"
    )
    window, page = open_page(qtbot, workspace)
    select(qtbot, window, page, "台账.xlsx")
    assert page.preview.kind == "message"
    assert "此类型不能预览" in page.preview.message.text()
    window.close()


def test_over_the_size_cap_is_refused_with_a_message(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attachments_page, "PREVIEW_LIMIT", 1 << 10)
    body = ("谈话记录" * 400).encode()  # 4.8 KB, over the 1 KB cap set above
    workspace.add_attachment(io.BytesIO(body), name="长记录.txt", media_type="text/plain")
    window, page = open_page(qtbot, workspace)
    select(qtbot, window, page, "长记录.txt")
    assert page.preview.kind == "message"
    assert page.preview.message.text().startswith("附件大于 1.0 KB，不能预览")
    assert page.preview.text.toPlainText() == ""
    window.close()


def test_dropping_files_adds_them(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window, page = open_page(qtbot, workspace)
    before = page.model.total
    files = [tmp_path / "走访记录.txt", tmp_path / "现场.pdf"]
    files[0].write_text("走访了三户群众", encoding="utf-8")
    files[1].write_bytes(minimal_pdf(["visit"]))
    dragged = file_urls(files)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, dragged, buttons, keys)
    enter.ignore()
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    dropped = file_urls([*files, tmp_path])  # a folder among them is skipped
    page.dropEvent(QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, dropped, buttons, keys))
    qtbot.waitUntil(lambda: page.model.total == before + 2, timeout=10000)
    select(qtbot, window, page, "现场.pdf")
    qtbot.waitUntil(lambda: page.preview.kind == "pdf", timeout=10000)
    window.close()


def _hold_worker(window: MainWindow) -> threading.Event:
    """Keep the DB worker busy until the returned event is set: what is queued next waits."""
    release = threading.Event()
    window.tasks.run_on_worker(lambda _worker: release.wait(10))
    return release


def test_adding_a_large_file_reports_progress(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window, page = open_page(qtbot, workspace)
    before = page.model.total
    big = tmp_path / "录音.m4a"
    big.write_bytes(bytes(range(256)) * (5 * 4096))  # 5 MiB: five chunks
    release = _hold_worker(window)
    upload = page.add_file(big)
    progress = page.findChild(QProgressDialog)
    assert progress is not None and progress.maximum() == 100
    release.set()
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=20000)
    seen = upload.percents
    assert seen[-1] == 100 and len(seen) >= 3 and seen == sorted(seen)
    qtbot.waitUntil(lambda: page.findChild(QProgressDialog) is None, timeout=10000)  # deleted
    window.close()


def test_cancelling_an_add_stores_nothing_and_shows_no_error(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[BaseException] = []
    monkeypatch.setattr(attachments_page, "show_error", lambda _parent, e: errors.append(e))
    window, page = open_page(qtbot, workspace)
    before = page.model.total
    big = tmp_path / "录像.mp4"
    big.write_bytes(b"\x5a" * (3 << 20))
    release = _hold_worker(window)
    upload = page.add_file(big)
    progress = page.findChild(QProgressDialog)
    assert progress is not None
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None
    cancel_button.click()
    assert upload.cancel.cancelled
    release.set()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    page.refresh()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    assert page.model.total == before
    assert errors == []
    window.close()
