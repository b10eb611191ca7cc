"""回避例外…: the 组长 acts despite their own 回避, with a reason. One dialog, two uses: a 底稿's
sign-off (the findings page's button; the step runs as ``workbench findings approve --override``)
and any interview, letter or clue step the core refused only for a 回避 the user may override
(offered by the step's own dialog; the step runs again inside ``authority.recusal_override``).
The core checks the 组长 and the reason and writes the exception to the audit log."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit

from ui.dialogs.step_dialog import StepDialog, Work, ask_step
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from workbench.errors import WorkbenchError
from workbench.services import Session
from workbench.services.authority import recusal_override
from workbench.services.findings_signoff import (
    OverrideOffer,
    approve_finding,
    return_finding,
    review_finding,
)


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(70)
    return box


def _introduce(dialog: StepDialog, note: str) -> None:
    dialog.setObjectName("recusal_override_dialog")
    dialog.set_note(note)


def _reason_box(dialog: StepDialog, placeholder: str) -> QPlainTextEdit:
    label = _tr("回避例外理由")
    return dialog.add("override_reason", label, _text_box("override_reason", placeholder))  # type: ignore[no-any-return]


def _signed(step: str, comment: str, reason: str) -> Callable[[Any, str], Any]:
    """The core's step for ``step`` with the override reason, exactly as the CLI calls it."""
    if step == "return":
        return lambda s, rid: return_finding(s, rid, comment, override_reason=reason)
    sign = review_finding if step == "review" else approve_finding
    return lambda s, rid: sign(s, rid, comment=comment, override_reason=reason)


def _step_label(step: str) -> str:
    """The step as its button names it, in the UI's language (the offer's ``action`` is the
    core's Chinese)."""
    labels = {"submit": _tr("提交复核"), "review": _tr("复核"), "approve": _tr("审签")}
    return labels.get(step) or _tr("退回")


def ask_override(page: RecordListPage, offers: Sequence[OverrideOffer]) -> StepDialog | None:
    """The dialog for the selected 底稿; ``offers`` are the steps the core lets the user
    override (``override_offers`` without ``blocked``)."""

    def build(dialog: StepDialog, view: Any) -> Callable[[], Work]:
        _introduce(
            dialog,
            _tr("您已申报回避。回避例外须由该组组长决定并写明理由，理由记入签署意见和审计日志。"),
        )
        first = offers[0]
        dialog.add("finding", _tr("底稿"), QLabel(f"{view.number}　{view.title}"))
        dialog.add("member", _tr("组员", "the one signing"), QLabel(first.member))
        dialog.add("recusal", _tr("回避对象"), QLabel(first.recused))
        steps = dialog.add("step", _tr("签署"), QComboBox())
        steps.setObjectName("override_step")
        for offer in offers:
            steps.addItem(_step_label(offer.step), offer.step)
        comment = dialog.add("comment", _tr("意见"), _text_box("comment", _tr("签署意见")))
        dialog.form.errors["reason"] = dialog.form.errors["comment"]  # 退回理由 shows there
        reason = _reason_box(dialog, _tr("为何须由您本人签署（必填）"))

        def step_chosen() -> None:
            back = steps.currentData() == "return"
            comment.setPlaceholderText(_tr("退回理由（必填）") if back else _tr("签署意见"))

        steps.currentIndexChanged.connect(step_chosen)
        step_chosen()

        def work() -> Work:
            sign = _signed(steps.currentData(), comment.toPlainText(), reason.toPlainText())
            return lambda s: sign(s, view.id)

        return work

    if not offers:
        return None
    return ask_step(page, _tr("回避例外"), build, action=_tr("签署"))


def ask_step_override(step: StepDialog, refusal: WorkbenchError, work: Work) -> StepDialog:
    """回避例外… for a step ``step`` ran as ``work`` and the core refused only for a 回避 the
    user may override: the same step again inside ``recusal_override`` with the reason given
    here. Done, it finishes ``step`` as if it had gone through at once."""
    dialog = StepDialog(step.page, _tr("回避例外"), _tr("仍由我办理"))
    _introduce(dialog, _tr("您已申报回避。回避例外须由该组组长决定并写明理由，理由记入审计日志。"))
    dialog.add("refusal", _tr("不能办理的原因"), _wrapped(refusal.message))
    dialog.add("recusal", _tr("回避对象"), QLabel(str(refusal.details.get("recusal", ""))))
    reason = _reason_box(dialog, _tr("为何须由您本人办理（必填）"))

    def make() -> Work:
        text = reason.toPlainText()

        def overridden(s: Session) -> Any:
            with recusal_override(s, text):
                return work(s)

        return overridden

    dialog.make_work = make
    dialog.finished_step.connect(step.finish)
    dialog.open()
    return dialog


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
