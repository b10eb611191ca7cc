"""The office runs a round, start to finish, through the real widgets of real main windows: on a
fresh office store the 巡察办 makes a 交叉巡察 round with the round wizard and two county teams on
轮次配置; imports ten 被巡察单位 from a filled .xlsx template (two bad rows refused with their
reasons and nothing saved, then the fixed file imported with the 监督清单 seeded); is refused, with
the reason, a team taking a target of its own county; adds a cadre, two members (one declaring
回避 for a target and that cadre) and "3+1" entries, and makes the 生成部署包 for an enrolled
laptop; the laptop's window imports it and shows the round, the ten targets and their 监督清单.
Enrolment goes through the core: it is not what this tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWizard,
)
from pytestqt.qtbot import QtBot

from tests.workbench.setup_files import fill
from ui.dialogs.briefing_wizard import BriefingWizard
from ui.dialogs.import_wizard import ImportWizard
from ui.dialogs.list_entry_dialog import ListEntryDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.round_wizard import RoundWizard
from ui.dialogs.setup_dialog import SetupDialog, choose
from ui.dialogs.setup_import_dialog import SetupImportDialog
from ui.dialogs.team_dialog import TeamDialog
from ui.dialogs.team_targets_dialog import TeamTargetsDialog
from ui.main_window import MainWindow
from ui.pages.exchange_page import ExchangePage
from ui.pages.record_list_page import RecordListPage
from ui.pages.setup_page import SetupPage
from workbench import exchange as ex
from workbench.services.focus import list_focus_items, list_list_entries
from workbench.services.rounds import get_round, list_members, list_rounds, list_teams
from workbench.services.targets import list_persons, list_targets
from workbench.store.vault import Vault
from workbench.vocab.enums import CadreLevel, ListKind, OrgLevel, RoundPhase, RoundType
from workbench.workspace import Workspace

PASS = "office round scenario 巡察 passphrase"
OFFICE, FIELD = "ban", "zuyuan"
TIMEOUT = 60_000  # a loaded 2-core machine: generous, never a timing assertion
YEAR = date.today().year
ROUND = f"{YEAR}年第一轮交叉巡察"
GOOD_ID = "11010519491231002X"  # the GB 11643 example number

# the targets file's columns; 甲县's team inspects 乙县 and 丙县, 乙县's team 甲县 and 丙县 — no
# team in its own county
TEAMS = (("第一巡察组", "甲县", "张组长"), ("第二巡察组", "乙县", "李组长"))
TARGETS = (
    ("乙县教育局党组", "党政机关", "", "一般关注", "乙县", "第一巡察组", ""),
    ("乙县总工会党组", "群团组织", "", "一般关注", "乙县", "第一巡察组", ""),
    ("丙县第一中学党委", "公立院校", "", "重点关注", "丙县", "第一巡察组", ""),
    ("丙县人民医院党委", "公立医院", "", "重点关注", "丙县", "第一巡察组", "李四"),
    ("乙县城投集团党委", "国有企业", "", "特别关注", "乙县", "第一巡察组", ""),
    ("甲县某某镇党委", "乡镇（街道）", "", "一般关注", "甲县", "第二巡察组", ""),
    ("甲县某某街道党工委", "乡镇（街道）", "", "一般关注", "甲县", "第二巡察组", ""),
    ("甲县东山村党总支", "村", "社情复杂村", "一般关注", "甲县", "第二巡察组", ""),
    ("丙县西河村党支部", "村", "资源丰富村", "一般关注", "丙县", "第二巡察组", ""),
    ("丙县幸福社区党委", "社区", "商住型", "一般关注", "丙县", "第二巡察组", ""),
)
HEADERS = ("名称", "类型", "子类型", "关注等级", "所属县（区）", "巡察组", "一把手")
NAMES = [t[0] for t in TARGETS]


@dataclass
class Stores:
    office: Path
    field: Path
    device_id: str


@pytest.fixture
def stores(tmp_path: Path) -> Stores:
    """A fresh office store with its exchange keys and a fresh field store enrolled with it."""
    office_ws, _code = Workspace.create(
        tmp_path / "office",
        user_name=OFFICE,
        passphrase=PASS,
        display_name="巡察办",
        store_role="office",
    )
    field, _code = Vault.create(
        tmp_path / "laptop", user_name=FIELD, passphrase=PASS, display_name="组员甲"
    )
    try:
        info = office_ws.call(ex.init_office)
        request, _req = ex.make_request(field)
        certificate, device = office_ws.call(ex.sign_request, request)
        ex.accept_certificate(
            field, certificate, expect_office_fingerprint=info.signing_fingerprint
        )
    finally:
        field.lock()
        office_ws.lock()
    return Stores(tmp_path / "office", tmp_path / "laptop", device.device_id)


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    """Main windows opened by the test, closed (and their stores locked) afterwards."""
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()
        if not window.workspace.locked:
            window.workspace.lock()


def _window(qtbot: QtBot, directory: Path, user: str, opened: list[MainWindow]) -> MainWindow:
    window = MainWindow(Workspace.open(directory, user, PASS))
    qtbot.addWidget(window)
    opened.append(window)
    window.resize(1366, 768)
    window.show()
    _idle(qtbot, window)
    return window


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)
    qtbot.wait(20)  # what a finished job queued
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)


def _rows(table: QTableWidget) -> list[list[str]]:
    return [
        [(table.item(r, c) or QTableWidgetItem()).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _combo_texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# -- the round wizard --------------------------------------------------------------------------


def _type(edit: QLineEdit | None, text: str) -> None:
    """As typed (QTest's key clicks know only ASCII): the field's own insert."""
    assert edit is not None
    edit.setFocus()
    edit.insert(text)


def _set_dates(wizard: RoundWizard, phase: RoundPhase, start: date, end: date) -> None:
    box = wizard.findChild(QCheckBox, f"dates_{phase.value}")
    assert box is not None
    if not box.isChecked():
        box.click()
    for name, value in (("start", start), ("end", end)):
        edit = wizard.findChild(QDateEdit, f"{name}_{phase.value}")
        assert edit is not None and edit.isEnabled()
        edit.setDate(QDate(value.year, value.month, value.day))


def _next(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    button.click()


def _make_round(qtbot: QtBot, window: MainWindow) -> str:
    button = window.toolbar.findChild(QToolButton, "round_menu")
    assert button is not None
    menu = button.menu()
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.objectName() == "new_round")
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(RoundWizard) is not None, timeout=TIMEOUT)
    wizard = window.findChild(RoundWizard)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.loaded, timeout=TIMEOUT)
    _type(wizard.currentPage().findChild(QLineEdit, "term"), "十五届市委")
    _type(wizard.currentPage().findChild(QLineEdit, "authorization_no"), "市巡办〔2026〕5号")
    _next(wizard)
    cross = wizard.currentPage().findChild(QRadioButton, "type_cross")
    assert cross is not None
    cross.click()
    _next(wizard)
    _set_dates(wizard, RoundPhase.PREPARATION, date(2026, 3, 1), date(2026, 3, 10))
    _set_dates(wizard, RoundPhase.STATIONING, date(2026, 3, 11), date(2026, 5, 10))
    _next(wizard)
    with qtbot.waitSignal(wizard.saved, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.round_combo.currentText() == ROUND, timeout=TIMEOUT)
    _idle(qtbot, window)
    return str(window.round_combo.currentData())


# -- 轮次配置 ------------------------------------------------------------------------------------


def _setup_page(qtbot: QtBot, window: MainWindow, round_id: str) -> SetupPage:
    page = window.pages["setup"]
    assert isinstance(page, SetupPage)
    window.show_page("setup")
    qtbot.waitUntil(
        lambda: page.data is not None and page.data.round.id == round_id, timeout=TIMEOUT
    )
    _idle(qtbot, window)
    return page


def _open(page: SetupPage, button: str) -> SetupDialog:
    before = page.last_dialog
    widget = page.findChild(QPushButton, button)
    assert widget is not None and widget.isEnabled(), button
    widget.click()
    dialog = page.last_dialog
    assert dialog is not None and dialog is not before and dialog.isVisible()
    return dialog


def _save(qtbot: QtBot, window: MainWindow, dialog: SetupDialog) -> None:
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.banner.isVisible(), timeout=TIMEOUT)
    assert not dialog.isVisible(), dialog.banner.text()
    _idle(qtbot, window)  # the page loads the round again


def _add_teams(qtbot: QtBot, window: MainWindow, page: SetupPage) -> None:
    page.tabs.setCurrentWidget(page.teams)
    for name, county, leader in TEAMS:
        dialog = _open(page, "new_team")
        assert isinstance(dialog, TeamDialog)
        dialog.name.setText(name)
        dialog.leader.setEditText(leader)
        choose(dialog.level, OrgLevel.COUNTY)
        dialog.county.setText(county)
        _save(qtbot, window, dialog)
    assert [r[:7] for r in _rows(page.teams.table)] == [
        ["1", "第一巡察组", "县级", "甲县", "", "张组长", "1"],
        ["2", "第二巡察组", "县级", "乙县", "", "李组长", "1"],
    ]


def _targets_file(path: Path, changes: dict[int, dict[str, str]] | None = None) -> Path:
    rows = [dict(zip(HEADERS, t, strict=True)) for t in TARGETS]
    for index, change in (changes or {}).items():
        rows[index].update(change)
    return fill("targets", path, rows)


def _check(qtbot: QtBot, dialog: SetupImportDialog, button: QPushButton) -> None:
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: not dialog.running and not dialog.tasks.busy, timeout=TIMEOUT)


def _open_import(page: SetupPage, button: str) -> SetupImportDialog:
    widget = page.findChild(QPushButton, button)
    assert widget is not None and widget.isEnabled(), button
    widget.click()
    dialog = page.last_import
    assert dialog is not None and dialog.isVisible()
    return dialog


def _import_targets(qtbot: QtBot, window: MainWindow, page: SetupPage, tmp_path: Path) -> None:
    page.tabs.setCurrentWidget(page.targets)
    dialog = _open_import(page, "import_targets")
    assert dialog.kind_code == "targets"
    bad = {1: {"类型": "卫生院"}, 4: {"关注等级": ""}}  # an unknown kind, a missing level
    path = _targets_file(tmp_path / "被巡察单位.xlsx", bad)
    before = window.workspace.read(lambda s: store_state_of(s))
    dialog.set_file(path)
    _check(qtbot, dialog, dialog.check_button)
    shown = dialog.rows()
    assert [(r, c) for r, c, _ in shown] == [("3", "类型"), ("6", "关注等级")]
    assert "卫生院" in shown[0][2] and shown[1][2] == "必填，不能为空"
    assert "8 行无误，2 行有误" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert window.workspace.read(lambda s: store_state_of(s)) == before  # nothing imported
    assert page.targets.table.rowCount() == 0

    _targets_file(path)  # fixed in Excel and saved again
    dialog.set_file(path)
    _check(qtbot, dialog, dialog.check_button)
    assert dialog.rows() == [] and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as signal:
        _check(qtbot, dialog, dialog.import_button)
    assert signal.args == ["targets", 10]
    assert "已导入 10 行" in dialog.summary.text()
    dialog.close()
    qtbot.waitUntil(lambda: page.targets.table.rowCount() == 10, timeout=TIMEOUT)
    _idle(qtbot, window)
    shown_targets = {r[0]: r for r in _rows(page.targets.table)}
    for name, kind, sub, level, county, team, leader in TARGETS:
        assert shown_targets[name] == [name, kind, sub, level, county, leader, team]


def store_state_of(s: Any) -> tuple[int, ...]:
    """Set-up records and audit entries, read in the window's own workspace."""
    from sqlalchemy import func, select

    from workbench.models import AuditEntry, FocusItem, ListEntry, Member, Person, Target

    audited = select(func.count()).where(AuditEntry.action != "unlock")
    counts = [
        s.scalar(select(func.count()).select_from(m)) or 0
        for m in (Target, Person, Member, ListEntry, FocusItem)
    ]
    return (s.scalar(audited) or 0, *counts)


def _own_county_refused(qtbot: QtBot, window: MainWindow, page: SetupPage) -> None:
    """乙县's team may not take a target of 乙县: the dialog stays with the core's reason."""
    page.tabs.setCurrentWidget(page.teams)
    page.teams.table.selectRow(1)  # 第二巡察组 (乙县)
    dialog = _open(page, "assign_targets")
    assert isinstance(dialog, TeamTargetsDialog)
    before = window.workspace.read(lambda s: store_state_of(s))
    dialog.targets.set_checked("乙县教育局党组（现属第一巡察组）")
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.banner.isVisible, timeout=TIMEOUT)
    _idle(qtbot, window)
    reason = "第二巡察组所属县（区）为乙县，交叉巡察不能巡察本县单位“乙县教育局党组”"
    assert dialog.isVisible() and reason in dialog.banner.text()
    dialog.reject()
    assert window.workspace.read(lambda s: store_state_of(s)) == before
    teams = _rows(page.teams.table)
    assert "乙县教育局党组" in teams[0][7] and "乙县教育局党组" not in teams[1][7]


