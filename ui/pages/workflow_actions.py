"""Workflow buttons on the record pages. The core decides who may do what; a refused step is
shown with the core's reason (wrong role, wrong state) and its code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ui.errors import error_text
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from workbench.services.findings_signoff import (
    approve_finding,
    return_finding,
    review_finding,
    submit_finding,
)
from workbench.services.rectification import set_rectification_status

Step = Callable[[Any, str], Any]  # (session, record id) -> view


def _run_step(page: RecordListPage, step: Step) -> None:
    view = page.current_view()
    if view is None:
        return
    record_id = view.id

    def done(updated: Any) -> None:
        page.refresh()
        page.show_record(updated)

    def refused(error: BaseException) -> None:
        QMessageBox.warning(page, _tr("不能执行此操作"), error_text(error))

    page.tasks.run(lambda s: step(s, record_id), done, refused, write=True)


def _ask_reason(page: RecordListPage, title: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(page, title, _tr("理由："))
    return text if ok else None


def add_finding_actions(page: RecordListPage) -> None:
    """经办人编制 → 副组长复核 → 组长审签, or 退回 with a reason."""
    page.add_action(_tr("提交复核"), lambda: _run_step(page, submit_finding), "submit")
    page.add_action(_tr("复核"), lambda: _run_step(page, review_finding), "review")
    page.add_action(_tr("审签"), lambda: _run_step(page, approve_finding), "approve")

    def give_back() -> None:
        reason = _ask_reason(page, _tr("退回底稿"))
        if reason is not None:
            _run_step(page, lambda s, rid: return_finding(s, rid, reason))

    page.add_action(_tr("退回"), give_back, "return")


def add_rectification_actions(page: RecordListPage) -> None:
    """未启动 → 推进中 (the 销号 needs evidence and a date: its dialog comes with the editor)."""
    page.add_action(
        _tr("开始推进"),
        lambda: _run_step(page, lambda s, rid: set_rectification_status(s, rid, "in_progress")),
        "start",
    )
    page.add_action(
        _tr("转为长期坚持"),
        lambda: _run_step(page, lambda s, rid: set_rectification_status(s, rid, "long_term")),
        "long_term",
    )
