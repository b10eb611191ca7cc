"""监督清单 editor: seeded items are edited only — status, notes and linked 底稿."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.editors.focus_editor import FocusEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.focus import FocusItemView, get_focus_item
from workbench.vocab.enums import FocusStatus
from workbench.workspace import Workspace


def _open_unlinked(
    qtbot: QtBot, window: MainWindow, page: RecordListPage
) -> tuple[FocusItemView, FocusEditor]:
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    target = next(v for v in views if v is not None and not v.finding_ids)
    row = page.model.row_of(target.id)
    assert row is not None
    page.table.selectRow(row)
    editor = open_editor(qtbot, window, page, "edit", FocusEditor)
    qtbot.waitUntil(lambda: editor.findings.count() > 1, timeout=10000)
    return target, editor


def test_focus_item_links_findings_and_no_new_button(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "focus")
    assert page.findChild(QPushButton, "new") is None  # seeded from the catalog
    assert page.findChild(QPushButton, "edit") is not None
    target, editor = _open_unlinked(qtbot, window, page)
    assert editor.code.text() == target.item_code and editor.item_title.text() == target.title
    assert editor.status_combo.value() == target.status.value
    editor.status_combo.set_value(FocusStatus.NOT_STARTED)
    item = editor.findings.item(0)
    item.setCheckState(Qt.CheckState.Checked)  # a linked 底稿 means a problem was found
    assert editor.status_combo.value() == FocusStatus.PROBLEM_FOUND.value
    finding_id = item.data(Qt.ItemDataRole.UserRole)
    editor.notes.setPlainText("调阅台账发现问题，已形成底稿。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_focus_item(s, target.id))
    assert stored.finding_ids == (finding_id,) and stored.status is FocusStatus.PROBLEM_FOUND
    assert stored.notes == "调阅台账发现问题，已形成底稿。"
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_status_contradicting_a_linked_finding_is_refused(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "focus")
    target, editor = _open_unlinked(qtbot, window, page)
    editor.findings.item(1).setCheckState(Qt.CheckState.Checked)
    editor.status_combo.set_value(FocusStatus.NO_PROBLEM)  # chosen after linking: contradicts
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_status")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-VALIDATION" in error.text() and editor.isVisible()
    stored = workspace.read(lambda s: get_focus_item(s, target.id))
    assert stored.finding_ids == () and stored.meta.version == target.meta.version
    editor.discard()
    editor.hide()
    window.close()


def test_undo_and_a_recovered_draft_restore_every_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "focus")
    _target, editor = _open_unlinked(qtbot, window, page)
    # whichever item it is: from 未开展, ticking a finding turns the status to 发现问题
    editor.status_combo.set_value(FocusStatus.NOT_STARTED)
    editor.close_undo_step()  # what a typing pause does
    original = editor.state()
    editor.findings.item(2).setCheckState(Qt.CheckState.Checked)
    editor.notes.setPlainText("草稿中的记录")
    editor.close_undo_step()  # what a typing pause does
    typed = editor.state()
    assert typed["finding_ids"] and typed["status"] == FocusStatus.PROBLEM_FOUND.value
    editor.undo()
    assert editor.state() == original
    editor.redo()
    assert editor.state() == typed
    again = FocusEditor(window.tasks, round_id=editor.round_id, view=editor.view, parent=window)
    again.restore_draft(typed)  # before its finding list is loaded: the checks wait for it
    qtbot.waitUntil(lambda: again.findings.count() > 2, timeout=10000)
    assert again.state() == typed
    assert again.findings.item(2).checkState() == Qt.CheckState.Checked
    for e in (editor, again):
        e.discard()
        e.hide()
    settle(qtbot, window)
    window.close()
