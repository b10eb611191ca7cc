"""回避例外… beyond sign-off, in the letters page's step dialog: the 组长 王建国, under 回避 for
a letter's unit, is refused 摘要 with the reason and offered 回避例外…, which asks for a reason
(refused without one) and then takes the same step, audited; the 副组长 李慧敏 under the same
回避 is only told why (no exception offered)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.editor_helpers import open_window, record_page, settle
from ui.dialogs.step_dialog import StepDialog
from ui.main_window import MainWindow
from ui.pages.letters_page import LettersPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.models import AuditEntry, Member
from workbench.services.letters import LetterView, get_letter
from workbench.services.rounds import list_teams
from workbench.vocab.enums import LetterStatus
from workbench.workspace import Workspace

REASON = "本组其他人员均不熟悉该单位，经巡察办同意"


def _recuse(workspace: Workspace, target_id: str) -> None:
    def write(s: Any) -> None:
        for member in s.scalars(select(Member).where(Member.user_id == workspace.user.id)):
            member.recusal_target_ids = [target_id]

    workspace.write(write)


def _overrides(workspace: Workspace) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.action == "recusal.override")
    return workspace.read(lambda s: list(s.scalars(query)))


def _registered_letter(qtbot: QtBot, window: MainWindow, page: LettersPage) -> LetterView:
    """A registered letter of 第一巡察组 about a unit, selected; its unit is 回避 for the user."""
    round_id = window.scope()["round_id"]
    teams = {t.name: t.id for t in window.workspace.read(lambda s: list_teams(s, round_id))}
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    letter = next(
        v
        for v in views
        if v is not None
        and v.status is LetterStatus.REGISTERED
        and v.target_id
        and v.team_id == teams["第一巡察组"]
    )
    _recuse(window.workspace, letter.target_id or "")
    row = page.model.row_of(letter.id)
    assert row is not None
    page.table.selectRow(row)
    settle(qtbot, window)
    return letter


def _summarize(qtbot: QtBot, window: MainWindow, page: LettersPage) -> StepDialog:
    dialog = page.summarize()
    assert dialog is not None
    assert not dialog.override_button.isVisibleTo(dialog)  # offered only after a refusal
    dialog.fields["summary"].setPlainText("反映该局违规发放津贴补贴。")
    dialog.ok_button.click()
    settle(qtbot, window)
    return dialog


def test_the_leader_takes_a_letter_step_despite_his_recusal(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    page = record_page(qtbot, window, "letters")
    assert isinstance(page, LettersPage)
    letter = _registered_letter(qtbot, window, page)
    step = _summarize(qtbot, window, page)
    qtbot.waitUntil(step.override_button.isVisible, timeout=10000)
    assert step.isVisible() and "您已申报回避" in step.refusal.text()
    assert workspace.read(lambda s: get_letter(s, letter.id)).status is LetterStatus.REGISTERED

    step.override_button.click()
    dialog = next(
        d
        for d in window.findChildren(StepDialog)
        if d.isVisible() and d.objectName() == "recusal_override_dialog"
    )
    reason = dialog.findChild(QPlainTextEdit, "override_reason")
    assert reason is not None
    dialog.ok_button.click()  # no reason: refused at the reason's own line
    error = dialog.findChild(QLabel, "error_override_reason")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "回避例外理由不能为空" in error.text() and _overrides(workspace) == []

    reason.setPlainText(REASON)
    with qtbot.waitSignal(step.finished_step, timeout=10000):
        dialog.ok_button.click()
    settle(qtbot, window)
    assert not step.isVisible() and not dialog.isVisible()
    stored = workspace.read(lambda s: get_letter(s, letter.id))
    assert stored.status is LetterStatus.SUMMARIZED and "津贴补贴" in stored.summary
    (entry,) = _overrides(workspace)
    assert entry.object_id == letter.id and json.loads(entry.detail)["reason"] == REASON
    window.close()


def test_a_deputy_under_recusal_is_told_why_and_offered_nothing(
    qtbot: QtBot, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.step_dialog.QMessageBox.warning", lambda _p, _t, text: warnings.append(text)
    )
    workspace = Workspace.open(demo_dir, "lihm", DEMO_PASSPHRASE)  # 副组长 of 第一巡察组
    try:
        window = open_window(qtbot, workspace)
        page = record_page(qtbot, window, "letters")
        assert isinstance(page, LettersPage)
        letter = _registered_letter(qtbot, window, page)
        step = _summarize(qtbot, window, page)
        qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
        assert "您已申报回避" in warnings[0] and "组长" in warnings[0]
        assert not step.isVisible() and not step.override_button.isVisibleTo(step)
        assert workspace.read(lambda s: get_letter(s, letter.id)).status is (
            LetterStatus.REGISTERED
        )
        window.close()
    finally:
        workspace.lock()
