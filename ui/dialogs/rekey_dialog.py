"""更换数据密钥 (系统管理员): a new data key for the database, the attachments and every user's
keyslot, and a new recovery code, shown once like at creation. Offered after 停用 a user, whose
earlier copy of the keyfile would otherwise still open the store.

The core does the work and decides who may (``services.keys``); it runs on the DB worker, as it
rewrites the whole store. Users who have not unlocked since the keyfile upgrade cannot be given
the new key: the dialog names them and offers to remove their keyslots.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.passphrase_dialog import message_label
from ui.errors import error_text
from ui.tasks import Tasks
from ui.widgets.new_code_page import NewCodePage
from workbench.services import keys


class RekeyDialog(QDialog):
    rekeyed = Signal(object)  # the RekeyView

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("更换数据密钥"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._code_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setMinimumWidth(560)
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.call(keys.unupgraded_user_names), self._loaded
        )

    def _ask_page(self) -> QWidget:
        intro = QLabel(
            self.tr(
                "用新的数据密钥重新加密数据库和全部附件，并为每个用户的密钥槽换上新密钥"
                "（用户的口令不变）。此前复制的密钥文件、泄露过的旧密钥和原恢复码都将作废，"
                "新的恢复码只显示一次。附件多时需要一些时间；中途断电或被终止，"
                "下次解锁时会自动完成。"
            )
        )
        intro.setWordWrap(True)
        self.drop = QCheckBox()
        self.drop.setObjectName("drop_unupgraded")
        self.drop.setVisible(False)
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(
            self.tr("更换数据密钥"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("start_rekey")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.drop)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        return page

    def _code_page(self) -> QWidget:
        self.code_page = NewCodePage(
            self.tr("数据密钥已更换。新的恢复码（只显示这一次）："),
            "",
            self.tr("我已抄写新的恢复码并妥善保管"),
            self.tr("完成"),
        )
        self.code, self.note = self.code_page.code, self.code_page.note
        self.confirm, self.done_button = self.code_page.confirm, self.code_page.done_button
        self.done_button.clicked.connect(self.accept)
        return self.code_page

    def _loaded(self, names: tuple[str, ...]) -> None:
        if not names:
            return
        self.drop.setText(
            self.tr(
                "移除以下尚未在升级后登录的用户的密钥槽（之后需为其重新启用并设置口令）：%1"
            ).replace("%1", "、".join(names))
        )
        self.drop.setVisible(True)

    def start(self) -> None:
        self.start_button.setEnabled(False)
        self.message.clear()
        drop = self.drop.isVisible() and self.drop.isChecked()
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.call(keys.rekey_store, drop_unupgraded=drop),
            self._done,
            self._failed,
        )

    def _done(self, view: keys.RekeyView) -> None:
        self.code_page.show_code(view.recovery_code)
        note = self.tr("原恢复码和旧密钥文件已作废。请抄写新的恢复码，与电脑分开保管。")
        if view.dropped:
            note += self.tr("已移除密钥槽：%1。").replace("%1", "、".join(view.dropped))
        self.note.setText(note)
        self.pages.setCurrentIndex(1)
        self.rekeyed.emit(view)

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.message.setText(error_text(error))

    def reject(self) -> None:
        """The new code is shown once: the dialog closes only after it was written down."""
        if self.pages.currentIndex() == 1 and not self.confirm.isChecked():
            return
        super().reject()

    def done(self, result: int) -> None:
        if self.pages.currentIndex() == 1:
            self.code.clear()  # shown once: do not keep it around
            # written down: the store forgets it (until then a crash loses no code)
            self.tasks.run_on_worker(lambda worker: worker.workspace.call(keys.code_shown))
        super().done(result)