def _add_person(qtbot: QtBot, window: MainWindow, page: SetupPage) -> str:
    page.tabs.setCurrentWidget(page.persons)
    dialog = _open(page, "add_person")
    assert isinstance(dialog, PersonDialog)
    bureau = next(t for t in page.data.targets if t.name == "乙县教育局党组")  # type: ignore[union-attr]
    choose(dialog.target, bureau.id)
    dialog.name.setText("钱局长")
    dialog.position.setText("局长")
    choose(dialog.level, CadreLevel.COUNTY)
    dialog.id_number.setText(GOOD_ID)
    _save(qtbot, window, dialog)
    assert _rows(page.persons.table) == [
        ["钱局长", "乙县教育局党组", "局长", "县管", "*" * 14 + "002X"]
    ]
    return "钱局长（乙县教育局党组 局长）"


def _add_members(qtbot: QtBot, window: MainWindow, page: SetupPage, person: str) -> None:
    page.tabs.setCurrentWidget(page.teams)
    page.teams.table.selectRow(0)  # 第一巡察组 (甲县)
    dialog = _open(page, "add_member")
    assert isinstance(dialog, MemberDialog)
    dialog.name.setText("周组员")
    dialog.unit.setText("甲县财政局")
    choose(dialog.home_level, OrgLevel.COUNTY)
    dialog.home_county.setText("甲县")
    dialog.recusal_targets.set_checked("乙县教育局党组")
    dialog.recusal_persons.set_checked(person)
    dialog.reason.setPlainText("配偶在该局任职")
    _save(qtbot, window, dialog)
    page.teams.table.selectRow(0)
    assert _rows(page.teams.members)[-1] == [
        "周组员",
        "组员",
        "专职",
        "甲县财政局",
        "县级·甲县",
        f"乙县教育局党组、{person}（配偶在该局任职）",
    ]
    page.teams.table.selectRow(1)  # 第二巡察组 (乙县)
    dialog = _open(page, "add_member")
    assert isinstance(dialog, MemberDialog)
    dialog.name.setText("吴组员")
    dialog.unit.setText("乙县审计局")
    choose(dialog.home_level, OrgLevel.COUNTY)
    dialog.home_county.setText("乙县")
    _save(qtbot, window, dialog)
    page.teams.table.selectRow(1)
    assert _rows(page.teams.members)[-1] == [
        "吴组员",
        "组员",
        "专职",
        "乙县审计局",
        "县级·乙县",
        "",
    ]


