"""作废… on the record pages: the reason is asked for, the record leaves the list, 显示已作废 shows
it marked with its reason, it opens read-only under “已作废：<理由>”; a record the core will not
let go (已处置) has 作废… disabled with the core's reason."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, settle
from tests.ui.english import english_ui
from tests.ui.test_locked_editors import _pick
from ui.editors.letter_editor import LetterEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.letters import list_letters
from workbench.vocab.enums import LetterCategory, LetterStatus
from workbench.workspace import Workspace

REASON = "与另一件重复登记"


def _void_button(page: RecordListPage) -> QPushButton:
    button = page.findChild(QPushButton, "void")
    assert button is not None
    return button


def _answer(monkeypatch: pytest.MonkeyPatch, text: str, ok: bool = True) -> list[str]:
    asked: list[str] = []

    def fake(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> tuple[str, bool]:
        asked.append(label)
        return text, ok

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(fake))
    return asked


def _live_ids(window: MainWindow) -> set[str]:
    page = window.workspace.read(lambda s: list_letters(s, limit=1000))
    return {v.id for v in page.items}


def test_void_a_letter_with_its_reason(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    letter = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.REGISTERED)
    button = _void_button(page)
    qtbot.waitUntil(button.isEnabled, timeout=10000)

    # cancelled: nothing happens
    _answer(monkeypatch, REASON, ok=False)
    button.click()
    settle(qtbot, window)
    assert letter.id in _live_ids(window)
    # no reason: the core's refusal is shown, the letter stays
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    _answer(monkeypatch, "  ")
    button.click()
    settle(qtbot, window)
    assert warned and "作废须填写理由" in warned[0]
    assert letter.id in _live_ids(window)

    asked = _answer(monkeypatch, REASON)
    button.click()
    settle(qtbot, window)
    assert letter.number in asked[0]
    assert letter.id not in _live_ids(window)
    qtbot.waitUntil(lambda: page.model.row_of(letter.id) is None, timeout=10000)

    # 显示已作废: back in the list, marked, with the reason in the detail pane
    page.show_voided.setChecked(True)
    settle(qtbot, window)
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    row = page.model.row_of(letter.id)
    assert row is not None
    first = page.model.index(row, 0)
    assert page.model.data(first).startswith("【已作废】")
    assert f"已作废：{REASON}" in page.model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(first, Qt.ItemDataRole.FontRole).strikeOut()
    page.table.selectRow(row)
    settle(qtbot, window)
    assert page.detail.toPlainText().startswith(f"已作废：{REASON}")
    assert not _void_button(page).isEnabled()

    # it opens read-only under its notice
    editor = open_editor(qtbot, window, page, "edit", LetterEditor)
    qtbot.waitUntil(lambda: editor.read_only, timeout=10000)
    assert editor.locked_notice.text() == f"已作废：{REASON}"
    assert not editor.save_button.isEnabled()
    editor.reject()


def test_a_disposed_letter_cannot_be_voided(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    _pick(
        qtbot,
        window,
        page,
        lambda v: v.status is LetterStatus.DISPOSED and v.category is not LetterCategory.DUPLICATE,
    )
    button = _void_button(page)
    qtbot.waitUntil(lambda: not button.isEnabled(), timeout=10000)
    assert "不能作废" in button.toolTip()


def test_a_voided_row_keeps_its_number_and_opens_under_an_english_notice(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """Before: 【已作废】 took the 编号 column's width (“【已作废】…”, “[Voided] …”: the number
    gone) and the editor's notice stayed Chinese in the English UI (the core's “已作废：<理由>”)."""

    from workbench.services.voiding import void

    letter = next(
        v
        for v in workspace.read(lambda s: list_letters(s, limit=1000).items)
        if v.status is LetterStatus.REGISTERED
    )
    workspace.write(lambda s: void(s, "letters", letter.id, REASON))
    with english_ui():
        window = open_window(qtbot, workspace)
        window.resize(1366, 768)
        page = record_page(qtbot, window, "letters")
        page.show_voided.setChecked(True)
        settle(qtbot, window)
        for row in range(page.model.rowCount()):
            page.model.view_at(row)
        settle(qtbot, window)
        row = page.model.row_of(letter.id)
        assert row is not None
        shown = page.model.data(page.model.index(row, 0))
        assert shown == f"[Voided] {letter.number}"
        needed = page.table.fontMetrics().horizontalAdvance(shown) + 8  # the cell's margins
        assert page.table.columnWidth(0) >= needed
        page.table.selectRow(row)
        settle(qtbot, window)
        editor = open_editor(qtbot, window, page, "edit", LetterEditor)
        qtbot.waitUntil(lambda: editor.read_only, timeout=10000)
        assert editor.locked_notice.text() == f"Voided: {REASON}"
        editor.reject()
        window.close()
