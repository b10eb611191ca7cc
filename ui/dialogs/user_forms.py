"""The forms of 用户管理: adding a user, enabling one again with a new passphrase, and changing
a user's roles, with the 三员 rule shown as the boxes are ticked (the core decides). A change of
安全审计员 or 安全保密管理员 that the core refuses for want of a co-signature (dual control) shows
the co-sign step: the other 三员 holder types their name and passphrase, and it is tried again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.dialogs.passphrase_dialog import message_label, passphrase_edit
from ui.errors import error_text
from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.errors import WorkbenchError
from workbench.roles import Role, role_mix_warning, validate_roles
from workbench.services import users
from workbench.workspace import MIN_PASSPHRASE_CHARS, UserInfo, check_new_passphrase

WARNING_STYLE = "color: #8a5300;"


def roles_text(roles: tuple[Role, ...]) -> str:
    return _tr("、").join(core_text(r.label) for r in roles)


def busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName("busy")
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumHeight(8)
    bar.hide()
    return bar


class RoleBoxes(QWidget):
    """The roles as check boxes, with the core's warning for a 三员 role beside a business role
    right under them; ``refusal()`` is the core's reason when the 三员 rule refuses the ticks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Role, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, role in enumerate(Role):
            box = QCheckBox(core_text(role.label))
            box.setObjectName(f"role_{role.value}")
            box.toggled.connect(self._toggled)
            self.boxes[role] = box
            grid.addWidget(box, i // 2, i % 2)
        self.warning = QLabel()
        self.warning.setObjectName("role_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.warning)

    def chosen(self) -> tuple[Role, ...]:
        return tuple(role for role, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, roles: tuple[Role, ...]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)

    def refusal(self) -> str | None:
        """Why the core refuses the ticked roles (none ticked is not yet a refusal)."""
        roles = self.chosen()
        if not roles:
            return None
        try:
            validate_roles(roles)
        except WorkbenchError as exc:
            return error_text(exc)
        return None

    def _toggled(self) -> None:
        warning = role_mix_warning(self.chosen())
        self.warning.setText(core_text(warning) if warning else "")
        self.warning.setVisible(bool(warning))
        self.changed.emit()


def grow_to_fit(window: QWidget) -> None:
    """Make ``window`` tall enough for its layout at its width (wrapped labels included)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    need = max(need, layout.totalMinimumSize().height())
    if need > window.height():
        window.resize(width, need)


class CosignFields(QWidget):
    """The co-sign step: hidden until the core asks for a co-signature, then the other 三员
    holder's name and passphrase (opened on the worker, used for this one change)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("cosigner_name")
        self.name.setMaxLength(64)
        self.passphrase = passphrase_edit("cosigner_passphrase")
        note = QLabel(_tr("三员角色的变更须由另一位三员共同签署：请其本人在此输入用户名和口令。"))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(note)
        form.addRow(_tr("共同签署人"), self.name)
        form.addRow(_tr("其口令"), self.passphrase)
        self.hide()

    def ask(self) -> None:
        self.show()
        self.name.setFocus()
        # once the caller has shown the core's reason too: grow the dialog so that the note
        # and the reason, both wrapped, are read whole (in English they take more lines)
        QTimer.singleShot(0, self._grow_window)

    def _grow_window(self) -> None:
        if isValid(self):
            grow_to_fit(self.window())

    def credentials(self) -> tuple[str, str] | None:
        if self.isHidden() or not self.name.text().strip():
            return None
        return self.name.text().strip(), self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()


class _KeyslotDialog(QDialog):
    """A dialog whose action seals a keyslot on the worker: busy bar, inputs frozen meanwhile."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.passphrase = passphrase_edit("passphrase")
        self.again = passphrase_edit("passphrase_again")
        self.message = message_label()
        self.busy = busy_bar()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.cosign = CosignFields()
        self.setMinimumWidth(520)

    def submit(self) -> None:
        raise NotImplementedError

    def passphrase_problem(self) -> str | None:
        """What is wrong with the typed passphrase pair, by the core's strength rule."""
        if self.passphrase.text() != self.again.text():
            self.again.clear()
            return _tr("两次输入的口令不一致")
        try:
            check_new_passphrase(self.passphrase.text())
        except WorkbenchError as exc:
            return error_text(exc)
        return None

    def run(self, work: object, note: str) -> None:
        self.refuse("")
        self.message.setStyleSheet("color: palette(mid);")
        self.message.setText(note)
        self.busy.show()
        self._freeze(True)
        self.tasks.run_on_worker(work, self._done, self._failed)  # type: ignore[attr-defined]

    def _freeze(self, frozen: bool) -> None:
        for child in self.findChildren(QWidget):
            if child not in (self.message, self.busy) and not isinstance(child, QLabel):
                child.setEnabled(not frozen)

    def _done(self, result: object) -> None:
        self.busy.hide()
        self._freeze(False)
        self.passphrase.clear()
        self.again.clear()
        self.finished_work(result)
        self.accept()

    def finished_work(self, result: object) -> None:
        del result

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self._freeze(False)
        self.cosign.clear()
        if isinstance(error, users.CosignRequired):
            self.cosign.ask()
        self.refuse(error_text(error))

    def refuse(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)


class AddUserDialog(_KeyslotDialog):
    added = Signal(object)  # the new UserInfo

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("添加用户"))
        self.name = QLineEdit()
        self.name.setObjectName("user_name")
        self.name.setMaxLength(64)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.display_name.setMaxLength(64)
        self.display_name.setPlaceholderText(self.tr("不填则与用户名相同"))
        self.roles = RoleBoxes()
        self.roles.changed.connect(self._roles_changed)
        self.role_boxes = self.roles.boxes
        self.warning = self.roles.warning
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.name)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.roles)
        form.addRow(self.tr("初始口令"), self.passphrase)
        form.addRow(self.tr("再次输入"), self.again)
        hint = QLabel(
            self.tr(
                "用户名用于解锁时登录，姓名显示在记录和文书上。初始口令至少 %1 个字符，"
                "请当面告知本人，并提醒其登录后在“账户 → 修改口令”中改掉。"
            ).replace("%1", str(MIN_PASSPHRASE_CHARS))
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.cosign)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def _roles_changed(self) -> None:
        self.refuse(self.roles.refusal() or "")
        self.adjustSize()  # room for the warning's lines, or none

    def submit(self) -> None:
        name, display = self.name.text().strip(), self.display_name.text().strip()
        roles = self.roles.chosen()
        if not name:
            self.refuse(self.tr("请输入用户名"))
            self.name.setFocus()
            return
        try:
            validate_roles(roles)
        except WorkbenchError as exc:
            self.refuse(error_text(exc))
            return
        problem = self.passphrase_problem()
        if problem:
            self.refuse(problem)
            self.passphrase.setFocus()
            return
        secret, cosign = self.passphrase.text(), self.cosign.credentials()
        self.run(
            lambda worker: worker.workspace.call(
                users.cosigned,
                cosign,
                users.add_user,
                name,
                secret,
                roles,
                display_name=display or None,
            ),
            self.tr("正在添加用户（生成密钥需要几秒钟）…"),
        )

    def finished_work(self, result: object) -> None:
        self.added.emit(result)


