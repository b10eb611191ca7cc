"""Files for a record, added by drag and drop or a button and streamed into the encrypted store.

Each file is encrypted on the DB worker (in order with the units of work) with a progress bar
that can be cancelled; a cancelled or refused file leaves nothing in the store. The zone lists
what was added (name, size) and gives the attachments' SHA-256 for the record to link.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.errors import show_error
from ui.models.record_table_model import human_size
from ui.tasks import Tasks
from ui.uploads import Upload
from workbench.errors import Cancelled
from workbench.services import Session
from workbench.services.attachments import get_attachments

_IDLE_STYLE = "#drop_zone { border: 2px dashed #9aa5b1; border-radius: 6px; }"
_HOVER_STYLE = "#drop_zone { border: 2px dashed #2f6fb0; border-radius: 6px; background: #eef4fb; }"


def attachment_infos(session: Session, shas: list[str]) -> dict[str, Any]:
    """The AttachmentInfo of each wanted SHA-256 that is in the store."""
    return dict(get_attachments(session, shas))


class AttachmentDropZone(QWidget):
    """Drop files here or choose them; ``attached`` carries each stored AttachmentInfo."""

    attached = Signal(object)
    changed = Signal()  # the list of SHA-256s changed (added or removed)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._shas: list[str] = []
        self._files: dict[str, tuple[str, int]] = {}  # sha → (name, size), for the list
        self._uploads: list[Upload] = []
        self._ticker = QTimer(self, interval=100)  # copies the worker's percent into the bar
        self._ticker.timeout.connect(self._tick)
        self.setAcceptDrops(True)

        self.frame = QFrame()
        self.frame.setObjectName("drop_zone")
        self.frame.setStyleSheet(_IDLE_STYLE)
        hint = QLabel(self.tr("将文件拖放到此处，或"))
        hint.setStyleSheet("color: #555; border: none;")
        self.add_button = QPushButton(self.tr("添加文件…"))
        self.add_button.setObjectName("add_files")
        self.add_button.clicked.connect(self.choose_files)
        row = QHBoxLayout(self.frame)
        row.setContentsMargins(12, 10, 12, 10)
        row.addStretch(1)
        row.addWidget(hint)
        row.addWidget(self.add_button)
        row.addStretch(1)

        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("attach_progress")
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancel_attach")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_row = QWidget()
        progress_layout = QHBoxLayout(self.progress_row)
        progress_layout.setContentsMargins(0, 0, 0, 0)
        progress_layout.addWidget(self.progress_label)
        progress_layout.addWidget(self.progress, 1)
        progress_layout.addWidget(self.cancel_button)
        self.progress_row.hide()

        self.files = QListWidget()
        self.files.setObjectName("attached_files")
        self.files.setMaximumHeight(110)
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.remove_button.setObjectName("remove_attachment")
        self.remove_button.setToolTip(self.tr("只解除与本记录的关联，附件仍保存在库中"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.files.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.files.selectedItems()))
        )

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.frame)
        column.addWidget(self.progress_row)
        column.addWidget(self.files)
        column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self._refresh_list()

    # -- values ----------------------------------------------------------------------------

    def shas(self) -> list[str]:
        return list(self._shas)

    def set_shas(self, shas: list[str]) -> None:
        """Show these attachments (a restored draft, an undo step); names come from the store."""
        if list(shas) == self._shas:
            return
        self._shas = list(dict.fromkeys(shas))
        self._refresh_list()
        unknown = [sha for sha in self._shas if sha not in self._files]
        if unknown:
            self.tasks.run(lambda s: attachment_infos(s, unknown), self._named)

    def _named(self, infos: dict[str, Any]) -> None:
        if not isValid(self):
            return
        for sha, info in infos.items():
            self._files[sha] = (info.name, info.size)
        self._refresh_list()

    def name_of(self, sha: str) -> str | None:
        """The file name of an attachment listed here (None while it is being looked up)."""
        known = self._files.get(sha)
        return known[0] if known else None

    def _refresh_list(self) -> None:
        self.files.clear()
        for sha in self._shas:
            known = self._files.get(sha)
            text = f"{known[0]}　{human_size(known[1])}" if known else sha[:12] + "…"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sha)
            item.setToolTip("SHA-256：" + sha)
            self.files.addItem(item)
        if not self._shas:
            empty = QListWidgetItem(self.tr("（尚未添加文件）"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.files.addItem(empty)

    def remove_selected(self) -> None:
        chosen = {i.data(Qt.ItemDataRole.UserRole) for i in self.files.selectedItems()}
        if chosen - {None}:
            self._shas = [sha for sha in self._shas if sha not in chosen]
            self._refresh_list()
            self.changed.emit()

    # -- adding files ----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._uploads)

    def current_upload(self) -> Upload | None:
        return self._uploads[0] if self._uploads else None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择要加入的文件"))
        for path in paths:
            self.add_file(Path(path))

    def add_file(self, path: Path) -> Upload:
        """Queue the file for the worker: read, encrypted and stored in a stream."""
        upload = Upload(path)
        self._uploads.append(upload)
        self._ticker.start()
        self._show_progress()
        size = path.stat().st_size
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"

        def work(worker: Any) -> Any:
            upload.cancel.raise_if_cancelled()  # cancelled while waiting its turn
            with open(path, "rb") as source:
                return worker.workspace.add_attachment(
                    source,
                    name=path.name,
                    media_type=media,
                    size_hint=size,
                    progress=upload,
                    cancel=upload.cancel,
                )

        self.tasks.run_on_worker(
            work, lambda info: self._stored(upload, info), lambda e: self._failed(upload, e)
        )
        return upload

    def cancel(self) -> None:
        """Stop every file still on its way; what is already stored stays."""
        for upload in self._uploads:
            upload.cancel.cancel()
        self.progress_label.setText(self.tr("正在取消…"))

    def _tick(self) -> None:
        current = self.current_upload()
        if current is None:
            self._ticker.stop()
        else:
            self.progress.setValue(current.percent)

    def _show_progress(self) -> None:
        current = self.current_upload()
        if current is None:
            self.progress_row.hide()
            return
        waiting = len(self._uploads) - 1
        name = current.path.name if current.path else ""
        text = self.tr("正在加密保存：%1").replace("%1", name)
        if waiting:
            text += self.tr("（另有 %1 个等待）").replace("%1", str(waiting))
        self.progress_label.setText(text)
        self.progress.setValue(0)
        self.progress_row.show()

    def _finish(self, upload: Upload) -> bool:
        if upload in self._uploads:
            self._uploads.remove(upload)
        if not isValid(self):
            return False
        self._show_progress()
        return True

    def _stored(self, upload: Upload, info: Any) -> None:
        if not self._finish(upload):
            return
        self._files[info.sha256] = (info.name, info.size)
        if info.sha256 not in self._shas:
            self._shas.append(info.sha256)
        self._refresh_list()
        self.attached.emit(info)
        self.changed.emit()

    def _failed(self, upload: Upload, error: BaseException) -> None:
        if not self._finish(upload):
            return
        if not isinstance(error, Cancelled):  # the user asked for it: nothing to report
            show_error(self, error)

    # -- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            self.frame.setStyleSheet(_HOVER_STYLE)
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802
        self.frame.setStyleSheet(_IDLE_STYLE)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.frame.setStyleSheet(_IDLE_STYLE)
        files = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [path for path in files if path.is_file()]
        for path in files:
            self.add_file(path)
        if files:
            event.acceptProposedAction()
