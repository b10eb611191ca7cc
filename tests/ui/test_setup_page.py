"""轮次配置 on a fresh office store: the 巡察办 sets up a round through the real widgets — teams
(one county-level, led by the other), members with a 回避 ticked from the round's targets and
people, targets with catalog kinds (their 监督重点清单 seeded), cadres (a bad 身份证号 refused
with its reason, then fixed), "3+1" entries — and a user without the role finds every button
disabled with the reason, and the core refusing too."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from ui.dialogs.list_entry_dialog import ListEntryDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.person_dialog import PersonDialog
from ui.dialogs.setup_dialog import SetupDialog, choose
from ui.dialogs.target_dialog import TargetDialog
from ui.dialogs.team_dialog import TeamDialog
from ui.dialogs.team_targets_dialog import TeamTargetsDialog
from ui.main_window import MainWindow
from ui.pages.setup_page import SetupPage
from workbench.errors import PermissionDenied
from workbench.services import setup_records
from workbench.services.focus import ListEntryDraft
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_team
from workbench.services.rounds import RoundDraft, list_members, list_teams
from workbench.services.targets import PersonDraft, list_persons, list_targets
from workbench.services.users import add_user
from workbench.vocab.enums import CadreLevel, ListKind, OrgLevel, RoundType
from workbench.workspace import Workspace

PASS = "setup page 巡察 passphrase"
OFFICE, ADMIN = "ban", "guanli"
ROUND = "2026年第一轮巡察"
TIMEOUT = 20000
GOOD_ID = "11010519491231002X"  # the GB 11643 example number
BAD_ID = "110105194912310021"  # its check character changed


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office store (巡察办 user plus a 系统管理员 only) with one round, made once."""
    root = tmp_path_factory.mktemp("setup-page") / "office"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        ws, _code = Workspace.create(
            root, user_name=OFFICE, passphrase=PASS, display_name="李办", store_role="office"
        )
        try:
            ws.call(add_user, ADMIN, PASS, ("sysadmin",), display_name="管理员")
            framework, version = DEFAULT_FRAMEWORK
            draft = RoundDraft(ROUND, 2026, 1, RoundType.LINKED, framework, version)
            ws.write(lambda s: add_round(s, draft))
        finally:
            ws.lock()
    return root


@pytest.fixture
def office_dir(office_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office"
    shutil.copytree(office_template, target)
    return target


def _window(qtbot: QtBot, directory: Path, user: str) -> Iterator[MainWindow]:
    ws = Workspace.open(directory, user, PASS)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(
        lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=TIMEOUT
    )
    window.show_page("setup")
    _idle(qtbot, window)
    yield window
    window.close()
    if not ws.locked:
        ws.lock()


@pytest.fixture
def office(qtbot: QtBot, office_dir: Path) -> Iterator[MainWindow]:
    yield from _window(qtbot, office_dir, OFFICE)


@pytest.fixture
def admin(qtbot: QtBot, office_dir: Path) -> Iterator[MainWindow]:
    """The same store opened by its 系统管理员, who holds no 巡察办 role."""
    yield from _window(qtbot, office_dir, ADMIN)


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)


def _page(window: MainWindow) -> SetupPage:
    page = window.pages["setup"]
    assert isinstance(page, SetupPage)
    return page


def _open(qtbot: QtBot, page: SetupPage, button: str) -> SetupDialog:
    before = page.last_dialog
    widget = page.findChild(QPushButton, button)
    assert widget is not None and widget.isEnabled(), button
    widget.click()
    dialog = page.last_dialog
    assert dialog is not None and dialog is not before and dialog.isVisible()
    return dialog


def _save(qtbot: QtBot, window: MainWindow, dialog: SetupDialog, *, ok: bool = True) -> None:
    dialog.ok_button.click()
    _idle(qtbot, window)
    if ok:
        assert not dialog.isVisible(), dialog.banner.text()
        _idle(qtbot, window)  # the page reloads the round
    else:
        assert dialog.isVisible() and dialog.banner.isVisible()


