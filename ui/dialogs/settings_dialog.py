"""设置: the idle lock's minutes, the backup reminder, the interface language and where the log is;
for the 巡察办, the store's default 反馈期限 of transferred clues and its 公文 frame settings
(发文机关标志, 机关代字, 印发机关, 抄送: workbench/reports/frame_settings.py).

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
from ui.errors import log_file, show_error
from ui.lock import IdleLock
from ui.tasks import Tasks
from workbench.reports.frame_settings import (
    SETTINGS,
    FrameSettings,
    frame_settings,
    set_frame_setting,
)
from workbench.services import Session
from workbench.services.clue_transfer import (
    FEEDBACK_MONTHS_RANGE,
    feedback_months,
    set_feedback_months,
)


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

    def __init__(
        self,
        idle_lock: IdleLock | None = None,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
        office: bool = False,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks if office else None  # the store's settings: 巡察办 only
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
        self.feedback_months: QSpinBox | None = None
        self._months_loaded: int | None = None
        if self.tasks is not None:
            months = QSpinBox()
            months.setObjectName("feedback_months")
            months.setRange(*FEEDBACK_MONTHS_RANGE)
            months.setSuffix(self.tr(" 个月"))
            months.setSpecialValueText(self.tr("不设默认"))
            months.setEnabled(False)  # until the store's value is read
            self.feedback_months = months
            form.addRow(self.tr("线索默认反馈期限"), months)
            form.addRow(
                "",
                self._hint(
                    self.tr("移交线索时按移交日期加此月数填写反馈期限；不设默认时须逐条填写。")
                ),
            )
            self.tasks.run(feedback_months, self._months_read, lambda e: show_error(self, e))
        self.frame_fields: dict[str, QLineEdit] = {}
        self._frame_loaded: FrameSettings | None = None
        if self.tasks is not None:
            for setting in SETTINGS:
                edit = QLineEdit()
                edit.setObjectName(f"frame_{setting.field}")
                edit.setPlaceholderText(self.tr("（未设定，用默认）"))
                edit.setEnabled(False)  # until the store's value is read
                self.frame_fields[setting.field] = edit
                form.addRow(setting.label, edit)
            self.tasks.run(frame_settings, self._frame_read, lambda e: show_error(self, e))
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

    def _months_read(self, months: int) -> None:
        assert self.feedback_months is not None
        self._months_loaded = months
        self.feedback_months.setValue(months)
        self.feedback_months.setEnabled(True)

    def _frame_read(self, values: FrameSettings) -> None:
        self._frame_loaded = values
        for name, edit in self.frame_fields.items():
            edit.setText(getattr(values, name))
            edit.setEnabled(True)

    def _frame_changes(self) -> dict[str, str]:
        if self._frame_loaded is None:
            return {}
        loaded = self._frame_loaded
        return {
            name: edit.text().strip()
            for name, edit in self.frame_fields.items()
            if edit.text().strip() != getattr(loaded, name)
        }

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
        months = self.feedback_months.value() if self.feedback_months else None
        if self.tasks is not None and months is not None and months != self._months_loaded:
            parent = self.parentWidget()
            self.tasks.run(
                lambda s: set_feedback_months(s, months),
                None,
                lambda e: show_error(parent, e),
                write=True,
            )
        changes = self._frame_changes()
        if self.tasks is not None and changes:
            parent = self.parentWidget()

            def save(s: Session) -> None:
                for name, value in changes.items():
                    set_frame_setting(s, name, value)

            self.tasks.run(save, None, lambda e: show_error(parent, e), write=True)
        self.saved.emit()
        super().accept()
