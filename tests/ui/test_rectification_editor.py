"""整改台账 editor and its steps: create linked to a 底稿, edit, 销号 with evidence, 评估."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, press, record_page, save, settle
from ui.editors.rectification_editor import RectificationEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from ui.pages.workflow_actions import CloseOutDialog
from workbench.services.findings import list_findings
from workbench.services.rectification import get_rectification
from workbench.vocab.enums import Grade, RectificationStatus
from workbench.workspace import Workspace


def _select(page: RecordListPage, status: RectificationStatus) -> Any:
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and v.status is status)
    row = page.model.row_of(view.id)
    assert row is not None
    page.table.selectRow(row)
    return view


def test_new_item_linked_to_a_finding_of_the_round(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", RectificationEditor)
    qtbot.waitUntil(lambda: editor.finding.count() > 1, timeout=10000)
    finding = workspace.read(lambda s: list_findings(s, editor.round_id, order="number").items[0])
    editor.finding.set_value(finding.id)
    assert finding.number in editor.finding.currentText()
    editor.areas["problem"].setPlainText("公务用车管理台账缺失，私车公养问题未清理。")
    editor.areas["measures"].setPlainText("建立用车台账，逐车清理。")
    editor.texts["lead_department"].setText("办公室")
    editor.due_date.set_value(date(2027, 3, 31))
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_rectification(s, saved.id))
    assert stored.finding_id == finding.id and stored.due_date == date(2027, 3, 31)
    assert stored.number.startswith("ZG-") and stored.status is RectificationStatus.NOT_STARTED
    assert stored.measures == "建立用车台账，逐车清理。" and stored.lead_department == "办公室"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    window.close()


def test_edit_item_and_a_refusal_under_its_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    target = _select(page, RectificationStatus.NOT_STARTED)
    editor = open_editor(qtbot, window, page, "edit", RectificationEditor)
    qtbot.waitUntil(lambda: editor.finding.value() == target.finding_id, timeout=10000)
    assert editor.areas["problem"].toPlainText() == target.problem
    editor.areas["problem"].setPlainText("")
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_problem")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-VALIDATION" in error.text() and editor.isVisible()
    editor.areas["problem"].setPlainText(target.problem)
    editor.areas["progress_notes"].setPlainText("已召开专题会议部署整改。")
    editor.due_date.set_value(None)
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_rectification(s, target.id))
    assert stored.progress_notes == "已召开专题会议部署整改。" and stored.due_date is None
    assert stored.finding_id == target.finding_id
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def _close_out_dialog(qtbot: QtBot, window: MainWindow, page: RecordListPage) -> CloseOutDialog:
    press(page, "close_out")
    found: list[CloseOutDialog] = []

    def opened() -> bool:
        found[:] = [d for d in page.findChildren(CloseOutDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(opened, timeout=10000)
    return found[0]


def test_close_out_is_refused_without_evidence_then_done_with_a_dropped_file(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    target = _select(page, RectificationStatus.IN_PROGRESS)
    dialog = _close_out_dialog(qtbot, window, page)
    dialog.note.setPlainText("台账已建立，整改到位。")
    dialog.ok_button.click()
    error = dialog.findChild(QLabel, "error_evidence_sha256")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-VALIDATION" in error.text() and "佐证" in error.text()
    assert workspace.read(lambda s: get_rectification(s, target.id)).status is target.status
    proof = tmp_path / "整改佐证.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence " * 40000)  # several chunks: streamed in
    dialog.evidence.add_file(proof)
    qtbot.waitUntil(lambda: bool(dialog.evidence.shas()), timeout=15000)
    with qtbot.waitSignal(dialog.closed, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    stored = workspace.read(lambda s: get_rectification(s, target.id))
    assert stored.status is RectificationStatus.DONE and stored.closed_on == date.today()
    assert stored.evidence_sha256 == tuple(dialog.evidence.shas())
    assert "台账已建立，整改到位。" in stored.progress_notes
    qtbot.waitUntil(lambda: "已完成" in page.detail.toPlainText(), timeout=10000)
    window.close()


def _answer_grade(label: str) -> None:
    """Pick ``label`` in the modal grade question once it is up."""

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, pick)
            return
        dialog.setTextValue(label)
        dialog.accept()

    QTimer.singleShot(0, pick)


def test_grade_a_finished_item_and_a_refused_grade(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    done = _select(page, RectificationStatus.DONE)
    wanted = next(g for g in Grade if g is not done.grade)
    _answer_grade(wanted.label)
    press(page, "grade")
    qtbot.waitUntil(
        lambda: workspace.read(lambda s: get_rectification(s, done.id)).grade is wanted,
        timeout=10000,
    )
    settle(qtbot, window)
    assert warnings == []
    _select(page, RectificationStatus.NOT_STARTED)
    _answer_grade(Grade.GOOD.label)
    press(page, "grade")
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "WB-WORKFLOW" in warnings[0] and "尚未完成" in warnings[0]
    window.close()


def test_undo_and_a_recovered_draft_restore_every_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    target = _select(page, RectificationStatus.NOT_STARTED)
    editor = open_editor(qtbot, window, page, "edit", RectificationEditor)
    qtbot.waitUntil(lambda: editor.finding.value() == target.finding_id, timeout=10000)
    original = editor.state()
    other = editor.finding.itemData(1 if editor.finding.currentIndex() != 1 else 2)
    editor.finding.set_value(other)
    editor.texts["responsible_person"].setText("钱七")
    editor.due_date.set_value(None)
    editor.close_undo_step()  # what a typing pause does
    typed = editor.state()
    editor.undo()
    assert editor.state() == original
    editor.redo()
    assert editor.state() == typed
    # a recovered draft is put in before the worker has listed the findings: the link waits
    again = RectificationEditor(
        window.tasks, round_id=editor.round_id, view=editor.view, parent=window
    )
    again.restore_draft(typed)
    qtbot.waitUntil(lambda: again.finding.count() > 1, timeout=10000)
    assert again.state() == typed and again.finding.currentData() == other
    for e in (editor, again):
        e.discard()
        e.hide()
    settle(qtbot, window)
    window.close()
