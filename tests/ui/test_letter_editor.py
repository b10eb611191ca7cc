"""信访件 editor and the letter workflow on the letters page: edit with a refusal by its field,
摘要 → 组务会研究 → 了结 as the 组长, and a disposition the category does not allow refused."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, save, settle
from ui.dialogs.step_dialog import StepDialog
from ui.editors.letter_editor import LetterEditor, parse_persons
from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from ui.pages.record_list_page import RecordListPage
from workbench.services.letters import get_letter
from workbench.vocab.enums import LetterCategory, LetterStatus
from workbench.workspace import Workspace


def _select(page: RecordListPage, record_id: str) -> None:
    row = page.model.row_of(record_id)
    assert row is not None
    page.table.selectRow(row)


def _letters(qtbot: QtBot, window: MainWindow) -> LettersPage:
    page = record_page(qtbot, window, "letters")
    assert isinstance(page, LettersPage)
    for row in range(page.model.rowCount()):  # every row loaded, so any letter can be picked
        page.model.view_at(row)
    settle(qtbot, window)
    return page


def _pick(qtbot: QtBot, window: MainWindow, page: LettersPage, wanted: Any) -> Any:
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and wanted(v))
    _select(page, view.id)
    settle(qtbot, window)
    return view


def _run(qtbot: QtBot, window: MainWindow, dialog: StepDialog | None) -> Any:
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.finished_step, timeout=10000) as blocker:
        dialog.ok_button.click()
    settle(qtbot, window)
    return blocker.args[0]


def test_parse_persons_reads_one_person_a_line() -> None:
    persons = parse_persons("李某某 村委会主任 红旗村\n\n王某")
    assert [(p.name, p.position, p.unit) for p in persons] == [
        ("李某某", "村委会主任", "红旗村"),
        ("王某", "", ""),
    ]


def test_edit_a_letter_with_a_refusal_by_the_field(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = _letters(qtbot, window)
    target = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.REGISTERED)
    editor = open_editor(qtbot, window, page, "edit", LetterEditor)
    assert editor.summary.toPlainText() == target.summary
    next_week = datetime.now() + timedelta(days=7)
    editor.received_at.setDateTime(QDateTime(next_week))  # the core refuses a future date
    editor.save_button.click()
    error = editor.findChild(QLabel, "error_received_at")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "WB-" in error.text() and editor.isVisible()
    editor.received_at.set_text_value(target.received_at.isoformat(timespec="minutes"))
    editor.summary.setPlainText("反映村集体土地租金去向不明，涉及金额约5万元。")
    editor.disciplines.boxes["JL-3"].setChecked(True)
    saved = save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_letter(s, target.id))
    assert stored.summary == "反映村集体土地租金去向不明，涉及金额约5万元。"
    assert "JL-3" in stored.disciplines and stored.number == target.number
    assert stored.meta.version == saved.meta.version > target.meta.version
    window.close()


def test_summarize_discuss_and_close_then_a_refused_disposition(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.step_dialog.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    window = open_window(qtbot, workspace)
    page = _letters(qtbot, window)
    letter = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.REGISTERED)
    dialog = page.summarize()
    assert dialog is not None
    dialog.fields["summary"].setPlainText("反映某村干部优亲厚友，低保评定不公。")
    _run(qtbot, window, dialog)
    assert workspace.read(lambda s: get_letter(s, letter.id)).status is LetterStatus.SUMMARIZED
    # 组务会研究 as a 一般性问题, then 了结: allowed for that category
    _pick(qtbot, window, page, lambda v: v.id == letter.id)
    dialog = page.discuss()
    assert dialog is not None
    category = dialog.fields["category"]
    category.setCurrentIndex(category.findData(LetterCategory.GENERAL.value))
    _run(qtbot, window, dialog)
    _pick(qtbot, window, page, lambda v: v.id == letter.id)
    disposal = _run(qtbot, window, page.dispose("close"))
    stored = workspace.read(lambda s: get_letter(s, letter.id))
    assert stored.status is LetterStatus.DISPOSED and stored.disposition == "close"
    assert disposal.letter.id == letter.id and warnings == []
    # a 问题线索类 letter may not be closed by the team: refused with the reason
    clue_letter = _pick(
        qtbot,
        window,
        page,
        lambda v: v.status is LetterStatus.DISCUSSED and v.category is LetterCategory.CLUE,
    )
    dialog = page.dispose("close")
    assert dialog is not None
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "WB-VALIDATION" in warnings[0] and "转为线索" in warnings[0]
    assert not dialog.isVisible()
    assert workspace.read(lambda s: get_letter(s, clue_letter.id)).status is LetterStatus.DISCUSSED
    window.close()
