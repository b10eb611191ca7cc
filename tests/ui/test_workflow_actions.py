"""Workflow buttons follow the roles: allowed steps change the record, refused ones say why."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from workbench.services.findings import get_finding
from workbench.vocab.enums import FindingStatus
from workbench.workspace import Workspace


def test_submit_then_a_refused_review(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    window.show_page("findings")
    page = window.pages["findings"]
    status = page.findChild(QComboBox, "filter_status")
    assert status is not None
    status.setCurrentIndex(status.findData("draft"))
    qtbot.waitUntil(lambda: not window.tasks.busy and page.model.total > 0, timeout=10000)  # type: ignore[attr-defined]
    # a draft that may be submitted: it says what the problem is and how it is classified
    rows = [page.model.view_at(r) for r in range(page.model.rowCount())]  # type: ignore[attr-defined]
    draft = next(v for v in rows if v and v.summary and v.taxonomy_code)
    page.table.selectRow(page.model.row_of(draft.id))  # type: ignore[attr-defined]
    assert draft.status is FindingStatus.DRAFT
    page.findChild(QPushButton, "submit").click()
    qtbot.waitUntil(
        lambda: (
            workspace.read(lambda s: get_finding(s, draft.id)).status is FindingStatus.SUBMITTED
        ),
        timeout=10000,
    )
    qtbot.waitUntil(lambda: "待复核" in page.detail.toPlainText(), timeout=10000)  # type: ignore[attr-defined]
    assert warnings == []
    status.setCurrentIndex(0)  # all statuses, so the submitted one stays listed
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    row = page.model.row_of(draft.id)  # type: ignore[attr-defined]
    assert row is not None
    page.table.selectRow(row)  # type: ignore[attr-defined]
    review = page.findChild(QPushButton, "review")
    qtbot.waitUntil(lambda: "副组长" in review.toolTip(), timeout=10000)  # 王建国 is 组长
    assert not review.isEnabled()
    review.click()  # a disabled button does nothing
    assert warnings == []
    status.setCurrentIndex(0)
    window.close()
