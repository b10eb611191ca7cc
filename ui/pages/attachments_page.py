"""附件: the store's evidence files; images previewed from memory, never from a plaintext file."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressDialog, QWidget

from ui.errors import show_error
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from workbench.jobs import CancelToken
from workbench.services.attachments import list_attachments

PREVIEW_LIMIT = 32 << 20


def _size(view: Any) -> str:
    size = float(view.size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def _describe(view: Any) -> str:
    return "\n".join(
        [
            _tr("名称：") + view.name,
            _tr("类型：") + view.media_type,
            _tr("大小：") + _size(view),
            "SHA-256：" + view.sha256,
        ]
    )


def _config() -> dict[str, Any]:
    return {
        "page_key": "attachments",
        "title": _tr("附件"),
        "columns": [
            Column("name", _tr("名称"), 320),
            Column("media_type", _tr("类型"), 160),
            Column("size", _tr("大小"), 90, render=_size),
            Column("created_at", _tr("加入时间"), 140),
        ],
        "filters": [],
        "list_service": list_attachments,
        "describe": _describe,
    }


class AttachmentsPage(RecordListPage):
    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        # attachments belong to the store, not to a round: the round scope does not apply
        super().__init__(tasks, scope=dict, parent=parent, **_config())
        del scope
        self.preview = QLabel()
        self.preview.setObjectName("attachment_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.preview)
        self.add_action(self.tr("加入附件…"), self.choose_files, "add_attachment")
        self.record_selected.connect(self._preview)
        self.setAcceptDrops(True)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要加入的文件"))
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> None:
        """Stream the file into the store on the worker, with a cancellable progress dialog."""
        size = path.stat().st_size
        progress = QProgressDialog(
            self.tr("正在加密保存：%1").replace("%1", path.name), self.tr("取消"), 0, 100, self
        )
        progress.setMinimumDuration(600)  # shown only when slow
        cancel = CancelToken()
        progress.canceled.connect(cancel.cancel)
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"

        def work(worker: Any) -> Any:
            with open(path, "rb") as source:
                return worker.workspace.add_attachment(
                    source, name=path.name, media_type=media, size_hint=size, cancel=cancel
                )

        def done(_info: Any) -> None:
            progress.close()
            self.refresh()

        def failed(error: BaseException) -> None:
            progress.close()
            show_error(self, error)

        self.tasks.run_on_worker(work, done, failed)

    def _preview(self, view: Any) -> None:
        self.preview.clear()
        if view is None or not view.media_type.startswith("image/") or view.size > PREVIEW_LIMIT:
            return
        sha = view.sha256
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.attachment_bytes(sha, max_bytes=PREVIEW_LIMIT),
            self._show_image,
        )

    def _show_image(self, data: bytes) -> None:
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self.preview.setPixmap(
                pixmap.scaled(
                    480,
                    240,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                self.add_file(Path(url.toLocalFile()))
