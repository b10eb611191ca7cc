"""生成部署包 on a real office store: one package per ticked device, encrypted to that device
alone; the field store it was made for imports it through the core and has the round. Progress
and cancel (the packages written stand, the rest leave no file), a file that appears meanwhile is
never replaced, and the button says why it is disabled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from tests.ui.exchange_world import TIMEOUT, idle, release, ui_on, world_fixture  # noqa: F401
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from tests.workbench.exchange_support import PASS, World
from ui.dialogs.briefing_wizard import BriefingWizard, file_names, holder_text
from ui.pages.datacheck_page import DatacheckPage
from ui.pages.exchange_page import ExchangePage
from ui.tasks import Tasks
from workbench import exchange as ex
from workbench.exchange import BriefingRecipient
from workbench.exchange.errors import PackageRejected
from workbench.models.exchange import PackageLedger
from workbench.roles import Role
from workbench.services import users
from workbench.services.datalists import import_list
from workbench.services.rounds import list_rounds
from workbench.store.vault import Vault
from workbench.vocab.enums import DataListKind
from workbench.workspace import Workspace

FRESH_USER = "zu3"


def enrolled_field_store(w: World, name: str = "c", display_name: str = "组员丙") -> str:
    """A new field laptop enrolled by the world's office (no briefing yet); its device id."""
    vault, _code = Vault.create(
        w.dir / name,
        user_name=FRESH_USER,
        passphrase=PASS,
        display_name=display_name,
        store_role="field",
    )
    try:
        request, _req = ex.make_request(vault)
        cert, view = ex.sign_request(w.office, request)
        ex.accept_certificate(vault, cert, expect_office_fingerprint=w.template.office_fingerprint)
    finally:
        vault.lock()
    return view.device_id


def outgoing_briefings(w: World) -> int:
    with w.office.read() as s:
        rows = s.query(PackageLedger).filter_by(direction="out", kind="briefing").count()
    release(w, "office")
    return rows


def _page(qtbot: QtBot, tasks: Tasks, round_id: str | None) -> ExchangePage:
    page = ExchangePage(tasks, lambda: {"round_id": round_id} if round_id else {}, "office")
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.status is not None, timeout=TIMEOUT)
    return page


def _wizard(qtbot: QtBot, page: ExchangePage, devices: int, folder: Path) -> BriefingWizard:
    assert page.buttons["briefing"].isEnabled(), page.buttons["briefing"].toolTip()
    wizard = page.open_briefing()
    qtbot.waitUntil(lambda: wizard.setup.devices.count() == devices, timeout=TIMEOUT)
    folder.mkdir(exist_ok=True)
    wizard.setup.folder.setText(str(folder))
    return wizard


