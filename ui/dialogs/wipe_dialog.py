"""清理本轮数据 (field store): allowed only once the office confirmed holding every record and
attachment of the round by receipt; confirmed by typing the round's name; runs on the worker."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.tasks import Tasks
from ui.widgets.job_panel import JobPanel
from workbench.exchange import WipeResult, WipeStatus, wipe_round, wipe_status
from workbench.jobs import CancelToken, ProgressSink
from workbench.workspace import Workspace


class WipeDialog(QDialog):
    def __init__(
        self, tasks: Tasks, round_id: str, round_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("清理本轮数据"))
        self.setMinimumSize(600, 320)  # wrapped labels need the height to show in full
        self.tasks = tasks
        self.round_id, self.round_name = round_id, round_name
        self.status: WipeStatus | None = None
        self.wiped: WipeResult | None = None
        heading = QLabel(self.tr("轮次：%1").replace("%1", round_name))
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.state = note_label("wipe_state")
        self.state.setText(self.tr("正在核对回执…"))
        self.verdict = note_label("wipe_verdict")
        self.prompt = note_label()
        self.prompt.setText(
            self.tr(
                "清理后，本机上本轮的全部记录和只属于本轮的附件将被删除且不可恢复。请输入轮次名称以确认："
            )
        )
        self.confirm = QLineEdit()
        self.confirm.setObjectName("wipe_confirm")
        self.confirm.setPlaceholderText(round_name)
        self.confirm.textChanged.connect(self._update)
        self.panel = JobPanel()
        self.panel.hide()
        self.panel.succeeded.connect(self._wiped)
        self.panel.failed.connect(self._failed)
        self.buttons = QDialogButtonBox()
        self.wipe_button = QPushButton(self.tr("清理"))
        self.wipe_button.setObjectName("wipe_button")
        self.wipe_button.setStyleSheet("color: #b00020;")
        self.wipe_button.clicked.connect(self.start)
        self.buttons.addButton(self.wipe_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.state)
        layout.addWidget(self.verdict)
        layout.addWidget(self.prompt)
        layout.addWidget(self.confirm)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update()
        tasks.run(lambda s: wipe_status(s, round_id), self._status_loaded, self._failed)

    @property
    def ready(self) -> bool:
        return self.status is not None and self.status.ready and self.status.records > 0

    def _status_loaded(self, status: WipeStatus) -> None:
        self.status = status
        self.state.setText(
            self.tr("本轮记录 %1 条（未经回执确认 %2 条），附件 %3 个（未经回执确认 %4 个）。")
            .replace("%1", str(status.records))
            .replace("%2", str(status.unconfirmed_records))
            .replace("%3", str(status.attachments))
            .replace("%4", str(status.unconfirmed_attachments))
        )
        if not status.records:
            self.verdict.setText(self.tr("本机没有该轮次的数据，无需清理。"))
        elif status.ready:
            self.verdict.setText(self.tr("巡察办已通过回执确认收到本轮全部数据，可以清理。"))
            self.verdict.setStyleSheet("color: #1b5e20;")
        else:
            self.verdict.setText(
                self.tr(
                    "不能清理：还有数据未经巡察办回执确认。请先导出数据包、交巡察办导入，"
                    "再导入巡察办签发的回执。"
                )
            )
            self.verdict.setStyleSheet("color: #b00020;")
        self._update()

    def _update(self) -> None:
        idle = not self.panel.running and self.wiped is None
        self.prompt.setVisible(self.ready and idle)
        self.confirm.setVisible(self.ready and idle)
        self.wipe_button.setEnabled(
            self.ready and idle and self.confirm.text().strip() == self.round_name
        )

    def start(self) -> None:
        if not self.wipe_button.isEnabled():
            return
        round_id = self.round_id

        def job(ws: Workspace, _sink: ProgressSink, _cancel: CancelToken) -> WipeResult:
            return ws.call(wipe_round, round_id)

        self.panel.show()
        self.close_button.setEnabled(False)
        self.panel.start(self.tasks, job, self.tr("正在清理并压缩数据库…"), cancellable=False)
        self._update()

    def _wiped(self, result: WipeResult) -> None:
        self.wiped = result
        self.close_button.setEnabled(True)
        self.panel.label.setText(
            self.tr("已清理本轮记录 %1 条、附件 %2 个，并已压缩数据库。")
            .replace("%1", str(result.records))
            .replace("%2", str(result.attachments))
        )
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.close_button.setEnabled(True)
        self.panel.label.setText(error_text(error))
        self.panel.show()
        self._update()

    def reject(self) -> None:
        if not self.panel.running:  # a wipe runs to its end (one transaction, then VACUUM)
            super().reject()
