"""First run: create a store (field laptop or office) with its first user, show the recovery code
once and insist it was written down; or point at an existing store; or connect this desktop to
the office store on the office's server (连接巡察办服务器)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.i18n import tr as _tr
from ui.slow_call import start_slow_call
from ui.widgets.server_fields import ServerFields
from workbench.workspace import Workspace, store_exists


class _ChoicePage(QWizardPage):
    def __init__(self, default_dir: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("欢迎使用巡察工作台"))
        self.setSubTitle(self.tr("选择本机使用的数据库。"))
        self.create_new = QRadioButton(self.tr("新建数据库"))
        self.create_new.setChecked(True)
        self.open_existing = QRadioButton(self.tr("打开已有数据库"))
        self.connect_server = QRadioButton(self.tr("连接巡察办服务器"))
        self.connect_server.setObjectName("connect_server")
        self.folder = QLineEdit(str(default_dir))
        self.folder.setObjectName("store_folder")
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_new)
        layout.addWidget(self.open_existing)
        layout.addWidget(self.connect_server)
        layout.addWidget(QLabel(self.tr("数据库文件夹：")))
        layout.addLayout(row)
        # in the page, not the subtitle: QWizard gives a wrapped subtitle too little height
        where = note_label("where_data_is")
        where.setText(
            self.tr(
                "本机的数据库加密保存在所选文件夹中，与巡察组之间只通过加密数据包交换；"
                "连接巡察办服务器时，数据保存在巡察办的服务器上，经校验过证书的加密连接传输。"
            )
        )
        layout.addWidget(where)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择数据库文件夹"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def nextId(self) -> int:  # noqa: N802
        if self.connect_server.isChecked():
            return FirstRunWizard.CONNECT
        return FirstRunWizard.OPEN if self.open_existing.isChecked() else FirstRunWizard.CREATE


_REFUSED_STYLE = "color: #b00020;"


class _SlowCallPage(QWizardPage):
    """A page whose 下一步 or 完成 runs a slow core call (key derivation, the server) off the GUI
    thread and stays on the page meanwhile: its fields, 上一步 and 取消 off (the outcome comes
    back to this page), 下一步 off, a note saying what is under way; a refusal shown in red on
    the page with its fields as they were. Once the call has succeeded, ``succeeded`` moves the
    wizard on and ``validatePage`` lets it."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.message = note_label("message")
        self.message.setStyleSheet(_REFUSED_STYLE)
        self.busy = False
        self._succeeded = False  # validatePage's answer once the call is done

    def inputs(self) -> Sequence[QWidget]:
        """The fields taking no input while the call runs."""
        raise NotImplementedError

    def busy_text(self) -> str:
        raise NotImplementedError

    def slow_call(self) -> Callable[[], Any] | None:
        """The call to run with the fields as they are, or None (the page says why)."""
        raise NotImplementedError

    def succeeded(self, outcome: Any) -> None:
        raise NotImplementedError

    def validatePage(self) -> bool:  # noqa: N802
        if self._succeeded:
            self._succeeded = False
            return True
        if not self.busy:
            call = self.slow_call()
            if call is not None:
                self._set_busy(True)
                start_slow_call(self, call, self._done, self._refused)
        return False

    def _done(self, outcome: Any) -> None:
        self._set_busy(False)
        self._succeeded = True
        self.succeeded(outcome)

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.message.setStyleSheet("color: palette(text);" if busy else _REFUSED_STYLE)
        self.message.setText(self.busy_text() if busy else "")
        for widget in self.inputs():
            widget.setEnabled(not busy)
        for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.wizard_.button(button).setEnabled(not busy)
        self.completeChanged.emit()  # 下一步 off while busy

    def isComplete(self) -> bool:  # noqa: N802
        return not self.busy


