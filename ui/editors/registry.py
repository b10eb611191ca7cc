"""Which editor edits which record type, and opening one from a page, a draft or after a lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.editors.activity_editor import ActivityEditor
from ui.editors.base import RecordEditor
from ui.editors.clue_editor import ClueEditor
from ui.editors.finding_editor import FindingEditor
from ui.editors.focus_editor import FocusEditor
from ui.editors.interview_editor import InterviewEditor
from ui.editors.letter_editor import LetterEditor
from ui.editors.portrait_editor import PortraitEditor
from ui.editors.rectification_editor import RectificationEditor
from ui.errors import error_text
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from ui.pages.void_action import add_void_action
from ui.tasks import Tasks
from workbench.services.activities import get_activity
from workbench.services.clues import get_clue
from workbench.services.drafts import DraftView
from workbench.services.findings import get_finding
from workbench.services.focus import get_focus_item
from workbench.services.interviews import get_interview
from workbench.services.letters import get_letter
from workbench.services.portraits import get_portrait
from workbench.services.reads import open_record
from workbench.services.rectification import get_rectification
from workbench.services.voiding import readable


@dataclass(frozen=True)
class EditorSpec:
    editor: type[RecordEditor]
    page: str  # the page key in the main window
    get: Callable[[Any, str], Any]  # (session, record id) -> view
    creatable: bool = True  # False: records come from elsewhere (seeded), the page gets no 新建


EDITORS: dict[str, EditorSpec] = {
    "interview": EditorSpec(InterviewEditor, "interviews", get_interview),
    "activity": EditorSpec(ActivityEditor, "activities", get_activity),
    "rectification": EditorSpec(RectificationEditor, "rectification", get_rectification),
    "portrait": EditorSpec(PortraitEditor, "portraits", get_portrait),
    "focus": EditorSpec(FocusEditor, "focus", get_focus_item, creatable=False),
    # letters are registered with the page's own 登记信访件 button
    "letter": EditorSpec(LetterEditor, "letters", get_letter, creatable=False),
    "finding": EditorSpec(FindingEditor, "findings", get_finding),
    "clue": EditorSpec(ClueEditor, "clues", get_clue),
}


@dataclass(frozen=True)
class Parked:
    """An editor closed by the lock, to open again after the unlock (its typing is a draft)."""

    kind: str
    record_id: str | None
    draft_id: str
    round_id: str | None
    team_id: str | None
    had_changes: bool


def open_editor(
    tasks: Tasks,
    kind: str,
    parent: QWidget,
    *,
    round_id: str | None,
    team_id: str | None = None,
    record_id: str | None = None,
    draft: DraftView | None = None,
    on_saved: Callable[[Any], None] | None = None,
    on_opened: Callable[[RecordEditor], None] | None = None,
) -> None:
    """Open the ``kind`` editor: new, or on a fresh copy of ``record_id``; with a draft's typing."""
    spec = EDITORS[kind]

    def show(view: Any) -> None:
        editor = spec.editor(
            tasks,
            round_id=round_id,
            team_id=team_id,
            view=view,
            draft_id=draft.id if draft else None,
            parent=parent,
        )
        if draft is not None:
            editor.restore_draft(draft.payload)
        if on_saved is not None:
            editor.saved.connect(on_saved)
        editor.open()
        if on_opened is not None:
            on_opened(editor)

    if record_id is None:
        show(None)
        return

    def gone(error: BaseException) -> None:
        QMessageBox.warning(parent, _tr("不能打开记录"), error_text(error))

    # a write job: opening a record's content is audited in the same transaction; a voided
    # record opens too, read-only under its 已作废 notice (locks.lock_notice)
    get = readable(spec.get)
    tasks.run(lambda s: open_record(s, kind, record_id, get), show, gone, write=True)


def add_editor_actions(page: RecordListPage, kind: str) -> None:
    """新建, 编辑 and 作废… buttons (and double-click to edit) on a record page."""

    def saved(view: Any) -> None:
        page.refresh()
        page.show_record(view)

    def scope() -> tuple[str | None, str | None]:
        s = page.scope()
        return s.get("round_id"), s.get("team_id")

    def new() -> None:
        round_id, team_id = scope()
        if not round_id:
            page.detail.setPlainText(_tr("请先在上方选择巡察轮次，再新建记录。"))
            return
        open_editor(page.tasks, kind, page, round_id=round_id, team_id=team_id, on_saved=saved)

    def edit() -> None:
        view = page.current_view()
        if view is None:
            return
        round_id, team_id = scope()
        open_editor(
            page.tasks,
            kind,
            page,
            round_id=getattr(view, "round_id", None) or round_id,
            team_id=team_id,
            record_id=view.id,
            on_saved=saved,
        )

    if EDITORS[kind].creatable:
        page.add_action(_tr("新建"), new, "new")
    page.add_action(_tr("编辑"), edit, "edit")
    add_void_action(page, kind)
    page.table.doubleClicked.connect(lambda _index: edit())


def park_open_editors(root: QWidget) -> list[Parked]:
    """Autosave and close every open editor under ``root`` (the window is locking)."""
    parked = []
    for editor in root.findChildren(RecordEditor):
        if not editor.isVisible():
            continue
        editor.autosave()  # queued before the lock, so it reaches the store first
        parked.append(
            Parked(
                editor.kind,
                getattr(editor.view, "id", None),
                editor.draft_id,
                editor.round_id,
                editor.team_id,
                editor.dirty,
            )
        )
        editor.hide()
        editor.deleteLater()
    return parked


def reopen_parked(tasks: Tasks, parent: QWidget, parked: list[Parked]) -> None:
    """After the unlock: each parked editor opens again with the typing it had."""
    from workbench.services.drafts import list_drafts

    def reopen(drafts: list[DraftView]) -> None:
        by_id = {d.id: d for d in drafts}
        for p in parked:
            open_editor(
                tasks,
                p.kind,
                parent,
                round_id=p.round_id,
                team_id=p.team_id,
                record_id=p.record_id,
                draft=by_id.get(p.draft_id) if p.had_changes else None,
            )

    if parked:
        tasks.run(list_drafts, reopen)
