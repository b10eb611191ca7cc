"""问题线索 workflow on the clues page: 移交 → 接收 → 处置 → 反馈 → 办结, and the outcomes
(谈话函询, 立案, 处分, 组织处理…) reported back.

Each step asks what the core needs in a small dialog. The core decides who may take a step and
from which state: a refused input is shown under its field in the dialog; a refused step (wrong
role, wrong state) closes the dialog and says why, with its code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from ui.dialogs.step_dialog import StepDialog, Work, ask_step
from ui.editors.fields import DateField, DateTimeField, EnumCombo, OptionalDate
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import display
from ui.pages.locked_actions import always, disable_when_locked
from ui.pages.record_list_page import RecordListPage
from workbench.services.clue_transfer import add_months, feedback_months
from workbench.services.clues import (
    close_clue,
    feedback_clue,
    handle_clue,
    receive_clue,
    record_outcome,
    transfer_clue,
)
from workbench.vocab.enums import ClueHandling, ClueOutcomeKind, ClueStatus, ClueTransferUnit

# -- the clue steps ------------------------------------------------------------------------------


def _transfer(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    """The receiving units (two for a 双移交, the name of an 其他 unit) and the 反馈期限, filled
    from the office's rule when the clue has none."""
    to = dialog.add("transfer_unit", _tr("接收单位"), EnumCombo(ClueTransferUnit))
    to.set_value(view.transfer_unit)
    second = dialog.add(
        "second_unit", _tr("第二接收单位"), EnumCombo(ClueTransferUnit, blank=_tr("无（单移交）"))
    )
    second.set_value(view.second_unit)
    other = dialog.add("other_unit", _tr("其他单位名称"), QLineEdit(view.other_unit))
    other.setPlaceholderText(_tr("接收单位选“其他”时填写，如 县审计局"))
    by = dialog.add("transferred_by", _tr("移交经办人"), QLineEdit())
    by.setPlaceholderText(_tr("留空则为当前用户"))
    at = dialog.add("transferred_at", _tr("移交时间"), DateTimeField())
    due = dialog.add("feedback_due", _tr("反馈期限"), OptionalDate())
    due.set_value(view.feedback_due)

    def other_needed() -> None:
        chosen = {to.value(), second.value()}
        other.setEnabled(ClueTransferUnit.OTHER.value in chosen)

    to.currentIndexChanged.connect(other_needed)
    second.currentIndexChanged.connect(other_needed)
    other_needed()
    if view.feedback_due is None:

        def prefill(months: int) -> None:
            if months and due.value() is None:
                due.set_value(add_months(at.value().date(), months))
                dialog.set_note(
                    _tr("反馈期限按巡察办规则预填：移交后 %1 个月。").replace("%1", str(months))
                )
            elif not months:
                dialog.set_note(_tr("巡察办未设默认反馈期限，请填写反馈期限。"))

        dialog.page.tasks.run(feedback_months, prefill)
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        unit, also, name = to.value(), second.value(), other.text().strip()
        by_text, when, until = by.text().strip(), at.value(), due.value()
        return lambda s: transfer_clue(
            s,
            clue_id,
            to=unit,
            second_to=also,
            other_unit=name,
            transferred_by=by_text,
            transferred_at=when,
            feedback_due=until,
            expected_version=version,
        )

    return make


def _outcome(dialog: StepDialog, view: Any) -> Callable[[], Work]:
    """A dated 处置结果 reported by a receiving unit; 组织处理 names its measure."""
    kind = dialog.add("kind", _tr("处置结果"), EnumCombo(ClueOutcomeKind))
    on = dialog.add("date", _tr("日期"), DateField())
    detail = dialog.add("detail", _tr("说明"), QLineEdit())
    detail.setPlaceholderText(_tr("组织处理须写明方式，如 诫勉、调整岗位；处分写明种类"))
    unit = QComboBox()
    for u in view.units():
        unit.addItem(
            view.other_unit if u is ClueTransferUnit.OTHER else core_text(u.label), u.value
        )
    dialog.add("unit", _tr("处置单位"), unit).setEnabled(unit.count() > 1)
    if view.outcomes:
        done = "；".join(f"{display(o.on)} {display(o.kind)}" for o in view.outcomes)
        dialog.set_note(_tr("已登记：%1").replace("%1", done))
    clue_id, version = view.id, view.meta.version

    def make() -> Work:
        what, day, text, by = kind.value(), on.value(), detail.text().strip(), unit.currentData()
        return lambda s: record_outcome(
            s, clue_id, what, day, detail=text, unit=by, expected_version=version
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
    ("outcome", _outcome),
)


def add_clue_actions(page: RecordListPage) -> None:
    """移交, 接收, 处置, 反馈, 办结 and 处置结果 buttons; each opens its step's dialog for the
    selected clue."""
    labels = {
        "transfer": _tr("移交"),
        "receive": _tr("接收"),
        "handle": _tr("处置"),
        "feedback": _tr("反馈"),
        "close": _tr("办结"),
        "outcome": _tr("处置结果"),
    }
    buttons: dict[QPushButton, Callable[[Any], bool]] = {}
    for name, build in CLUE_STEPS:
        title = labels[name]

        def open_step(_checked: bool = False, t: str = title, b: StepBuilder = build) -> None:
            ask_step(
                page,
                t if b is _outcome else t + _tr("线索"),
                b,
                action=_tr("登记") if b is _outcome else t,
            )

        button = page.add_action(title, open_step, f"clue_{name}")
        # a clue locked by its 移交 still takes the later steps; one locked by 办结 takes none
        buttons[button] = always if name == "transfer" else _closed
    disable_when_locked(page, "clue", buttons)


def _closed(view: Any) -> bool:
    return bool(view.status is ClueStatus.CLOSED)
