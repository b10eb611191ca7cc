"""设置: the idle lock's minutes, the backup reminder, the interface language and where the log is.

The idle lock cannot be turned off: a laptop holding inspection records must lock itself when
left alone, so the choice is 1–120 minutes. A new language needs a restart (the translators are
installed before any window exists), and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from ui.errors import log_file
from ui.lock import IdleLock


def language_names() -> tuple[tuple[str, str], ...]:
    """(code, name): each language named in itself (Qt's names: 简体中文, English), never
    translated, so one can always find one's own."""
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return (
        ("zh_CN", chinese.nativeLanguageName()),
        ("en", QLocale.languageToString(QLocale.Language.English)),
    )


class SettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, idle_lock: IdleLock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle_lock = idle_lock
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(520)
        store = settings.open_settings()
        self._language = settings.LANGUAGE.get(store)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(*settings.IDLE_LOCK_RANGE)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setValue(settings.idle_lock_minutes(store))
        self.backup_days = QSpinBox()
        self.backup_days.setObjectName("backup_reminder_days")
        self.backup_days.setRange(*settings.BACKUP_REMINDER_RANGE)
        self.backup_days.setSuffix(self.tr(" 天"))
        self.backup_days.setSpecialValueText(self.tr("不提醒"))
        self.backup_days.setValue(settings.backup_reminder_days(store))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in language_names():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.restart_note = QLabel(self.tr("界面语言在下次启动时生效。"))
        self.restart_note.setObjectName("restart_note")
        self.log_folder = QLineEdit(str(log_file().parent))
        self.log_folder.setObjectName("log_folder")
        self.log_folder.setReadOnly(True)
        self.log_folder.setCursorPosition(0)

        form = QFormLayout()
        form.addRow(self.tr("空闲自动锁定"), self.idle_minutes)
        form.addRow("", self._hint(self.tr("无键盘、鼠标操作达到此时长后自动锁定，不能关闭。")))
        form.addRow(self.tr("备份提醒间隔（天）"), self.backup_days)
        form.addRow(
            "", self._hint(self.tr("距上次备份超过此天数时，在主窗口提醒系统管理员；0 为不提醒。"))
        )
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("日志文件夹"), self.log_folder)
        form.addRow("", self._hint(self.tr("出错时的详细信息记在这里，不含口令和案件内容。")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._language_changed()

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("color: palette(mid);")
        return label

    def _language_changed(self) -> None:
        # the note is emphasised once the choice differs from the running language
        changed = self.language.currentData() != self._language
        self.restart_note.setStyleSheet("color: #b00020;" if changed else "color: palette(mid);")

    def accept(self) -> None:
        store = settings.open_settings()
        minutes = self.idle_minutes.value()
        settings.IDLE_LOCK_MINUTES.set(store, minutes)
        settings.BACKUP_REMINDER_DAYS.set(store, self.backup_days.value())
        settings.LANGUAGE.set(store, str(self.language.currentData()))
        store.sync()
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(minutes)  # the running lock counts anew from now
        self.saved.emit()
        super().accept()
