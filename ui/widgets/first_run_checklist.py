"""The first steps of a store that has no round yet, shown on the dashboard instead of empty
figures. Each step says whether it is done, from the store's real state, and its button asks the
main window for the place that does it (``step_requested``).

Field laptop: 1 登记本机 (request → the office signs → accept the certificate) → 2 导入部署包 →
3 开始工作. Office: 1 初始化交换密钥 → 2 新建巡察轮次 → 3 登记巡察组设备, then 生成部署包.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.pages.exchange_support import ExchangeStatus, exchange_status
from ui.tasks import Tasks

DONE_STYLE = "color: #1b5e20; font-weight: bold;"
TODO_STYLE = "color: #757575; font-weight: bold;"


@dataclass(frozen=True)
class Step:
    key: str  # the step's name (tests and the object names use it)
    title: str
    detail: str
    done: bool
    action: str = ""  # what ``step_requested`` carries; "" → no button
    button: str = ""
    blocked: str = ""  # why the button cannot be used yet; "" → it can


class FirstRunChecklist(QFrame):
    # "enrol_request" | "enrol_accept" | "import_briefing" | "office_init" (exchange page actions),
    # "devices" (a page), "new_round" (the round wizard)
    step_requested = Signal(str)
    needed = Signal(bool)  # True while the store has no round: the checklist replaces the figures

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_checklist")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.status: ExchangeStatus | None = None
        self.steps: list[Step] = []
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.intro = note_label("checklist_intro")
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(12)
        self.message = note_label("checklist_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.message)
        self.setVisible(False)

    def refresh(self, tasks: Tasks) -> None:
        tasks.run(exchange_status, self.show_status, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def show_status(self, status: ExchangeStatus) -> None:
        self.status = status
        self.message.clear()
        office = status.store_role == "office"
        self.steps = self._office_steps(status) if office else self._field_steps(status)
        if office:
            self.heading.setText(self.tr("本库还没有巡察轮次"))
            self.intro.setText(self.tr("按以下步骤配置一轮巡察，再把部署包交给各巡察组的笔记本。"))
        else:
            self.heading.setText(self.tr("本机首次使用：三步开始工作"))
            self.intro.setText(
                self.tr("本机的轮次、被巡察单位和清单来自巡察办的部署包；请依次完成以下步骤。")
            )
        self._show_steps()
        needed = not status.has_round
        self.setVisible(needed)
        self.needed.emit(needed)

    # -- the steps ------------------------------------------------------------------------------

    def _field_steps(self, st: ExchangeStatus) -> list[Step]:
        if st.ready:
            enrol_action, enrol_button = "", ""
        elif st.own_fingerprint:  # the request is made: the certificate is awaited
            enrol_action, enrol_button = "enrol_accept", self.tr("导入设备证书…")
        else:
            enrol_action, enrol_button = "enrol_request", self.tr("生成登记申请…")
        if st.ready:
            until = f"{st.not_after:%Y-%m-%d}" if st.not_after else "—"
            enrolled = self.tr("本设备已登记，证书有效期至 %1。").replace("%1", until)
        elif st.own_fingerprint:
            enrolled = self.tr(
                "登记申请已生成，等待巡察办签发；收到证书后导入，并与巡察办电话核对指纹。"
            )
        else:
            enrolled = self.tr("生成登记申请，交巡察办签发设备证书（电话核对指纹），再导入证书。")
        return [
            Step("enrol", self.tr("登记本机"), enrolled, st.ready, enrol_action, enrol_button),
            Step(
                "briefing",
                self.tr("导入部署包"),
                self.tr("巡察办为本机生成部署包后导入：本轮的巡察组、被巡察单位和清单随之而来。"),
                st.has_round,
                "import_briefing",
                self.tr("导入部署包…"),
                "" if st.ready else self.tr("请先完成第 1 步：本机登记后才能导入部署包。"),
            ),
            Step(
                "work",
                self.tr("开始工作"),
                self.tr("导入后，在左侧选择信访件、个别谈话、问题底稿等开始录入。"),
                st.has_round,
            ),
        ]

    def _office_steps(self, st: ExchangeStatus) -> list[Step]:
        return [
            Step(
                "office_init",
                self.tr("初始化交换密钥"),
                self.tr("生成巡察办的加密和签名密钥（只做一次），把签名指纹告知各巡察组。"),
                st.ready,
                "" if st.ready else "office_init",
                self.tr("初始化交换密钥…"),
            ),
            Step(
                "new_round",
                self.tr("新建巡察轮次"),
                self.tr("填写轮次名称、类型和各阶段日期，再配置巡察组、组员和被巡察单位。"),
                st.has_round,
                "new_round",
                self.tr("新建巡察轮次…"),
            ),
            Step(
                "devices",
                self.tr("登记巡察组设备"),
                self.tr(
                    "在“设备管理”中为各组笔记本签发设备证书，再在“数据交换”页生成部署包交各组导入。"
                ),
                st.devices > 0,
                "devices",
                self.tr("设备管理"),
                "" if st.ready else self.tr("请先完成第 1 步：初始化交换密钥。"),
            ),
        ]

    def _show_steps(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # detached now: findChild must not meet the old steps
                widget.setParent(None)
                widget.deleteLater()
        for row, step in enumerate(self.steps):
            number = QLabel(str(row + 1))
            number.setStyleSheet("font-size: 16pt; font-weight: bold; color: #b71c1c;")
            state = QLabel(self.tr("已完成") if step.done else self.tr("待完成"))
            state.setObjectName(f"step_{step.key}_state")
            state.setStyleSheet(DONE_STYLE if step.done else TODO_STYLE)
            text = QWidget()
            lines = QVBoxLayout(text)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(2)
            title = QLabel(step.title)
            title.setObjectName(f"step_{step.key}_title")
            title.setStyleSheet("font-weight: bold;")
            detail = note_label(f"step_{step.key}_detail")
            detail.setText(step.detail)
            lines.addWidget(title)
            lines.addWidget(detail)
            self.grid.addWidget(number, row, 0)
            self.grid.addWidget(state, row, 1)
            self.grid.addWidget(text, row, 2)
            if step.action and not step.done:
                button = QPushButton(step.button)
                button.setObjectName(f"step_{step.key}_button")
                button.setEnabled(not step.blocked)
                button.setToolTip(step.blocked)
                button.clicked.connect(lambda _c=False, a=step.action: self.step_requested.emit(a))
                self.grid.addWidget(button, row, 3)

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)
