"""回避例外… on the 问题底稿 page of the demo store: the 组长 王建国, having declared 回避 for the
unit of his own team's 底稿, signs it through the dialog — refused without a reason, allowed with
one and audited; the 副组长 李慧敏 under 回避 finds the button disabled with the reason."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.editor_helpers import open_window, record_page, settle
from tests.ui.english import english_ui
from ui.dialogs.step_dialog import StepDialog
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.models import AuditEntry, Member
from workbench.services.findings import FindingView, get_finding, list_findings
from workbench.services.rounds import list_teams
from workbench.vocab.enums import FindingStatus
from workbench.workspace import Workspace


def _first_team_finding(workspace: Workspace, round_id: str, status: FindingStatus) -> FindingView:
    teams = {t.name: t.id for t in workspace.read(lambda s: list_teams(s, round_id))}
    views = workspace.read(lambda s: list_findings(s, round_id, limit=1000).items)
    user = workspace.user.id
    return next(
        v
        for v in views
        if v.status is status
        and v.team_id == teams["第一巡察组"]
        and user not in (v.compiled_by, *(o.user_id for o in v.signoffs))
    )


def _recuse(workspace: Workspace, target_id: str) -> None:
    """The acting user's members declare 回避 for ``target_id``."""

    def write(s: Any) -> None:
        for member in s.scalars(select(Member).where(Member.user_id == workspace.user.id)):
            member.recusal_target_ids = [target_id]

    workspace.write(write)


def _overrides(workspace: Workspace) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.action == "recusal.override")
    return workspace.read(lambda s: list(s.scalars(query)))


def _select(qtbot: QtBot, window: MainWindow, page: RecordListPage, finding_id: str) -> None:
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    row = page.model.row_of(finding_id)
    assert row is not None
    page.table.clearSelection()
    page.table.selectRow(row)


def _button(page: RecordListPage, name: str) -> QPushButton:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_the_leader_overrides_his_recusal_with_a_reason_audited(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    round_id = window.scope()["round_id"]
    finding = _first_team_finding(workspace, round_id, FindingStatus.REVIEWED)
    _recuse(workspace, finding.target_id or "")
    page = record_page(qtbot, window, "findings")
    _select(qtbot, window, page, finding.id)
    override, approve = _button(page, "override"), _button(page, "approve")
    qtbot.waitUntil(override.isEnabled, timeout=10000)
    assert not approve.isEnabled() and "您已申报回避" in approve.toolTip()

    override.click()
    dialog = next(d for d in window.findChildren(StepDialog) if d.isVisible())
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any("王建国（第一巡察组组长）" in t for t in labels)  # the member
    assert any(finding.number in t for t in labels)
    steps = dialog.findChild(QComboBox, "override_step")
    assert steps is not None and steps.currentText() == "审签"
    comment = dialog.findChild(QPlainTextEdit, "comment")
    reason = dialog.findChild(QPlainTextEdit, "override_reason")
    assert comment is not None and reason is not None
    comment.setPlainText("同意")

    dialog.ok_button.click()  # no reason: the core refuses, at the reason's own line
    error = dialog.findChild(QLabel, "error_override_reason")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=10000)
    assert "回避例外理由不能为空" in error.text() and dialog.isVisible()
    assert workspace.read(lambda s: get_finding(s, finding.id)).status is FindingStatus.REVIEWED
    assert _overrides(workspace) == []

    reason.setPlainText("本组无其他组长，经领导小组同意")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    settle(qtbot, window)
    signed = workspace.read(lambda s: get_finding(s, finding.id))
    assert signed.status is FindingStatus.APPROVED
    assert signed.signoffs[-1].comment == "同意（回避例外：本组无其他组长，经领导小组同意）"
    (entry,) = _overrides(workspace)
    assert entry.object_id == finding.id and entry.actor_id == workspace.user.id
    detail = json.loads(entry.detail)
    assert detail["reason"] == "本组无其他组长，经领导小组同意" and detail["action"] == "审签"
    window.close()


def test_a_deputy_under_recusal_sees_why_he_cannot_override(qtbot: QtBot, demo_dir: Path) -> None:
    """李慧敏 declared 回避 for 县交通运输局党组 in the demo; its 底稿 awaits her review."""
    workspace = Workspace.open(demo_dir, "lihm", DEMO_PASSPHRASE)  # 副组长 of 第一巡察组
    try:
        window = open_window(qtbot, workspace)
        round_id = window.scope()["round_id"]
        finding = _first_team_finding(workspace, round_id, FindingStatus.SUBMITTED)
        page = record_page(qtbot, window, "findings")
        _select(qtbot, window, page, finding.id)
        review, override = _button(page, "review"), _button(page, "override")
        qtbot.waitUntil(lambda: "组长决定" in override.toolTip(), timeout=10000)
        assert not override.isEnabled() and not review.isEnabled()
        tip = override.toolTip()
        assert "您已申报回避“县交通运输局党组”，不能复核该单位的底稿" in tip
        assert "回避例外须由该组组长决定" in tip
        window.close()
    finally:
        workspace.lock()


def test_the_override_dialog_reads_in_english(qtbot: QtBot, workspace: Workspace) -> None:
    """Before: the step offered read “审签” (the core's word) and the member “Team members”."""

    with english_ui():
        window = open_window(qtbot, workspace)
        round_id = window.scope()["round_id"]
        finding = _first_team_finding(workspace, round_id, FindingStatus.REVIEWED)
        _recuse(workspace, finding.target_id or "")
        page = record_page(qtbot, window, "findings")
        _select(qtbot, window, page, finding.id)
        override = _button(page, "override")
        qtbot.waitUntil(override.isEnabled, timeout=10000)
        override.click()
        dialog = next(d for d in window.findChildren(StepDialog) if d.isVisible())
        steps = dialog.findChild(QComboBox, "override_step")
        assert steps is not None and steps.currentText() == "Sign off"
        labels = [w.text() for w in dialog.findChildren(QLabel)]
        assert "Member" in labels and "Team members" not in labels
        dialog.reject()
        window.close()
