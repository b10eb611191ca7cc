"""Enrolment through the UI on both sides (request → the office checks the fingerprint and signs
→ the field checks the office fingerprint and accepts) and the office's devices page: the table,
fingerprints, and a revocation that needs its confirmation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.exchange_world import TIMEOUT, idle, ui_on, world_fixture  # noqa: F401
from tests.workbench.exchange_support import PASS, World
from ui.dialogs.fingerprint_dialog import FingerprintDialog
from ui.pages.devices_page import DevicesPage, RevokeDialog
from ui.pages.exchange_page import ExchangePage
from ui.tasks import Tasks
from workbench import exchange as ex
from workbench.workspace import Workspace


def _devices(qtbot: QtBot, tasks: Tasks) -> DevicesPage:
    page = DevicesPage(tasks)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not tasks.busy, timeout=TIMEOUT)
    return page


def _dialog(qtbot: QtBot, page: object, before: object) -> FingerprintDialog:
    qtbot.waitUntil(
        lambda: (
            isinstance(page.last_dialog, FingerprintDialog)  # type: ignore[attr-defined]
            and page.last_dialog is not before
        ),  # type: ignore[attr-defined]
        timeout=TIMEOUT,
    )
    dialog = page.last_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, FingerprintDialog)
    return dialog


def test_enrolment_request_sign_and_accept_through_the_ui(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    field, _code = Workspace.create(tmp_path / "new", user_name="zu3", passphrase=PASS)
    field_tasks = Tasks(field)
    request_file, cert_file = tmp_path / "申请.json", tmp_path / "证书.json"
    try:
        field_page = ExchangePage(field_tasks, dict, "field")
        qtbot.addWidget(field_page)
        field_page.refresh()
        field_page.make_request_file(request_file)
        shown = _dialog(qtbot, field_page, None)
        device_fp = shown.fingerprint.fingerprint
        assert request_file.is_file() and len(device_fp.split()) == 6
        idle(qtbot, field_tasks)
        assert "等待巡察办签发证书" in field_page.state.text()
        assert field_page.own_fp.fingerprint == device_fp
        shown.accept()

        with ui_on(w, "office") as (_ws, tasks):
            devices = _devices(qtbot, tasks)
            before = devices.model.rowCount()
            review = devices.review_request(request_file)
            assert review is not None
            assert review.fingerprint.fingerprint == device_fp  # the same digits on both sides
            assert not review.ok_button.isEnabled()  # not before the phone check is confirmed
            output = review.findChild(QLineEdit, "certificate_output")
            assert output is not None
            output.setText(str(cert_file))
            review.confirm.setChecked(True)
            review.ok_button.click()
            signed = _dialog(qtbot, devices, review)
            assert signed.fingerprint.fingerprint == w.template.office_fingerprint
            qtbot.waitUntil(lambda: devices.model.rowCount() == before + 1, timeout=TIMEOUT)
            assert cert_file.is_file()
            assert device_fp in [d.fingerprint for d in devices.model.devices]
            signed.accept()

        check = field_page.review_certificate(cert_file)
        assert check is not None
        assert check.fingerprint.fingerprint == w.template.office_fingerprint
        assert not check.ok_button.isEnabled()
        check.confirm.setChecked(True)
        check.ok_button.click()
        qtbot.waitUntil(lambda: "已接受设备证书" in field_page.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(
            lambda: field_page.status is not None and field_page.status.ready, timeout=TIMEOUT
        )
        assert field_page.office_fp.fingerprint == w.template.office_fingerprint
        assert field_page.buttons["export"].isEnabled()
    finally:
        field_tasks.shutdown()
        field.lock()


def test_a_bad_request_file_is_refused_with_its_code(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    bad = tmp_path / "申请.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with ui_on(w, "office") as (_ws, tasks):
        devices = _devices(qtbot, tasks)
        assert devices.review_request(bad) is None
        assert "WB-ENROL-REQUEST" in devices.message.text()


def test_devices_table_and_revocation(qtbot: QtBot, w: World) -> None:
    with ui_on(w, "office") as (_ws, tasks):
        page = _devices(qtbot, tasks)
        assert page.office_fp.fingerprint == w.template.office_fingerprint
        ids = [d.device_id for d in page.model.devices]
        assert set(ids) == {w.template.device_a, w.template.device_b}
        row = ids.index(w.template.device_a)
        page.table.selectRow(row)
        assert page.device_id.text() == w.template.device_a
        assert page.device_fp.fingerprint == page.model.devices[row].fingerprint
        assert page.model.data(page.model.index(row, 6)) == "有效"
        dialog = page.open_revoke()
        assert isinstance(dialog, RevokeDialog)
        assert not dialog.ok_button.isEnabled()  # the confirmation is required
        dialog.reason.setText("笔记本遗失")
        dialog.confirm.setChecked(True)
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: "已吊销设备" in page.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(
            lambda: page.model.data(page.model.index(row, 6)) == "已吊销：笔记本遗失",
            timeout=TIMEOUT,
        )
        page.table.selectRow(row)
        assert not page.revoke_button.isEnabled()  # once is enough
    revoked = {d.device_id: d for d in ex.list_devices(w.office)}[w.template.device_a]
    assert revoked.revoked_at is not None and revoked.revoked_reason == "笔记本遗失"
