"""The dashboard of a store with no round shows its first steps instead of empty figures, each
done or not from the store's real state, each button leading to the place that does it: a fresh
field laptop through enrolment and its first briefing (then the checklist gives way to the
figures), and an office store with no round."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.exchange_world import TIMEOUT, idle, release, world_fixture  # noqa: F401
from tests.workbench.exchange_support import PASS, World
from ui.dialogs.fingerprint_dialog import FingerprintDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.pages.dashboard_page import DashboardPage
from ui.pages.exchange_support import ExchangeStatus, run_core
from ui.widgets.first_run_checklist import FirstRunChecklist
from workbench import exchange as ex
from workbench.workspace import Workspace


def _window(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, FirstRunChecklist]:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("dashboard")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    return window, dashboard.checklist


def _shown(qtbot: QtBot, window: MainWindow, checklist: FirstRunChecklist) -> None:
    idle(qtbot, window.tasks)  # a refresh queued before the change would answer with old state
    checklist.status = None
    window.show_page("dashboard")
    window.pages["dashboard"].refresh()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: checklist.status is not None, timeout=TIMEOUT)
    idle(qtbot, window.tasks)


def _state(checklist: FirstRunChecklist, key: str) -> str:
    label = checklist.findChild(object, f"step_{key}_state")
    return str(label.text())  # type: ignore[attr-defined]


def _button(checklist: FirstRunChecklist, key: str) -> QPushButton | None:
    return checklist.findChild(QPushButton, f"step_{key}_button")


def test_a_new_status_replaces_the_steps_before_the_event_loop_runs(qtbot: QtBot) -> None:
    """The old steps' widgets are deleted later, when the event loop next runs; until then they
    must not be found in place of the new ones (a loaded machine's wait may end before that)."""
    checklist = FirstRunChecklist()
    qtbot.addWidget(checklist)
    checklist.show_status(ExchangeStatus("field", "dev-1", False, "", ""))
    checklist.show_status(ExchangeStatus("field", "dev-1", False, "ab12", ""))  # requested
    buttons = checklist.findChildren(QPushButton, "step_enrol_button")
    assert [b.text() for b in buttons] == ["导入设备证书…"]
    assert _state(checklist, "enrol") == "待完成"


def test_a_fresh_field_laptop_from_enrolment_to_work(
    qtbot: QtBot, w: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, _code = Workspace.create(
        w.dir / "laptop", user_name="zu5", passphrase=PASS, display_name="组员戊"
    )
    window, checklist = _window(qtbot, workspace)
    dashboard = window.pages["dashboard"]
    try:
        _shown(qtbot, window, checklist)
        assert checklist.isVisible() and not dashboard.figures_box.isVisible()  # type: ignore[attr-defined]
        assert [s.done for s in checklist.steps] == [False, False, False]
        assert [_state(checklist, s) for s in ("enrol", "briefing", "work")] == ["待完成"] * 3
        briefing = _button(checklist, "briefing")
        assert briefing is not None and not briefing.isEnabled()
        assert "请先完成第 1 步" in briefing.toolTip()

        # 1. the request, through the exchange page's own action
        request_file = tmp_path / "登记申请.json"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(request_file), "")
        )
        enrol = _button(checklist, "enrol")
        assert enrol is not None and enrol.text() == "生成登记申请…"
        enrol.click()
        assert window.stack.currentWidget() is window.pages["exchange"]
        qtbot.waitUntil(request_file.is_file, timeout=TIMEOUT)
        idle(qtbot, window.tasks)
        for dialog in window.findChildren(FingerprintDialog):
            dialog.close()
        _shown(qtbot, window, checklist)
        enrol = _button(checklist, "enrol")
        assert enrol is not None and enrol.text() == "导入设备证书…"  # waiting for the office
        assert not checklist.step("enrol").done

        # the office signs; the laptop accepts the certificate
        certificate, device = ex.sign_request(w.office, request_file.read_bytes())
        release(w, "office")
        run_core(
            window.tasks,
            lambda ws: ws.call(
                ex.accept_certificate,
                certificate,
                expect_office_fingerprint=w.template.office_fingerprint,
            ),
        )
        _shown(qtbot, window, checklist)
        assert checklist.step("enrol").done and _state(checklist, "enrol") == "已完成"
        assert _button(checklist, "enrol") is None
        briefing = _button(checklist, "briefing")
        assert briefing is not None and briefing.isEnabled()
        briefing.click()  # 2. the import wizard of the exchange page
        assert window.stack.currentWidget() is window.pages["exchange"]
        qtbot.waitUntil(
            lambda: any(wz.isVisible() for wz in window.findChildren(ImportWizard)),
            timeout=TIMEOUT,
        )
        for wizard in window.findChildren(ImportWizard):
            wizard.close()

        # the office's briefing for this laptop, imported through the core
        package = tmp_path / "部署包.wbp"
        ex.build_briefing(w.office, w.round_id, [device.device_id], package)
        release(w, "office")
        run_core(window.tasks, lambda ws: ws.call(ex.import_package, package))
        idle(qtbot, window.tasks)
        window.reload_rounds()
        _shown(qtbot, window, checklist)
        assert not checklist.isVisible() and dashboard.figures_box.isVisible()  # type: ignore[attr-defined]
        assert all(s.done for s in checklist.steps)
        assert window.round_combo.findData(w.round_id) > 0  # the round is there to work in
    finally:
        window.close()
        if not workspace.locked:
            workspace.lock()


def test_an_office_store_with_no_round_points_to_its_set_up(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    workspace, _code = Workspace.create(
        tmp_path / "office", user_name="ban9", passphrase=PASS, store_role="office"
    )
    window, checklist = _window(qtbot, workspace)
    try:
        _shown(qtbot, window, checklist)
        assert checklist.isVisible() and "还没有巡察轮次" in checklist.heading.text()
        assert [s.key for s in checklist.steps] == ["office_init", "new_round", "devices"]
        assert not any(s.done for s in checklist.steps)
        devices = _button(checklist, "devices")
        assert devices is not None and not devices.isEnabled()
        asked: list[str] = []
        checklist.step_requested.connect(asked.append)
        new_round = _button(checklist, "new_round")
        assert new_round is not None
        new_round.click()
        assert asked == ["new_round"]  # the round wizard's action takes it (see main window)
        init = _button(checklist, "office_init")
        assert init is not None
        init.click()  # the exchange page's 初始化交换密钥
        qtbot.waitUntil(lambda: bool(window.findChildren(FingerprintDialog)), timeout=TIMEOUT)
        for dialog in window.findChildren(FingerprintDialog):
            dialog.close()
        _shown(qtbot, window, checklist)
        assert checklist.step("office_init").done and not checklist.step("devices").done
        devices = _button(checklist, "devices")
        assert devices is not None and devices.isEnabled()
        devices.click()
        assert window.stack.currentWidget() is window.pages["devices"]
    finally:
        window.close()
        if not workspace.locked:
            workspace.lock()