def test_one_package_per_device_which_only_that_device_imports(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    device_c = enrolled_field_store(w)
    ex.revoke_device(w.office, w.template.device_b, "笔记本遗失")  # never offered again
    release(w, "office")
    out = tmp_path / "部署包"
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _wizard(qtbot, page, 2, out)
        setup = wizard.setup
        assert setup.round.currentData() == w.round_id  # the round chosen in the toolbar
        rows = [setup.devices.item(i).text() for i in range(2)]
        assert "组员a" in rows[0] and "组员丙" in rows[1]
        assert not any(d in " ".join(rows) for d in (w.template.device_a, device_c))  # no UUIDs
        assert (
            not setup.chosen_ids()
            and not wizard.button(wizard.WizardButton.CommitButton).isEnabled()
        )
        setup.set_checked([w.template.device_a, device_c])
        names = setup.files.text().splitlines()
        assert "组员a" in names[0] and "组员丙" in names[1]  # in the list's order
        assert all(n.startswith("部署包-2026年第六轮巡察-") and n.endswith(".wbp") for n in names)
        wizard.next()  # 开始生成
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        assert wizard.result_page.title() == "已生成部署包"
        assert "只加密给所列的一台设备" in summary and "巡察轮次 1" in summary
        batch = wizard.run_page.result
        assert batch is not None and batch.stopped is None and len(batch.written) == 2
        paths = {d.device_id: r.path for d, r, _size in batch.written}
        assert all(str(p) in summary for p in paths.values())
        assert wizard.run_page.panel.bar.value() == wizard.run_page.panel.bar.maximum()
        wizard.close()
    assert sorted(p.name for p in out.iterdir()) == sorted(names)  # nothing else, no .part
    field = Vault.open(w.dir / "c", FRESH_USER, PASS)
    try:
        with pytest.raises(PackageRejected):  # device a's package is not for this laptop
            ex.import_package(field, paths[w.template.device_a])
        ex.import_package(field, paths[device_c])
        with field.read() as s:
            assert [r.id for r in list_rounds(s).items] == [w.round_id]
    finally:
        field.lock()


def test_cancel_after_the_first_device_keeps_it_and_writes_no_other(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    device_c = enrolled_field_store(w)
    before = outgoing_briefings(w)
    out = tmp_path / "out"
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _wizard(qtbot, page, 3, out)
        wizard.setup.set_checked([w.template.device_a, device_c])
        panel = wizard.run_page.panel
        report = panel.relay.sink

        def sink(done: int, total: int | None, label: str = "") -> None:
            report(done, total, label)
            if "第 2 台" in label:  # the first package is written: the person presses 取消
                panel.token.cancel()

        panel.relay.sink = sink  # type: ignore[method-assign]
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        assert wizard.result_page.title() == "部分设备已生成部署包"
        assert "已取消" in summary and "组员丙" in summary.split("已取消")[1]
        wizard.close()
    files = list(out.iterdir())
    assert len(files) == 1 and "组员a" in files[0].name
    assert outgoing_briefings(w) == before + 1


def test_the_cancel_button_before_any_device_writes_nothing(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    import threading

    before = outgoing_briefings(w)
    out = tmp_path / "out"
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _wizard(qtbot, page, 2, out)
        wizard.setup.set_checked([w.template.device_a, w.template.device_b])
        gate = threading.Event()
        tasks.run_on_worker(lambda _worker: gate.wait(10))  # the worker is busy elsewhere …
        wizard.next()  # … so the job waits behind it
        assert wizard.run_page.panel.running
        wizard.button(wizard.WizardButton.CancelButton).click()  # asks the job to cancel
        assert wizard.isVisible()
        gate.set()
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        assert wizard.result_page.title() == "未生成部署包"
        assert "已取消" in wizard.result_page.summary.text()
        wizard.close()
    assert list(out.iterdir()) == []
    assert outgoing_briefings(w) == before


def test_a_file_that_appears_meanwhile_is_not_replaced(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _wizard(qtbot, page, 2, out)
        wizard.setup.set_checked([w.template.device_a, w.template.device_b])
        second = wizard.setup.targets()[1][1]
        panel = wizard.run_page.panel
        report = panel.relay.sink

        def sink(done: int, total: int | None, label: str = "") -> None:
            if "第 2 台" in label:  # someone else writes a file of that name meanwhile
                second.write_bytes(b"not ours")
            report(done, total, label)

        panel.relay.sink = sink  # type: ignore[method-assign]
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        assert "文件已存在，不会覆盖" in summary and "未留下不完整的文件" in summary
        wizard.close()
    assert second.read_bytes() == b"not ours"
    assert len(list(out.iterdir())) == 2  # the first package and that file: no .part left


def test_the_setup_page_refuses_an_existing_file(qtbot: QtBot, w: World, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        wizard = _wizard(qtbot, page, 2, out)
        wizard.setup.set_checked([w.template.device_a])
        existing = wizard.setup.targets()[0][1]
        existing.write_bytes(b"x")
        wizard.next()
        assert wizard.currentId() == BriefingWizard.SETUP
        assert "文件已存在" in wizard.setup.message.text()
        wizard.setup.folder.setText(str(tmp_path / "missing"))
        wizard.next()
        assert "文件夹不存在" in wizard.setup.message.text()
        wizard.close()


def test_disabled_with_the_reason(qtbot: QtBot, w: World) -> None:
    ex.revoke_device(w.office, w.template.device_a)
    ex.revoke_device(w.office, w.template.device_b)
    release(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks, w.round_id)
        button = page.buttons["briefing"]
        assert not button.isEnabled() and "还没有已登记的巡察组设备" in button.toolTip()
    office, _code = Vault.create(
        w.dir / "office2", user_name="ban2", passphrase=PASS, store_role="office"
    )
    ex.init_office(office)
    office.lock()
    workspace = Workspace.open(w.dir / "office2", "ban2", PASS)
    tasks = Tasks(workspace)
    try:
        page = _page(qtbot, tasks, None)
        button = page.buttons["briefing"]
        assert not button.isEnabled() and "还没有巡察轮次" in button.toolTip()
        idle(qtbot, tasks)
    finally:
        tasks.shutdown()
        workspace.lock()


def test_file_names_tell_devices_apart() -> None:
    def device(n: str, name: str, user: str, fp: str) -> BriefingRecipient:
        return BriefingRecipient(n, name, user, fp, "")

    same = [
        device("1", "张伟", "zw1", "11111 22222"),
        device("2", "张伟", "zw2", "33333 44444"),
        device("3", "李娜", "ln", "55555 66666"),
        device("4", "李娜", "ln", "77777 88888"),
    ]
    names = file_names("第一轮", same, "部署包")
    assert len(set(names.values())) == 4
    assert "张伟-zw1" in names["1"] and "李娜-ln-55555" in names["3"]
    assert not any(f"-{i}-" in n for i, n in names.items())


def test_a_holder_and_team_in_each_languages_brackets(qapp: object) -> None:
    device = BriefingRecipient("1", "李明", "liming", "03352 10133 77777", "第一巡察组")
    assert holder_text(device) == "李明（第一巡察组）"
    with english_ui():
        assert holder_text(device) == "李明 (第一巡察组)"
    assert holder_text(BriefingRecipient("2", "赵敏", "zm", "1 2", "")) == "赵敏"


def _office_list(w: World) -> str:
    path = write_csv(w.dir / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(3))
    with w.office.session() as s:
        done = import_list(
            s, path, kind=DataListKind.ASSISTANCE, round_id=w.round_id, label="县民政局"
        )
    release(w, "office")
    return done.source_id


def test_a_list_goes_only_when_ticked_and_the_team_sees_it_as_sent(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    source_id = _office_list(w)
    out = tmp_path / "out"
    with ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, _page(qtbot, tasks, w.round_id), 2, out)
        setup = wizard.setup
        qtbot.waitUntil(lambda: setup.lists.count() == 1, timeout=TIMEOUT)
        item = setup.lists.item(0)
        assert "县民政局" in item.text() and "低保.csv" in item.text() and "3 行" in item.text()
        assert item.checkState() == Qt.CheckState.Unchecked and setup.chosen_lists() == []
        assert "个人信息" in setup.lists_note.text() and "默认不下发" in setup.lists_note.text()
        item.setCheckState(Qt.CheckState.Checked)
        assert setup.chosen_lists() == [source_id]
        setup.set_checked([w.template.device_a])
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        assert "随包下发名单（含个人信息）：县民政局（低保.csv）" in summary
        [(_device, result, _size)] = wizard.run_page.result.written
        wizard.close()
    ex.import_package(w.a, result.path)
    release(w, "a")
    with ui_on(w, "a") as (_ws, tasks):
        page = DatacheckPage(tasks, lambda: {"round_id": w.round_id})
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.sources_tab.table.rowCount() == 1, timeout=TIMEOUT)
        table = page.sources_tab.table
        assert table.item(0, 6).text() == "巡察办下发（巡察办）"
        assert "随部署包下发" in table.item(0, 6).toolTip()
        idle(qtbot, tasks)


def test_a_role_that_may_not_see_lists_is_not_offered_them(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    _office_list(w)
    users.add_user(w.office, "keyuan", PASS, (Role.MEMBER,), display_name="科员")
    release(w, "office")
    workspace = Workspace.open(w.dir / "office", "keyuan", PASS)
    tasks = Tasks(workspace)
    try:
        wizard = BriefingWizard(tasks, w.round_id, tmp_path)
        qtbot.addWidget(wizard)
        wizard.show()
        setup = wizard.setup
        qtbot.waitUntil(lambda: bool(setup.lists_note.text()), timeout=TIMEOUT)
        assert setup.lists.count() == 0 and not setup.lists.isVisible()
        assert "只有巡察办授权查看名单的角色可以随部署包下发" in setup.lists_note.text()
        wizard.close()
        idle(qtbot, tasks)
    finally:
        tasks.shutdown()
        workspace.lock()


def test_the_result_reads_in_the_languages_own_punctuation(
    qtbot: QtBot, w: World, tmp_path: Path
) -> None:
    """In English a list sent is “县民政局 (低保.csv)”, a file “path (5.9 KB)”, the counts
    joined with commas: core gives the source and the file apart, the UI punctuates them."""
    _office_list(w)
    with english_ui(), ui_on(w, "office") as (_ws, tasks):
        wizard = _wizard(qtbot, _page(qtbot, tasks, w.round_id), 2, tmp_path / "out")
        setup = wizard.setup
        qtbot.waitUntil(lambda: setup.lists.count() == 1, timeout=TIMEOUT)
        setup.lists.item(0).setCheckState(Qt.CheckState.Checked)
        setup.set_checked([w.template.device_a])
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
        summary = wizard.result_page.summary.text()
        wizard.close()
    assert "县民政局 (低保.csv)" in summary, summary
    assert not any(mark in summary for mark in "（），、："), summary