class EnableUserDialog(_KeyslotDialog):
    def __init__(self, tasks: Tasks, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.user = user
        self.setWindowTitle(self.tr("启用用户"))
        intro = QLabel(
            self.tr(
                "停用时已删除 %1 的口令。重新启用需设置新的口令（至少 %2 个字符），请当面告知本人。"
            )
            .replace("%2", str(MIN_PASSPHRASE_CHARS))
            .replace("%1", aside(user.display_name, user.name))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("新口令"), self.passphrase)
        form.addRow(self.tr("再次输入"), self.again)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("启用"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.cosign)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def submit(self) -> None:
        problem = self.passphrase_problem()
        if problem:
            self.refuse(problem)
            self.passphrase.setFocus()
            return
        name, secret, cosign = self.user.name, self.passphrase.text(), self.cosign.credentials()
        self.run(
            lambda worker: worker.workspace.call(
                users.cosigned, cosign, users.enable_user, name, secret
            ),
            self.tr("正在启用用户（生成密钥需要几秒钟）…"),
        )


class EditRolesDialog(QDialog):
    """修改角色: the same boxes and rules as adding a user; no keyslot changes, so it is quick."""

    def __init__(self, tasks: Tasks, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.user = user
        self.setWindowTitle(self.tr("修改角色"))
        intro = QLabel(
            self.tr("修改 %1 的角色，下次解锁时生效。").replace(
                "%1", aside(user.display_name, user.name)
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.roles = RoleBoxes()
        self.roles.set_chosen(user.roles)
        self.roles.changed.connect(self._roles_changed)
        self.message = message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.cosign = CosignFields()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.roles)
        layout.addWidget(self.cosign)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _roles_changed(self) -> None:
        self.message.setText(self.roles.refusal() or "")
        self.adjustSize()

    def submit(self) -> None:
        roles = self.roles.chosen()
        try:
            validate_roles(roles)
        except WorkbenchError as exc:
            self.message.setText(error_text(exc))
            return
        name, cosign = self.user.name, self.cosign.credentials()
        self.setEnabled(False)
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.call(
                users.cosigned, cosign, users.set_user_roles, name, roles
            ),
            lambda _info: self._saved(),
            self._failed,
        )

    def _saved(self) -> None:
        self.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.cosign.clear()
        if isinstance(error, users.CosignRequired):
            self.cosign.ask()
        self.message.setText(error_text(error))


class CosignDialog(QDialog):
    """The co-sign step on its own, for 停用 (which has no form): the core's reason, then the
    other 三员 holder's name and passphrase."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("共同签署"))
        text = QLabel(reason)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.fields = CosignFields()
        self.fields.ask()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
