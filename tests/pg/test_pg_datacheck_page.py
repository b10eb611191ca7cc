"""数据比对 through real widgets on a desktop linked to the office server (tests/pg/desktops.py):
a list imported through the mapping dialog, the rules run, a hit reviewed and turned into a
clue, and a user the office did not allow sees no lists."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_xlsx
from tests.workbench.team import Team
from tests.workbench.test_datacheck_run import _lists
from ui.dialogs.hit_convert_dialog import HitToClueDialog
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.main_window import MainWindow
from ui.pages.datacheck_page import DatacheckPage
from workbench.services.datalists import list_sources
from workbench.services.rounds import RoundDraft, create_round, list_rounds
from workbench.vocab.enums import HitStatus
from workbench.workspace import Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TIMEOUT = 120_000  # generous: the server and the machine may be loaded


@pytest.fixture
def workspace(team: Team, store_dir: Path) -> Iterator[Workspace]:  # noqa: F811
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        _lists(s, rnd.id)
    team.close()
    ws = Workspace.open(store_dir, LEADER, PASSPHRASE)
    yield ws
    if not ws.locked:
        ws.lock()


def _window(qtbot: QtBot, workspace: Workspace) -> tuple[MainWindow, DatacheckPage]:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1, timeout=TIMEOUT)
    window.show_page("datacheck")
    _wait(qtbot, window)
    page = window.pages["datacheck"]
    assert isinstance(page, DatacheckPage)
    return window, page


def _wait(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)


def test_a_list_is_imported_through_the_mapping_dialog(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window, _page = _window(qtbot, workspace)
    before = {s.id for s in workspace.read(lambda s: list(list_sources(s)))}
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(5))
    rounds = workspace.read(lambda s: [(r.name, r.id) for r in list_rounds(s).items])
    dialog = ListImportDialog(window.tasks, path, rounds, rounds[0][1])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running and not dialog.tasks.busy, timeout=TIMEOUT)
    new = [s for s in workspace.read(lambda s: list(list_sources(s))) if s.id not in before]
    assert [s.rows for s in new] == [5]
    window.close()


def test_rules_run_and_a_hit_is_reviewed_and_turned_into_a_clue(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, page = _window(qtbot, workspace)
    rules, hits = page.rules_tab, page.hits_tab
    assert rules.table.rowCount() >= 6
    rules.run_all_button.click()
    qtbot.waitUntil(lambda: not rules.job.running, timeout=TIMEOUT)
    _wait(qtbot, window)
    assert "新发现疑点" in rules.outcome.text() and "新发现疑点 0 条" not in rules.outcome.text()
    page.show_tab("hits")
    hits.status.set_value(HitStatus.NEW)
    _wait(qtbot, window)
    assert hits.table.rowCount() > 0
    hits.table.selectRow(0)
    _wait(qtbot, window)
    assert hits.hit is not None
    assert hits.matched.columnCount() == len(hits.hit.rows) >= 1
    hits.buttons["pending"].click()
    _wait(qtbot, window)
    assert hits.hit is not None and hits.hit.status is HitStatus.PENDING
    dialog = hits.open_dialog(HitToClueDialog(hits.tasks, hits.hit, hits))
    _wait(qtbot, window)
    dialog.level.set_value("township")
    dialog.ok_button.click()
    _wait(qtbot, window)
    assert not dialog.isVisible()
    assert hits.hit is not None and hits.hit.clue_id
    assert "已转为问题线索" in hits.notice.text()
    window.close()


def test_a_user_the_office_did_not_allow_sees_no_lists(
    qtbot: QtBot,
    workspace: Workspace,
    store_dir: Path,  # noqa: F811
) -> None:
    workspace.lock()
    member = Workspace.open(store_dir, "member", PASSPHRASE)
    try:
        window, page = _window(qtbot, member)
        assert page.sources_tab.table.rowCount() == 0
        assert not page.sources_tab.import_button.isEnabled()
        window.close()
    finally:
        member.lock()
