"""What the 系统管理员 gets in the main window: 用户管理, 备份, 从备份恢复 and 更换数据密钥 in the
账户 menu, and the backup reminder above the pages. Others get none of it (the core refuses them
anyway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from ui.dialogs.backup_dialog import BackupDialog, RestoreDialog
from ui.dialogs.rekey_dialog import RekeyDialog
from ui.dialogs.users_dialog import UsersDialog
from ui.i18n import tr as _tr
from ui.widgets.backup_reminder import BackupReminder
from workbench.workspace import Role

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def is_admin(window: MainWindow) -> bool:
    return Role.SYSADMIN in window.workspace.user.roles


def add_admin_actions(window: MainWindow, menu: QMenu) -> None:
    """The 系统管理员's entries in the 账户 menu."""
    if not is_admin(window):
        return
    menu.addSeparator()
    menu.setToolTipsVisible(True)  # on the server's store: why a job is not offered, or its scope
    for name, text, slot in (
        ("manage_users", _tr("用户管理…"), lambda: open_users(window)),
        ("backup", _tr("备份…"), lambda: open_backup(window)),
        ("restore", _tr("从备份恢复…"), lambda: open_restore(window)),
        ("rekey", _tr("更换数据密钥…"), lambda: open_rekey(window)),
    ):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        if window.workspace.on_server:
            reason = _server_reasons().get(name)
            note = reason or _server_notes().get(name)
            action.setEnabled(reason is None)
            if note is not None:
                action.setToolTip(note)
                action.setStatusTip(note)
        menu.addAction(action)


def _server_reasons() -> dict[str, str]:
    """Why a 系统管理员's job is not offered on the office server (the core refuses it too)."""
    return {
        "backup": _tr("巡察办服务器上的数据库由数据库管理员在服务器上备份"),
        "rekey": _tr(
            "巡察办服务器上的数据不由本程序加密，没有数据密钥可换；"
            "停用人员时，请数据库管理员停用其数据库账号"
        ),
    }


def _server_notes() -> dict[str, str]:
    """What a job offered on a server-linked desktop does there, where it could be misread."""
    return {
        # a backup file (a field laptop's, or this office's from before its migration) becomes
        # a new database in a folder on this computer: the server is not touched
        "restore": _tr("把备份恢复为本机新文件夹中的数据库，不改动巡察办服务器上的数据库"),
    }


def with_backup_reminder(window: MainWindow, body: QWidget) -> tuple[QWidget, BackupReminder]:
    """``body`` under the backup reminder bar (shown to the 系统管理员 only, when due)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    reminder = BackupReminder(window.tasks, page)
    layout.addWidget(reminder)
    layout.addWidget(body, 1)
    if is_admin(window) and not window.workspace.on_server:  # the server's backups: its DBA's
        reminder.backup_requested.connect(lambda: open_backup(window))
        window.unlocked.connect(reminder.refresh)
        reminder.refresh()
    return page, reminder


def refresh_reminder(window: MainWindow) -> None:
    if is_admin(window) and not window.workspace.on_server:
        window.backup_reminder.refresh()


def open_users(window: MainWindow) -> UsersDialog:
    dialog = UsersDialog(
        window.tasks, window.workspace.user, window, on_server=window.workspace.on_server
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_backup(window: MainWindow) -> BackupDialog:
    dialog = BackupDialog(window.tasks, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.backed_up.connect(lambda _done: refresh_reminder(window))
    dialog.open()
    return dialog


def open_restore(window: MainWindow) -> RestoreDialog:
    dialog = RestoreDialog(window.tasks, window.workspace.user.name, window.directory, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_rekey(window: MainWindow) -> RekeyDialog:
    dialog = RekeyDialog(window.tasks, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
