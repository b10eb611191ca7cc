"""备份 and 从备份恢复 (系统管理员 only; the core refuses anyone else).

A backup is one encrypted file of the whole store. Restoring never replaces a store: the core
restores into a new, empty folder and leaves the running one as it is, so the dialog restores
there and offers to open the restored store in a new window.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.passphrase_dialog import message_label, passphrase_edit
from ui.dialogs.users_dialog import local_time
from ui.errors import error_text
from ui.models.record_table_model import human_size
from ui.pages.exchange_support import byte_progress
from ui.tasks import Tasks
from ui.widgets.job_panel import JobPanel
from workbench.errors import AuthenticationError, Cancelled
from workbench.services.backups import BackupDone, BackupFacts, backup_store, restore_store
from workbench.services.backups import verify_backup_file as verify_backup
from workbench.workspace import Workspace

BACKUP_SUFFIX = ".wbk"


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def path_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def default_backup_name(now: datetime | None = None) -> str:
    return f"workbench-backup-{(now or datetime.now()).strftime('%Y%m%d-%H%M')}{BACKUP_SUFFIX}"


class BackupDialog(QDialog):
    backed_up = Signal(object)  # BackupDone

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("备份"))
        self.intro = intro = note(
            self.tr(
                "备份把整个数据库和全部附件写入一个文件。备份文件是加密的：恢复时需要本数据库"
                "中系统管理员的口令。请把它存放在另一处介质（如移动硬盘）上，并妥善保管。"
            )
        )
        self.file = QLineEdit(str(Path.home() / default_backup_name()))
        self.file.setObjectName("backup_file")
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self.choose_file)
        form = QFormLayout()
        form.addRow(self.tr("备份文件"), path_row(self.file, browse))
        self.job = JobPanel(self)
        self.job.hide()
        self.job.succeeded.connect(self._done)
        self.job.failed.connect(self._failed)
        self.message = message_label()
        self.start_button = QPushButton(self.tr("开始备份"))
        self.start_button.setObjectName("start_backup")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.job)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(620)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份到"), self.file.text(), self.tr("备份文件 (*.wbk)")
        )
        if chosen:
            if not chosen.endswith(BACKUP_SUFFIX):
                chosen += BACKUP_SUFFIX
            self.file.setText(chosen)

    def start(self) -> None:
        text = self.file.text().strip()
        if not text:
            self._refuse(self.tr("请选择备份文件的位置"))
            return
        target = Path(text)
        if target.exists():
            self._refuse(self.tr("此文件已存在，请换一个文件名，不会覆盖已有的备份"))
            return
        self.message.clear()
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.file.setEnabled(False)
        self.job.show()
        template = self.tr("已写入 %1 / %2")

        def job(ws: Workspace, sink: Any, cancel: Any) -> BackupDone:
            return ws.call(
                backup_store, target, progress=byte_progress(sink, template), cancel=cancel
            )

        self.job.start(self.tasks, job, self.tr("正在备份…"))

    def _done(self, done: BackupDone) -> None:
        self.close_button.setEnabled(True)
        self.close_button.setFocus()
        self.message.setStyleSheet("color: palette(text);")
        self.message.setText(
            self.tr("已备份到 %1（%2，已加密）。")
            .replace("%2", human_size(done.bytes))
            .replace("%1", str(done.path))
        )
        self.job.label.setText(self.tr("备份完成"))
        self.backed_up.emit(done)

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.file.setEnabled(True)
        if isinstance(error, Cancelled):
            self.job.label.setText(self.tr("已取消，没有留下备份文件。"))
            return
        self.job.hide()
        self._refuse(error_text(error))

    def _refuse(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def reject(self) -> None:
        if self.job.running:
            self.job.cancel()  # the dialog closes once the job has stopped
            return
        super().reject()


def open_store_window(directory: Path, user_name: str) -> bool:
    """Start another workbench window on ``directory`` (this one keeps its own store)."""
    if getattr(sys, "frozen", False):
        program, args = sys.executable, []
    else:
        program, args = sys.executable, ["-m", "ui"]
    args += ["--store", str(directory), "--user", user_name]
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


class RestoreDialog(QDialog):
    """Pick a backup, check it (date, size, HMAC) and restore it into a new, empty folder."""

    restored = Signal(object)  # the restored store's folder

    def __init__(
        self, tasks: Tasks, user_name: str, store_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.checked: BackupFacts | None = None
        self.restored_dir: Path | None = None
        self.setWindowTitle(self.tr("从备份恢复"))
        intro = note(
            self.tr(
                "恢复不会覆盖正在使用的数据库：备份将恢复到一个新的空文件夹，当前数据库保持不变。"
                "恢复完成后可在新窗口中打开恢复出的数据库。只有备份中的系统管理员能恢复，"
                "请输入其用户名和口令（即备份时的口令）。"
            )
        )
        self.file = QLineEdit()
        self.file.setObjectName("restore_file")
        self.file.textChanged.connect(self._forget_check)
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self.choose_file)
        self.user = QLineEdit(user_name)
        self.user.setObjectName("restore_user")
        self.user.textChanged.connect(self._forget_check)
        self.passphrase = passphrase_edit("restore_passphrase")
        self.passphrase.textChanged.connect(self._forget_check)
        self.check_button = QPushButton(self.tr("校验备份"))
        self.check_button.setObjectName("check_backup")
        self.check_button.clicked.connect(self.check)
        self.facts = QLabel()
        self.facts.setObjectName("backup_facts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        suggested = store_dir.parent / f"{store_dir.name}-restored-{datetime.now():%Y%m%d}"
        self.folder = QLineEdit(str(suggested))
        self.folder.setObjectName("restore_folder")
        folder_browse = QPushButton(self.tr("选择…"))
        folder_browse.clicked.connect(self.choose_folder)
        form = QFormLayout()
        form.addRow(self.tr("备份文件"), path_row(self.file, browse))
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("口令"), self.passphrase)
        form.addRow("", self.check_button)
        form.addRow(self.tr("备份情况"), self.facts)
        form.addRow(self.tr("恢复到（空文件夹）"), path_row(self.folder, folder_browse))
        self.job = JobPanel(self)
        self.job.hide()
        self.job.succeeded.connect(self._job_done)
        self.job.failed.connect(self._failed)
        self.message = message_label()
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setObjectName("restore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        self.open_button = QPushButton(self.tr("打开恢复的数据库"))
        self.open_button.setObjectName("open_restored")
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_restored)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.restore_button, self.open_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.job)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(680)
        self._forget_check()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), self.file.text(), self.tr("备份文件 (*.wbk)")
        )
        if chosen:
            self.file.setText(chosen)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("恢复到"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _forget_check(self) -> None:
        self.checked = None
        self.facts.setText(self.tr("尚未校验"))
        self.restore_button.setEnabled(False)

    def _inputs(self) -> tuple[Path, str, str] | None:
        file, user, secret = (
            self.file.text().strip(),
            self.user.text().strip(),
            self.passphrase.text(),
        )
        if not file:
            self._refuse(self.tr("请选择备份文件"))
        elif not user or not secret:
            self._refuse(self.tr("请输入备份中系统管理员的用户名和口令"))
        else:
            return Path(file), user, secret
        return None

    def check(self) -> None:
        inputs = self._inputs()
        if inputs is None:
            return
        path, user, secret = inputs
        template = self.tr("已校验 %1 / %2")

        def job(_ws: Workspace, sink: Any, cancel: Any) -> BackupFacts:
            return verify_backup(
                path, user, secret, progress=byte_progress(sink, template), cancel=cancel
            )

        self._run(job, self.tr("正在校验备份…"))

    def restore(self) -> None:
        inputs = self._inputs()
        folder = self.folder.text().strip()
        if inputs is None or self.checked is None:
            return
        if not folder:
            self._refuse(self.tr("请选择恢复到的空文件夹"))
            return
        path, user, secret = inputs
        directory = Path(folder)
        template = self.tr("已恢复 %1 / %2")

        def job(_ws: Workspace, sink: Any, cancel: Any) -> Path:
            return restore_store(
                path, directory, user, secret, progress=byte_progress(sink, template), cancel=cancel
            )

        self._run(job, self.tr("正在恢复…"))

    def _run(self, job: Any, label: str) -> None:
        self.message.clear()
        self._set_inputs_enabled(False)
        self.job.show()
        self.job.start(self.tasks, job, label)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in self.findChildren(QLineEdit) + self.findChildren(QPushButton):
            if widget not in (self.job.cancel_button, self.open_button):
                widget.setEnabled(enabled)
        self.restore_button.setEnabled(enabled and self.checked is not None)

    def _job_done(self, result: object) -> None:
        if isinstance(result, BackupFacts):
            self._set_inputs_enabled(True)
            self.checked = result
            self.facts.setText(
                self.tr("校验通过。备份于 %1，大小 %2。")
                .replace("%2", human_size(result.size))
                .replace("%1", local_time(result.created_at) or self.tr("未知时间"))
            )
            self.restore_button.setEnabled(True)
            self.job.hide()
            return
        assert isinstance(result, Path)
        self.restored_dir = result
        self._set_inputs_enabled(False)
        self.close_button.setEnabled(True)
        self.job.label.setText(self.tr("恢复完成"))
        self.message.setStyleSheet("color: palette(text);")
        self.message.setText(self.tr("已恢复到 %1。当前数据库未改变。").replace("%1", str(result)))
        self.open_button.show()
        self.restored.emit(result)

    def open_restored(self) -> None:
        if self.restored_dir is not None and not open_store_window(
            self.restored_dir, self.user.text().strip()
        ):
            self._refuse(self.tr("无法启动新窗口，请退出后打开该文件夹中的数据库"))

    def _failed(self, error: BaseException) -> None:
        self._set_inputs_enabled(True)
        if isinstance(error, Cancelled):
            self.job.label.setText(self.tr("已取消，没有留下任何文件。"))
            return
        self.job.hide()
        if isinstance(error, AuthenticationError):
            self.passphrase.clear()  # and the check is asked again
        self._refuse(error_text(error))

    def _refuse(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def reject(self) -> None:
        if self.job.running:
            self.job.cancel()
            return
        super().reject()
