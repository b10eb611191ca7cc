"""问题线索 follow-through in the window: 移交 to two units with the 反馈期限 prefilled from the
office's rule, refusals shown at the top and by their field, a dated 处置结果, the 督办 column
and filter, the dashboard's 线索反馈逾期 opening them, and the rule in 设置 for the 巡察办."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.editor_helpers import open_window, record_page, settle
from tests.ui.office_store import Opened, office_dir, office_template, opened
from tests.ui.office_store import open_window as open_office_window
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.step_dialog import StepDialog
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.services.clue_transfer import add_months, feedback_months
from workbench.services.clues import get_clue, list_clues
from workbench.vocab.enums import ClueOutcomeKind, ClueStatus, ClueTransferUnit, TransferMode
from workbench.workspace import Workspace

__all__ = ["office_dir", "office_template", "opened"]  # fixtures


def _registered(qtbot: QtBot, window: MainWindow, page: RecordListPage) -> list[Any]:
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    return [v for v in views if v is not None and v.status is ClueStatus.REGISTERED]


def _step(
    qtbot: QtBot, window: MainWindow, page: RecordListPage, record_id: str, button: str
) -> StepDialog:
    row = page.model.row_of(record_id)
    assert row is not None
    page.table.selectRow(row)
    settle(qtbot, window)
    found = page.findChild(QPushButton, button)
    assert found is not None, button
    found.click()
    dialogs = [d for d in window.findChildren(StepDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_transfer_to_two_units_with_the_rule_deadline_then_an_outcome(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "clues")
    first, second, *_ = _registered(qtbot, window, page)
    # 其他 without its name: refused by the field, and said at the top
    dialog = _step(qtbot, window, page, second.id, "clue_transfer")
    dialog.fields["transfer_unit"].set_value(ClueTransferUnit.OTHER)
    assert dialog.fields["other_unit"].isEnabled()
    dialog.ok_button.click()
    error = dialog.form.errors["other_unit"]
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert dialog.refusal.isVisible() and "WB-VALIDATION" in dialog.refusal.text()
    assert workspace.read(lambda s: get_clue(s, second.id)).status is ClueStatus.REGISTERED
    dialog.reject()
    # 双移交 to 纪委监委 and 组织部; the deadline comes from the rule (3 months)
    assert first.feedback_due is None
    dialog = _step(qtbot, window, page, first.id, "clue_transfer")
    due = dialog.fields["feedback_due"]
    qtbot.waitUntil(lambda: due.value() is not None, timeout=10000)
    assert due.value() == add_months(date.today(), 3)
    assert "3" in dialog.note.text()
    dialog.fields["transfer_unit"].set_value(ClueTransferUnit.DISCIPLINE_COMMISSION)
    dialog.fields["second_unit"].set_value(ClueTransferUnit.ORGANIZATION_DEPT)
    with qtbot.waitSignal(dialog.finished_step, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    moved = workspace.read(lambda s: get_clue(s, first.id))
    assert moved.status is ClueStatus.TRANSFERRED and moved.transfer_mode is TransferMode.DOUBLE
    assert moved.units() == (
        ClueTransferUnit.DISCIPLINE_COMMISSION,
        ClueTransferUnit.ORGANIZATION_DEPT,
    )
    assert moved.feedback_due == add_months(date.today(), 3)
    # 组织处理 without its measure: refused; then 诫勉 by the 组织部
    dialog = _step(qtbot, window, page, first.id, "clue_outcome")
    dialog.fields["kind"].set_value(ClueOutcomeKind.ORGANIZATIONAL)
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.form.errors["detail"].isVisible, timeout=10000)
    assert dialog.refusal.isVisible()
    dialog.fields["detail"].setText("诫勉")
    unit = dialog.fields["unit"]
    assert unit.isEnabled() and unit.count() == 2
    unit.setCurrentIndex(unit.findData(ClueTransferUnit.ORGANIZATION_DEPT.value))
    with qtbot.waitSignal(dialog.finished_step, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    stored = workspace.read(lambda s: get_clue(s, first.id))
    assert [(o.kind, o.detail, o.unit, o.on) for o in stored.outcomes] == [
        (ClueOutcomeKind.ORGANIZATIONAL, "诫勉", ClueTransferUnit.ORGANIZATION_DEPT, date.today())
    ]
    assert "诫勉" in page.detail.toPlainText()
    window.close()


def test_overdue_clues_are_marked_filtered_and_opened_from_the_dashboard(
    qtbot: QtBot, workspace: Workspace
) -> None:
    expected = workspace.read(lambda s: list_clues(s, overdue=True).total)
    assert expected > 0  # the demo has clues to chase
    window = open_window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)  # every round, as the dashboard counts them
    settle(qtbot, window)
    window.show_page("dashboard")
    settle(qtbot, window)
    dashboard: Any = window.pages["dashboard"]
    figure = dashboard.figures["overdue"]
    assert dashboard.clue_table.rowCount() > 0
    qtbot.waitUntil(lambda: figure.value.text() != "—", timeout=10000)
    with qtbot.waitSignal(dashboard.overdue_requested, timeout=10000):
        qtbot.mouseClick(figure, Qt.MouseButton.LeftButton)
    page = window.pages["clues"]
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10000)
    settle(qtbot, window)
    assert page.filter_bar.values().get("overdue") is True
    qtbot.waitUntil(lambda: page.model.total == int(figure.value.text()), timeout=10000)
    assert page.model.total <= expected
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "overdue")
    marks = {page.model.index(r, column).data() for r in range(page.model.rowCount())}
    assert marks and all(m.startswith("逾期") for m in marks)
    page.filter_bar.select("overdue", None)  # back to every clue for the next test
    window.close()


def test_office_sets_the_deadline_rule_in_settings(
    qtbot: QtBot, office_dir: Path, opened: Opened
) -> None:
    window = open_office_window(qtbot, office_dir, opened)
    dialog = window.open_settings()
    months = dialog.feedback_months
    assert months is not None
    qtbot.waitUntil(months.isEnabled, timeout=10000)
    assert months.value() == 3
    months.setValue(6)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.click()
    settle(qtbot, window)
    assert opened[0].read(feedback_months) == 6


def test_a_team_leader_sees_no_store_rule(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace)
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog) and dialog.feedback_months is None
    dialog.reject()
    window.close()
