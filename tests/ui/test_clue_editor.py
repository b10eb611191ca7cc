"""问题线索 editor and the clue workflow buttons: create and edit through the main window, a
refusal by its field, 移交 → 接收 with a wrong time corrected in the dialog, a refused 办结."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.dialogs.step_dialog import StepDialog
from ui.editors.clue_editor import ClueEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.clues import get_clue
from workbench.vocab.enums import ClueStatus
from workbench.workspace import Workspace


def _select(page: RecordListPage, record_id: str) -> None:
    row = page.model.row_of(record_id)
    assert row is not None
    page.table.selectRow(row)


def _pick(qtbot: QtBot, window: MainWindow, page: RecordListPage, status: ClueStatus) -> Any:
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and v.status is status)
    _select(page, view.id)
    settle(qtbot, window)
    return view


def _step(qtbot: QtBot, window: MainWindow, page: RecordListPage, button: str) -> StepDialog:
    found = page.findChild(QPushButton, button)
    assert found is not None, button
    found.click()
    dialogs = [d for d in window.findChildren(StepDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_register_and_edit_a_clue(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "clues")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", ClueEditor)
    editor.texts["subject_name"].setText("钱某")
    editor.texts["subject_position"].setText("县民政局副局长")
    editor.disciplines.boxes["JL-3"].setChecked(True)
    editor.save_button.click()  # no problem described: the core refuses, by the field
    error = editor.findChild(QLabel, "error_problem")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-" in error.text() and editor.isVisible()
    editor.problem.setPlainText("钱某涉嫌在低保审批中收受好处费约3万元。")
    created = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_clue(s, created.id))
    assert stored.subject_name == "钱某" and stored.subject_level.value == "county"
    assert stored.disciplines == ("JL-3",) and stored.status is ClueStatus.REGISTERED
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    assert created.number in page.detail.toPlainText()
    # 编辑 the clue just registered (the page shows it selected)
    _select(page, created.id)
    editor = open_editor(qtbot, window, page, "edit", ClueEditor)
    assert editor.problem.toPlainText() == stored.problem
    editor.transfer_unit.set_value("organization_dept")
    editor.feedback_due.set_value(stored.meta.created_at.date() + timedelta(days=60))
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_clue(s, created.id))
    assert stored.transfer_unit.value == "organization_dept"
    assert stored.feedback_due == created.meta.created_at.date() + timedelta(days=60)
    assert stored.meta.version == saved.meta.version > created.meta.version
    window.close()


def test_transfer_receive_and_a_refused_close(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.step_dialog.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "clues")
    clue = _pick(qtbot, window, page, ClueStatus.REGISTERED)
    dialog = _step(qtbot, window, page, "clue_transfer")
    with qtbot.waitSignal(dialog.finished_step, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    moved = workspace.read(lambda s: get_clue(s, clue.id))
    assert moved.status is ClueStatus.TRANSFERRED and moved.transferred_by  # the current user
    assert warnings == []
    # 接收 dated before the 移交: refused under its field, corrected in the same dialog
    _select(page, clue.id)
    dialog = _step(qtbot, window, page, "clue_receive")
    dialog.fields["received_by"].setText("县纪委监委信访室 周某")
    assert moved.transferred_at is not None
    dialog.fields["received_at"].setDateTime(QDateTime(moved.transferred_at - timedelta(days=2)))
    dialog.ok_button.click()
    error = dialog.form.errors["received_at"]
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-" in error.text() and dialog.isVisible() and warnings == []
    dialog.fields["received_at"].setDateTime(QDateTime(moved.transferred_at + timedelta(hours=3)))
    with qtbot.waitSignal(dialog.finished_step, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    received = workspace.read(lambda s: get_clue(s, clue.id))
    assert (
        received.status is ClueStatus.RECEIVED and received.received_by == "县纪委监委信访室 周某"
    )
    assert clue.number in page.detail.toPlainText()
    # 办结 before any 反馈: the core refuses the step and the page says why
    _select(page, clue.id)
    dialog = _step(qtbot, window, page, "clue_close")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "WB-WORKFLOW" in warnings[0] and not dialog.isVisible()
    assert workspace.read(lambda s: get_clue(s, clue.id)).status is ClueStatus.RECEIVED
    window.close()
