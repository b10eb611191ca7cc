"""The chosen round at the top of 概览: its name and type, the six phases with their dates and
the current one marked, a 专项's topic and 方案 status, and the office's buttons to move it on.
While the store has no round at all it stays hidden: the first-run checklist below says so and
offers 新建巡察轮次 (as does the toolbar's 轮次 menu).

Who may press them and when is the core's (office_setup.move_round_phase, services/round_plan):
the buttons only mirror it, disabled with the reason as their tooltip, and a refusal the core
still raises is shown as an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.round_wizard import type_title
from ui.errors import show_error
from ui.i18n import core_text
from ui.tasks import Tasks
from workbench.services import Session
from workbench.services.office_setup import move_round_phase
from workbench.services.round_plan import (
    file_plan,
    file_problem,
    phase_problem,
    review_plan,
    review_problem,
)
from workbench.services.rounds import RoundView, get_round, list_rounds
from workbench.vocab.enums import PlanStatus, RoundPhase, RoundType

CURRENT_STYLE = "background: #b71c1c; color: white; font-weight: bold; border-radius: 4px;"
DONE_STYLE = "background: #eeeeee; color: #777777; border-radius: 4px;"
LATER_STYLE = "border: 1px solid #cccccc; border-radius: 4px;"


@dataclass(frozen=True)
class _State:
    round: RoundView | None
    any_round: bool


def _next_phase(view: RoundView) -> RoundPhase | None:
    order = list(RoundPhase)
    following = order[order.index(view.phase) + 1 :]
    return following[0] if following else None


class RoundHeader(QFrame):
    def __init__(self, tasks: Tasks, office: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("round_header")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tasks = tasks
        self.office = office
        self.view: RoundView | None = None
        self.last_dialog: QWidget | None = None
        self.title = QLabel()
        self.title.setObjectName("round_title")
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel()
        self.facts.setObjectName("round_facts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.steps: dict[RoundPhase, QLabel] = {}
        timeline = QHBoxLayout()
        timeline.setSpacing(6)
        for phase in RoundPhase:
            step = QLabel()
            step.setObjectName(f"phase_{phase.value}")
            step.setAlignment(Qt.AlignmentFlag.AlignCenter)
            step.setMinimumWidth(110)
            step.setContentsMargins(6, 4, 6, 4)
            self.steps[phase] = step
            timeline.addWidget(step, 1)
        self.plan = QLabel()
        self.plan.setObjectName("round_plan")
        self.plan.setWordWrap(True)
        self.plan.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setObjectName("round_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.next_button = self._button("next_phase", self.tr("进入下一阶段…"), self.confirm_next)
        self.file_button = self._button("file_plan", self.tr("报备方案"), self.file_plan)
        self.approve_button = self._button("approve_plan", self.tr("审核通过"), self.approve_plan)
        self.return_button = self._button("return_plan", self.tr("退回…"), self.ask_return_note)
        buttons = QHBoxLayout()
        for button in (
            self.next_button,
            self.file_button,
            self.approve_button,
            self.return_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.details = QWidget()
        inner = QVBoxLayout(self.details)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.facts)
        inner.addLayout(timeline)
        inner.addWidget(self.plan)
        layout = QVBoxLayout(self)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.clear()

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- showing ----------------------------------------------------------------------------------

    def clear(self) -> None:
        self.view = None
        self.details.hide()
        self.say("")
        for button in self._round_buttons():
            button.hide()

    def say(self, text: str, style: str = "") -> None:
        """A line under the round (what just happened, or why there is none); hidden when empty."""
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _round_buttons(self) -> tuple[QPushButton, ...]:
        return (self.next_button, self.file_button, self.approve_button, self.return_button)

    def refresh(self, round_id: str | None) -> None:
        def load(s: Session) -> _State:
            view = get_round(s, round_id) if round_id else None
            return _State(view, view is not None or list_rounds(s, limit=0).counted > 0)

        self.tasks.run(load, self.show_state, lambda e: show_error(self, e))

    def show_state(self, state: _State) -> None:
        if state.round is not None:
            self.show_round(state.round)
            return
        self.clear()
        self.setVisible(state.any_round)  # none at all: the first-run checklist takes over
        if state.any_round:
            self.say(self.tr("在工具栏选择一个巡察轮次，这里显示它的阶段和日期。"))

    def show_round(self, view: RoundView) -> None:
        self.view = view
        self.show()
        self.details.show()
        self.say("")
        self.title.setText(view.name)
        facts = [
            type_title(view.round_type),
            self.tr("%1派出").replace("%1", core_text(view.dispatch_level.label)),
            self.tr("%1年第%2轮").replace("%1", str(view.year)).replace("%2", str(view.number)),
        ]
        if view.authorization_no:
            facts.append(view.authorization_no)
        self.facts.setText("  ·  ".join(facts))
        order = list(RoundPhase)
        for phase, step in self.steps.items():
            start, end = view.phase_dates.get(phase, (None, None))
            if start or end:
                when = f"{start:%m-%d}" if start else "…"
                when += " — " + (f"{end:%m-%d}" if end else "…")
            else:
                when = self.tr("日期未定")
            step.setText(f"{core_text(phase.label)}\n{when}")
            step.setToolTip(
                self.tr("%1 至 %2")
                .replace("%1", str(start) if start else self.tr("未定"))
                .replace("%2", str(end) if end else self.tr("未定"))
            )
            index, now = order.index(phase), order.index(view.phase)
            step.setStyleSheet(
                CURRENT_STYLE if index == now else DONE_STYLE if index < now else LATER_STYLE
            )
        special = view.round_type is RoundType.SPECIAL
        self.plan.setVisible(special)
        if special:
            status = view.plan_status
            shown = PlanStatus.DRAFT if status is PlanStatus.NONE else status
            text = (
                self.tr("专项主题：%1    工作方案：%2")
                .replace("%2", core_text(shown.label))
                .replace("%1", view.topic or self.tr("（未填）"))
            )
            if view.plan_note and status in (PlanStatus.RETURNED, PlanStatus.APPROVED):
                text += "\n" + self.tr("审核意见：%1").replace("%1", view.plan_note)
            self.plan.setText(text)
        self._update_buttons(view)

    def _update_buttons(self, view: RoundView) -> None:
        special = view.round_type is RoundType.SPECIAL
        following = _next_phase(view)
        if following is None:
            move_reason: str | None = self.tr("已是最后阶段")
        else:
            problem = phase_problem(view)
            move_reason = core_text(problem) if problem else None
        self._offer(self.next_button, True, move_reason, self.tr("只有巡察办可以推进巡察阶段"))
        if following is not None and move_reason is None:
            self.next_button.setToolTip(
                self.tr("进入“%1”阶段").replace("%1", core_text(following.label))
            )
        plan_denied = self.tr("只有巡察办可以办理专项巡察工作方案")
        filing, review = file_problem(view), review_problem(view)
        self._offer(self.file_button, special, filing and core_text(filing), plan_denied)
        for button in (self.approve_button, self.return_button):
            self._offer(button, special, review and core_text(review), plan_denied)

    def _offer(self, button: QPushButton, shown: bool, reason: str | None, denied: str) -> None:
        """Shown when it applies; enabled for the office when the core would allow it, else the
        reason as its tooltip."""
        button.setVisible(shown)
        why = denied if not self.office else reason
        button.setEnabled(why is None)
        button.setToolTip(why or "")

    # -- acting -----------------------------------------------------------------------------------

    def _run(self, work: Any, done_text: str) -> None:
        view = self.view
        if view is None:
            return
        round_id = view.id

        def done(updated: RoundView) -> None:
            self.show_round(updated)
            self.say(done_text, "color: #1b5e20;")

        def failed(error: BaseException) -> None:
            show_error(self, error)
            self.refresh(round_id)

        self.tasks.run(lambda s: work(s, round_id), done, failed, write=True)

    def confirm_next(self) -> QMessageBox | None:
        view = self.view
        following = _next_phase(view) if view is not None else None
        if view is None or following is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("进入下一阶段"),
            self.tr("把“%1”从“%2”阶段推进到“%3”阶段？推进后不能退回，此操作记入审计日志。")
            .replace("%2", core_text(view.phase.label))
            .replace("%3", core_text(following.label))
            .replace("%1", view.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_phase")
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("进入%1阶段").replace("%1", core_text(following.label))
        )
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.move_to(following))
        box.open()
        self.last_dialog = box
        return box

    def move_to(self, phase: RoundPhase) -> None:
        self._run(
            lambda s, rid: move_round_phase(s, rid, phase),
            self.tr("已进入%1阶段").replace("%1", core_text(phase.label)),
        )

    def file_plan(self) -> None:
        self._run(file_plan, self.tr("工作方案已报备，等待审核"))

    def approve_plan(self) -> None:
        self._run(
            lambda s, rid: review_plan(s, rid, approve=True),
            self.tr("工作方案审核通过，可以进入进驻阶段"),
        )

    def ask_return_note(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("return_note")
        dialog.setWindowTitle(self.tr("退回工作方案"))
        dialog.setLabelText(self.tr("退回意见（必填）："))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(self.tr("退回"))
        dialog.setCancelButtonText(self.tr("取消"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.return_plan)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def return_plan(self, note: str) -> None:
        self._run(
            lambda s, rid: review_plan(s, rid, approve=False, note=note),
            self.tr("工作方案已退回修改"),
        )
