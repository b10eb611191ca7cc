"""Registering a letter from the letters page: refused input is shown by its field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from workbench.services.letters import list_letters
from workbench.workspace import Workspace


def test_register_a_letter_with_a_refusal_first(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    before = page.model.total
    dialog = page.register()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.target.count() > 1, timeout=10000)
    dialog.anonymous.setChecked(False)  # named, but no name: the core refuses
    dialog.contact.setText("13800000000")
    dialog.persons.setPlainText("李某某 村委会主任 红旗村")
    dialog.summary.setPlainText("反映村集体土地租金去向不明。")
    dialog.save()
    error = dialog.form.errors["reporter_name"]
    qtbot.waitUntil(lambda: error.isVisible() or dialog.form.banner.isVisible(), timeout=10000)
    assert "WB-" in (error.text() + dialog.form.banner.text())
    dialog.reporter.setText("张三")
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        dialog.save()
    view = saved.args[0]
    assert view.reporter_name == "张三" and view.reported_persons[0].name == "李某某"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    assert view.number in page.detail.toPlainText()
    round_id = window.round_combo.currentData()
    assert workspace.read(lambda s: list_letters(s, round_id, limit=1).total) == before + 1
    window.close()
