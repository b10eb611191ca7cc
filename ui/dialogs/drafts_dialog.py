"""未保存的草稿: after an unlock that follows a crash, the drafts left behind are offered back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import core_text
from ui.models.record_table_model import display
from workbench.services.drafts import DraftView
from workbench.vocab.labels import record_type


class DraftsDialog(QDialog):
    restore_requested = Signal(object)  # DraftView
    discard_requested = Signal(object)  # DraftView

    def __init__(self, drafts: list[DraftView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_dialog")
        self.setWindowTitle(self.tr("未保存的草稿"))
        self.resize(560, 360)
        intro = QLabel(
            self.tr("上次关闭前有以下内容尚未保存（已加密保存为草稿）。请选择恢复或放弃。")
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("drafts")
        for draft in drafts:
            found = record_type(draft.kind)  # the registry's name, as on every other screen
            kind = core_text(found.label) if found is not None else self.tr("记录")
            item = QListWidgetItem(f"{kind}　{draft.title}　{display(draft.updated_at)}")
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setObjectName("restore")
        self.discard_button = QPushButton(self.tr("放弃"))
        self.discard_button.setObjectName("discard")
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton(self.tr("稍后处理"), QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self._take(self.restore_requested))
        self.discard_button.clicked.connect(lambda: self._take(self.discard_requested))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _take(self, signal: SignalInstance) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        draft = item.data(Qt.ItemDataRole.UserRole)
        self.list.takeItem(self.list.row(item))
        signal.emit(draft)
        if self.list.count() == 0:
            self.accept()