class _CreatePage(_SlowCallPage):
    """下一步 creates the store (the key derivation takes a while); once it is made, the wizard
    moves on to the recovery code by itself."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("新建数据库"))
        self.setSubTitle(self.tr("第一个用户同时担任系统管理员。口令至少 8 个字符。"))
        self.role = QComboBox()
        self.role.addItem(self.tr("巡察组（现场笔记本）"), "field")
        self.role.addItem(self.tr("巡察办"), "office")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.display = QLineEdit()
        self.display.setObjectName("display_name")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("使用单位"), self.role)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("姓名"), self.display)
        form.addRow(self.tr("口令"), self.passphrase)
        form.addRow(self.tr("再次输入口令"), self.again)
        form.addRow(self.message)

    def inputs(self) -> Sequence[QWidget]:
        return (self.role, self.user, self.display, self.passphrase, self.again)

    def busy_text(self) -> str:
        return self.tr("正在创建数据库…")

    def slow_call(self) -> Callable[[], tuple[Workspace, str]] | None:
        if self.passphrase.text() != self.again.text():
            self.message.setText(self.tr("两次输入的口令不一致"))
            return None
        directory, user, passphrase = (
            self.wizard_.directory(),
            self.user.text().strip(),
            self.passphrase.text(),
        )
        display, role = self.display.text().strip() or None, self.role.currentData()
        return lambda: Workspace.create(
            directory,
            user_name=user,
            passphrase=passphrase,
            display_name=display,
            store_role=role,
        )

    def succeeded(self, outcome: tuple[Workspace, str]) -> None:
        self.passphrase.clear()
        self.again.clear()
        self.wizard_.workspace, self.wizard_.recovery_code = outcome
        self.wizard_.next()

    def nextId(self) -> int:  # noqa: N802
        return FirstRunWizard.RECOVERY


class _RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("恢复码（只显示这一次）"))
        self.setSubTitle(
            self.tr(
                "忘记口令时，凭恢复码重设口令。请抄写在纸上，与电脑分开保管；本程序不会再次显示。"
            )
        )
        self.code = QLabel()
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code.font())
        font.setPointSize(16)
        font.setBold(True)
        self.code.setFont(font)
        self.confirm = QCheckBox(self.tr("我已抄写恢复码并妥善保管"))
        self.confirm.setObjectName("confirm_written")
        self.confirm.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(self.confirm)

    def initializePage(self) -> None:  # noqa: N802
        self.code.setText(self.wizard_.recovery_code.replace("-", " - "))

    def isComplete(self) -> bool:  # noqa: N802
        return self.confirm.isChecked()

    def cleanupPage(self) -> None:  # noqa: N802
        self.code.clear()

    def nextId(self) -> int:  # noqa: N802
        return -1


class _OpenPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("打开已有数据库"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802
        found = store_exists(self.wizard_.directory())
        self.message.setText(
            self.tr("将在下一步用用户名和口令解锁。")
            if found
            else self.tr("所选文件夹中没有数据库，请返回重新选择。")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return store_exists(self.wizard_.directory())

    def nextId(self) -> int:  # noqa: N802
        return -1


class _ConnectPage(_SlowCallPage):
    """The office's server: its address and CA (from the 系统管理员), the database account's
    password when the address has none, and the user's own name and passphrase. The core checks
    the server's certificate, the login and the passphrase, and keeps the connection sealed
    under the passphrase in the chosen folder. 完成 connects (the server and two key
    derivations take a while); once connected, the wizard closes by itself."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("连接巡察办服务器"))
        self.setSubTitle(self.tr("服务器地址和 CA 证书由系统管理员提供。"))
        kept = note_label("connection_kept")
        kept.setText(self.tr("连接信息用你的口令加密保存在本机，不以明文存放。"))
        self.server = ServerFields(self)
        self.url, self.ca, self.db_password = (
            self.server.url,
            self.server.ca,
            self.server.db_password,
        )
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.needed = note_label("needed")  # why 完成 is off
        form = QFormLayout(self)
        self.server.add_rows(form)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("口令"), self.passphrase)
        form.addRow(kept)
        form.addRow(self.needed)
        form.addRow(self.message)
        for edit in (self.url, self.user, self.passphrase):
            edit.textChanged.connect(self.completeChanged)

    def inputs(self) -> Sequence[QWidget]:
        return (*self.server.inputs(), self.user, self.passphrase)

    def busy_text(self) -> str:
        return self.tr("正在连接巡察办服务器…")

    def slow_call(self) -> Callable[[], Workspace]:
        directory, server = self.wizard_.directory(), self.server.address()
        user, passphrase = self.user.text().strip(), self.passphrase.text()
        return lambda: Workspace.connect_office(
            directory,
            server.url,
            ca_file=server.ca_file,
            db_password=server.db_password,
            user_name=user,
            passphrase=passphrase,
        )

    def succeeded(self, outcome: Workspace) -> None:
        self.passphrase.clear()
        self.db_password.clear()
        self.wizard_.workspace = outcome
        self.wizard_.accept()

    def missing(self) -> str | None:
        """The fields 完成 waits for, named (the database password is optional: the address
        may carry the login, and the core says when the CA is needed)."""
        required = [
            (self.tr("服务器地址"), self.url),
            (self.tr("用户名"), self.user),
            (self.tr("口令"), self.passphrase),
        ]
        names = [name for name, edit in required if not edit.text().strip()]
        return self.tr("请填写：%1").replace("%1", _tr("、").join(names)) if names else None

    def isComplete(self) -> bool:  # noqa: N802
        missing = self.missing()
        self.needed.setText(missing or "")
        return not self.busy and missing is None

    def nextId(self) -> int:  # noqa: N802
        return -1


class FirstRunWizard(QWizard):
    CHOICE, CREATE, RECOVERY, OPEN, CONNECT = range(5)

    def __init__(self, default_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("巡察工作台"))
        self.workspace: Workspace | None = None
        self.recovery_code = ""
        self.choice = _ChoicePage(default_dir)
        self.setPage(self.CHOICE, self.choice)
        self.setPage(self.CREATE, _CreatePage(self))
        self.setPage(self.RECOVERY, _RecoveryPage(self))
        self.setPage(self.OPEN, _OpenPage(self))
        self.setPage(self.CONNECT, _ConnectPage(self))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        # room for the connect page's fields and some 60 characters a line, at any scale
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        for page_id in self.pageIds():
            self.page(page_id).installEventFilter(self)  # a label's new text: fit again
        self.currentIdChanged.connect(self._refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self._refit()
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        QTimer.singleShot(0, self.fit_height)

    def fit_height(self) -> None:
        """QWizard takes its height from its pages' size hints, which lay a wrapped label out
        about 80 characters wide; at the wizard's own width (English words, a larger scale) the
        last lines would be cut off: grow to the height the page needs at its width."""
        page = self.currentPage()
        layout = page.layout() if page is not None else None
        if page is None or layout is None or not layout.hasHeightForWidth():
            return
        short = layout.totalHeightForWidth(page.width()) - page.height()
        if short > 0:
            self.resize(self.width(), self.height() + short)

    def directory(self) -> Path:
        return Path(self.choice.folder.text().strip()).expanduser()

    def reject(self) -> None:
        """Not while the store is being created: its outcome comes back to this wizard."""
        if not getattr(self.currentPage(), "busy", False):
            super().reject()

    def done(self, result: int) -> None:
        self.recovery_code = ""  # shown once: do not keep it around
        super().done(result)
