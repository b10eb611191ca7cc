"""三员分立 in the desktop: a user holding only 三员 roles sees the pages of their duty and a note
why the case pages are absent; the auditor sees who opened which record, in Chinese; an empty
信访件 is refused by its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, settle
from ui.editors.letter_editor import LetterEditor
from ui.main_window import MainWindow
from ui.pages.audit_page import AuditPage
from ui.pages.letters_page import LettersPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.roles import Role
from workbench.services.letters import WHAT_IT_REPORTS
from workbench.services.reads import RECORD_READ
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.workspace import Workspace


def _visible_pages(window: MainWindow) -> set[str]:
    return {
        window.nav.item(row).data(0x0100)  # Qt.ItemDataRole.UserRole
        for row in range(window.nav.count())
        if not window.nav.item(row).isHidden()
    }


def _window_of(qtbot: QtBot, demo_dir: Path, user: str) -> MainWindow:
    window = MainWindow(Workspace.open(demo_dir, user, DEMO_PASSPHRASE))
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.workspace.lock()


def test_a_three_role_alone_sees_only_the_pages_of_their_duty(qtbot: QtBot, demo_dir: Path) -> None:
    errors: list[BaseException] = []
    auditor = _window_of(qtbot, demo_dir, "sunqiang")
    auditor.tasks.default_error = errors.append  # a refused case read would land here
    assert _visible_pages(auditor) == {"separation", "audit"}
    icons = {
        auditor.nav.item(row).data(0x0100): auditor.nav.item(row).icon()
        for row in range(auditor.nav.count())
    }
    assert not icons["separation"].isNull()  # lined up with 审计日志 under it
    assert not auditor.round_combo.isVisible() and not auditor.target_combo.isVisible()
    note = auditor.findChild(QWidget, "separation_note")
    assert note is not None and note.isVisible()
    text = note.findChild(QLabel).text()
    assert "安全审计员只能查看审计日志，不能查看案件内容" in text
    (search,) = [a for a in auditor.toolbar.actions() if a.text() == "检索"]
    assert not search.isEnabled()  # the core would refuse it too
    settle(qtbot, auditor)
    assert not errors
    _close(auditor)

    secadmin = _window_of(qtbot, demo_dir, "zhaoli")
    secadmin.tasks.default_error = errors.append
    assert _visible_pages(secadmin) == {"separation"}
    settle(qtbot, secadmin)
    _close(secadmin)

    leader = Vault.open(demo_dir, "wangjg", DEMO_PASSPHRASE)
    add_user(leader, "xitong", DEMO_PASSPHRASE, (Role.SYSADMIN,))
    leader.lock()
    sysadmin = _window_of(qtbot, demo_dir, "xitong")
    sysadmin.tasks.default_error = errors.append
    assert _visible_pages(sysadmin) == {"separation", "exchange"}  # a field store: no 设备管理
    sysadmin.show_page("exchange")
    settle(qtbot, sysadmin)
    _close(sysadmin)
    assert not errors

    leader = _window_of(qtbot, demo_dir, "wangjg")  # 组长 and 系统管理员: a business role too
    assert "separation" not in leader.pages and {"letters", "findings"} <= _visible_pages(leader)
    _close(leader)


def test_the_auditor_sees_who_opened_a_record(
    qtbot: QtBot, workspace: Workspace, demo_dir: Path
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    assert isinstance(page, LettersPage)
    view = page.model.view_at(0)
    assert view is not None
    page.table.selectRow(0)
    settle(qtbot, window)
    editor = open_editor(qtbot, window, page, "edit", LetterEditor)
    editor.reject()
    settle(qtbot, window)
    window.close()

    auditor = _window_of(qtbot, demo_dir, "sunqiang")
    auditor.show_page("audit")
    log = auditor.pages["audit"]
    assert isinstance(log, AuditPage)
    qtbot.waitUntil(lambda: log.model.total > 0 and not auditor.tasks.busy, timeout=10000)
    reads = [
        e
        for e in (log.model.view_at(r) for r in range(log.model.rowCount()))
        if e is not None and e.action == RECORD_READ and e.object_id == view.id
    ]
    assert reads and reads[0].actor_name == "wangjg"
    action_column = [c.key for c in log.model.columns].index("action")
    shown = {log.model.data(log.model.index(r, action_column)) for r in range(log.model.rowCount())}
    assert "查看记录" in shown and RECORD_READ not in shown
    kind_column = [c.key for c in log.model.columns].index("object_type")
    kinds = {log.model.data(log.model.index(r, kind_column)) for r in range(log.model.rowCount())}
    assert "信访件" in kinds and "letters" not in kinds  # what it is, not the table's name
    first = log.model.view_at(0)
    assert first is not None and log.describe(first).count("对象：") == 1
    _close(auditor)


def test_an_empty_letter_is_refused_by_its_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    assert isinstance(page, LettersPage)
    before = page.model.total
    editor = page.register()
    assert editor is not None
    settle(qtbot, window)
    editor.save()
    error = editor.form.errors["summary"]  # the field that names what the letter reports
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert WHAT_IT_REPORTS in error.text() and "WB-VALIDATION" in error.text()
    settle(qtbot, window)
    assert page.model.total == before and editor.isVisible()
    editor.reject()
    window.close()
