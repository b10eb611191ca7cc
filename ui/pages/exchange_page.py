"""数据交换: sealed packages between field laptops and the office.

Field store: enrolment (request → the office signs → accept the certificate after comparing the
office's fingerprint), export, importing briefings and receipts, and the wipe of a confirmed
round. Office store: its exchange keys and fingerprint, importing team packages, briefings,
receipts, and the way to the devices and conflicts pages. Each action names the file it reads
or writes in a field people can type into; 浏览… fills it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.briefing_wizard import BriefingWizard
from ui.dialogs.export_wizard import ExportWizard, check_output
from ui.dialogs.fingerprint_dialog import FingerprintDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.job_wizard import note_label
from ui.dialogs.office_packages import ReceiptDialog
from ui.dialogs.wipe_dialog import WipeDialog
from ui.errors import error_text
from ui.pages.exchange_support import (
    ExchangeStatus,
    exchange_status,
    preview_certificate,
    read_enrol_file,
    run_core,
)
from ui.tasks import Tasks
from ui.widgets.fingerprint_label import FingerprintLabel
from workbench.errors import UsageError
from workbench.exchange import accept_certificate, init_office, make_request
from workbench.services.rounds import list_rounds
from workbench.workspace import Workspace


def _write_new(path: Path, data: bytes) -> None:
    problem = check_output(str(path))
    if problem:
        raise UsageError(problem)
    path.write_bytes(data)


class ExchangePage(QWidget):
    page_requested = Signal(str)  # "devices" | "conflicts": the main window shows that page
    rounds_changed = Signal()  # a briefing brought a round, a wipe removed one's data

    def __init__(
        self,
        tasks: Tasks,
        scope: Callable[[], dict[str, Any]],
        store_role: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exchange")
        self.tasks = tasks
        self.scope = scope
        self.office = store_role == "office"
        self.folder = Path.home()
        self.status: ExchangeStatus | None = None
        self.last_dialog: QWidget | None = None  # the dialog an action opened (tests drive it)
        self._pending_action = ""  # start_action's button, clicked once the state is known
        heading = QLabel(self.tr("数据交换"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = note_label()
        intro.setText(
            self.tr("巡察办数据库：导入各巡察组的数据包，向巡察组下发数据、签发回执。")
            if self.office
            else self.tr(
                "巡察组数据库：数据只以加密数据包交给巡察办；巡察办回执确认后，本轮结束时可清理本机数据。"
            )
        )
        self.state = note_label("exchange_state")
        self.own_fp = FingerprintLabel()
        self.own_fp.setObjectName("own_fingerprint")
        self.office_fp = FingerprintLabel()
        self.office_fp.setObjectName("office_fingerprint")
        status_box = QGroupBox(self.tr("本机状态"))
        form = QFormLayout(status_box)
        form.addRow(self.tr("状态"), self.state)
        if self.office:
            form.addRow(self.tr("巡察办签名指纹"), self.office_fp)
        else:
            form.addRow(self.tr("本设备指纹"), self.own_fp)
            form.addRow(self.tr("已信任的巡察办指纹"), self.office_fp)
        self.actions_box = QGroupBox(self.tr("操作"))
        self.action_rows = QVBoxLayout(self.actions_box)
        self.buttons: dict[str, QPushButton] = {}
        if self.office:
            self._office_actions()
        else:
            self._field_actions()
        self.message = note_label("exchange_message")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(status_box)
        layout.addWidget(self.actions_box)
        layout.addWidget(self.message)
        layout.addStretch(1)

    # -- layout ---------------------------------------------------------------------------------

    def _row(self, *specs: tuple[str, str, str, Callable[[], object]]) -> None:
        """One row of buttons: (key, text, explanation, slot)."""
        row = QHBoxLayout()
        for key, text, tip, slot in specs:
            button = QPushButton(text)
            button.setObjectName(key)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.action_rows.addLayout(row)

    def _field_actions(self) -> None:
        self._row(
            (
                "enrol_request",
                self.tr("生成注册申请…"),
                self.tr("生成登记申请文件，交巡察办签发证书"),
                self.choose_request_file,
            ),
            (
                "enrol_accept",
                self.tr("接受设备证书…"),
                self.tr("导入巡察办签发的设备证书"),
                self.choose_certificate,
            ),
        )
        self._row(
            (
                "export",
                self.tr("导出数据包…"),
                self.tr("把本轮未确认的数据加密打包交巡察办"),
                self.open_export,
            ),
            (
                "import_briefing",
                self.tr("导入部署包…"),
                self.tr("导入巡察办下发的轮次、被巡察单位等数据"),
                self.open_import,
            ),
            (
                "import_receipt",
                self.tr("接受回执…"),
                self.tr("导入巡察办签发的回执"),
                self.open_import,
            ),
        )
        self._row(
            (
                "wipe",
                self.tr("清理本轮数据…"),
                self.tr("巡察办确认收到后，删除本机上的本轮数据"),
                self.open_wipe,
            ),
        )

    def _office_actions(self) -> None:
        self._row(
            (
                "office_init",
                self.tr("初始化交换密钥"),
                self.tr("生成巡察办的加密和签名密钥（只做一次）"),
                self.init_keys,
            ),
        )
        self._row(
            ("import", self.tr("导入数据包…"), self.tr("校验并导入巡察组数据包"), self.open_import),
            (
                "briefing",
                self.tr("生成部署包…"),
                self.tr("把轮次、被巡察单位、清单等下发给巡察组设备"),
                self.open_briefing,
            ),
            (
                "receipt",
                self.tr("签发回执…"),
                self.tr("确认已收到某设备的数据包"),
                self.open_receipt,
            ),
        )
        self._row(
            (
                "goto_devices",
                self.tr("设备管理"),
                self.tr("已登记设备、签发证书、吊销"),
                lambda: self.page_requested.emit("devices"),
            ),
            (
                "goto_conflicts",
                self.tr("冲突处理"),
                self.tr("同一记录被两处修改时选定版本"),
                lambda: self.page_requested.emit("conflicts"),
            ),
        )

    # -- state ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(exchange_status, self._status_loaded, self._status_failed)

    def clear(self) -> None:
        self.status = None
        self.own_fp.set_fingerprint("")
        self.office_fp.set_fingerprint("")
        self.state.clear()
        self.message.clear()

    def _status_failed(self, error: BaseException) -> None:
        self.state.setText(error_text(error))

    def _status_loaded(self, status: ExchangeStatus) -> None:
        self._show_status(status)
        if self._pending_action:
            self._run_pending()

    def _show_status(self, status: ExchangeStatus) -> None:
        self.status = status
        self.own_fp.set_fingerprint(status.own_fingerprint)
        self.office_fp.set_fingerprint(status.office_fingerprint)
        if self.office:
            self.state.setText(
                self.tr("交换密钥已就绪。请将签名指纹告知各巡察组，供其接受证书时核对。")
                if status.ready
                else self.tr("尚未生成交换密钥：请先“初始化交换密钥”。")
            )
            self.buttons["office_init"].setVisible(not status.ready)
            for key in ("import", "receipt", "goto_devices", "goto_conflicts"):
                self.buttons[key].setEnabled(status.ready)
            self._briefing_state(status)
            return
        if status.ready:
            until = f"{status.not_after:%Y-%m-%d}" if status.not_after else "—"
            self.state.setText(self.tr("本设备已登记，证书有效期至 %1。").replace("%1", until))
        elif status.own_fingerprint:
            self.state.setText(
                self.tr("已生成注册申请，等待巡察办签发证书；收到证书后请“接受设备证书”。")
            )
        else:
            self.state.setText(self.tr("本设备尚未登记：请先“生成注册申请”，交巡察办签发证书。"))
        for key in ("export", "import_briefing", "import_receipt", "wipe"):
            self.buttons[key].setEnabled(status.ready)

    def _briefing_state(self, status: ExchangeStatus) -> None:
        """生成部署包 needs keys, a round and a device to send it to; the tooltip says which is
        missing."""
        button = self.buttons["briefing"]
        if not status.ready:
            why = self.tr("尚未生成交换密钥：请先“初始化交换密钥”。")
        elif not status.has_round:
            why = self.tr("本库还没有巡察轮次：请先新建巡察轮次。")
        elif not status.devices:
            why = self.tr("还没有已登记的巡察组设备：请先在“设备管理”中签发设备证书。")
        else:
            why = ""
        button.setEnabled(not why)
        button.setToolTip(why or self.tr("把轮次、被巡察单位、清单等下发给巡察组设备"))

    def start_action(self, key: str) -> None:
        """Run one of the page's actions as if its button were clicked, once the page knows the
        store's state (the dashboard's first-run checklist sends people here); a disabled one only
        gets the focus, its tooltip says why."""
        self._pending_action = key
        self.refresh()

    def _run_pending(self) -> None:
        button = self.buttons.get(self._pending_action)
        self._pending_action = ""
        if button is None:
            return
        button.setFocus()
        if button.isEnabled():
            button.click()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error), error=True)

    def _round_id(self) -> str | None:
        return self.scope().get("round_id")

    # -- field: enrolment -------------------------------------------------------------------------

    def choose_request_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存注册申请"),
            str(self.folder / self.tr("注册申请.json")),
            self.tr("注册申请 (*.json)"),
        )
        if chosen:
            self.make_request_file(Path(chosen))

    def make_request_file(self, path: Path) -> None:
        def work(ws: Workspace) -> Any:
            data, request = ws.call(make_request)
            _write_new(path, data)
            return request

        run_core(self.tasks, work, lambda request: self._request_made(path, request), self._failed)

    def _request_made(self, path: Path, request: Any) -> None:
        self._say(self.tr("已生成注册申请：%1").replace("%1", str(path)))
        self.refresh()
        dialog = FingerprintDialog(
            self.tr("注册申请已生成"),
            self.tr(
                "请把申请文件交巡察办，并通过电话把下面的本设备指纹读给巡察办核对；"
                "巡察办签发证书前会核对这一指纹。"
            ),
            request.fingerprint,
            [(self.tr("文件"), str(path)), (self.tr("设备编号"), request.device_id)],
            parent=self,
        )
        dialog.open()
        self.last_dialog = dialog

    def choose_certificate(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择设备证书"),
            str(self.folder),
            self.tr("设备证书 (*.json);;所有文件 (*)"),
        )
        if chosen:
            self.review_certificate(Path(chosen))

    def review_certificate(self, path: Path) -> FingerprintDialog | None:
        """Show the office fingerprint the certificate carries; accept only after the person
        confirms it matches what the office read out. The core pins exactly the key shown."""
        try:
            data = read_enrol_file(path)
            preview = preview_certificate(data)
        except Exception as exc:  # shown with its code; nothing changed
            self._failed(exc)
            return None
        dialog = FingerprintDialog(
            self.tr("接受设备证书"),
            self.tr("请与巡察办通电话，核对下面的巡察办签名指纹与对方读出的完全一致："),
            preview.office_fingerprint,
            [
                (self.tr("证书持有人"), preview.display_name),
                (self.tr("有效期至"), f"{preview.not_after:%Y-%m-%d}"),
            ],
            confirm=self.tr("我已与巡察办核对，指纹完全一致"),
            ok_text=self.tr("接受证书"),
            parent=self,
        )
        dialog.accepted.connect(lambda: self._accept_certificate(data, preview.office_fingerprint))
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def _accept_certificate(self, data: bytes, office_fp: str) -> None:
        def done(result: Any) -> None:
            cert, _fp = result
            self._say(
                self.tr("已接受设备证书，有效期至 %1。本设备可以导出数据包了。").replace(
                    "%1", f"{cert.not_after:%Y-%m-%d}"
                )
            )
            self.refresh()

        run_core(
            self.tasks,
            lambda ws: ws.call(accept_certificate, data, expect_office_fingerprint=office_fp),
            done,
            self._failed,
        )

    # -- packages --------------------------------------------------------------------------------

    def open_export(self) -> ExportWizard:
        wizard = ExportWizard(self.tasks, self._round_id(), self.folder, self)
        wizard.finished.connect(self._after_job)
        wizard.open()
        return wizard

    def open_import(self, path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(
            self.tasks,
            office=self.office,
            path=path if isinstance(path, Path) else None,
            parent=self,
        )
        wizard.finished.connect(self._after_job)
        wizard.open()
        return wizard

    def open_wipe(self) -> None:
        """The wipe dialog for the round chosen in the toolbar (its name is looked up first)."""
        round_id = self._round_id()
        if not round_id:
            self._say(self.tr("请先在工具栏选择要清理的巡察轮次。"), error=True)
            return

        def open_named(names: dict[str, str]) -> None:
            self.wipe_dialog(round_id, names.get(round_id, round_id))

        self.tasks.run(lambda s: {r.id: r.name for r in list_rounds(s).items}, open_named)

    def _after_job(self, _result: int) -> None:
        self.refresh()
        self.rounds_changed.emit()

    def wipe_dialog(self, round_id: str, round_name: str) -> WipeDialog:
        dialog = WipeDialog(self.tasks, round_id, round_name, self)
        dialog.finished.connect(self._after_job)
        dialog.open()
        self.last_dialog = dialog
        return dialog

    # -- office ---------------------------------------------------------------------------------

    def init_keys(self) -> None:
        def done(info: Any) -> None:
            self.refresh()
            dialog = FingerprintDialog(
                self.tr("已生成巡察办交换密钥"),
                self.tr("请把下面的签名指纹告知各巡察组（电话或书面），供其接受设备证书时核对。"),
                info.signing_fingerprint,
                parent=self,
            )
            dialog.open()
            self.last_dialog = dialog

        run_core(self.tasks, lambda ws: ws.call(init_office), done, self._failed)

    def open_briefing(self) -> BriefingWizard:
        wizard = BriefingWizard(self.tasks, self._round_id(), self.folder, self)
        wizard.open()
        self.last_dialog = wizard
        return wizard

    def open_receipt(self) -> ReceiptDialog:
        dialog = ReceiptDialog(self.tasks, self.folder, parent=self)
        dialog.open()
        return dialog