def _add_list_entries(qtbot: QtBot, window: MainWindow, page: SetupPage) -> None:
    page.tabs.setCurrentWidget(page.lists)
    dialog = _open(page, "add_entry")
    assert isinstance(dialog, ListEntryDialog)
    choose(dialog.kind, ListKind.POLICY)
    dialog.title.setText("农村集体“三资”管理办法")
    dialog.document_no.setText("甲政发〔2024〕3号")
    dialog.content.setPlainText("村集体资产处置应当经村民代表会议讨论决定。")
    _save(qtbot, window, dialog)
    dialog = _open(page, "add_entry")
    assert isinstance(dialog, ListEntryDialog)
    choose(dialog.kind, ListKind.PROBLEM)
    village = next(t for t in page.data.targets if t.name == "甲县东山村党总支")  # type: ignore[union-attr]
    choose(dialog.target, village.id)
    dialog.title.setText("上轮巡察反馈的账目问题")
    _save(qtbot, window, dialog)
    assert [r[:3] for r in _rows(page.lists.table)] == [
        ["政策清单", "农村集体“三资”管理办法", "本轮通用"],
        ["问题清单", "上轮巡察反馈的账目问题", "甲县东山村党总支"],
    ]


# -- the briefing and the laptop ---------------------------------------------------------------


