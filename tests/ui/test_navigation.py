"""Navigation round → team → target: the toolbar's choices scope every list, and a page gets
only the scope keys its list service takes."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.models.record_table_model import Column
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from workbench.services.attachments import list_attachments
from workbench.services.findings import list_findings
from workbench.services.letters import list_letters
from workbench.services.rounds import list_teams
from workbench.services.targets import list_targets
from workbench.workspace import Workspace


def _window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.team_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    return window


def _choices(combo: Any) -> list[Any]:
    return [combo.itemData(i) for i in range(combo.count())]


def _settled(qtbot: QtBot, window: MainWindow, page: RecordListPage, total: int) -> None:
    qtbot.waitUntil(lambda: page.model.total == total and not window.tasks.busy, timeout=10000)


def test_choosing_a_target_lists_only_its_letters(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    round_id = window.round_combo.currentData()
    # what to expect, read while the window's worker is idle
    teams = workspace.read(lambda s: list_teams(s, round_id))
    everywhere = workspace.read(lambda s: list_targets(s, round_id=round_id, limit=1000).items)
    team = teams[1]
    theirs = {t.id for t in everywhere if t.team_id == team.id} | set(team.target_ids)
    in_round = workspace.read(lambda s: list_letters(s, round_id, limit=1).total)
    by_team = workspace.read(lambda s: list_letters(s, round_id, team_id=team.id, limit=1).total)
    assert 0 < by_team < in_round
    assert _choices(window.team_combo) == [None, *(t.id for t in teams)]
    assert window.team_combo.itemText(0) == "全部" and window.target_combo.itemText(0) == "全部"
    assert len(_choices(window.target_combo)) == len(everywhere) + 1
    window.show_page("letters")
    page = window.pages["letters"]
    assert isinstance(page, RecordListPage)
    _settled(qtbot, window, page, in_round)

    # a team: its targets only, and its letters
    window.team_combo.setCurrentIndex(window.team_combo.findData(team.id))
    assert set(_choices(window.target_combo)[1:]) == theirs
    assert window.scope() == {"round_id": round_id, "team_id": team.id}
    _settled(qtbot, window, page, by_team)

    # a target of that team: its letters, as many as the service counts directly
    target_id = _choices(window.target_combo)[2]
    expected = workspace.read(lambda s: list_letters(s, round_id, target_id=target_id, limit=1000))
    findings = workspace.read(
        lambda s: list_findings(s, round_id, target_id=target_id, limit=1).total
    )
    assert 0 < expected.total < by_team
    window.target_combo.setCurrentIndex(2)
    assert window.scope() == {"round_id": round_id, "team_id": team.id, "target_id": target_id}
    _settled(qtbot, window, page, expected.total)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    assert all(v is not None and v.target_id == target_id for v in views)
    assert [v.id for v in views if v] == [v.id for v in expected.items]

    # other pages follow the same scope
    window.show_page("findings")
    findings_page = window.pages["findings"]
    assert isinstance(findings_page, RecordListPage)
    _settled(qtbot, window, findings_page, findings)
    window.show_page("letters")

    # back to 全部 team: every target of the round again, and every letter of the round
    window.team_combo.setCurrentIndex(0)
    assert window.scope() == {"round_id": round_id}
    assert len(_choices(window.target_combo)) == len(everywhere) + 1
    _settled(qtbot, window, page, in_round)
    window.close()


def test_all_rounds_leaves_nothing_to_choose_below(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    window.team_combo.setCurrentIndex(1)
    window.round_combo.setCurrentIndex(0)  # 全部轮次
    assert window.scope() == {}
    assert window.team_combo.count() == 1 and not window.team_combo.isEnabled()
    assert window.target_combo.count() == 1 and not window.target_combo.isEnabled()
    window.round_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.team_combo.count() > 1, timeout=10000)
    assert window.team_combo.currentData() is None  # a new round starts at 全部
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    window.close()


def test_a_page_drops_scope_keys_its_service_does_not_take(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """Attachments belong to the store, not to a round: their service takes no round_id."""
    tasks = Tasks(workspace)
    try:
        scope = {"round_id": "r", "team_id": "t", "target_id": "x"}
        page = RecordListPage(
            tasks,
            page_key="scope_test",
            title="附件",
            columns=[Column("name", "名称")],
            filters=[],
            list_service=list_attachments,
            describe=lambda v: v.name,
            scope=lambda: scope,
        )
        qtbot.addWidget(page)
        assert "round_id" not in page.accepts and "name_contains" in page.accepts
        with qtbot.waitSignal(page.model.loaded, timeout=10000):
            page.refresh()
        assert page.model.total == workspace.read(lambda s: list_attachments(s, limit=1).total)
        assert page.model.total > 0
    finally:
        tasks.shutdown()