def _rows(table: object) -> list[list[str]]:
    t = table  # a QTableWidget
    return [
        [t.item(r, c).text() for c in range(t.columnCount())]  # type: ignore[attr-defined]
        for r in range(t.rowCount())  # type: ignore[attr-defined]
    ]


def _add_target(qtbot: QtBot, window: MainWindow, name: str, kind: str, sub: str = "") -> str:
    page = _page(window)
    page.tabs.setCurrentWidget(page.targets)
    dialog = _open(qtbot, page, "add_target")
    assert isinstance(dialog, TargetDialog)
    dialog.name.setText(name)
    dialog.kind.setCurrentIndex(dialog.kind.findText(kind))
    if sub:
        assert dialog.subtype.isEnabled()
        dialog.subtype.setCurrentIndex(dialog.subtype.findText(sub))
    else:
        assert not dialog.subtype.isEnabled()  # the kind has no sub-types
    dialog.county.setText("东城区")
    dialog.leader.setText("赵书记")
    _save(qtbot, window, dialog)
    return page.message.text()


def test_the_office_sets_up_a_round_through_the_page(qtbot: QtBot, office: MainWindow) -> None:
    page = _page(office)
    assert page.heading.text() == f"轮次配置 · {ROUND}"
    assert not page.role_note.isVisible()

    # targets: kind and sub-type from the catalog; the sub-type combo follows the kind
    said = _add_target(qtbot, office, "东山村党总支", "村", "资源丰富村")
    assert said.startswith("已新增“东山村党总支”，按其类型生成监督重点清单") and " 条" in said
    _add_target(qtbot, office, "县教育局党组", "党政机关")
    assert _rows(page.targets.table)[0][:6] == [
        "东山村党总支",
        "村",
        "资源丰富村",
        "一般关注",
        "东城区",
        "赵书记",
    ]

    # cadres: a bad 身份证号 is refused by the core with the reason under the field, then fixed
    page.tabs.setCurrentWidget(page.persons)
    dialog = _open(qtbot, page, "add_person")
    assert isinstance(dialog, PersonDialog)
    choose(dialog.target, page.data.targets[1].id if page.data else None)
    dialog.name.setText("钱局长")
    dialog.position.setText("局长")
    choose(dialog.level, CadreLevel.COUNTY)
    dialog.id_number.setText(BAD_ID)
    _save(qtbot, office, dialog, ok=False)
    line = dialog.form.errors["id_number"]
    assert line.isVisible() and "校验位不符" in line.text()
    assert "校验位不符" in dialog.banner.text() and dialog.name.text() == "钱局长"
    dialog.id_number.setText(GOOD_ID)
    _save(qtbot, office, dialog)
    assert _rows(page.persons.table) == [
        ["钱局长", "县教育局党组", "局长", "县管", "*" * 14 + "002X"]
    ]

    # teams: a city team with a store user as leader, and a county team it leads (1托N)
    page.tabs.setCurrentWidget(page.teams)
    dialog = _open(qtbot, page, "new_team")
    assert isinstance(dialog, TeamDialog)
    dialog.name.setText("第一巡察组")
    dialog.leader.setCurrentIndex(dialog.leader.findData(OFFICE))
    _save(qtbot, office, dialog)
    dialog = _open(qtbot, page, "new_team")
    assert isinstance(dialog, TeamDialog)
    dialog.name.setText("东城区联动组")
    dialog.leader.setEditText("孙组长")
    choose(dialog.level, OrgLevel.COUNTY)
    dialog.county.setText("东城区")
    dialog.lead.setCurrentIndex(dialog.lead.findText("第1组 第一巡察组"))
    _save(qtbot, office, dialog)
    assert [r[:7] for r in _rows(page.teams.table)] == [
        ["1", "第一巡察组", "市级", "", "", "李办", "1"],
        ["2", "东城区联动组", "县级", "东城区", "第1组", "孙组长", "1"],
    ]

    # the county team takes the village; a member declares 回避 picked from the lists
    page.teams.table.selectRow(1)
    dialog = _open(qtbot, page, "assign_targets")
    assert isinstance(dialog, TeamTargetsDialog)
    dialog.targets.set_checked("东山村党总支")
    _save(qtbot, office, dialog)
    assert _rows(page.teams.table)[1][7] == "东山村党总支"
    dialog = _open(qtbot, page, "add_member")
    assert isinstance(dialog, MemberDialog)
    dialog.name.setText("周组员")
    dialog.unit.setText("县财政局")
    choose(dialog.home_level, OrgLevel.COUNTY)
    dialog.home_county.setText("东城区")
    dialog.reason.setPlainText("曾在该局任职")
    _save(qtbot, office, dialog, ok=False)  # a 事由 alone is no declaration
    assert "勾选" in dialog.form.errors["recusal"].text()
    dialog.recusal_targets.set_checked("县教育局党组")
    dialog.recusal_persons.set_checked("钱局长（县教育局党组 局长）")
    _save(qtbot, office, dialog)
    members = _rows(page.teams.members)
    assert members[-1] == [
        "周组员",
        "组员",
        "专职",
        "县财政局",
        "县级·东城区",
        "县教育局党组、钱局长（县教育局党组 局长）（曾在该局任职）",
    ]

    # "3+1": a policy entry needs its 原文摘录 (the core says so), then saves
    page.tabs.setCurrentWidget(page.lists)
    dialog = _open(qtbot, page, "add_entry")
    assert isinstance(dialog, ListEntryDialog)
    choose(dialog.kind, ListKind.POLICY)
    dialog.title.setText("农村集体“三资”管理办法")
    dialog.document_no.setText("东政发〔2024〕3号")
    _save(qtbot, office, dialog, ok=False)
    assert "原文摘录不能为空" in dialog.form.errors["content"].text()
    dialog.content.setPlainText("村集体资产处置应当经村民代表会议讨论决定。")
    _save(qtbot, office, dialog)
    dialog = _open(qtbot, page, "add_entry")
    assert isinstance(dialog, ListEntryDialog)
    choose(dialog.kind, ListKind.PROBLEM)
    choose(dialog.target, page.data.targets[0].id if page.data else None)
    dialog.title.setText("上轮巡察反馈的账目问题")
    _save(qtbot, office, dialog)
    assert [r[:3] for r in _rows(page.lists.table)] == [
        ["政策清单", "农村集体“三资”管理办法", "本轮通用"],
        ["问题清单", "上轮巡察反馈的账目问题", "东山村党总支"],
    ]

    # 监督清单: both targets were seeded when added; nothing left to generate
    page.tabs.setCurrentWidget(page.focus)
    counts = [page.focus.targets.item(r).text() for r in range(page.focus.targets.count())]
    assert len(counts) == 2 and all("（0 条）" not in c for c in counts)
    assert page.focus.table.rowCount() > 0
    assert not page.focus.seed.isEnabled()

    # what the page did is what the store holds
    def stored(s: object) -> tuple[object, ...]:
        round_id = page.data.round.id if page.data else ""
        teams = list_teams(s, round_id)
        return (
            teams,
            list_members(s, teams[1].id),
            list_targets(s, round_id=round_id).items,
            list_persons(s, round_id=round_id).items,
        )

    teams, members_stored, targets, persons = office.workspace.read(stored)
    assert teams[1].level is OrgLevel.COUNTY and teams[1].lead_team_id == teams[0].id
    village = next(t for t in targets if t.name == "东山村党总支")
    assert teams[1].target_ids == (village.id,) and village.team_id == teams[1].id
    bureau = next(t for t in targets if t.name == "县教育局党组")
    assert members_stored[-1].recusal_target_ids == (bureau.id,)
    assert members_stored[-1].recusal_person_ids == (persons[0].id,)
    assert persons[0].id_number == GOOD_ID


