"""The field store's 数据交换 page on real stores: export through the wizard and import that file
at the office through the office's wizard; the wipe refused before a receipt and done after the
receipt was accepted in the UI; the state and fingerprints the page shows."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.exchange_world import TIMEOUT, idle, release, ui_on, world_fixture  # noqa: F401
from tests.workbench.exchange_support import PASS, World, add_finding, get
from ui.dialogs.export_wizard import ExportWizard
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.wipe_dialog import WipeDialog
from ui.pages.exchange_page import ExchangePage
from ui.tasks import Tasks
from workbench import exchange as ex
from workbench.models import Finding
from workbench.workspace import Workspace


def _page(qtbot: QtBot, tasks: Tasks, round_id: str | None, role: str = "field") -> ExchangePage:
    page = ExchangePage(tasks, lambda: {"round_id": round_id} if round_id else {}, role)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.status is not None, timeout=TIMEOUT)
    return page


def _import(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.show()  # a child of the page: it goes with the page (registered with qtbot)
    idle(qtbot, wizard.tasks)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.VERDICT, timeout=TIMEOUT)
    assert wizard.verdict.accepted, wizard.verdict.details.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    assert wizard.result_page.headline.text() == "已导入"


def test_the_page_shows_enrolment_and_both_fingerprints(qtbot: QtBot, w: World) -> None:
    with ui_on(w, "a") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        assert page.status is not None and page.status.ready
        assert "本设备已登记" in page.state.text()
        assert page.office_fp.fingerprint == w.template.office_fingerprint
        assert page.office_fp.text().count("\n") == 1  # two lines of three groups
        assert page.own_fp.fingerprint and page.own_fp.fingerprint != page.office_fp.fingerprint
        assert all(page.buttons[k].isEnabled() for k in ("export", "import_receipt", "wipe"))


def test_export_in_the_field_ui_then_import_in_the_office_ui(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    finding = add_finding(w.a, w.round_id, title="公务接待超标准问题")
    release(w, "a")
    out = tmp_path / "第一组-第1号.wbp"
    with ui_on(w, "a") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = page.open_export()
        assert isinstance(wizard, ExportWizard)
        qtbot.waitUntil(lambda: wizard.setup.round.count() == 1, timeout=TIMEOUT)
        assert wizard.setup.round.currentData() == w.round_id
        assert wizard.setup.output.edit.text().endswith(".wbp")  # a default name is offered
        wizard.setup.output.edit.setText(str(out))
        wizard.next()  # 开始导出
        qtbot.waitUntil(lambda: wizard.currentId() == ExportWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        result = wizard.run_page.result
        assert result is not None and result.package_id in summary
        assert "问题底稿 1" in summary and "第 1 号" in summary
        assert out.is_file() and result.path == out
        wizard.close()
        # the same file cannot be written twice: the wizard says so before anything runs
        again = page.open_export()
        qtbot.waitUntil(lambda: again.setup.round.count() == 1, timeout=TIMEOUT)
        again.setup.output.edit.setText(str(out))
        again.next()
        assert again.currentId() == ExportWizard.SETUP
        assert "文件已存在" in again.setup.message.text()
        again.close()
    with ui_on(w, "office") as (_ws, tasks):
        _import(qtbot, ImportWizard(tasks, office=True, path=out))
    assert get(w.office, Finding, finding).title == "公务接待超标准问题"


def _run_export(qtbot: QtBot, page: ExchangePage, out: Path, everything: bool) -> ExportWizard:
    wizard = page.open_export()
    qtbot.waitUntil(lambda: wizard.setup.round.count() == 1, timeout=TIMEOUT)
    wizard.setup.output.edit.setText(str(out))
    wizard.setup.all_unconfirmed.setChecked(everything)
    wizard.next()  # 开始导出
    qtbot.waitUntil(lambda: wizard.currentId() == ExportWizard.RESULT, timeout=TIMEOUT)
    return wizard


def test_nothing_new_is_said_plainly_and_the_checkbox_resends(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    add_finding(w.a, w.round_id, title="第一包的问题")
    ex.export_round(w.a, w.round_id, tmp_path / "p1.wbp")
    release(w, "a")
    out = tmp_path / "p2.wbp"
    with ui_on(w, "a") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _run_export(qtbot, page, out, everything=False)
        assert wizard.run_page.result is None
        assert wizard.result_page.title() == "没有需要导出的内容"
        summary = wizard.result_page.summary.text()
        assert "没有新增或修改的记录和附件，未生成数据包" in summary
        assert "重新导出全部未经回执确认的内容" in summary  # how to resend a lost package
        assert "WB-" not in summary and not out.exists()
        wizard.close()
        resend = _run_export(qtbot, page, out, everything=True)
        result = resend.run_page.result
        assert result is not None and result.device_seq == 2 and result.counts == {"findings": 1}
        assert out.is_file()
        resend.close()


def test_a_store_not_yet_enrolled_offers_only_the_request(qtbot: QtBot, w: World) -> None:
    fresh, _code = Workspace.create(w.dir / "fresh", user_name="zu9", passphrase=PASS)
    tasks = Tasks(fresh)
    try:
        page = _page(qtbot, tasks, None)
        assert "尚未登记" in page.state.text() and page.own_fp.fingerprint == ""
        assert page.buttons["enrol_request"].isEnabled()
        assert not any(page.buttons[k].isEnabled() for k in ("export", "import_receipt", "wipe"))
    finally:
        tasks.shutdown()
        fresh.lock()


def test_wipe_is_refused_without_receipt_and_allowed_after_it(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    finding = add_finding(w.a, w.round_id, title="待清理的问题")
    ex.export_round(w.a, w.round_id, tmp_path / "p.wbp")
    release(w, "a")
    ex.import_package(w.office, tmp_path / "p.wbp")
    with ui_on(w, "a") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        page.open_wipe()
        qtbot.waitUntil(lambda: isinstance(page.last_dialog, WipeDialog), timeout=TIMEOUT)
        dialog = page.last_dialog
        assert isinstance(dialog, WipeDialog)
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=TIMEOUT)
        assert "不能清理" in dialog.verdict.text()
        assert dialog.status is not None and dialog.status.unconfirmed_records >= 1
        assert not dialog.wipe_button.isEnabled() and not dialog.confirm.isVisible()
        dialog.confirm.setText("2026年第六轮巡察")  # typing the name does not unlock it
        assert not dialog.wipe_button.isEnabled()
        dialog.close()

    ex.issue_receipt(w.office, w.template.device_a, tmp_path / "r.wbp")
    with ui_on(w, "a") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        receipt = page.open_import(tmp_path / "r.wbp")
        _import(qtbot, receipt)
        assert "新确认数据包 1" in receipt.result_page.details.text()
        receipt.close()
        page.open_wipe()
        qtbot.waitUntil(lambda: isinstance(page.last_dialog, WipeDialog), timeout=TIMEOUT)
        dialog = page.last_dialog
        assert isinstance(dialog, WipeDialog)
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=TIMEOUT)
        assert "可以清理" in dialog.verdict.text() and dialog.confirm.isVisible()
        dialog.confirm.setText("第六轮")
        assert not dialog.wipe_button.isEnabled()  # the round's name, exactly
        dialog.confirm.setText("2026年第六轮巡察")
        assert dialog.wipe_button.isEnabled()
        dialog.wipe_button.click()
        qtbot.waitUntil(lambda: dialog.wiped is not None, timeout=TIMEOUT)
        assert "已清理本轮记录" in dialog.panel.label.text()
        assert dialog.wiped is not None and dialog.wiped.records >= 1
        dialog.close()
    assert get(w.a, Finding, finding) is None
