"""Registering a letter from the letters page (登记信访件 opens the LetterEditor): refused input
is shown by its field, and the saved letter is listed and stored."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_window, save, settle
from ui.pages.letters_page import LettersPage
from workbench.services.letters import list_letters
from workbench.workspace import Workspace


def test_register_a_letter_with_a_refusal_first(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    before = page.model.total
    editor = page.register()
    assert editor is not None
    qtbot.waitUntil(lambda: editor.target.count() > 1, timeout=10000)
    editor.anonymous.setChecked(False)  # named, but no name: the core refuses
    editor.texts["reporter_contact"].setText("13800000000")
    editor.persons.setPlainText("李某某 村委会主任 红旗村")
    editor.summary.setPlainText("反映村集体土地租金去向不明。")
    editor.save()
    error = editor.form.errors["reporter_name"]
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-" in error.text() and editor.isVisible()
    editor.texts["reporter_name"].setText("张三")
    view = save(qtbot, window, editor)
    assert view.reporter_name == "张三" and view.reported_persons[0].name == "李某某"
    assert view.reported_persons[0].position == "村委会主任"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    assert view.number in page.detail.toPlainText()
    round_id = window.round_combo.currentData()
    assert workspace.read(lambda s: list_letters(s, round_id, limit=1).total) == before + 1
    settle(qtbot, window)
    window.close()
