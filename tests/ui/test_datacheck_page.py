"""数据比对 through real widgets on a copy of the demo store: a list imported through the mapping
dialog (guessed mapping, samples, refused rows, the clean rows only, 取消), the page's 名单 for
a user who may see lists and one who may not, and the review of a hit."""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.english import english_ui
from tests.workbench.datalist_files import (
    ASSISTANCE_HEADERS,
    assistance_rows,
    id_number,
    write_xlsx,
)
from ui.dialogs.hit_convert_dialog import HitToClueDialog
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.main_window import MainWindow
from ui.pages.datacheck_hits import HitsTab
from ui.pages.datacheck_page import DatacheckPage
from ui.pages.setup_data import selected_id
from ui.tasks import Tasks
from workbench.demo import DEMO_PASSPHRASE
from workbench.models.datalists import DataHit
from workbench.services.datahits import list_hits
from workbench.services.datalists import list_sources
from workbench.services.rounds import list_rounds
from workbench.vocab.enums import DataListKind, HitStatus
from workbench.workspace import Workspace

TIMEOUT = 120_000  # generous: the machine (tests/pg: and the server) may be loaded


@pytest.fixture
def tasks(workspace: Workspace) -> Iterator[Tasks]:
    tasks = Tasks(workspace)
    yield tasks
    tasks.shutdown()


def _round(workspace: Workspace) -> tuple[list[tuple[str, str]], str]:
    rounds = workspace.read(lambda s: [(r.name, r.id) for r in list_rounds(s).items])
    return rounds, rounds[0][1]


def _sources(workspace: Workspace) -> list[Any]:
    return workspace.read(lambda s: list(list_sources(s)))


def _new_sources(workspace: Workspace, before: list[Any]) -> list[Any]:
    """The lists imported since ``before`` (the demo store has its round's lists)."""
    known = {s.id for s in before}
    return [s for s in _sources(workspace) if s.id not in known]


