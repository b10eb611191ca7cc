"""忘记口令: the recovery code gives a user a new passphrase and unlocks the store.

On a desktop linked to the office server the connection is asked for again (this desktop's copy
is sealed under the forgotten passphrase), as ``workbench recover --url`` asks: the core
(``office_recovery.py``) refuses a disabled user or a folder linked to another store, and the
recovered account holds its roles again only once a 系统管理员 grants them.

The code is typed in its printed shape (8 groups of 6 digits); each group carries its own check,
so a mistyped group is named as soon as it is complete. The used code stops working, so the new
one is shown once, like at creation, and the dialog closes only when it was written down.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.passphrase_dialog import message_label, passphrase_edit
from ui.errors import error_text
from ui.slow_call import start_slow_call
from ui.widgets.new_code_page import NewCodePage
from ui.widgets.server_fields import ServerFields
from workbench.errors import WorkbenchError
from workbench.workspace import (
    MIN_PASSPHRASE_CHARS,
    Workspace,
    check_new_passphrase,
    linked_to_office_server,
    recovery_code_bad_group,
)

CODE_GROUPS, GROUP_DIGITS = 8, 6


class RecoveryDialog(QDialog):
    """Modal: on accept, ``workspace`` is the store unlocked as the user, with the new passphrase.
    The key derivations (code slot, new slot, new code) take a second or two: they run off the
    GUI thread while the dialog says 正在设置新口令… and takes no input."""

    def __init__(self, store_dir: Path, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store_dir = store_dir
        self.on_server = linked_to_office_server(store_dir)
        self.workspace: Workspace | None = None
        self.busy = False
        self.setWindowTitle(self.tr("忘记口令"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._ask_page(user))
        self.pages.addWidget(self._new_code_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        # never narrower than the form needs: the code field is as wide as the whole code, and
        # an explicit minimum overrides the layout's (the longer English labels clipped it)
        self.setMinimumWidth(max(560, self.minimumSizeHint().width()))
        self._first_empty().setFocus()

    def _first_empty(self) -> QWidget:
        if self.server is not None and not self.server.url.text().strip():
            return self.server.url
        return self.code_edit if self.user_edit.text() else self.user_edit

    def _ask_page(self, user: str) -> QWidget:
        intro = QLabel(
            self.tr(
                "用创建数据库时抄下的恢复码为用户设置新口令。恢复码用过即作废，"
                "设置后会显示新的恢复码。新口令至少 %1 个字符。"
            ).replace("%1", str(MIN_PASSPHRASE_CHARS))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        server_note = QLabel(
            self.tr(
                "本机保存的服务器连接用原口令加密，所以还需再次填写服务器地址、"
                "CA 证书文件和数据库账号口令（向系统管理员索取）。"
                "找回后，原有的角色须由一位系统管理员重新授予。"
                "没有恢复码的，请系统管理员在“用户管理”中停用再启用你的账户，为你设置新口令。"
            )
        )
        server_note.setObjectName("server_note")
        server_note.setWordWrap(True)
        server_note.setTextFormat(Qt.TextFormat.PlainText)
        server_note.setVisible(self.on_server)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("user")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recovery_code")
        self.code_edit.setInputMask("-".join(["9" * GROUP_DIGITS] * CODE_GROUPS) + ";_")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.code_edit.setFont(mono)
        metrics = QFontMetrics(mono)  # the whole code in view, typed or still blank
        widest = max(metrics.horizontalAdvance(c * GROUP_DIGITS) for c in "0_")
        self.code_edit.setMinimumWidth(
            CODE_GROUPS * widest + (CODE_GROUPS - 1) * metrics.horizontalAdvance("-") + 24
        )
        self.code_edit.textChanged.connect(self._check_code)
        self.new = passphrase_edit("new_passphrase")
        self.again = passphrase_edit("new_passphrase_again")
        self.message = message_label()
        form = QFormLayout()
        self.server = ServerFields(self) if self.on_server else None
        if self.server is not None:
            self.server.add_rows(form)
        form.addRow(self.tr("用户名"), self.user_edit)
        form.addRow(self.tr("恢复码"), self.code_edit)
        form.addRow(self.tr("新口令"), self.new)
        form.addRow(self.tr("再次输入新口令"), self.again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("设置新口令"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.recover)
        self.buttons.rejected.connect(self.reject)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(server_note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        return page

    def _new_code_page(self) -> QWidget:
        self.code_page = NewCodePage(
            self.tr("新口令已设置。新的恢复码（只显示这一次）："),
            self.tr("原恢复码已作废。请抄写新的恢复码，与电脑分开保管；本程序不会再次显示。"),
            self.tr("我已抄写新的恢复码并妥善保管"),
            self.tr("进入工作台"),
        )
        self.new_code = self.code_page.code
        self.confirm, self.done_button = self.code_page.confirm, self.code_page.done_button
        self.done_button.clicked.connect(self.accept)
        return self.code_page

    def _digits(self) -> str:
        return "".join(ch for ch in self.code_edit.text() if ch.isdigit())

    def _check_code(self) -> None:
        """Name a mistyped group as soon as it is complete."""
        group = recovery_code_bad_group(self.code_edit.text())
        if group is not None:
            self._say(self.tr("恢复码第 %1 组有误，请核对").replace("%1", str(group)))
        else:
            self.message.clear()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def recover(self) -> None:
        user = self.user_edit.text().strip()
        new = self.new.text()
        if self.server is not None and not self.server.url.text().strip():
            self._say(self.tr("请填写服务器地址（向系统管理员索取）"))
            self.server.url.setFocus()
            return
        if not user:
            self._say(self.tr("请输入用户名"))
            self.user_edit.setFocus()
            return
        if len(self._digits()) != CODE_GROUPS * GROUP_DIGITS:
            self._say(self.tr("恢复码应为 8 组、每组 6 位数字"))
            self.code_edit.setFocus()
            return
        group = recovery_code_bad_group(self.code_edit.text())
        if group is not None:
            self._say(self.tr("恢复码第 %1 组有误，请核对").replace("%1", str(group)))
            self.code_edit.setFocus()
            return
        if new != self.again.text():
            self.again.clear()
            self._say(self.tr("两次输入的新口令不一致"))
            self.again.setFocus()
            return
        try:
            check_new_passphrase(new)
        except WorkbenchError as exc:
            self._say(error_text(exc))
            self.new.setFocus()
            return
        directory, code = self.store_dir, self.code_edit.text()
        server = self.server.address() if self.server is not None else None
        self._set_busy(True)
        start_slow_call(
            self,
            lambda: Workspace.recover(directory, user, code, new, server=server),
            self._recovered,
            self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(error_text(error))

    def _recovered(self, outcome: tuple[Workspace, str]) -> None:
        self._set_busy(False)
        self.workspace, code = outcome
        self.new.clear()
        self.again.clear()
        self.code_edit.clear()
        if self.server is not None:
            self.server.clear_secret()
        groups = code.split("-")  # two lines of four: fits any screen, easy to copy by hand
        half = len(groups) // 2
        self.new_code.setText(" - ".join(groups[:half]) + " -\n" + " - ".join(groups[half:]))
        self.pages.setCurrentIndex(1)
        self.confirm.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self._say(self.tr("正在设置新口令…"))
        inputs = (self.buttons, self.user_edit, self.code_edit, self.new, self.again)
        for widget in (*inputs, *(self.server.inputs() if self.server else ())):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Once the passphrase is set, the dialog ends only through the written-down check (and
        not while it is being set: the outcome comes back to this dialog)."""
        if self.workspace is None and not self.busy:
            super().reject()

    def start(self, user: str) -> None:
        """Ready for a new attempt (the dialog is reused): the asking page, nothing typed."""
        self.workspace = None
        self.pages.setCurrentIndex(0)
        self.message.clear()
        self.confirm.setChecked(False)
        if user:
            self.user_edit.setText(user)
        self._first_empty().setFocus()

    def done(self, result: int) -> None:
        for edit in (self.code_edit, self.new, self.again):  # nothing secret kept around
            edit.clear()
        if self.server is not None:
            self.server.clear_secret()
        self.new_code.clear()  # shown once
        super().done(result)
