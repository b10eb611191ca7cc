"""分类处置 “转为线索” from the letters page creates the clue and opens it on the clues page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from workbench.services.clues import get_clue
from workbench.services.letters import get_letter, list_letters
from workbench.services.letters_disposal import discuss_letter
from workbench.workspace import Workspace


def test_a_discussed_letter_becomes_a_clue(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def a_summarized_letter_discussed(s: object) -> str:
        letter = next(
            v for v in list_letters(s, status="summarized", limit=200).items if v.reported_persons
        )
        discuss_letter(s, letter.id, meeting_date=date(2026, 5, 30), category="clue")
        return letter.id

    letter_id = workspace.write(a_summarized_letter_discussed)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("县管", True))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    window.round_combo.setCurrentIndex(0)  # all rounds
    window.show_page("letters")
    page = window.pages["letters"]
    qtbot.waitUntil(lambda: not window.tasks.busy and page.model.total > 0, timeout=10000)  # type: ignore[attr-defined]
    for row in range(page.model.rowCount()):  # type: ignore[attr-defined]
        page.model.view_at(row)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.model.row_of(letter_id) is not None, timeout=10000)  # type: ignore[attr-defined]
    page.table.selectRow(page.model.row_of(letter_id))  # type: ignore[attr-defined]
    page.to_clue()  # type: ignore[attr-defined]
    clues = window.pages["clues"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is clues, timeout=10000)
    assert warnings == []
    letter = workspace.read(lambda s: get_letter(s, letter_id))
    assert letter.clue_id is not None and letter.disposition.value == "to_clue"
    clue = workspace.read(lambda s: get_clue(s, letter.clue_id))
    qtbot.waitUntil(lambda: clue.number in clues.detail.toPlainText(), timeout=10000)  # type: ignore[attr-defined]
    assert clue.subject_name == letter.reported_persons[0].name
    window.close()
