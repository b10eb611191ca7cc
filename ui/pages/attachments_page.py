"""附件: the store's evidence files, added by button or drop with progress, previewed from memory
(images, PDFs, text) and never from a plaintext file; exported only on the user's choice."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QSplitter, QWidget

from ui.errors import error_text, show_error
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column, human_size
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from ui.uploads import Upload
from ui.widgets.preview import AttachmentPreview, preview_kind, unsupported_message
from workbench.errors import Cancelled
from workbench.services.attachments import list_attachments

PREVIEW_LIMIT = 32 << 20


def _size(view: Any) -> str:
    return human_size(view.size)


def _kinds() -> dict[str, str]:
    """Media type (or its family, before the "/") → what people call such a file."""
    word, excel, slides, archive = (
        _tr("Word 文档"),
        _tr("Excel 表格"),
        _tr("演示文稿"),
        _tr("压缩包"),
    )
    office = "application/vnd.openxmlformats-officedocument"
    return {
        "application/pdf": _tr("PDF 文档"),
        "application/ofd": _tr("OFD 文档"),
        "application/msword": word,
        f"{office}.wordprocessingml.document": word,
        "application/vnd.ms-excel": excel,
        f"{office}.spreadsheetml.sheet": excel,
        "application/vnd.ms-powerpoint": slides,
        f"{office}.presentationml.presentation": slides,
        "application/zip": archive,
        "application/x-7z-compressed": archive,
        "application/vnd.rar": archive,
        "image": _tr("图片"),
        "text": _tr("文本"),
        "audio": _tr("音频"),
        "video": _tr("视频"),
    }


def file_kind(view: Any) -> str:
    """PDF 文档, Word 文档, 图片…: the file's type in words, by its media type or name."""
    media = (view.media_type or "").lower()
    if media in ("", "application/octet-stream"):
        media = (mimetypes.guess_type(view.name)[0] or "").lower()
    kinds = _kinds()
    return kinds.get(media) or kinds.get(media.split("/")[0]) or _tr("其他文件")


def belongs_to(view: Any) -> str:
    """信访件 XF-2026-0001、问题底稿 DG-2026-0003: the records that refer to the file."""
    return _tr("、").join(f"{core_text(use.label)} {use.name}".strip() for use in view.used_by)


def _describe(view: Any) -> str:
    return "\n".join(
        [
            _tr("名称：") + view.name,
            _tr("类型：")
            + _tr("%1（%2）").replace("%1", file_kind(view)).replace("%2", view.media_type),
            _tr("大小：") + _size(view),
            _tr("所属记录：") + (belongs_to(view) or _tr("（未关联记录）")),
            _tr("SHA-256：") + view.sha256,
        ]
    )


def _config() -> dict[str, Any]:
    return {
        "page_key": "attachments",
        "title": _tr("附件"),
        "columns": [
            Column("name", _tr("名称"), 220, sort_key="name"),
            Column("used_by", _tr("所属记录"), 170, render=belongs_to),
            Column("media_type", _tr("类型"), 80, render=file_kind, sort_key="media_type"),
            Column("size", _tr("大小"), 70, render=_size, sort_key="size"),
            Column("created_at", _tr("加入时间"), 130, sort_key="created_at"),
        ],
        "date_label": _tr("加入日期"),
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
        self.preview = AttachmentPreview()
        self._previewing: str | None = None  # sha256 of the attachment the preview waits for
        self._place_preview()
        self.add_action(self.tr("加入附件…"), self.choose_files, "add_attachment")
        self.add_action(self.tr("导出…"), self.export_current, "export_attachment")
        self.record_selected.connect(self._preview)
        self.setAcceptDrops(True)

    def _place_preview(self) -> None:
        """The preview takes the right side, full height: documents are tall."""
        lists = self.detail.parentWidget()
        assert isinstance(lists, QSplitter)
        layout = self.layout()
        assert layout is not None
        sides = QSplitter(Qt.Orientation.Horizontal)
        layout.replaceWidget(lists, sides)
        sides.addWidget(lists)
        sides.addWidget(self.preview)
        sides.setStretchFactor(0, 3)
        sides.setStretchFactor(1, 2)
        sides.setSizes([700, 420])  # the list's columns fit beside the preview at 1366×768

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要加入的文件"))
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> Upload:
        """Stream the file into the store on the worker, with a cancellable progress dialog."""
        size = path.stat().st_size
        progress = QProgressDialog(
            self.tr("正在加密保存：%1").replace("%1", path.name), self.tr("取消"), 0, 100, self
        )
        progress.setMinimumDuration(600)  # shown only when slow
        progress.setAutoClose(False)  # closed when the worker is done, not at 100 %
        upload = Upload()
        cancel = upload.cancel
        progress.canceled.connect(lambda: cancel.cancel())  # held strongly, freed on this thread
        ticker = QTimer(progress)
        ticker.setInterval(100)
        ticker.timeout.connect(
            lambda: progress.setValue(upload.percents[-1]) if upload.percents else None
        )
        ticker.start()
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"

        def work(worker: Any) -> Any:
            with open(path, "rb") as source:
                return worker.workspace.add_attachment(
                    source,
                    name=path.name,
                    media_type=media,
                    size_hint=size,
                    progress=upload,
                    cancel=cancel,
                )

        def finish() -> None:
            ticker.stop()
            progress.close()
            progress.deleteLater()

        def done(_info: Any) -> None:
            finish()
            self.refresh()

        def failed(error: BaseException) -> None:
            finish()
            if not isinstance(error, Cancelled):  # the user asked for it: nothing to report
                show_error(self, error)

        self.tasks.run_on_worker(work, done, failed)
        return upload

    def export_current(self) -> None:
        """Write the selected attachment out as a plain file: the user's explicit choice."""
        view = self.current_view()
        if view is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出附件（导出的文件不加密）"), view.name
        )
        if target:
            sha = view.sha256
            self.tasks.run_on_worker(
                lambda worker: worker.workspace.export_attachment(sha, Path(target))
            )

    def _preview(self, view: Any) -> None:
        self._previewing = None
        if view is None:
            self.preview.clear()
            return
        if not preview_kind(view.media_type, view.name):
            self.preview.show_message(unsupported_message(), view.name)
            return
        if view.size > PREVIEW_LIMIT:
            text = self.tr("附件大于 %1，不能预览，可导出后用其他程序打开（导出的文件不加密）")
            self.preview.show_message(text.replace("%1", human_size(PREVIEW_LIMIT)), view.name)
            return
        self.preview.show_message(self.tr("正在解密预览…"), view.name)
        sha, media, name = view.sha256, view.media_type, view.name
        self._previewing = sha

        def shown(data: bytes) -> None:
            if self._previewing == sha:  # the user may have moved on meanwhile
                self.preview.show_data(data, media, name)

        def failed(error: BaseException) -> None:
            if self._previewing == sha:
                self.preview.show_message(error_text(error), name)

        self.tasks.run_on_worker(
            lambda worker: worker.workspace.attachment_bytes(sha, max_bytes=PREVIEW_LIMIT),
            shown,
            failed,
        )

    def clear(self) -> None:
        super().clear()
        self._previewing = None
        self.preview.clear()  # nothing decrypted stays on screen while locked

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [path for path in files if path.is_file()]
        for path in files:
            self.add_file(path)
        if files:
            event.acceptProposedAction()
