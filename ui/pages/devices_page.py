"""设备管理 (office): the enrolled field devices with their fingerprints, 签发设备证书 from a
request file (its fingerprint is shown and confirmed first) and 吊销 with a confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.export_wizard import OutputRow, check_output
from ui.dialogs.fingerprint_dialog import FingerprintDialog
from ui.dialogs.job_wizard import note_label
from ui.dialogs.office_packages import ReceiptDialog
from ui.errors import error_text
from ui.i18n import aside
from ui.i18n import tr as _tr
from ui.pages.exchange_support import (
    exchange_status,
    preview_request,
    read_enrol_file,
    run_core,
)
from ui.tasks import Tasks
from ui.widgets.fingerprint_label import FingerprintLabel
from workbench.exchange import DeviceView, list_devices, office_info, revoke_device, sign_request
from workbench.exchange.enrolment.enrol import DEFAULT_VALID_DAYS
from workbench.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


def _state(device: DeviceView) -> str:
    if device.revoked_at is not None:
        reason = f"：{device.revoked_reason}" if device.revoked_reason else ""
        return _tr("已吊销") + reason
    return _tr("有效")


class DevicesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices: list[DeviceView] = []
        self.headers = [
            _tr("使用人"),
            _tr("用户名"),
            _tr("设备编号"),
            _tr("设备指纹"),
            _tr("有效期至"),
            _tr("登记时间"),
            _tr("状态"),
            _tr("最新序号"),
        ]

    def set_devices(self, devices: list[DeviceView]) -> None:
        self.beginResetModel()
        self.devices = list(devices)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.devices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.devices[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and d.revoked_at is not None:
            return QColor("#9e9e9e")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [
            d.display_name,
            d.user,
            d.device_id[:8],
            d.fingerprint,
            f"{d.not_after:%Y-%m-%d}",
            f"{d.enrolled_at:%Y-%m-%d %H:%M}",
            _state(d),
            str(d.last_seq) if d.last_seq else "—",
        ]
        return values[index.column()]


class RevokeDialog(QDialog):
    """Revocation cannot be undone: the reason is asked and the device named once more."""

    def __init__(self, device: DeviceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.setWindowTitle(self.tr("吊销设备"))
        self.setMinimumWidth(520)
        warning = note_label()
        warning.setStyleSheet("color: #b00020;")
        warning.setText(
            self.tr(
                "吊销后，本巡察办将拒收该设备此后的全部数据包；吊销名单随下一次部署包送达各组。"
                "此操作不能撤销，设备只能以新数据库重新登记。"
            )
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("revoke_reason")
        self.reason.setPlaceholderText(self.tr("如：笔记本遗失、人员调离"))
        self.confirm = QCheckBox(
            self.tr("确认吊销 %1 的设备（%2）")
            .replace("%1", device.display_name)
            .replace("%2", device.device_id[:8])
        )
        self.confirm.setObjectName("revoke_confirm")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("吊销"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("设备指纹"), FingerprintLabel(device.fingerprint))
        form.addRow(self.tr("吊销原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)


class DevicesPage(QWidget):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("devices")
        self.tasks = tasks
        self.folder = Path.home()
        self.last_dialog: QWidget | None = None
        heading = QLabel(self.tr("设备管理"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.office_fp = FingerprintLabel()
        self.office_fp.setObjectName("office_fingerprint")
        office_row = QFormLayout()
        office_row.addRow(self.tr("本巡察办签名指纹"), self.office_fp)
        self.model = DevicesModel(self)
        self.table = QTableView()
        self.table.setObjectName("devices_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        detail = QGroupBox(self.tr("所选设备"))
        detail_form = QFormLayout(detail)
        self.device_id = QLabel()
        self.device_id.setObjectName("device_id")
        self.device_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.device_fp = FingerprintLabel()
        self.device_fp.setObjectName("device_fingerprint")
        detail_form.addRow(self.tr("设备编号"), self.device_id)
        detail_form.addRow(self.tr("设备指纹"), self.device_fp)
        actions = QHBoxLayout()
        actions.addWidget(heading)
        actions.addStretch(1)
        self.sign_button = self._button(
            actions, "sign", self.tr("签发设备证书…"), self.choose_request
        )
        self.receipt_button = self._button(
            actions, "receipt", self.tr("签发回执…"), self.open_receipt
        )
        self.revoke_button = self._button(actions, "revoke", self.tr("吊销…"), self.open_revoke)
        self.message = note_label("devices_message")
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(office_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(detail)
        layout.addWidget(self.message)
        self._selected()

    def _button(self, row: QHBoxLayout, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # -- state ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(
            exchange_status, lambda st: self.office_fp.set_fingerprint(st.office_fingerprint)
        )
        run_core(self.tasks, lambda ws: ws.call(list_devices), self._loaded, self._failed)

    def clear(self) -> None:
        self.model.set_devices([])
        self.office_fp.set_fingerprint("")
        self.message.clear()
        self._selected()

    def _loaded(self, devices: list[DeviceView]) -> None:
        current = self.current_device()
        self.model.set_devices(devices)
        ids = [d.device_id for d in devices]
        if current is not None and current.device_id in ids:
            self.table.selectRow(ids.index(current.device_id))
        elif devices:
            self.table.selectRow(0)
        self._selected()

    def current_device(self) -> DeviceView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.devices[rows[0].row()] if rows else None

    def _selected(self) -> None:
        device = self.current_device()
        self.device_id.setText(device.device_id if device else "—")
        self.device_fp.set_fingerprint(device.fingerprint if device else "")
        self.revoke_button.setEnabled(device is not None and device.revoked_at is None)
        self.receipt_button.setEnabled(device is not None)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)

    # -- enrolment ------------------------------------------------------------------------------

    def choose_request(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择登记申请"),
            str(self.folder),
            self.tr("登记申请 (*.json);;所有文件 (*)"),
        )
        if chosen:
            self.review_request(Path(chosen))

    def review_request(self, path: Path) -> FingerprintDialog | None:
        """The request's device fingerprint first; the certificate only after the person
        confirms it matches what the device holder read out over the phone."""
        try:
            data = read_enrol_file(path)
            request = preview_request(data)
        except Exception as exc:  # shown with its code; nothing changed
            self._failed(exc)
            return None
        extra = QWidget()
        form = QFormLayout(extra)
        form.setContentsMargins(0, 0, 0, 0)
        output = OutputRow(self.tr("保存设备证书"), "certificate_output")
        output.edit.setText(
            str(self.folder / self.tr("设备证书-%1.json").replace("%1", request.display_name))
        )
        days = QSpinBox()
        days.setObjectName("valid_days")
        days.setRange(1, 3660)
        days.setValue(DEFAULT_VALID_DAYS)
        days.setSuffix(self.tr(" 天"))
        form.addRow(self.tr("证书保存为"), output)
        form.addRow(self.tr("有效期"), days)
        dialog = FingerprintDialog(
            self.tr("签发设备证书"),
            self.tr("请与设备持有人通电话，核对下面的设备指纹与对方读出的完全一致："),
            request.fingerprint,
            [
                (self.tr("使用人"), aside(request.display_name, request.user)),
                (self.tr("设备编号"), request.device_id),
                (self.tr("申请时间"), f"{request.created_at:%Y-%m-%d %H:%M}"),
            ],
            confirm=self.tr("我已与设备持有人核对，指纹完全一致"),
            ok_text=self.tr("签发证书"),
            extra=extra,
            parent=self,
        )
        dialog.accepted.connect(
            lambda: self._sign(data, request.fingerprint, output.path(), days.value())
        )
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _sign(self, data: bytes, fingerprint: str, out: Path, valid_days: int) -> None:
        problem = check_output(str(out))
        if problem:
            self._say(problem, error=True)
            return

        def work(ws: Workspace) -> tuple[DeviceView, str]:
            cert, device = ws.call(
                sign_request, data, valid_days=valid_days, expect_fingerprint=fingerprint
            )
            out.write_bytes(cert)
            return device, ws.call(office_info).signing_fingerprint

        run_core(self.tasks, work, lambda r: self._signed(out, *r), self._failed)

    def _signed(self, out: Path, device: DeviceView, office_fp: str) -> None:
        self._say(
            self.tr("已为 %1 签发设备证书：%2")
            .replace("%1", device.display_name)
            .replace("%2", str(out))
        )
        self.refresh()
        dialog = FingerprintDialog(
            self.tr("证书已签发"),
            self.tr("请把证书文件交设备持有人，并把下面的巡察办签名指纹读给对方核对："),
            office_fp,
            [(self.tr("证书文件"), str(out))],
            parent=self,
        )
        dialog.open()
        self.last_dialog = dialog

    # -- revocation and receipts ----------------------------------------------------------------

    def open_revoke(self) -> RevokeDialog | None:
        device = self.current_device()
        if device is None or device.revoked_at is not None:
            return None
        dialog = RevokeDialog(device, self)
        dialog.accepted.connect(lambda: self._revoke(device.device_id, dialog.reason.text()))
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _revoke(self, device_id: str, reason: str) -> None:
        def done(_none: Any) -> None:
            self._say(
                self.tr("已吊销设备 %1；吊销名单随下一次部署包送达各组。").replace(
                    "%1", device_id[:8]
                )
            )
            self.refresh()

        run_core(
            self.tasks, lambda ws: ws.call(revoke_device, device_id, reason), done, self._failed
        )

    def open_receipt(self) -> ReceiptDialog:
        device = self.current_device()
        dialog = ReceiptDialog(
            self.tasks, self.folder, device.device_id if device else None, parent=self
        )
        dialog.open()
        self.last_dialog = dialog
        return dialog
