"""个别谈话 editor: create with a typed transcript, edit, errors by the field, undo/redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.editors.interview_editor import InterviewEditor
from workbench.services.interviews import get_interview
from workbench.workspace import Workspace


def _fill_particulars(editor: InterviewEditor) -> None:
    editor.texts["interviewers"].setText("王建国、李文")
    editor.texts["recorder"].setText("李文")
    editor.texts["subject_name"].setText("赵红梅")
    editor.texts["subject_position"].setText("财务科科长")


def test_new_interview_with_a_transcript_typed_from_the_keyboard(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "interviews")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", InterviewEditor)
    _fill_particulars(editor)
    first = editor.turns.rows[0][1]
    first.setFocus()
    first.insertPlainText("近三年食堂采购由谁审批？")  # what an input method commits
    qtbot.keyClick(first, Qt.Key.Key_Return)  # → its answer
    answer = editor.turns.rows[0][2]
    assert answer.hasFocus()
    answer.insertPlainText("由分管副局长审批。")
    qtbot.keyClick(answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # next turn
    assert len(editor.turns.rows) == 2 and editor.turns.rows[1][1].hasFocus()
    editor.turns.rows[1][1].insertPlainText("有无集体研究？")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_interview(s, saved.id))
    assert [(t.question, t.answer) for t in stored.turns] == [
        ("近三年食堂采购由谁审批？", "由分管副局长审批。"),
        ("有无集体研究？", ""),
    ]
    assert stored.subject_name == "赵红梅" and stored.interviewers == ("王建国", "李文")
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    assert saved.number in page.detail.toPlainText()
    window.close()


def test_edit_keeps_the_transcript_and_refusals_land_by_the_field(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "interviews")
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    target = next(v for v in views if v is not None and not v.confirmed and v.turns)
    page.show_record(target)
    editor = open_editor(qtbot, window, page, "edit", InterviewEditor)
    assert editor.turns.pairs() == [(t.question, t.answer) for t in target.turns]
    editor.texts["recorder"].setText("不在谈话人中")
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_recorder")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-" in error.text() and editor.isVisible()
    editor.texts["recorder"].setText(target.recorder)
    editor.summary.setPlainText("摘要已补充")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_interview(s, target.id))
    assert stored.summary == "摘要已补充" and stored.turns == target.turns
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_undo_and_redo_across_the_form_also_from_a_text_field(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "interviews")
    editor = open_editor(qtbot, window, page, "new", InterviewEditor)
    place = editor.texts["place"]
    place.setFocus()
    place.insert("第一会议室")
    editor.close_undo_step()  # what a typing pause does
    subject = editor.texts["subject_name"]
    subject.setFocus()
    subject.insert("钱某")
    qtbot.keyClick(subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert subject.text() == "" and place.text() == "第一会议室"
    editor.undo()
    assert place.text() == ""
    editor.redo()
    editor.redo()
    assert place.text() == "第一会议室" and subject.text() == "钱某"
    editor.discard()
    editor.hide()
    settle(qtbot, window)
    window.close()
