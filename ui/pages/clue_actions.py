"""问题线索 workflow on the clues page: 移交 → 接收 → 处置 → 反馈 → 办结.

Each step asks what the core needs in a small dialog. The core decides who may take a step and
from which state: a refused input is shown under its field in the dialog; a refused step (wrong
role, wrong state) closes the dialog and says why, with its code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
)

from ui.dialogs.step_dialog import StepDialog, Work, ask_step
from ui.editors.fields import DateTimeField, EnumCombo, OptionalDate
from ui.i18n import tr as _tr
from ui.models.record_table_model import display
from ui.pages.record_list_page import RecordListPage
from workbench.models.enums import ClueHandling
from workbench.services.clues import (
    close_clue,
    feedback_clue,
    handle_clue,
    receive_clue,
    transfer_clue,
)

# -- the clue steps ------------------------------------------------------------------------------


def _transfer(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    dialog.set_note(
        _tr("移交至：%1（%2）。移交单位和方式在“编辑”中修改。")
        .replace("%1", display(view.transfer_unit))
        .replace("%2", display(view.transfer_mode))
    )
    by = dialog.add("transferred_by", _tr("移交经办人"), QLineEdit())
    by.setPlaceholderText(_tr("留空则为当前用户"))
    at = dialog.add("transferred_at", _tr("移交时间"), DateTimeField())
    due = dialog.add("feedback_due", _tr("反馈期限"), OptionalDate())
    due.set_value(view.feedback_due)
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        by_text, when, until = by.text().strip(), at.value(), due.value()
        return lambda s: transfer_clue(
            s,
            clue_id,
            transferred_by=by_text,
            transferred_at=when,
            feedback_due=until,
            expected_version=version,
        )

    return make


def _receive(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    dialog.set_note(_tr("登记接收单位的经办人和接收时间。"))
    by = dialog.add("received_by", _tr("接收经办人"), QLineEdit())
    at = dialog.add("received_at", _tr("接收时间"), DateTimeField())
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        by_text, when = by.text().strip(), at.value()
        return lambda s: receive_clue(
            s, clue_id, received_by=by_text, received_at=when, expected_version=version
        )

    return make


def _handle(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    handling = dialog.add("handling", _tr("处置方式"), EnumCombo(ClueHandling))
    if view.handling is not None:
        handling.set_value(view.handling)
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        chosen = handling.value()
        return lambda s: handle_clue(s, clue_id, chosen, expected_version=version)

    return make


def _feedback(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    result = dialog.add("result", _tr("办理结果"), QPlainTextEdit())
    result.setPlaceholderText(_tr("接收单位反馈的办理结果"))
    result.setFixedHeight(110)
    at = dialog.add("fed_back_at", _tr("反馈时间"), DateTimeField())
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        text, when = result.toPlainText().strip(), at.value()
        return lambda s: feedback_clue(
            s, clue_id, result=text, fed_back_at=when, expected_version=version
        )

    return make


def _close(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    dialog.set_note(_tr("办结后线索不再跟踪。"))
    at = dialog.add("closed_at", _tr("办结时间"), DateTimeField())
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        when = at.value()
        return lambda s: close_clue(s, clue_id, closed_at=when, expected_version=version)

    return make


StepBuilder = Callable[[StepDialog, Any], Callable[[], Work]]
CLUE_STEPS: tuple[tuple[str, StepBuilder], ...] = (
    ("transfer", _transfer),
    ("receive", _receive),
    ("handle", _handle),
    ("feedback", _feedback),
    ("close", _close),
)


def add_clue_actions(page: RecordListPage) -> None:
    """移交, 接收, 处置, 反馈, 办结 buttons; each opens its step's dialog for the selected clue."""
    labels = {
        "transfer": _tr("移交"),
        "receive": _tr("接收"),
        "handle": _tr("处置"),
        "feedback": _tr("反馈"),
        "close": _tr("办结"),
    }
    for name, build in CLUE_STEPS:
        title = labels[name]

        def open_step(_checked: bool = False, t: str = title, b: StepBuilder = build) -> None:
            ask_step(page, t + _tr("线索"), b, action=t)

        page.add_action(title, open_step, f"clue_{name}")