def test_editing_keeps_what_the_dialog_does_not_show(qtbot: QtBot, office: MainWindow) -> None:
    """A person's 任职 dates are not on the dialog; an edit must not drop them."""
    from datetime import date

    page = _page(office)
    _add_target(qtbot, office, "县总工会党组", "群团组织")
    round_id = page.data.round.id if page.data else ""
    target_id = page.data.targets[0].id if page.data else ""
    draft = PersonDraft(target_id, "吴主席", "county", term_start=date(2021, 3, 1))
    office.workspace.write(lambda s: setup_records.add_person(s, round_id, draft))
    page.reload()
    _idle(qtbot, office)
    page.tabs.setCurrentWidget(page.persons)
    page.persons.table.selectRow(0)
    dialog = _open(qtbot, page, "edit_person")
    assert isinstance(dialog, PersonDialog)
    dialog.position.setText("主席")
    _save(qtbot, office, dialog)
    person = office.workspace.read(lambda s: list_persons(s, round_id=round_id).items[0])
    assert person.position == "主席" and person.term_start == date(2021, 3, 1)


def test_without_the_office_role_the_page_says_why_and_the_core_refuses(
    admin: MainWindow,
) -> None:
    page = _page(admin)
    assert page.role_note.isVisible() and "巡察办" in page.role_note.text()
    assert page.data is not None  # the round is shown, only not changed
    buttons = page.findChildren(QPushButton)  # the Excel imports among them
    assert len(buttons) >= 14
    for button in buttons:
        assert not button.isEnabled(), button.objectName()
        assert "只有“巡察办”角色可以配置巡察轮次" in button.toolTip(), button.objectName()
    round_id = page.data.round.id
    refusals = [
        lambda s: add_team(s, round_id, "第三组"),
        lambda s: setup_records.add_team(s, round_id, setup_records.TeamFields("第三组")),
        lambda s: setup_records.add_list_entry(
            s, round_id, ListEntryDraft(ListKind.PROBLEM, "某问题")
        ),
    ]
    for work in refusals:
        with pytest.raises(PermissionDenied):
            admin.workspace.write(work)
    assert admin.workspace.read(lambda s: list_teams(s, round_id)) == []