def _dialog(qtbot: QtBot, tasks: Tasks, workspace: Workspace, path: Path) -> ListImportDialog:
    rounds, round_id = _round(workspace)
    dialog = ListImportDialog(tasks, path, rounds, round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    return dialog


def _settle(qtbot: QtBot, dialog: ListImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.job.running and not dialog.tasks.busy, timeout=TIMEOUT)


def test_the_mapping_is_guessed_with_samples_and_the_list_imported(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(5))
    dialog = _dialog(qtbot, tasks, workspace, path)
    assert dialog.kind_value is DataListKind.ASSISTANCE
    assert dialog.combos["name"].currentText() == "姓名"
    assert dialog.combos["id_number"].currentText() == "身份证号"
    assert dialog.mapping.item(0, 0).text() == "姓名 *"  # required: marked
    assert dialog.mapping.item(0, 2).text() == "张 1、张 2、张 3"
    dialog.label.setText("乡民政办")
    before = _sources(workspace)
    imported: list[tuple[str, int]] = []
    dialog.imported.connect(lambda source, rows: imported.append((source, rows)))
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert imported and imported[0][1] == 5
    assert [(s.label, s.rows) for s in _new_sources(workspace, before)] == [("乡民政办", 5)]
    assert not dialog.import_button.isEnabled()  # done: 完成 closes it
    assert dialog.close_button.text() == "完成"


def test_a_required_field_left_unmapped_keeps_import_disabled(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    dialog = _dialog(qtbot, tasks, workspace, path)
    assert dialog.import_button.isEnabled()
    dialog.set_column("id_number", None)
    assert not dialog.import_button.isEnabled()
    assert "身份证号" in dialog.summary.text()


def test_refused_rows_are_listed_and_only_the_clean_rows_imported_on_request(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    rows = assistance_rows(4)
    rows[1] = (2, "李四", "530102198001010021", "团结村", "低保", "100", "2026-05-01")
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, rows)
    dialog = _dialog(qtbot, tasks, workspace, path)
    before = _sources(workspace)
    assert not dialog.clean_button.isVisible()
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert _new_sources(workspace, before) == []  # nothing half-imported
    refused = dialog.refused_rows()
    assert len(refused) == 1 and refused[0][:2] == ("3", "身份证号")
    assert not dialog.import_button.isEnabled()
    assert dialog.clean_button.isVisible() and dialog.clean_button.isEnabled()
    dialog.clean_button.click()
    _settle(qtbot, dialog)
    assert [(s.rows, s.skipped) for s in _new_sources(workspace, before)] == [(3, 1)]
    assert dialog.refused_rows() == refused  # the rows left out stay listed


REASONS = {
    "zh": ("身份证号校验码不符", "日期“2026年13月1日”不存在", "“姓名”不能为空"),
    "en": (
        "The ID number's check digit does not match",
        "The date “2026年13月1日” does not exist",
        "“Name” must not be empty",
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_reasons_a_row_is_refused_are_in_the_uis_language(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path, language: str
) -> None:
    """A bad 身份证号, a date that does not exist (the cell quoted as typed) and an empty
    name (the field's label translated too); the command line says them in Chinese."""
    rows = assistance_rows(4)
    rows[1] = (2, "李四", "530102198001010021", "团结村", "低保", "100", "2026-05-01")
    rows[2] = (3, "王五", id_number(3), "团结村", "低保", "100", "2026年13月1日")
    rows[3] = (4, "", id_number(4), "团结村", "低保", "100", "2026-05-01")
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, rows)
    with english_ui() if language == "en" else contextlib.nullcontext():
        dialog = _dialog(qtbot, tasks, workspace, path)
        dialog.import_button.click()
        _settle(qtbot, dialog)
        shown = dialog.refused_rows()
    assert [r[:2] for r in shown] == [("3", "身份证号"), ("4", "发放日期"), ("5", "姓名")]
    assert tuple(r[2] for r in shown) == REASONS[language]
    assert tuple(p.reason for p in dialog.problems) == REASONS["zh"]


def test_cancel_stores_nothing(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(50))
    dialog = _dialog(qtbot, tasks, workspace, path)
    before = _sources(workspace)
    gate = threading.Event()
    tasks.run(lambda _s: gate.wait(TIMEOUT / 1000))  # the worker busy: the import waits
    dialog.import_button.click()
    assert dialog.job.running and not dialog.close_button.isEnabled()
    dialog.reject()  # closing while importing cancels
    gate.set()
    _settle(qtbot, dialog)
    assert dialog.isVisible()  # it stays to say so
    assert "取消" in dialog.summary.text()
    assert _new_sources(workspace, before) == []


# -- the page in the main window ---------------------------------------------------------------


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


def test_the_round_lists_are_shown_with_their_rows(qtbot: QtBot, workspace: Workspace) -> None:
    window, page = _window(qtbot, workspace)  # the demo round has its nine lists
    sources = page.sources_tab
    assert sources.table.rowCount() == 9
    assert sources.import_button.isEnabled()
    sources.table.selectRow(0)
    _wait(qtbot, window)
    assert sources.remove_button.isEnabled()
    assert sources.rows.rowCount() > 0
    assert sources.rows.horizontalHeaderItem(0).text() == "行号"
    window.close()


def test_a_user_the_office_did_not_allow_sees_no_lists_and_why(
    qtbot: QtBot, workspace: Workspace, demo_dir: Path
) -> None:
    workspace.lock()  # the demo round has its lists and hits
    member = Workspace.open(demo_dir, "zhangw", DEMO_PASSPHRASE)  # 组员: not allowed by default
    try:
        window, page = _window(qtbot, member)
        sources, rules, hits = page.sources_tab, page.rules_tab, page.hits_tab
        assert sources.table.rowCount() == 0
        assert not sources.import_button.isEnabled()
        assert "巡察办" in sources.import_button.toolTip()
        assert not rules.run_all_button.isEnabled()
        assert "巡察办" in rules.run_all_button.toolTip()
        page.show_tab("hits")
        assert hits.table.rowCount() > 0
        hits.table.selectRow(0)
        _wait(qtbot, window)
        assert hits.hit is not None and not any(r.get("cells") for r in hits.hit.rows)
        assert "只显示与比对相关的列" in hits.facts.text()
        assert hits.buttons["pending"].isEnabled()  # a 组员 decides hits
        window.close()
    finally:
        member.lock()


def _run_every_rule(qtbot: QtBot, window: MainWindow, page: DatacheckPage) -> str:
    """The rules tab's 全部运行; the outcome it shows."""
    rules = page.rules_tab
    assert rules.table.rowCount() >= 6
    rules.run_all_button.click()
    qtbot.waitUntil(lambda: not rules.job.running, timeout=TIMEOUT)
    _wait(qtbot, window)
    return rules.outcome.text()


def _select_a_new_hit(qtbot: QtBot, window: MainWindow, page: DatacheckPage) -> None:
    """The hits tab, filtered to 新 hits, the first one selected."""
    hits = page.hits_tab
    page.show_tab("hits")
    hits.status.set_value(HitStatus.NEW)
    _wait(qtbot, window)
    assert hits.table.rowCount() > 0
    hits.table.selectRow(0)
    _wait(qtbot, window)
    assert hits.hit is not None
    assert hits.matched.columnCount() == len(hits.hit.rows) >= 1  # a column per matched row


def _turn_into_a_clue(qtbot: QtBot, window: MainWindow, hits: HitsTab) -> None:
    """The selected hit through 转为问题线索: refused without its 干部管理权限, then made."""
    assert hits.hit is not None
    dialog = hits.open_dialog(HitToClueDialog(hits.tasks, hits.hit, hits))
    _wait(qtbot, window)
    dialog.ok_button.click()  # no 干部管理权限 chosen: refused beside the field
    _wait(qtbot, window)
    assert dialog.isVisible() and dialog.form.errors["subject_level"].isVisible()
    dialog.level.set_value("township")
    dialog.ok_button.click()
    _wait(qtbot, window)
    assert not dialog.isVisible()
    assert hits.hit is not None and hits.hit.clue_id
    assert "已转为问题线索" in hits.notice.text()


def test_rules_run_and_a_hit_is_reviewed_and_turned_into_a_clue(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _window(qtbot, workspace)
    hits = page.hits_tab
    outcome = _run_every_rule(qtbot, window, page)
    assert "新发现疑点 0 条" in outcome  # the demo's run found them all
    _select_a_new_hit(qtbot, window, page)
    assert hits.matched.rowCount() > 0

    hits.buttons["pending"].click()
    _wait(qtbot, window)
    assert hits.hit is not None and hits.hit.status is HitStatus.PENDING
    assert not hits.buttons["pending"].isEnabled()

    monkeypatch.setattr(hits, "_ask_reason", lambda: "同名不同人，已电话核实")
    hits.buttons["exclude"].click()
    _wait(qtbot, window)
    assert hits.hit is not None and hits.hit.status is HitStatus.EXCLUDED
    assert "同名不同人" in hits.facts.text()
    assert not hits.buttons["to_clue"].isEnabled()
    assert "排除" in hits.buttons["to_clue"].toolTip()

    hits.buttons["pending"].click()
    _wait(qtbot, window)
    _turn_into_a_clue(qtbot, window, hits)
    assert hits.open_button.isVisible()
    for step in ("exclude", "to_clue", "to_finding"):  # while the clue stands
        assert not hits.buttons[step].isEnabled()
        assert "已转为问题线索" in hits.buttons[step].toolTip()
    assert hits.buttons["confirmed"].isEnabled()  # the verification goes on
    window.close()


def test_the_kind_is_guessed_from_the_file(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    rows = [(f"张 {i}", id_number(i), "2026-03-0{i}") for i in range(1, 4)]
    path = write_xlsx(tmp_path / "死亡火化人员.xlsx", ("姓名", "身份证号", "死亡日期"), rows)
    dialog = _dialog(qtbot, tasks, workspace, path)
    qtbot.waitUntil(lambda: dialog.kind_value is DataListKind.DEATHS, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "died_on" in dialog.combos, timeout=TIMEOUT)
    assert dialog.combos["died_on"].currentText() == "死亡日期"


def test_a_list_is_deleted_once_confirmed(qtbot: QtBot, workspace: Workspace) -> None:
    window, page = _window(qtbot, workspace)
    sources = page.sources_tab
    sources.table.selectRow(0)
    _wait(qtbot, window)
    sources.remove_button.click()
    box = sources.findChild(QMessageBox, "remove_list_confirm")
    assert box is not None and "删除名单" in box.text()
    delete = next(b for b in box.buttons() if b.text() == "删除")
    delete.click()
    _wait(qtbot, window)
    assert sources.table.rowCount() == 8
    assert len(_sources(workspace)) == 8
    window.close()


def test_a_step_the_users_role_may_not_take_is_disabled_with_why(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """巡察办 decides hits and makes clues, but only a 巡察组 drafts 底稿 (the core refuses it)."""
    window, page = _window(qtbot, workspace)
    hits = page.hits_tab
    page.show_tab("hits")
    hits.status.set_value(HitStatus.NEW)
    _wait(qtbot, window)
    hits.table.selectRow(0)
    _wait(qtbot, window)
    assert hits.buttons["to_finding"].isEnabled()
    assert page.data is not None
    page.data = replace(page.data, may_draft=False)  # as 巡察办 alone holds it
    hits._update_steps()
    assert not hits.buttons["to_finding"].isEnabled()
    assert "组长" in hits.buttons["to_finding"].toolTip()
    assert hits.buttons["to_clue"].isEnabled()
    window.close()


def test_locking_clears_the_lists_and_the_hit_from_the_screen(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, page = _window(qtbot, workspace)
    page.sources_tab.table.selectRow(0)
    page.hits_tab.table.selectRow(0)
    _wait(qtbot, window)
    assert page.sources_tab.rows.rowCount() and page.hits_tab.matched.rowCount()
    window.lock()
    _wait(qtbot, window)
    assert page.sources_tab.table.rowCount() == page.sources_tab.rows.rowCount() == 0
    assert page.hits_tab.table.rowCount() == page.hits_tab.matched.rowCount() == 0
    assert page.hits_tab.hit is None and page.data is None
    window.close()


def test_a_hit_opened_from_search_shows_whatever_the_filter(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window, page = _window(qtbot, workspace)
    hits = page.hits_tab
    page.show_tab("hits")
    hits.status.set_value(HitStatus.EXCLUDED)  # the demo's one 排除 hit
    _wait(qtbot, window)
    wanted = next(h for h in workspace.read(lambda s: list_hits(s)) if h.status is HitStatus.NEW)
    window.show_page("letters")
    window.open_record("data_hit", wanted.id)  # as a search result opens a record
    qtbot.waitUntil(lambda: hits.hit is not None and hits.hit.id == wanted.id, timeout=TIMEOUT)
    assert window.pages["datacheck"] is window.stack.currentWidget()
    assert page.tabs.currentWidget() is hits
    assert hits.status.value() is None and selected_id(hits.table) == wanted.id
    window.close()


def test_tab_goes_from_the_mapping_table_through_its_column_choices(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    dialog = _dialog(qtbot, tasks, workspace, path)
    combos = list(dialog.combos.values())

    def tab_from(widget: QWidget) -> QWidget:  # the next widget Tab gives focus to
        following = widget.nextInFocusChain()
        while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isVisible()):
            following = following.nextInFocusChain()
        return following

    assert tab_from(dialog.mapping) is combos[0]  # not after 关闭
    assert all(tab_from(a) is b for a, b in itertools.pairwise(combos))


def test_the_shipped_rules_read_in_english_and_the_hits_keep_the_chinese(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The shipped rules' texts (resources/datacheck/rules.json) are shown in the UI's language;
    what a hit recorded stays as the rule said it, in Chinese, for the records made from it."""
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    with english_ui():
        window, page = _window(qtbot, workspace)
        rules, hits = page.rules_tab, page.hits_tab
        shown = [rules.table.item(r, c).text() for r in range(6) for c in (0, 3)]
        assert all(shown) and not [t for t in shown if cjk.search(t)]
        rules.table.selectRow(0)
        assert "close relatives" in rules.detail.text() and not cjk.search(rules.detail.text())
        page.show_tab("hits")
        _wait(qtbot, window)
        titles = [hits.table.item(r, 0).text() for r in range(hits.table.rowCount())]
        assert titles and not [t for t in titles if cjk.search(t)]
        assert not cjk.search(hits.rule.itemText(1))
        window.close()
    recorded = workspace.read(lambda s: {h.rule_title for h in list_hits(s)})
    assert recorded and all(cjk.search(t) for t in recorded)


def test_a_hits_summary_reads_in_english_and_an_older_hits_keeps_its_chinese(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The hit detail and the 比对情况 column show what was matched in the UI's language (the
    names and the lists' titles as typed); a hit stored before its wording was kept (0024)
    shows the Chinese it recorded."""
    stored = workspace.read(lambda s: {h.id: h.summary for h in s.scalars(select(DataHit))})
    shown = workspace.read(lambda s: {h.id: h.summary for h in list_hits(s)})
    assert shown == stored  # the same Chinese that the CLI and the records read
    older = sorted(stored)[0]

    def forget(session: Any) -> None:
        session.get(DataHit, older).summary_wording = None

    workspace.write(forget)
    with english_ui():
        window, page = _window(qtbot, workspace)
        hits = page.hits_tab
        page.show_tab("hits")
        _wait(qtbot, window)
        summaries = {
            hits.table.item(r, 0).data(Qt.ItemDataRole.UserRole): hits.table.item(r, 4).text()
            for r in range(hits.table.rowCount())
        }
        window.close()
    assert summaries[older] == stored[older]
    newer = [summaries[i] for i in summaries if i != older]
    assert newer and all(summaries[i] != stored[i] for i in summaries if i != older)
    chinese_wording = re.compile(r"[（）《》，；]|同时在|身份证号|领取|死亡|村干部")
    assert not [t for t in newer if chinese_wording.search(t)], newer[:3]
