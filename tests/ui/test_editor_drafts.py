"""An editor's draft on an existing record is its user's (``drafts.record_draft_id``): two users
editing one record on the office server keep one draft each instead of the second's autosave
failing on the first's (the review of issue #20; the service side: tests/workbench/
test_drafts.py, on both backends)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, record_page, settle
from ui.editors.letter_editor import LetterEditor
from workbench.services.drafts import list_drafts, record_draft_id
from workbench.workspace import Workspace


def test_an_editors_draft_is_named_after_its_user_and_record(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    page.table.selectRow(0)
    settle(qtbot, window)
    view = page.current_view()
    assert view is not None
    editor = open_editor(qtbot, window, page, "edit", LetterEditor)
    user = workspace.user.name
    assert editor.draft_id == record_draft_id(user, "letter", view.id)
    assert editor.draft_id != record_draft_id(user + "2", "letter", view.id)
    editor.summary.setPlainText("组长改到一半的摘要")
    editor.autosave()
    settle(qtbot, window)
    assert editor.status.text() == "草稿已自动保存"
    drafts = workspace.read(list_drafts)
    assert [(d.id, d.record_id) for d in drafts] == [(editor.draft_id, view.id)]
    window.close()
