"""The office's receipts: 签发回执 (which packages of a device the office holds). Briefings
(生成部署包) have their own wizard, ``briefing_wizard.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.export_wizard import OutputRow, check_output, default_package_name
from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.i18n import aside
from ui.pages.exchange_support import run_core
from ui.tasks import Tasks
from workbench.exchange import DeviceView, ReceiptResult, issue_receipt, list_devices


def device_text(device: DeviceView) -> str:
    return aside(device.display_name, device.user) + f"  {device.device_id[:8]}"


class _OfficeDialog(QDialog):
    """A form, an output file, a run button; the outcome is shown in the dialog."""

    def __init__(self, tasks: Tasks, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(600)
        self.tasks = tasks
        self.folder: Any = None
        self.form = QFormLayout()
        self.output = OutputRow("", "office_output")
        self.message = note_label("office_message")
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(
            self.tr("生成"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.run_button.setObjectName("office_run")
        self.run_button.clicked.connect(self.run)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)
        self.outcome: Any = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def run(self) -> None:
        problem = check_output(self.output.edit.text())
        if problem is None:
            problem = self.problem()
        if problem:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(problem)
            return
        self.run_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在生成…"))
        run_core(self.tasks, self.work(), self._done, self._failed)

    def problem(self) -> str | None:
        return None

    def work(self) -> Any:
        raise NotImplementedError

    def describe(self, result: Any) -> str:
        raise NotImplementedError

    def _done(self, result: Any) -> None:
        self.outcome = result
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.describe(result))

    def _failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error))


class ReceiptDialog(_OfficeDialog):
    def __init__(
        self, tasks: Tasks, folder: Any, device_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, parent)
        self.setWindowTitle(self.tr("签发回执"))
        self.output.caption = self.windowTitle()
        self.folder = folder
        self.device = QComboBox()
        self.device.setObjectName("receipt_device")
        self.device.currentIndexChanged.connect(self._device_changed)
        hint = note_label()
        hint.setText(
            self.tr("回执列出本库已导入的该设备全部数据包；设备导入回执后，才能清理已确认的数据。")
        )
        self.form.addRow(self.tr("设备"), self.device)
        self.form.addRow(self.tr("保存为"), self.output)
        self.form.addRow(hint)
        self._wanted = device_id
        run_core(tasks, lambda ws: ws.call(list_devices), self._devices_loaded, self._failed)

    def _devices_loaded(self, devices: list[DeviceView]) -> None:
        for device in devices:
            self.device.addItem(device_text(device), device.device_id)
        if self._wanted:
            self.device.setCurrentIndex(max(self.device.findData(self._wanted), 0))

    def _device_changed(self, _index: int) -> None:
        if self.device.currentData() and not self.output.edit.isModified():
            label = self.device.currentText().split()[0]
            name = default_package_name(self.tr("回执"), label)
            self.output.edit.setText(str(self.folder / name))

    def problem(self) -> str | None:
        return None if self.device.currentData() else self.tr("请选择设备")

    def work(self) -> Any:
        device, out = str(self.device.currentData()), self.output.path()
        return lambda ws: ws.call(issue_receipt, device, out)

    def describe(self, result: ReceiptResult) -> str:
        return (
            self.tr("已签发回执：%1\n确认收到该设备数据包 %2 个。请把回执交该设备导入。")
            .replace("%1", str(result.path))
            .replace("%2", str(result.packages))
        )
