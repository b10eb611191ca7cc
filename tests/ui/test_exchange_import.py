"""The office's import wizard on real stores: a team package verified then imported; a damaged
package and a package from a revoked device get a verdict page and leave the store unchanged;
cancelling during the import (inside its transaction, or from the button) changes nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.ui.exchange_world import TIMEOUT, digest, idle, release, ui_on, world_fixture  # noqa: F401
from tests.workbench.exchange_support import World, add_finding, get
from ui.dialogs.import_wizard import ImportWizard
from ui.tasks import Tasks
from workbench import exchange as ex
from workbench.models import Finding


def _export(w: World, title: str = "违规发放津贴补贴问题") -> tuple[Path, str]:
    finding = add_finding(w.a, w.round_id, title=title)
    out = w.dir / "a-1.wbp"
    ex.export_round(w.a, w.round_id, out)
    release(w, "a")
    return out, finding


def _wizard(qtbot: QtBot, tasks: Tasks, path: Path, *, office: bool = True) -> ImportWizard:
    wizard = ImportWizard(tasks, office=office, path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    idle(qtbot, tasks)
    return wizard


def _to_verdict(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next()  # 校验
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.VERDICT, timeout=TIMEOUT)


def test_verify_then_import_a_team_package(qtbot: QtBot, w: World) -> None:
    package, finding = _export(w)
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, package)
        _to_verdict(qtbot, wizard)
        assert wizard.verdict.headline.text() == "校验通过，可以导入"
        details = wizard.verdict.details.text()
        for expected in ("组员a", "问题底稿 1", "第 1 号", "2026年第六轮巡察", "巡察组数据包"):
            assert expected in details
        assert wizard.verdict.nextId() == ImportWizard.IMPORT
        wizard.next()  # 导入
        qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
        assert wizard.result_page.headline.text() == "已导入"
        assert "新增 1" in wizard.result_page.details.text()
        wizard.close()
    assert get(w.office, Finding, finding).title == "违规发放津贴补贴问题"


def test_a_gap_in_the_sequence_is_shown_as_a_warning(qtbot: QtBot, w: World) -> None:
    add_finding(w.a, w.round_id, title="一")
    ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    add_finding(w.a, w.round_id, title="二")
    ex.export_round(w.a, w.round_id, w.dir / "p2.wbp")
    release(w, "a")
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, w.dir / "p2.wbp")
        _to_verdict(qtbot, wizard)
        assert "序号有缺口" in wizard.verdict.warnings.text()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
        assert "第 1 号数据包尚未导入" in wizard.result_page.warnings.text()
        wizard.close()


def test_a_damaged_package_gets_a_verdict_and_changes_nothing(qtbot: QtBot, w: World) -> None:
    package, finding = _export(w)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit flipped in the encrypted payload
    damaged = w.dir / "damaged.wbp"
    damaged.write_bytes(bytes(data))
    before = digest(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, damaged)
        _to_verdict(qtbot, wizard)
        assert wizard.verdict.headline.text() == "拒收：此数据包未通过校验"
        details = wizard.verdict.details.text()
        assert "WB-PKG-DAMAGED" in details and "数据包已损坏、被截断或被篡改" in details
        assert "未导入任何数据" in details and "重新导出" in details
        assert wizard.verdict.isFinalPage() and wizard.verdict.nextId() == -1
        wizard.close()
    assert digest(w, "office") == before
    assert get(w.office, Finding, finding) is None


def test_cancel_inside_the_import_transaction_changes_nothing(qtbot: QtBot, w: World) -> None:
    package, finding = _export(w)
    before = digest(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, package)
        _to_verdict(qtbot, wizard)
        panel = wizard.import_page.panel
        report = panel.relay.sink

        def sink(done: int, total: int | None, label: str = "") -> None:
            report(done, total, label)
            if label.startswith("已写入"):  # the rows are written, not yet committed: cancel now
                panel.token.cancel()

        panel.relay.sink = sink  # type: ignore[method-assign]
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
        assert wizard.result_page.headline.text() == "已取消导入"
        assert "本库数据未改变" in wizard.result_page.details.text()
        wizard.close()
    assert digest(w, "office") == before
    assert get(w.office, Finding, finding) is None


def test_the_cancel_button_stops_a_running_import(qtbot: QtBot, w: World) -> None:
    package, _finding = _export(w)
    before = digest(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, package)
        _to_verdict(qtbot, wizard)
        gate = threading.Event()
        tasks.run_on_worker(lambda _worker: gate.wait(10))  # the worker is busy elsewhere …
        wizard.next()  # … so the import is queued behind it
        assert wizard.currentId() == ImportWizard.IMPORT and wizard.import_page.panel.running
        wizard.button(QWizard.WizardButton.CancelButton).click()  # asks the job to cancel
        assert wizard.isVisible()  # the wizard stays until the job has stopped
        gate.set()
        qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
        assert wizard.result_page.headline.text() == "已取消导入"
        wizard.close()
    assert digest(w, "office") == before


def test_a_package_from_a_revoked_device_is_refused(qtbot: QtBot, w: World) -> None:
    package, _finding = _export(w)
    ex.revoke_device(w.office, w.template.device_a, "笔记本遗失")
    before = digest(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, tasks, package)
        _to_verdict(qtbot, wizard)
        assert "WB-PKG-DEVICE-REVOKED" in wizard.verdict.details.text()
        assert "未导入任何数据" in wizard.verdict.details.text()
        wizard.close()
    assert digest(w, "office") == before
