"""The round at the top of 概览: its phase on the timeline, moving it on (confirmed, audited), and
a 专项's 方案 filed, returned and approved through the header's buttons; other roles see the
buttons disabled with the reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.ui.office_store import (
    LEADER,
    OFFICE,
    PASS,
    TIMEOUT,
    office_dir,
    office_template,
    open_window,
    opened,
    settle,
)
from ui.main_window import MainWindow
from ui.widgets.round_header import CURRENT_STYLE, DONE_STYLE, RoundHeader
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, move_round_phase
from workbench.services.rounds import RoundDraft, RoundView, get_round
from workbench.vocab.enums import PlanStatus, RoundPhase, RoundType
from workbench.workspace import Workspace

__all__ = ["office_dir", "office_template", "opened"]  # fixtures

MARCH = {RoundPhase.PREPARATION: (date(2026, 3, 1), date(2026, 3, 10))}


def _made(directory: Path, round_type: RoundType) -> RoundView:
    ws = Workspace.open(directory, OFFICE, PASS)
    try:
        draft = RoundDraft(
            "第一轮", 2026, 1, round_type, *DEFAULT_FRAMEWORK, topic="乡村振兴", phase_dates=MARCH
        )
        return ws.write(lambda s: add_round(s, draft))
    finally:
        ws.lock()


def _header(qtbot: QtBot, window: MainWindow, name: str = "第一轮") -> RoundHeader:
    header = window.pages["dashboard"].header  # type: ignore[attr-defined]
    assert isinstance(header, RoundHeader)
    qtbot.waitUntil(lambda: header.title.text() == name, timeout=TIMEOUT)
    return header


def _button(header: RoundHeader, name: str) -> QPushButton:
    button = header.findChild(QPushButton, name)
    assert button is not None
    return button


def _audit(ws: Workspace, action: str) -> list[tuple[str, dict[str, str]]]:
    rows = ws.read(
        lambda s: s.execute(
            text("SELECT actor_name, detail FROM audit_log WHERE action = :a ORDER BY seq"),
            {"a": action},
        ).all()
    )
    return [(name, json.loads(detail)) for name, detail in rows]


def _click_and_wait(qtbot: QtBot, window: MainWindow, button: QPushButton) -> None:
    assert button.isEnabled(), button.toolTip()
    button.click()
    settle(qtbot, window)


def test_the_phase_is_shown_and_moving_on_is_confirmed_and_audited(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    made = _made(office_dir, RoundType.CROSS)
    window = open_window(qtbot, office_dir, opened)
    header = _header(qtbot, window)
    assert header.facts.text().startswith("交叉巡察  ·  市级派出")
    assert header.steps[RoundPhase.PREPARATION].text() == "准备\n03-01 — 03-10"
    assert header.steps[RoundPhase.PREPARATION].styleSheet() == CURRENT_STYLE
    assert header.steps[RoundPhase.STATIONING].text() == "进驻\n日期未定"
    assert not header.plan.isVisible() and not _button(header, "file_plan").isVisible()
    move = _button(header, "next_phase")
    assert move.isEnabled() and move.toolTip() == "进入“进驻”阶段"
    move.click()
    box = header.last_dialog
    assert isinstance(box, QMessageBox) and "从“准备”阶段推进到“进驻”阶段" in box.text()
    box.button(QMessageBox.StandardButton.No).click()  # 取消: nothing happens
    settle(qtbot, window)
    assert opened[0].read(lambda s: get_round(s, made.id)).phase is RoundPhase.PREPARATION
    move.click()
    box = header.last_dialog
    assert isinstance(box, QMessageBox)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes.text() == "进入进驻阶段"
    yes.click()
    qtbot.waitUntil(lambda: header.message.text() == "已进入进驻阶段", timeout=TIMEOUT)
    assert header.steps[RoundPhase.STATIONING].styleSheet() == CURRENT_STYLE
    assert header.steps[RoundPhase.PREPARATION].styleSheet() == DONE_STYLE
    assert opened[0].read(lambda s: get_round(s, made.id)).phase is RoundPhase.STATIONING
    assert _audit(opened[0], "round.phase") == [
        ("ban", {"from": "preparation", "to": "stationing"})
    ]
    window.close()


def test_the_last_phase_offers_no_move(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    made = _made(office_dir, RoundType.REGULAR)
    window = open_window(qtbot, office_dir, opened)
    for phase in list(RoundPhase)[1:]:
        opened[0].write(lambda s, p=phase: move_round_phase(s, made.id, p))
    window.pages["dashboard"].refresh()  # type: ignore[attr-defined]
    header = _header(qtbot, window)
    qtbot.waitUntil(
        lambda: header.steps[RoundPhase.ARCHIVING].styleSheet() == CURRENT_STYLE, timeout=TIMEOUT
    )
    move = _button(header, "next_phase")
    assert not move.isEnabled() and move.toolTip() == "已是最后阶段"
    window.close()


def test_a_special_plan_is_filed_returned_filed_and_approved(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    made = _made(office_dir, RoundType.SPECIAL)
    window = open_window(qtbot, office_dir, opened)
    header = _header(qtbot, window)
    file, approve, back = (_button(header, n) for n in ("file_plan", "approve_plan", "return_plan"))
    move = _button(header, "next_phase")
    assert header.plan.text() == "专项主题：乡村振兴    工作方案：草拟"
    assert not move.isEnabled()
    assert move.toolTip() == "专项巡察的工作方案须先审核通过（当前：草拟），才能离开准备阶段"
    assert not approve.isEnabled() and "报备后才能审核" in approve.toolTip()
    _click_and_wait(qtbot, window, file)
    assert header.plan.text().endswith("工作方案：已报备")
    assert not file.isEnabled() and approve.isEnabled() and back.isEnabled()
    # a return without a reason is refused by the core and changes nothing
    back.click()
    dialog = header.last_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("")
    dialog.accept()
    qtbot.waitUntil(lambda: header.findChild(QMessageBox, "error_box") is not None, timeout=TIMEOUT)
    error = header.findChild(QMessageBox, "error_box")
    assert "退回意见" in error.text()
    error.close()
    settle(qtbot, window)
    assert opened[0].read(lambda s: get_round(s, made.id)).plan_status is PlanStatus.FILED
    back.click()
    dialog = header.last_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("请补充进驻安排")
    dialog.accept()
    qtbot.waitUntil(lambda: header.message.text() == "工作方案已退回修改", timeout=TIMEOUT)
    assert header.plan.text().endswith("工作方案：退回修改\n审核意见：请补充进驻安排")
    _click_and_wait(qtbot, window, file)
    _click_and_wait(qtbot, window, approve)
    assert header.plan.text().endswith("工作方案：审核通过")
    assert not file.isEnabled() and not approve.isEnabled()
    assert move.isEnabled()
    view = opened[0].read(lambda s: get_round(s, made.id))
    assert view.plan_status is PlanStatus.APPROVED
    assert [d["to"] for _, d in _audit(opened[0], "round.plan")] == [
        "filed",
        "returned",
        "filed",
        "approved",
    ]
    window.close()


def test_other_roles_see_the_round_but_not_the_office_buttons(
    qtbot: QtBot, office_dir: Path, opened: list[Workspace]
) -> None:
    _made(office_dir, RoundType.SPECIAL)
    window = open_window(qtbot, office_dir, opened, LEADER)
    header = _header(qtbot, window)
    move, file = _button(header, "next_phase"), _button(header, "file_plan")
    assert not move.isEnabled() and move.toolTip() == "只有巡察办可以推进巡察阶段"
    assert file.isVisible() and not file.isEnabled()
    assert file.toolTip() == "只有巡察办可以办理专项巡察工作方案"
    window.close()
