"""``workbench-gui --screenshots DIR``: every page of the demo store rendered to PNG, and the
office's round wizard and 轮次配置 page on fresh office stores (``screenshots_office.py``).

Used for the README and the user guide, and by us to look at what users see.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from ui.admin import is_admin, open_backup, open_restore, open_users
from ui.dialogs.first_run_wizard import FirstRunWizard
from ui.dialogs.member_link_dialog import LinkMemberDialog
from ui.dialogs.rectification_followup_dialog import FollowThroughDialog
from ui.dialogs.round_wizard import RoundWizard, open_round_wizard
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.dialogs.user_forms import EditRolesDialog, EnableUserDialog
from ui.editors.registry import EDITORS
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from ui.screenshots_datacheck import take_datacheck_screenshots
from ui.screenshots_documents import take_document_screenshots
from ui.screenshots_office import take_office_screenshots
from ui.screenshots_setup import setup_import_dialog
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.demo_data.letters import VOID_EXAMPLE_REASON
from workbench.roles import ADMIN_ROLES, Role
from workbench.services import Session
from workbench.services.letters import list_letters
from workbench.services.voiding import void
from workbench.vocab.enums import LetterStatus
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
    """Every page of the demo, offscreen. No cyclic collection meanwhile: windows come and go,
    each with its own DB worker, and a collection on the GUI thread while a worker was inside
    SQLAlchemy crashed this run (ui/garbage.py has the app's rule; one run can afford none)."""
    gc.disable()
    try:
        return _take_screenshots(app, out_dir, store)
    finally:
        gc.enable()


def _take_screenshots(app: QApplication, out_dir: Path, store: Path | None) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-shots-") as tmp:
        directory = Path(tmp) / "demo"
        if store and store_exists(store):  # a scratch copy: the editors shown leave drafts
            shutil.copytree(store, directory)
        else:
            vault, _ = create_demo_store(directory)
            with vault.session() as session:  # one voided letter, for 显示已作废
                _void_example(session)
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
        _voided_and_follow_through(app, window, out_dir)
        take_datacheck_screenshots(app, window, out_dir, settle)  # imports the synthetic lists
        window.close()
        take_document_screenshots(app, workspace, out_dir, settle)
        workspace.lock()
        _office_round(app, out_dir, Path(tmp) / "office")
    take_office_screenshots(app, out_dir, settle)
    from ui.screenshots_first_use import take_first_use_screenshots

    take_first_use_screenshots(app, out_dir)
    return 0


def _void_example(session: Session) -> None:
    """The last 已登记 letter of the demo store, voided (on a store of our own only)."""
    registered = [
        v for v in list_letters(session, limit=1000).items if v.status is LetterStatus.REGISTERED
    ]
    if registered:
        void(session, "letters", registered[-1].id, VOID_EXAMPLE_REASON)


def _voided_and_follow_through(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """信访件 with 显示已作废 ticked and the voided letter selected (its mark and reason), then
    整改台账's 整改跟踪 for the first item with a unit. Nothing is written to the store."""
    letters = window.pages["letters"]
    if isinstance(letters, RecordListPage) and letters.voided_supported:
        window.show_page("letters")
        letters.show_voided.setChecked(True)
        settle(app, window)
        for row in range(letters.model.rowCount()):
            view = letters.model.view_at(row)
            if view is not None and view.meta.deleted:
                letters.table.selectRow(row)
                letters.table.scrollTo(letters.model.index(row, 0))
                break
        settle(app, window)
        save(window, out_dir / "main-voided.png")
        letters.show_voided.setChecked(False)
        settle(app, window)
    ledger = window.pages["rectification"]
    if not isinstance(ledger, RecordListPage):
        return
    window.show_page("rectification")
    settle(app, window)
    for row in range(ledger.model.rowCount()):
        view = ledger.model.view_at(row)
        if view is not None and view.target_id:
            ledger.table.selectRow(row)
            break
    settle(app, window)
    button = ledger.findChild(QPushButton, "followup")
    if button is None:
        return
    button.click()
    settle(app, window)
    for dialog in [d for d in window.findChildren(FollowThroughDialog) if d.isVisible()]:
        save(dialog, out_dir / "dialog-follow-through.png")
        dialog.reject()


def _backup_reminder(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """The reminder above the pages (the demo store was never backed up), then out of the way
    of the page screenshots."""
    if window.backup_reminder.isVisible():
        save(window, out_dir / "main-backup-reminder.png")
    window.backup_reminder.hide()
    app.processEvents()


def _administration(app: QApplication, window: MainWindow, out_dir: Path) -> None:
    """用户管理 (添加用户: the warning, then a refused combination; 启用; 修改角色; 关联组员), 备份,
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
        workers = [u for u in users.users if not set(u.roles) <= ADMIN_ROLES]
        link = LinkMemberDialog(window.tasks, workers[-1] if workers else users.users[-1], users)
        link.show()
        settle(app, window)
        free = next((c for c in link.members if not c.user_id), None)
        if free is not None:  # a member nobody acts as yet, as the 系统管理员 would pick
            link.select(free.member_id)
        app.processEvents()
        save(link, out_dir / "dialog-link-member.png")
        link.reject()
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
    setup_import_dialog(app, out_dir / "dialog-setup-import.png")


def _office_round(app: QApplication, out_dir: Path, directory: Path) -> None:
    """巡察办 on a fresh office store: the round wizard's pages (a 专项 round with phase dates),
    then 概览 with the new round's header after its 方案 was filed."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QRadioButton, QWizard

    from workbench.demo_data import office_round as example
    from workbench.services.round_plan import file_plan

    workspace, _ = Workspace.create(
        directory, user_name="ban", passphrase=DEMO_PASSPHRASE, store_role="office"
    )
    window = MainWindow(workspace)
    window.resize(1366, 768)
    window.show()
    settle(app, window)
    save(window, out_dir / "office-dashboard-empty.png")
    saved: list[Any] = []
    wizard = open_round_wizard(window.tasks, window, saved.append, None)
    settle(app, window)
    term = wizard.findChild(QLineEdit, "term")
    auth = wizard.findChild(QLineEdit, "authorization_no")
    if term is not None and auth is not None:
        term.setText(example.TERM)
        auth.setText(example.AUTHORIZATION_NO)
    save(wizard, out_dir / "office-round-wizard-1.png")
    wizard.next()
    special = wizard.findChild(QRadioButton, "type_special")
    topic = wizard.findChild(QLineEdit, "topic")
    if special is not None and topic is not None:
        special.click()
        topic.setText(example.TOPIC)
    app.processEvents()
    save(wizard, out_dir / "office-round-wizard-2.png")
    wizard.next()
    spans = [(3, 2, 3, 13), (3, 16, 5, 15), (5, 16, 5, 31), (6, 1, 5, 31)]
    for phase, (m1, d1, m2, d2) in zip(
        ("preparation", "stationing", "reporting", "feedback"), spans, strict=True
    ):
        box = wizard.findChild(QCheckBox, f"dates_{phase}")
        start = wizard.findChild(QDateEdit, f"start_{phase}")
        end = wizard.findChild(QDateEdit, f"end_{phase}")
        if box is None or start is None or end is None:
            continue
        box.click()
        start.setDate(QDate(2026, m1, d1))
        end.setDate(QDate(2026, m2, d2))
    app.processEvents()
    save(wizard, out_dir / "office-round-wizard-3.png")  # 反馈 ends before it starts: shown
    end = wizard.findChild(QDateEdit, "end_feedback")
    if end is not None:
        end.setDate(QDate(2026, 6, 12))
    wizard.next()
    app.processEvents()
    save(wizard, out_dir / "office-round-wizard-4.png")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    settle(app, window)
    if saved:
        round_id = saved[0].id
        window.tasks.run(lambda s: file_plan(s, round_id), write=True)
        window.reload_rounds(select=round_id)
        window.show_page("dashboard")
        settle(app, window)
        save(window, out_dir / "office-dashboard-round.png")
    for leftover in window.findChildren(RoundWizard):
        leftover.close()
    window.close()
    workspace.lock()
