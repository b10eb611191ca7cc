"""用户管理 (系统管理员 only): the users of this store, adding one, 停用 and 启用, and the 组员 each
acts as on this store (关联组员, ``dialogs/member_link_dialog.py``).

The core decides every rule — who may, the 三员 separation, that nobody disables themself — and
the dialogs show its reasons in place. Adding or enabling a user seals a keyslot (Argon2id, a few
seconds), so that runs on the DB worker while the dialog shows it is busy.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.member_link_dialog import LinkMemberDialog, member_text
from ui.dialogs.passphrase_dialog import message_label
from ui.dialogs.rekey_dialog import RekeyDialog
from ui.dialogs.user_forms import (
    AddUserDialog,
    CosignDialog,
    EditRolesDialog,
    EnableUserDialog,
    roles_text,
)
from ui.errors import error_text
from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.roles import ADMIN_ROLES
from workbench.services import Session, member_links, users
from workbench.services.member_links import MemberChoice
from workbench.workspace import DISABLED_KEEPS_LOGIN, UserInfo


def local_time(value: datetime | None) -> str:
    """A stored (naive UTC) time as the local clock shows it."""
    if value is None:
        return ""
    return value.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _who(user: UserInfo) -> str:
    """“张伟（zhang）” in the UI language's brackets."""
    return aside(user.display_name, user.name)


def _users_and_links(s: Session) -> tuple[list[UserInfo], list[MemberChoice]]:
    return users.list_users(s), member_links.list_links(s)


def link_text(c: MemberChoice) -> str:
    return f"{c.team_name}·{member_text(c)}"


class UsersDialog(QDialog):
    def __init__(
        self, tasks: Tasks, me: UserInfo, parent: QWidget | None = None, *, on_server: bool = False
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.me = me
        self.on_server = on_server  # the office server: no data key to change after 停用
        self.disabled_notice: QMessageBox | None = None
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
        parts = [
            self.tr("停用 %1 后，其口令不再能解锁本数据库，已录入的记录保留。").replace(
                "%1", _who(user)
            )
        ]
        if self.on_server:  # said before the choice: disabling here leaves the database login
            parts.append(core_text(DISABLED_KEEPS_LOGIN))
        parts.append(self.tr("确定停用？"))
        answer = QMessageBox.question(
            self,
            self.tr("停用用户"),
            "\n\n".join(parts),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._disable(user.name, None)

    def _disable(self, name: str, cosign: tuple[str, str] | None) -> None:
        self.tasks.run_on_worker(
            lambda worker: worker.workspace.call(users.cosigned, cosign, users.disable_user, name),
            self._disabled,
            lambda error: self._disable_failed(name, error),
        )

    def _disabled(self, info: UserInfo) -> None:
        """A keyfile copied before still opens the store with the old data key: offer a new one.
        On the office server there is no key to change: the person's database login must go."""
        self.refresh()
        who = _who(info)
        if self.on_server:
            self.disabled_notice = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("停用用户"),
                self.tr("已停用 %1，其口令不再能解锁数据库。").replace("%1", who)
                + "\n\n"
                + core_text(DISABLED_KEEPS_LOGIN),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.disabled_notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.disabled_notice.open()
            return
        answer = QMessageBox.question(
            self,
            self.tr("更换数据密钥"),
            self.tr(
                "已停用 %1。其此前复制的密钥文件仍能打开本数据库，直到更换数据密钥。"
                "是否立即更换数据密钥？"
            ).replace("%1", who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.open_rekey()

    def open_rekey(self) -> RekeyDialog:
        dialog = RekeyDialog(self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _disable_failed(self, name: str, error: BaseException) -> None:
        """Disabling a 安全审计员 or 安全保密管理员: the co-sign step, then again."""
        if not isinstance(error, users.CosignRequired):
            self._failed(error)
            return
        self.cosign_dialog = CosignDialog(error_text(error), self)
        self.cosign_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog = self.cosign_dialog
        dialog.accepted.connect(lambda: self._disable(name, dialog.fields.credentials()))
        dialog.open()

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
                .replace("%1", aside(user.display_name, user.name))
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
