"""The attachments page (add with progress, preview from memory) and the auditor-only log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from ui.pages.attachments_page import AttachmentsPage
from ui.pages.audit_page import AuditPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.workspace import Workspace


def test_add_an_image_and_preview_it(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("attachments")
    page = window.pages["attachments"]
    assert isinstance(page, AttachmentsPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    before = page.model.total
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#b71c1c"))
    path = tmp_path / "现场照片.png"
    assert image.save(str(path))
    page.add_file(path)
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=10000)
    row = next(r for r in range(page.model.rowCount()) if page.model.view_at(r).name == path.name)  # type: ignore[union-attr]
    page.table.selectRow(row)
    qtbot.waitUntil(
        lambda: page.preview.pixmap() is not None and not page.preview.pixmap().isNull(),
        timeout=10000,
    )
    window.close()


def test_only_the_auditor_sees_the_audit_log(qtbot: QtBot, demo_dir: Path) -> None:
    leader = MainWindow(Workspace.open(demo_dir, "wangjg", DEMO_PASSPHRASE))
    qtbot.addWidget(leader)
    assert "audit" not in leader.pages
    leader.close()
    leader.workspace.lock()
    auditor = MainWindow(Workspace.open(demo_dir, "sunqiang", DEMO_PASSPHRASE))
    qtbot.addWidget(auditor)
    auditor.show()
    auditor.show_page("audit")
    page = auditor.pages["audit"]
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not auditor.tasks.busy, timeout=10000)
    page.verify()
    qtbot.waitUntil(lambda: "哈希链完整" in page.count_label.text(), timeout=10000)
    auditor.close()
    auditor.workspace.lock()
