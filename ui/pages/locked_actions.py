"""Workflow buttons that a locked record (办结, 已处置, 销号) rules out: disabled, with the core's
lock reason as their tooltip, so nobody opens a step the core would refuse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton
from shiboken6 import isValid

from ui.i18n import core_notice
from ui.pages.record_list_page import RecordListPage
from workbench.services.locks import Notice, lock_notice


def always(_view: Any) -> bool:
    """Every lock of the record type rules the step out."""
    return True


def disable_when_locked(
    page: RecordListPage,
    record_type: str,
    buttons: dict[QPushButton, Callable[[Any], bool]],
) -> None:
    """For the selected record, each button whose predicate holds for its view is disabled
    while ``lock_notice`` gives a reason (the predicate says which locks rule the step out: a
    clue locked by its 移交 still takes 接收, one locked by 办结 nothing)."""
    tips = {button: button.toolTip() for button in buttons}
    asked: list[str | None] = [None]  # the record last asked about: older answers are dropped

    def show(view: Any, reason: Notice | None) -> None:
        if view.id != asked[0]:
            return
        for button, rules_out in buttons.items():
            if not isValid(button):
                return
            locked = reason is not None and rules_out(view)
            button.setEnabled(not locked)
            button.setToolTip(core_notice(reason) if locked and reason else tips[button])

    def selected(view: Any) -> None:
        asked[0] = getattr(view, "id", None)
        for button in buttons:  # until the core answers: a click early is refused by the step
            button.setEnabled(True)
            button.setToolTip(tips[button])
        if view is None:
            return
        record_id = view.id
        page.tasks.run(
            lambda s: lock_notice(s, record_type, record_id),
            lambda reason: show(view, reason),
            lambda _e: None,
        )

    page.record_selected.connect(selected)
    selected(page.current_view())
