"""工作记录 editor: create with the work method following the type, edit, errors by the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.editors.activity_editor import ActivityEditor
from workbench.services.activities import get_activity
from workbench.vocab.enums import ActivityType
from workbench.workspace import Workspace


def test_new_activity_takes_the_method_of_its_type(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "activities")
    before = page.model.total
    editor = open_editor(qtbot, window, page, "new", ActivityEditor)
    editor.method.set_value("FS-01")  # 听取汇报's method, chosen explicitly
    editor.activity_type.set_value(ActivityType.FORUM)  # … follows the type to 座谈会's
    assert editor.method.value() == "FS-07"
    editor.method.set_value("FS-12")  # a method chosen by hand stays when the type changes
    editor.activity_type.set_value(ActivityType.SPECIAL_CHECK)
    editor.activity_type.set_value(ActivityType.FORUM)
    assert editor.method.value() == "FS-12"
    editor.method.set_value("")  # blank: the core takes the type's method
    editor.title_edit.setText("召开县交通运输局中层干部座谈会")
    editor.participants.setText("王建国、李文 张伟")
    editor.notes.setPlainText("与会12人，反映公车使用管理不规范问题。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_activity(s, saved.id))
    assert stored.activity_type is ActivityType.FORUM and stored.method_code == "FS-07"
    assert stored.participants == ("王建国", "李文", "张伟")
    assert stored.title == "召开县交通运输局中层干部座谈会"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    window.close()


def test_edit_activity_and_a_refusal_under_its_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "activities")
    target = page.model.view_at(0)
    assert target is not None
    page.table.selectRow(0)
    editor = open_editor(qtbot, window, page, "edit", ActivityEditor)
    assert editor.title_edit.text() == target.title
    assert editor.method.value() == target.method_code
    editor.title_edit.setText("")
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_title")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-VALIDATION" in error.text() and editor.isVisible()
    editor.title_edit.setText(target.title + "（补充）")
    editor.notes.setPlainText("补充记录：汇报材料已调阅。")
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_activity(s, target.id))
    assert stored.title == target.title + "（补充）"
    assert stored.notes == "补充记录：汇报材料已调阅。"
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_a_typing_pause_closes_the_undo_step(qtbot: QtBot, workspace: Workspace) -> None:
    """The pause timer itself (the other tests close the step with ``close_undo_step``)."""
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "activities")
    page.table.selectRow(0)
    editor = open_editor(qtbot, window, page, "edit", ActivityEditor)
    editor.participants.setText("赵六")
    assert editor.undo_stack.count() == 0  # still being typed
    qtbot.waitUntil(lambda: editor.undo_stack.count() == 1, timeout=10000)
    editor.discard()
    window.close()


def test_undo_and_a_recovered_draft_restore_every_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "activities")
    page.table.selectRow(0)
    editor = open_editor(qtbot, window, page, "edit", ActivityEditor)
    original = editor.state()
    editor.activity_type.set_value(ActivityType.SURVEY)
    editor.participants.setText("赵六")
    editor.target.set_value(None)
    editor.close_undo_step()  # what a typing pause does
    typed = editor.state()
    editor.undo()
    assert editor.state() == original
    editor.redo()
    assert editor.state() == typed
    again = ActivityEditor(window.tasks, round_id=editor.round_id, view=editor.view, parent=window)
    again.restore_draft(typed)  # what the crash-recovery offers
    settle(qtbot, window)
    assert again.state() == typed and again.dirty
    for e in (editor, again):
        e.discard()
        e.hide()
    settle(qtbot, window)
    window.close()
