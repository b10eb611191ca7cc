"""The attachment drop zone: a dropped file is stored encrypted and listed; a large file can be
cancelled midway and leaves nothing in the store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.editors import attachments_field
from ui.editors.attachments_field import AttachmentDropZone
from ui.tasks import Tasks
from ui.uploads import Upload
from workbench.services.attachments import list_attachments
from workbench.workspace import Workspace


@pytest.fixture
def tasks(workspace: Workspace) -> Iterator[Tasks]:
    t = Tasks(workspace)
    yield t
    t.shutdown()


def _drop(zone: AttachmentDropZone, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(zone.width() // 2, 10)
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(zone, drop)
    assert drop.isAccepted()


def _stored_names(workspace: Workspace) -> list[str]:
    return [a.name for a in workspace.read(lambda s: list_attachments(s, limit=1000).items)]


def test_a_dropped_file_is_stored_and_listed(
    qtbot: QtBot, workspace: Workspace, tasks: Tasks, tmp_path: Path
) -> None:
    zone = AttachmentDropZone(tasks)
    qtbot.addWidget(zone)
    zone.show()
    scan = tmp_path / "会议纪要扫描件.txt"
    scan.write_text("2026年5月12日党支部会议纪要", encoding="utf-8")
    with qtbot.waitSignal(zone.attached, timeout=10000) as blocker:
        _drop(zone, scan)
    info = blocker.args[0]
    assert info.name == "会议纪要扫描件.txt" and info.size == scan.stat().st_size
    assert zone.shas() == [info.sha256]
    assert "会议纪要扫描件.txt" in zone.files.item(0).text()
    stored = workspace.read(lambda s: list_attachments(s, name_contains="会议纪要扫描件").items)
    assert [a.sha256 for a in stored] == [info.sha256]
    # a restored draft names its files from the store
    other = AttachmentDropZone(tasks)
    qtbot.addWidget(other)
    other.set_shas([info.sha256])
    qtbot.waitUntil(lambda: "会议纪要扫描件.txt" in other.files.item(0).text(), timeout=10000)
    assert other.shas() == [info.sha256]


def test_a_large_file_cancelled_midway_leaves_no_attachment(
    qtbot: QtBot,
    workspace: Workspace,
    tasks: Tasks,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zone = AttachmentDropZone(tasks)
    qtbot.addWidget(zone)
    zone.show()
    big = tmp_path / "座谈会录像.mp4"
    with open(big, "wb") as f:  # 40 MB, sparse
        f.truncate(40 << 20)
    paused, resume = threading.Event(), threading.Event()

    report = Upload.__call__

    def hold_at_ten_percent(self: Upload, done: int, total: int | None, label: str = "") -> None:
        report(self, done, total, label)  # runs on the worker thread, mid-stream
        if self.percent >= 10 and not paused.is_set():
            paused.set()
            resume.wait(10)

    monkeypatch.setattr(Upload, "__call__", hold_at_ten_percent)

    errors: list[BaseException] = []
    monkeypatch.setattr(attachments_field, "show_error", lambda _parent, e: errors.append(e))
    upload = zone.add_file(big)
    qtbot.waitUntil(paused.is_set, timeout=10000)
    qtbot.waitUntil(zone.progress_row.isVisible, timeout=10000)
    qtbot.waitUntil(lambda: zone.progress.value() >= 10, timeout=10000)
    assert zone.progress.value() < 100
    zone.cancel_button.click()  # the user's cancel, while the file is half way in
    resume.set()
    qtbot.waitUntil(lambda: not zone.busy, timeout=10000)
    assert upload.cancel.cancelled and errors == []  # a cancel is not reported as an error
    assert zone.shas() == [] and not zone.progress_row.isVisible()
    assert "座谈会录像.mp4" not in _stored_names(workspace)
    staging = workspace.summary.directory / "blobs" / "staging"
    assert not staging.exists() or not any(staging.iterdir())
