"""``workbench-gui --screenshots DIR``: every page of the demo store rendered to PNG.

Used for the README and the user guide, and by us to look at what users see.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from ui.admin import is_admin, open_backup, open_restore, open_users
from ui.dialogs.first_run_wizard import FirstRunWizard
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.dialogs.users_dialog import EditRolesDialog, EnableUserDialog
from ui.editors.registry import EDITORS
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.roles import Role
from workbench.workspace import Workspace, store_exists


def settle(app: QApplication, window: MainWindow, timeout: float = 20.0) -> None:
    """Process events until the worker has nothing pending (and a little more for paints)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.tasks.busy:
            for _ in range(5):
                app.processEvents()
                time.sleep(0.02)
            if not window.tasks.busy:
                return
        time.sleep(0.01)


def take_screenshots(app: QApplication, out_dir: Path, store: Path | None = None) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-shots-") as tmp:
        directory = store if store and store_exists(store) else Path(tmp) / "demo"
        if not store_exists(directory):
            vault, _ = create_demo_store(directory)
            vault.lock()
        workspace = Workspace.open(directory, DEMO_LEADER, DEMO_PASSPHRASE)
        window = MainWindow(workspace)
        window.resize(1366, 820)
        window.show()
        settle(app, window)
        _backup_reminder(app, window, out_dir)
        for number, key in enumerate(window.pages, 1):
            window.show_page(key)
            settle(app, window)
            save(window, out_dir / f"{number:02d}-{key}.png")
        _dialogs(app, window, out_dir, directory)
        window.close()
        workspace.lock()
    return 0


def _backup_reminder(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """The reminder above the pages (the demo store was never backed up), then out of the way
    of the page screenshots."""
    if window.backup_reminder.isVisible():
        save(window, out_dir / "main-backup-reminder.png")
    window.backup_reminder.hide()
    app.processEvents()


def _administration(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """用户管理 (添加用户: the warning, then a refused combination; 启用; 修改角色), 备份,
    从备份恢复 and 设置. Nothing is written to the store."""
    users = open_users(window)
    settle(app, window)
    users.table.selectRow(0)
    save(users, out_dir / "dialog-users.png")
    add = users.open_add()
    add.name.setText("zhangwei")
    add.role_boxes[Role.MEMBER].setChecked(True)
    add.role_boxes[Role.SYSADMIN].setChecked(True)
    app.processEvents()
    save(add, out_dir / "dialog-add-user.png")
    add.role_boxes[Role.MEMBER].setChecked(False)
    add.role_boxes[Role.AUDITOR].setChecked(True)
    app.processEvents()
    save(add, out_dir / "dialog-add-user-refused.png")
    add.reject()
    if users.users:
        enable = EnableUserDialog(window.tasks, users.users[-1], users)
        enable.show()
        app.processEvents()
        save(enable, out_dir / "dialog-enable-user.png")
        enable.reject()
        roles = EditRolesDialog(window.tasks, users.users[-1], users)
        roles.show()
        app.processEvents()
        save(roles, out_dir / "dialog-edit-roles.png")
        roles.reject()
    users.accept()
    for name, dialog in (("backup", open_backup(window)), ("restore", open_restore(window))):
        app.processEvents()
        save(dialog, out_dir / f"dialog-{name}.png")
        dialog.reject()
    preferences = window.open_settings()
    app.processEvents()
    save(preferences, out_dir / "dialog-settings.png")
    preferences.reject()


def save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def _dialogs(app: QApplication, window: MainWindow, out_dir: Path, store: Path) -> None:
    """The editors (on the first record of their page), search, unlock (and 忘记口令), 修改口令, the
    administration and the first-run wizard."""
    for kind, spec in EDITORS.items():
        page = window.pages[spec.page]
        window.show_page(spec.page)
        settle(app, window)
        if not isinstance(page, RecordListPage) or not page.model.total:
            continue
        page.table.selectRow(0)
        settle(app, window)
        button = page.findChild(QPushButton, "edit")
        if button is None:
            continue
        button.click()
        settle(app, window)
        for editor in [e for e in window.findChildren(spec.editor) if e.isVisible()]:
            save(editor, out_dir / f"editor-{kind}.png")
            editor.hide()
            editor.deleteLater()
    letters = window.pages["letters"]
    first = letters.model.view_at(0) if isinstance(letters, RecordListPage) else None
    search = window.open_search()
    search.query.setText(first.summary[:2] if first is not None else "")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not search.results.count():
        app.processEvents()
        time.sleep(0.02)
    settle(app, window)
    save(search, out_dir / "dialog-search.png")
    search.close()
    unlock = UnlockDialog(store, DEMO_LEADER)
    unlock.show()
    app.processEvents()
    save(unlock, out_dir / "dialog-unlock.png")
    recovery = unlock.open_recovery()
    app.processEvents()
    save(recovery, out_dir / "dialog-recovery.png")
    recovery.reject()
    unlock.close()
    change = window.open_change_passphrase()
    app.processEvents()
    save(change, out_dir / "dialog-change-passphrase.png")
    change.reject()
    if is_admin(window):
        _administration(app, window, out_dir)
    with tempfile.TemporaryDirectory(prefix="wb-wizard-") as tmp:
        wizard = FirstRunWizard(Path(tmp) / "new-store")
        wizard.show()
        app.processEvents()
        save(wizard, out_dir / "dialog-first-run.png")
        wizard.done(QDialog.DialogCode.Rejected)