def _brief(qtbot: QtBot, window: MainWindow, device_id: str, folder: Path) -> Path:
    window.show_page("exchange")
    page = window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    button = page.buttons["briefing"]
    qtbot.waitUntil(button.isEnabled, timeout=TIMEOUT)
    button.click()
    wizard = page.last_dialog
    assert isinstance(wizard, BriefingWizard)
    qtbot.waitUntil(lambda: wizard.setup.devices.count() == 1, timeout=TIMEOUT)
    assert wizard.setup.round.currentText() == ROUND  # the round chosen in the toolbar
    assert "组员甲" in wizard.setup.devices.item(0).text()
    folder.mkdir()
    wizard.setup.folder.setText(str(folder))
    wizard.setup.set_checked([device_id])
    wizard.next()  # 开始生成
    qtbot.waitUntil(lambda: wizard.currentId() == BriefingWizard.RESULT, timeout=TIMEOUT)
    assert wizard.result_page.title() == "已生成部署包", wizard.result_page.summary.text()
    batch = wizard.run_page.result
    assert batch is not None and len(batch.written) == 1
    wizard.close()
    path = batch.written[0][1].path
    assert path.parent == folder and path.is_file()
    return Path(path)


def _import_briefing(qtbot: QtBot, window: MainWindow, package: Path) -> None:
    window.show_page("exchange")
    page = window.pages["exchange"]
    assert isinstance(page, ExchangePage)
    wizard = page.open_import(package)  # what 导入数据包… opens, with the file chosen
    _idle(qtbot, window)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.VERDICT, timeout=TIMEOUT)
    assert wizard.verdict.accepted, wizard.verdict.details.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=TIMEOUT)
    assert wizard.result_page.headline.text() == "已导入"
    wizard.button(QWizard.WizardButton.FinishButton).click()  # the window reloads its rounds


