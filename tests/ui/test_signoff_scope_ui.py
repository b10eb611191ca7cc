"""The scope of sign-off as the UI shows it, on the demo store as 王建国 (组长 of 第一巡察组):
审签 is disabled for another team's 底稿 and for a unit he declared 回避 for, with the core's
reason as the tooltip; the 文书报表 page names the 底稿 a signed report leaves out, and the
report it writes holds only 已审签 底稿 unless it is the marked 征求意见稿."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtWidgets import QComboBox, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.editor_helpers import open_window, record_page, settle
from ui.dialogs import document_export
from ui.pages.record_list_page import RecordListPage
from ui.pages.reports_page import ReportsPage
from workbench.models import Member
from workbench.reports.gbt9704 import DRAFT_MARK
from workbench.services.findings import FindingView, list_findings
from workbench.services.rounds import list_teams
from workbench.vocab.enums import FindingStatus
from workbench.workspace import Workspace


def _reviewed(qtbot: QtBot, window: Any, page: RecordListPage) -> list[FindingView]:
    status = page.findChild(QComboBox, "filter_status")
    assert status is not None
    status.setCurrentIndex(status.findData("reviewed"))
    qtbot.waitUntil(lambda: not window.tasks.busy and page.model.total > 0, timeout=10000)
    for row in range(page.model.rowCount()):
        page.model.view_at(row)
    settle(qtbot, window)
    views = [page.model.view_at(r) for r in range(page.model.rowCount())]
    return [v for v in views if v is not None]


def _approve_button(qtbot: QtBot, page: RecordListPage, finding_id: str) -> QPushButton:
    row = page.model.row_of(finding_id)
    assert row is not None
    page.table.selectRow(row)
    button = page.findChild(QPushButton, "approve")
    assert button is not None
    return button


def test_approve_is_disabled_outside_the_team_and_under_recusal(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    round_id = window.scope()["round_id"]
    teams = {t.name: t for t in workspace.read(lambda s: list_teams(s, round_id))}
    page = record_page(qtbot, window, "findings")
    views = _reviewed(qtbot, window, page)
    other = next(v for v in views if v.team_id == teams["第二巡察组"].id)
    own = next(v for v in views if v.team_id == teams["第一巡察组"].id)

    button = _approve_button(qtbot, page, other.id)
    qtbot.waitUntil(lambda: "第二巡察组" in button.toolTip(), timeout=10000)
    assert not button.isEnabled() and "您不是该组" in button.toolTip()

    button = _approve_button(qtbot, page, own.id)
    qtbot.waitUntil(button.isEnabled, timeout=10000)

    def recuse(s: Any) -> None:  # 王建国 declares 回避 for the unit of his own team's 底稿
        uid = workspace.user.id
        for member in s.scalars(select(Member).where(Member.user_id == uid)):
            member.recusal_target_ids = [own.target_id]

    workspace.write(recuse)
    page.table.clearSelection()
    button = _approve_button(qtbot, page, own.id)
    qtbot.waitUntil(lambda: "您已申报回避" in button.toolTip(), timeout=10000)
    assert not button.isEnabled() and "不能审签该单位的底稿" in button.toolTip()
    window.close()


def test_reports_page_names_the_findings_left_out_and_marks_the_draft(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(document_export, "open_url", lambda _url: None)
    window = open_window(qtbot, workspace)
    round_id = window.scope()["round_id"]
    dashboard: Any = window.pages["dashboard"]  # its 发现问题 counts 已审签 底稿, and says so
    qtbot.waitUntil(lambda: "已审签" in dashboard.figures["findings"].toolTip(), timeout=10000)
    window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.target.count() > 1, timeout=10000)
    page.select("inspection-report")
    marked = workspace.read(lambda s: list_findings(s, round_id, in_report=True, limit=1000).items)
    unsigned = [v for v in marked if v.status is not FindingStatus.APPROVED]
    signed = [v for v in marked if v.status is FindingStatus.APPROVED]
    assert unsigned and signed  # the demo has both
    qtbot.waitUntil(page.left_out.isVisible, timeout=10000)
    text = page.left_out.text()
    assert f"以下 {len(unsigned)} 份底稿" in text
    assert unsigned[0].number in text and "状态：" in text
    assert page.draft.isVisible()
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: page.left_out.height() > 0, timeout=10000)
    label = page.left_out  # its lines all shown (the panel scrolls), none squeezed away
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=10000)

    out = tmp_path / "巡察报告.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), "Word 文档 (*.docx)")
    )
    page.generate()
    qtbot.waitUntil(out.exists, timeout=20000)
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert all(v.title not in body for v in unsigned)
    assert any(v.title in body for v in signed)

    page.draft.setChecked(True)
    assert "征求意见稿将包含" in page.left_out.text()
    draft = tmp_path / "征求意见稿.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(draft), "Word 文档 (*.docx)")
    )
    page.generate()
    qtbot.waitUntil(draft.exists, timeout=20000)
    doc = Document(str(draft))
    assert unsigned[0].title in "\n".join(p.text for p in doc.paragraphs)
    headers = [
        "".join(p.text for p in h.paragraphs)
        for section in doc.sections
        for h in (section.header, section.even_page_header, section.first_page_header)
    ]
    assert headers and all(DRAFT_MARK in h for h in headers)
    page.select("stats")
    assert not page.draft.isVisible() and not page.draft.isChecked()
    window.close()
