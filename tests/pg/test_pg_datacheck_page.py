"""数据比对 through real widgets on a desktop linked to the office server (tests/pg/desktops.py):
a list imported through the mapping dialog, the rules run, a hit reviewed and turned into a
clue, and a user the office did not allow sees no lists. The steps are tests/ui's
(test_datacheck_page.py); the store is the team's, with a round's lists and no hits yet."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import LEADER, PASSPHRASE
from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.ui.test_datacheck_page import (
    _dialog,
    _new_sources,
    _run_every_rule,
    _select_a_new_hit,
    _settle,
    _sources,
    _turn_into_a_clue,
    _wait,
    _window,
)
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_xlsx
from tests.workbench.team import Team
from tests.workbench.test_datacheck_run import _lists
from workbench.services.rounds import RoundDraft, create_round
from workbench.vocab.enums import HitStatus
from workbench.workspace import Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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


def test_a_list_is_imported_through_the_mapping_dialog(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window, _page = _window(qtbot, workspace)
    before = _sources(workspace)
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(5))
    dialog = _dialog(qtbot, window.tasks, workspace, path)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert [s.rows for s in _new_sources(workspace, before)] == [5]
    window.close()


def test_rules_run_and_a_hit_is_reviewed_and_turned_into_a_clue(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, page = _window(qtbot, workspace)
    hits = page.hits_tab
    outcome = _run_every_rule(qtbot, window, page)
    assert "新发现疑点" in outcome and "新发现疑点 0 条" not in outcome
    _select_a_new_hit(qtbot, window, page)
    hits.buttons["pending"].click()
    _wait(qtbot, window)
    assert hits.hit is not None and hits.hit.status is HitStatus.PENDING
    _turn_into_a_clue(qtbot, window, hits)
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