def test_a_target_without_its_list_gets_one_by_type(qtbot: QtBot, office: MainWindow) -> None:
    """A target stored without seeding (as an import may leave it): 按类型重新生成 seeds it."""
    from workbench.services.targets import TargetDraft, create_target

    page = _page(office)
    round_id = page.data.round.id if page.data else ""
    draft = TargetDraft("幸福社区党委", "community", "一般关注", subtype="commercial")
    office.workspace.write(lambda s: create_target(s, round_id, draft))
    page.reload()
    _idle(qtbot, office)
    page.tabs.setCurrentWidget(page.focus)
    assert page.focus.targets.item(0).text() == "幸福社区党委（0 条）"
    assert page.focus.seed.isEnabled()
    page.focus.seed.click()
    _idle(qtbot, office)
    _idle(qtbot, office)
    assert "1 个单位有清单" in page.focus.note.text()
    assert "（0 条）" not in page.focus.targets.item(0).text()
    assert page.focus.table.rowCount() > 0 and not page.focus.seed.isEnabled()


def test_without_a_chosen_round_the_page_asks_for_one(qtbot: QtBot, office: MainWindow) -> None:
    page = _page(office)
    office.round_combo.setCurrentIndex(0)  # 全部轮次
    _idle(qtbot, office)
    assert not page.tabs.isEnabled() and "巡察轮次" in page.message.text()
    assert page.teams.table.rowCount() == 0
    office.round_combo.setCurrentIndex(1)
    _idle(qtbot, office)
    assert page.tabs.isEnabled() and page.message.text() == ""
