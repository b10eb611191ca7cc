"""整改 follow-through in the UI: the item's new fields, the 督办 column and filter (also from
the dashboard), the 审核意见 button disabled with its reason for a 组长, the 佐证材料目录, and
the 整改跟踪 dialog: 方案/报告, 监督记录, 质效评估 (巡察办 only) and 提醒函."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_editor, open_window, press, record_page, save, settle
from ui.dialogs.rectification_followup_dialog import FollowThroughDialog
from ui.editors.rectification_editor import RectificationEditor
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from ui.pages.workflow_actions import parse_catalog
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.roles import Role
from workbench.services import rectification_documents as rdocs
from workbench.services import rectification_followup as fu
from workbench.services.rectification import EvidenceEntry, get_rectification
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.vocab.enums import RectificationDocStatus, RectificationStatus
from workbench.workspace import Workspace


@pytest.fixture
def office(demo_dir: Path) -> Iterator[Workspace]:
    """The demo store opened by a 巡察办 user the 系统管理员 added."""
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    try:
        add_user(vault, "ban", DEMO_PASSPHRASE, (Role.OFFICE,), display_name="赵主任")
    finally:
        vault.lock()
    ws = Workspace.open(demo_dir, "ban", DEMO_PASSPHRASE)
    yield ws
    if not ws.locked:
        ws.lock()


def _select(page: RecordListPage, status: RectificationStatus) -> Any:
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    view = next(v for v in views if v is not None and v.status is status and v.target_id)
    row = page.model.row_of(view.id)
    assert row is not None
    page.table.selectRow(row)
    return view


def _answer_text(text: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(0, answer)


def _button(page: Any, name: str) -> QPushButton:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _dialog(qtbot: QtBot, page: RecordListPage) -> FollowThroughDialog:
    press(page, "followup")
    found: list[FollowThroughDialog] = []

    def opened() -> bool:
        found[:] = [d for d in page.findChildren(FollowThroughDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(opened, timeout=10000)
    return found[0]


def test_editor_saves_goal_and_specific_person(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    target = _select(page, RectificationStatus.NOT_STARTED)
    editor = open_editor(qtbot, window, page, "edit", RectificationEditor)
    editor.areas["goal"].setPlainText("年底前村务财务按季度公开")
    editor.texts["specific_person"].setText("李会计")
    save(qtbot, window, editor)
    stored = workspace.read(lambda s: get_rectification(s, target.id))
    assert (stored.goal, stored.specific_person) == ("年底前村务财务按季度公开", "李会计")
    window.close()


def test_overdue_column_filter_and_dashboard_link(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    everything = page.model.total
    window.show_page("dashboard")
    dashboard: Any = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.figures["rect_overdue"].value.text() != "—", timeout=10000)
    shown = int(dashboard.figures["rect_overdue"].value.text())
    dashboard.rect_overdue_requested.emit()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.model.total == shown, timeout=10000)
    assert 0 < shown < everything  # the demo has overdue items, not only those
    today = date.today()
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    assert all(v.overdue_on(today) for v in views if v is not None)
    window.close()


def test_review_is_disabled_for_a_team_leader_with_the_reason(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    _select(page, RectificationStatus.IN_PROGRESS)
    button = _button(page, "review_opinion")
    qtbot.waitUntil(lambda: "巡察办" in button.toolTip(), timeout=10000)
    assert not button.isEnabled()
    window.close()


def test_office_reviews_and_sets_the_catalog(qtbot: QtBot, office: Workspace) -> None:
    window = open_window(qtbot, office)
    page = record_page(qtbot, window, "rectification")
    item = _select(page, RectificationStatus.IN_PROGRESS)
    button = _button(page, "review_opinion")
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    _answer_text("整改措施具体可行")
    button.click()
    qtbot.waitUntil(
        lambda: office.read(lambda s: get_rectification(s, item.id)).review_opinion != "",
        timeout=10000,
    )
    stored = office.read(lambda s: get_rectification(s, item.id))
    assert (stored.review_opinion, stored.reviewed_by) == ("整改措施具体可行", "赵主任")
    settle(qtbot, window)
    _answer_text("整改会议纪要\n\n公开栏照片")
    press(page, "catalog")
    qtbot.waitUntil(
        lambda: len(office.read(lambda s: get_rectification(s, item.id)).evidence_catalog) == 2,
        timeout=10000,
    )
    settle(qtbot, window)
    window.close()


def test_catalog_lines() -> None:
    sha = "a" * 64
    assert parse_catalog(f"会议纪要\n\n照片 | {sha}\n") == [
        EvidenceEntry("会议纪要"),
        EvidenceEntry("照片", sha),
    ]


def test_follow_through_dialog_for_a_team_leader(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "rectification")
    item = _select(page, RectificationStatus.IN_PROGRESS)
    dialog = _dialog(qtbot, page)
    qtbot.waitUntil(lambda: "巡察办" in dialog.assess.toolTip(), timeout=10000)
    assert not dialog.assess.isEnabled() and not dialog.approve_doc.isEnabled()
    assert dialog.add_doc.isEnabled()
    settle(qtbot, window)
    docs_before = dialog.docs.table.rowCount()  # what the demo target already has
    fed_back = date.today() - timedelta(days=5)
    dialog.feedback_on.setDate(QDate(fed_back.year, fed_back.month, fed_back.day))
    dialog.add_doc.click()
    qtbot.waitUntil(lambda: dialog.docs.table.rowCount() == docs_before + 1, timeout=10000)
    dialog.docs.table.clearSelection()
    dialog.submit_doc.click()  # nothing selected: said at the top, nothing done
    assert "选择" in dialog.banner.text()
    new_row = dialog.docs.ids.index(
        next(
            d.id
            for d in workspace.read(
                lambda s: rdocs.list_documents(s, target_id=item.target_id).items
            )
            if d.status is RectificationDocStatus.PENDING and d.feedback_on == fed_back
        )
    )
    dialog.docs.table.selectRow(new_row)
    dialog.submit_doc.click()
    qtbot.waitUntil(
        lambda: dialog.docs.table.item(new_row, 1).text().startswith("已报送"), timeout=10000
    )
    dialog.tabs.setCurrentIndex(1)
    sups_before = dialog.sups.table.rowCount()
    dialog.add_sup.click()  # empty 督查情况: the core's refusal at the top
    qtbot.waitUntil(dialog.banner.isVisible, timeout=10000)
    assert "WB-VALIDATION" in dialog.banner.text()
    dialog.sup_body.setText("实地查看公开栏")
    dialog.sup_item.setChecked(True)
    dialog.add_sup.click()
    qtbot.waitUntil(lambda: dialog.sups.table.rowCount() == sups_before + 1, timeout=10000)
    dialog.tabs.setCurrentIndex(3)
    letters_before = dialog.reminders.table.rowCount()
    dialog.old_leader.setText("张书记")
    dialog.new_leader.setText("王书记")
    dialog.add_rem.click()
    qtbot.waitUntil(lambda: dialog.reminders.table.rowCount() == letters_before + 1, timeout=10000)
    letters = workspace.read(lambda s: fu.list_reminders(s, target_id=item.target_id))
    mine = next(r for r in letters if r.new_leader == "王书记" and r.old_leader == "张书记")
    assert item.id in mine.rectification_ids
    dialog.reminders.table.selectRow(dialog.reminders.ids.index(mine.id))
    _answer_text("发错单位")
    dialog.void_rem.click()
    qtbot.waitUntil(lambda: dialog.reminders.table.rowCount() == letters_before, timeout=10000)
    left = workspace.read(lambda s: fu.list_reminders(s, target_id=item.target_id))
    assert mine.id not in [r.id for r in left]
    dialog.close()
    settle(qtbot, window)
    window.close()


def test_follow_through_assessment_by_the_office(qtbot: QtBot, office: Workspace) -> None:
    window: MainWindow = open_window(qtbot, office)
    page = record_page(qtbot, window, "rectification")
    item = _select(page, RectificationStatus.IN_PROGRESS)
    dialog = _dialog(qtbot, page)
    qtbot.waitUntil(dialog.assess.isEnabled, timeout=10000)
    dialog.tabs.setCurrentIndex(2)
    settle(qtbot, window)
    before = dialog.assessments.table.rowCount()
    dialog.grade.setCurrentIndex(1)
    dialog.assess_body.setText("整改基本到位")
    dialog.assess.click()
    qtbot.waitUntil(lambda: dialog.assessments.table.rowCount() == before + 1, timeout=10000)
    graded = office.read(lambda s: fu.list_assessments(s, target_id=item.target_id))
    assert any(a.assessor == "赵主任" and a.body == "整改基本到位" for a in graded)
    dialog.close()
    settle(qtbot, window)
    window.close()
