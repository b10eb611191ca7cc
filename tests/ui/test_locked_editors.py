"""Locked records open read-only with the core's reason at the top: an 办结 问题线索, a 销号
整改事项, a 已处置 信访件 — nothing can be typed or saved; the workflow buttons the lock rules
out are disabled with the reason as their tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, settle
from ui.editors.base import RecordEditor
from ui.editors.clue_editor import ClueEditor
from ui.editors.letter_editor import LetterEditor
from ui.editors.rectification_editor import RectificationEditor
from ui.i18n import core_text
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.locks import lock_reason
from workbench.vocab.enums import ClueStatus, LetterStatus, RectificationStatus
from workbench.workspace import Workspace


def _pick(
    qtbot: QtBot, window: MainWindow, page: RecordListPage, wanted: Callable[[Any], bool]
) -> Any:
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and wanted(v))
    row = page.model.row_of(view.id)
    assert row is not None
    page.table.selectRow(row)
    settle(qtbot, window)
    return view


def _opens_locked(
    qtbot: QtBot, window: MainWindow, editor: RecordEditor, kind: str, record_id: str
) -> str:
    qtbot.waitUntil(lambda: editor.read_only, timeout=10000)
    reason = core_text(window.workspace.read(lambda s: lock_reason(s, kind, record_id)) or "")
    assert reason and editor.locked_notice.isVisible() and editor.locked_notice.text() == reason
    assert not editor.save_button.isEnabled() and editor.save_button.toolTip() == reason
    edits = editor.form.findChildren(QLineEdit)
    assert edits and all(e.isReadOnly() for e in edits)
    editor.reject()
    return reason


def test_a_closed_clue_opens_read_only(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "clues")
    clue = _pick(qtbot, window, page, lambda v: v.status is ClueStatus.CLOSED)
    for name in ("clue_transfer", "clue_close", "clue_outcome"):
        button = page.findChild(QPushButton, name)
        assert button is not None and not button.isEnabled(), name
    editor = open_editor(qtbot, window, page, "edit", ClueEditor)
    reason = _opens_locked(qtbot, window, editor, "clue", clue.id)
    assert "已办结" in reason
    closed = page.findChild(QPushButton, "clue_close")
    assert closed is not None and closed.toolTip() == reason


def test_a_closed_out_rectification_opens_read_only(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    item = _pick(qtbot, window, page, lambda v: v.status is RectificationStatus.DONE)
    editor = open_editor(qtbot, window, page, "edit", RectificationEditor)
    reason = _opens_locked(qtbot, window, editor, "rectification", item.id)
    assert "已销号" in reason
    close_out, grade = (
        page.findChild(QPushButton, "close_out"),
        page.findChild(QPushButton, "grade"),
    )
    assert close_out is not None and not close_out.isEnabled() and close_out.toolTip() == reason
    assert grade is not None and grade.isEnabled()  # 评估 is still the office's to give


def test_a_disposed_letter_opens_read_only(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    letter = _pick(qtbot, window, page, lambda v: v.status is LetterStatus.DISPOSED)
    disposal = page.findChild(QPushButton, "disposal")
    assert disposal is not None and not disposal.isEnabled()
    editor = open_editor(qtbot, window, page, "edit", LetterEditor)
    reason = _opens_locked(qtbot, window, editor, "letter", letter.id)
    assert "已" in reason and "如需更正" in reason and disposal.toolTip() == reason


def test_an_open_clue_stays_editable(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "clues")
    _pick(qtbot, window, page, lambda v: v.status is ClueStatus.REGISTERED)
    editor = open_editor(qtbot, window, page, "edit", ClueEditor)
    settle(qtbot, window)
    assert not editor.read_only and not editor.locked_notice.isVisible()
    assert editor.save_button.isEnabled()
    editor.reject()
