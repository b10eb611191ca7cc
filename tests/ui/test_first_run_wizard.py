"""First run: create a store, see the recovery code once, confirm it was written down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from ui.dialogs.first_run_wizard import FirstRunWizard
from workbench.workspace import Workspace, store_exists


def test_create_a_field_store(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "新库"
    wizard = FirstRunWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CREATE
    page = wizard.currentPage()
    page.user.setText("zuzhang")  # type: ignore[attr-defined]
    page.display.setText("王组长")  # type: ignore[attr-defined]
    page.passphrase.setText("long enough 口令")  # type: ignore[attr-defined]
    page.again.setText("not the same")  # type: ignore[attr-defined]
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CREATE and not store_exists(target)
    assert "不一致" in page.message.text()  # type: ignore[attr-defined]
    page.again.setText("long enough 口令")  # type: ignore[attr-defined]
    wizard.next()  # the key derivation runs off the GUI thread; the page takes no input meanwhile
    assert wizard.currentId() == FirstRunWizard.CREATE
    assert page.message.text() == "正在创建数据库…"  # type: ignore[attr-defined]
    assert not page.passphrase.isEnabled() and not page.isComplete()  # type: ignore[attr-defined]
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.reject()  # Esc while busy: the wizard stays for the outcome
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY, timeout=30000)
    assert store_exists(target) and wizard.isVisible()
    recovery = wizard.currentPage()
    code = recovery.code.text().replace(" ", "")  # type: ignore[attr-defined]
    assert len(code.split("-")) == 8
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # not before the code is confirmed written down
    recovery.confirm.setChecked(True)  # type: ignore[attr-defined]
    assert finish.isEnabled()
    workspace = wizard.workspace
    assert workspace is not None and workspace.user.name == "zuzhang"
    wizard.accept()
    assert wizard.recovery_code == ""
    workspace.lock()
    Workspace.open(target, "zuzhang", "long enough 口令").lock()  # the store really works


def test_open_an_existing_store_needs_one(qtbot: QtBot, tmp_path: Path, demo_dir: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "empty")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.open_existing.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.OPEN
    assert not wizard.currentPage().isComplete()
    wizard.back()
    wizard.choice.folder.setText(str(demo_dir))
    wizard.next()
    assert wizard.currentPage().isComplete()