def test_the_office_sets_up_a_cross_round_and_the_laptop_receives_it(
    qtbot: QtBot, stores: Stores, windows: list[MainWindow], tmp_path: Path
) -> None:
    office = _window(qtbot, stores.office, OFFICE, windows)
    round_id = _make_round(qtbot, office)
    page = _setup_page(qtbot, office, round_id)
    _add_teams(qtbot, office, page)
    _import_targets(qtbot, office, page, tmp_path)
    _own_county_refused(qtbot, office, page)
    person = _add_person(qtbot, office, page)
    _add_members(qtbot, office, page, person)
    _add_list_entries(qtbot, office, page)

    # 监督清单: every imported target was seeded by its kind; nothing left to generate
    page.tabs.setCurrentWidget(page.focus)
    listed = [page.focus.targets.item(r).text() for r in range(page.focus.targets.count())]
    assert len(listed) == 10 and all("（0 条）" not in t for t in listed)
    assert sorted(t.split("（")[0] for t in listed) == sorted(NAMES)
    assert page.focus.table.rowCount() > 0 and not page.focus.seed.isEnabled()

    # what the widgets did is what the office store holds
    def stored(s: Any) -> dict[str, Any]:
        teams = list_teams(s, round_id)
        return {
            "round": get_round(s, round_id),
            "teams": teams,
            "members": [list_members(s, t.id) for t in teams],
            "targets": list_targets(s, round_id=round_id, limit=100).items,
            "persons": list_persons(s, round_id=round_id).items,
            "entries": list_list_entries(s, round_id=round_id).items,
            "focus": list_focus_items(s, round_id=round_id, limit=1000).items,
        }

    held = office.workspace.read(stored)
    assert held["round"].round_type is RoundType.CROSS
    assert held["round"].phase_dates[RoundPhase.STATIONING] == (
        date(2026, 3, 11),
        date(2026, 5, 10),
    )
    teams = {t.name: t for t in held["teams"]}
    assert [(t.level, t.county) for t in held["teams"]] == [
        (OrgLevel.COUNTY, "甲县"),
        (OrgLevel.COUNTY, "乙县"),
    ]
    targets = {t.name: t for t in held["targets"]}
    assert sorted(targets) == sorted(NAMES)
    for name, _kind, _sub, _level, county, team, _leader in TARGETS:
        assert targets[name].county == county and targets[name].team_id == teams[team].id
        assert county != teams[team].county  # 交叉: no team in its own county
    zhou = next(m for m in held["members"][0] if m.name == "周组员")
    assert zhou.recusal_target_ids == (targets["乙县教育局党组"].id,)
    assert zhou.recusal_person_ids == (held["persons"][0].id,)
    assert [e.title for e in held["entries"]] == [
        "农村集体“三资”管理办法",
        "上轮巡察反馈的账目问题",
    ]
    focus_of: dict[str, list[str]] = {}
    for item in held["focus"]:
        focus_of.setdefault(item.target_id, []).append(item.title)
    assert set(focus_of) == {t.id for t in targets.values()}

    package = _brief(qtbot, office, stores.device_id, tmp_path / "部署包")
    office.close()
    office.workspace.lock()

    # the laptop: a fresh field store, enrolled, with no round until the package comes in
    laptop = _window(qtbot, stores.field, FIELD, windows)
    assert laptop.round_combo.findData(round_id) < 0
    _import_briefing(qtbot, laptop, package)
    qtbot.waitUntil(lambda: laptop.round_combo.currentData() == round_id, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: laptop.target_combo.count() == 11, timeout=TIMEOUT)
    _idle(qtbot, laptop)
    assert laptop.round_combo.currentText() == ROUND
    assert sorted(_combo_texts(laptop.target_combo)[1:]) == sorted(NAMES)
    assert sorted(_combo_texts(laptop.team_combo)[1:]) == ["第一巡察组", "第二巡察组"]

    # its 监督清单 page: the round's items, then one target's, as the office seeded them
    laptop.show_page("focus")
    focus = laptop.pages["focus"]
    assert isinstance(focus, RecordListPage)
    total = len(held["focus"])
    qtbot.waitUntil(lambda: focus.count_label.text() == f"共 {total} 条", timeout=TIMEOUT)
    village = targets["甲县东山村党总支"]
    laptop.target_combo.setCurrentIndex(laptop.target_combo.findData(village.id))
    wanted = focus_of[village.id]
    qtbot.waitUntil(lambda: focus.count_label.text() == f"共 {len(wanted)} 条", timeout=TIMEOUT)
    model = focus.model
    qtbot.waitUntil(lambda: model.rowCount() == len(wanted), timeout=TIMEOUT)
    shown = [model.view_at(r) for r in range(model.rowCount())]
    assert sorted(v.title for v in shown if v is not None) == sorted(wanted)
    laptop_rounds = laptop.workspace.read(lambda s: [r.id for r in list_rounds(s).items])
    assert laptop_rounds == [round_id]
