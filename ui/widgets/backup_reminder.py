"""The bar above the pages that reminds the 系统管理员 to back up: 尚未备份, or 上次备份 N 天前
once that is longer than the interval in 设置 (0: never). Not modal; it asks again after each
unlock, each backup and each change of the setting."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import settings
from ui.tasks import Tasks
from workbench.services.backups import backup_overdue, last_backup_at


class BackupReminder(QFrame):
    backup_requested = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setObjectName("backup_reminder")
        self.setStyleSheet(
            "#backup_reminder { background: #fff4d6; border-bottom: 1px solid #e0c27a; }"
        )
        self.text = QLabel()
        self.text.setObjectName("backup_reminder_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton(self.tr("立即备份…"))
        self.button.setObjectName("backup_now")
        self.button.clicked.connect(self.backup_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def refresh(self) -> None:
        days = settings.backup_reminder_days(settings.open_settings())
        if days <= 0:
            self.hide()
            return
        self.tasks.run(last_backup_at, lambda last: self._show_for(last, days))

    def _show_for(self, last: datetime | None, days: int) -> None:
        now = datetime.now(UTC).replace(tzinfo=None)  # stored times are naive UTC
        if not backup_overdue(last, days, now):
            self.hide()
            return
        if last is None:
            text = self.tr("本数据库尚未备份。")
        else:
            age = (now - last).days
            text = self.tr("上次备份：%1 天前。").replace("%1", str(age))
        advice = self.tr("建议每 %1 天备份一次，备份文件请存放在另一处介质上。")
        self.text.setText(text + advice.replace("%1", str(days)))
        self.show()
