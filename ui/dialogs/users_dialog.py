"""用户管理 (系统管理员 only): the users of this store, adding one, 停用 and 启用, and the 组员 each
acts as on this store (关联组员, ``dialogs/member_link_dialog.py``).

The core decides every rule — who may, the 三员 separation, that nobody disables themself — and
the dialogs show its reasons in place. Adding or enabling a user seals a keyslot (Argon2id, a few
seconds), so that runs on the DB worker while the dialog shows it is busy.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.member_link_dialog import LinkMemberDialog, member_text
from ui.dialogs.passphrase_dialog import message_label, passphrase_edit
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.errors import WorkbenchError
from workbench.roles import ADMIN_ROLES, Role, role_mix_warning, validate_roles
from workbench.services import member_links, users
from workbench.services.member_links import MemberChoice
from workbench.workspace import MIN_PASSPHRASE_CHARS, UserInfo, check_new_passphrase

WARNING_STYLE = "color: #8a5300;"


def local_time(value: datetime | None) -> str:
    """A stored (naive UTC) time as the local clock shows it."""
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


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


def _users_and_links(s: Any) -> tuple[list[UserInfo], list[MemberChoice]]:
    return users.list_users(s), member_links.list_links(s)


def link_text(c: MemberChoice) -> str:
    return f"{c.team_name}·{member_text(c)}"


class UsersDialog(QDialog):
    def __init__(self, tasks: Tasks, me: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.me = me
        self.users: list[UserInfo] = []
        self.links: list[MemberChoice] = []
        self.setWindowTitle(self.tr("用户管理"))
        intro = QLabel(
            self.tr(
                "每个用户用自己的口令解锁本数据库。停用的用户不能再解锁；"
                "重新启用时需为其设置新的口令。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("状态"),
                self.tr("创建时间"),
                self.tr("对应组员"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.open_add)
        self.disable_button = QPushButton(self.tr("停用"))
        self.disable_button.setObjectName("disable_user")
        self.disable_button.clicked.connect(self.disable_selected)
        self.roles_button = QPushButton(self.tr("修改角色…"))
        self.roles_button.setObjectName("edit_roles")
        self.roles_button.clicked.connect(self.open_roles)
        self.enable_button = QPushButton(self.tr("启用…"))
        self.enable_button.setObjectName("enable_user")
        self.enable_button.clicked.connect(self.open_enable)
        self.link_button = QPushButton(self.tr("关联组员…"))
        self.link_button.setObjectName("link_member")
        self.link_button.clicked.connect(self.open_link)
        self.unlink_button = QPushButton(self.tr("取消关联"))
        self.unlink_button.setObjectName("unlink_member")
        self.unlink_button.clicked.connect(self.unlink_selected)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.message = message_label()
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.roles_button,
            self.disable_button,
            self.enable_button,
            self.link_button,
            self.unlink_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(920, 420)
        self._selection_changed()
        self.refresh()

    def refresh(self) -> None:
        self.tasks.run(_users_and_links, self._loaded)

    def links_of(self, user: UserInfo) -> list[MemberChoice]:
        return [c for c in self.links if c.user_id == user.id]

    def _loaded(self, result: tuple[list[UserInfo], list[MemberChoice]]) -> None:
        chosen = self.selected()
        rows, self.links = result
        self.users = list(rows)
        self.table.setRowCount(len(rows))
        for i, u in enumerate(rows):
            state = self.tr("停用", "state") if u.disabled else self.tr("启用", "state")
            linked = _tr("；").join(link_text(c) for c in self.links_of(u))
            cells = (
                u.name,
                u.display_name,
                roles_text(u.roles),
                state,
                local_time(u.created_at),
                linked,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if u.disabled:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, column, item)
            if chosen is not None and u.name == chosen.name:
                self.table.selectRow(i)
        self._selection_changed()

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def select_user(self, name: str) -> None:
        for i, u in enumerate(self.users):
            if u.name == name:
                self.table.selectRow(i)

    def _selection_changed(self) -> None:
        user = self.selected()
        self.disable_button.setEnabled(
            user is not None and not user.disabled and user.id != self.me.id
        )
        self.enable_button.setEnabled(user is not None and user.disabled)
        self.roles_button.setEnabled(user is not None)
        admin_only = user is not None and set(user.roles) <= ADMIN_ROLES
        self.link_button.setEnabled(user is not None and not user.disabled and not admin_only)
        self.link_button.setToolTip(
            self.tr("三员不办理巡察业务：只担任三员角色的用户不能关联组员")
            if admin_only
            else self.tr("组长、副组长须关联到部署包中本组的组员，才能复核、审签本组底稿")
        )
        local = [c for c in self.links_of(user) if not c.by_office] if user else []
        self.unlink_button.setEnabled(bool(local))

    # -- actions --------------------------------------------------------------------------------

    def open_add(self) -> AddUserDialog:
        dialog = AddUserDialog(self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.added.connect(self._added)
        dialog.open()
        return dialog

    def _added(self, info: UserInfo) -> None:
        self.message.setStyleSheet("color: palette(mid);")
        self.message.setText(
            self.tr("已添加用户 %1，请把初始口令当面告知本人。").replace("%1", info.name)
        )
        self.refresh()

    def disable_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("停用用户"),
            self.tr("停用 %1 后，其口令不再能解锁本数据库，已录入的记录保留。确定停用？").replace(
                "%1", f"{user.display_name}（{user.name}）"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name = user.name
        self.tasks.run_on_worker(
            lambda worker: users.disable_user(worker.workspace.vault, name),
            lambda _info: self.refresh(),
            self._failed,
        )

    def open_roles(self) -> EditRolesDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = EditRolesDialog(self.tasks, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def open_enable(self) -> EnableUserDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = EnableUserDialog(self.tasks, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def open_link(self) -> LinkMemberDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = LinkMemberDialog(self.tasks, user, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.linked.connect(lambda _view: self.refresh())
        dialog.open()
        return dialog

    def unlink_selected(self) -> None:
        """取消关联: the one local link after a confirmation, or the one picked among several
        (links the office set in the member list are its own to change)."""
        user = self.selected()
        local = [c for c in self.links_of(user) if not c.by_office] if user else []
        if user is None or not local:
            return
        texts = [f"{c.round_name}·{link_text(c)}" for c in local]
        title = self.tr("取消关联")
        if len(local) == 1:
            answer = QMessageBox.question(
                self,
                title,
                self.tr("取消 %1 与组员 %2 的关联？取消后其不能再以该组员身份复核、审签。")
                .replace("%1", f"{user.display_name}（{user.name}）")
                .replace("%2", texts[0]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            chosen = local[0]
        else:
            text, ok = QInputDialog.getItem(
                self, title, self.tr("取消与哪一名组员的关联："), texts, 0, False
            )
            if not ok:
                return
            chosen = local[texts.index(text)]
        name, member_id = user.name, chosen.member_id
        self.tasks.run(
            lambda s: member_links.unlink_member(s, member_id, name),
            lambda _view: self.refresh(),
            self._failed,
            write=True,
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error))


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
        secret = self.passphrase.text()
        self.run(
            lambda worker: users.add_user(
                worker.workspace.vault, name, secret, roles, display_name=display or None
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
            .replace("%1", f"{user.display_name}（{user.name}）")
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
        name, secret = self.user.name, self.passphrase.text()
        self.run(
            lambda worker: users.enable_user(worker.workspace.vault, name, secret),
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
                "%1", f"{user.display_name}（{user.name}）"
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
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.roles)
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
        name = self.user.name
        self.setEnabled(False)
        self.tasks.run_on_worker(
            lambda worker: users.set_user_roles(worker.workspace.vault, name, roles),
            lambda _info: self._saved(),
            self._failed,
        )

    def _saved(self) -> None:
        self.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(error_text(error))
