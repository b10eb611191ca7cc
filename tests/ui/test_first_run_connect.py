"""连接巡察办服务器 before any server is reached: 完成 waits for the address, the user name and
the passphrase and says so; an address, a CA file or a missing CA the core refuses is shown on the
page with its code (a malformed address was an unexpected error, WB-INTERNAL), in the UI's
language, and nothing is written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from ui.dialogs.first_run_wizard import FirstRunWizard

CJK = re.compile(r"[\u4e00-\u9fff]")
URL = "postgresql://wb@db.office.invalid:5432/office"


def _connect_page(qtbot: QtBot, folder: Path) -> tuple[FirstRunWizard, Any]:
    wizard = FirstRunWizard(folder)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.connect_server.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CONNECT
    return wizard, wizard.currentPage()


def _finish(qtbot: QtBot, wizard: FirstRunWizard, page: Any) -> str:
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    finish.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=30000)
    return str(page.message.text())


def test_finish_waits_for_the_required_fields_and_says_which(qtbot: QtBot, tmp_path: Path) -> None:
    wizard, page = _connect_page(qtbot, tmp_path / "desk")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    needed = page.needed
    assert not finish.isEnabled()
    assert needed.isVisible() and needed.text() == "请填写：服务器地址、用户名、口令"
    page.url.setText(URL)
    page.user.setText("ban")
    assert not finish.isEnabled() and needed.text() == "请填写：口令"
    page.passphrase.setText("x" * 12)
    assert finish.isEnabled() and needed.text() == ""
    page.url.setText("  ")
    assert not finish.isEnabled() and needed.text() == "请填写：服务器地址"


@pytest.mark.parametrize("address", ["服务器", "192.168.1.10", "http://192.168.1.10"])
def test_an_address_that_is_no_postgresql_url_is_refused_on_the_page(
    qtbot: QtBot, tmp_path: Path, address: str
) -> None:
    target = tmp_path / "desk"
    wizard, page = _connect_page(qtbot, target)
    page.url.setText(address)
    page.user.setText("ban")
    page.passphrase.setText("x" * 12)
    message = _finish(qtbot, wizard, page)
    assert "postgresql://用户@主机:端口/数据库" in message and "WB-VALIDATION" in message
    assert "WB-INTERNAL" not in message
    assert wizard.isVisible() and not target.exists()


def test_the_refusals_read_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("hello\n", encoding="ascii")
    cases = [
        ("server", "", "postgresql://user@host:port/database"),
        (URL, str(tmp_path / "nope.pem"), "check the file, or ask the system administrator"),
        (URL, str(not_pem), "not a PEM certificate"),
        (URL, "", "CA certificate file is needed"),
    ]
    with english_ui():
        for url, ca, expected in cases:
            wizard, page = _connect_page(qtbot, tmp_path / "desk")
            page.url.setText(url)
            page.ca.setText(ca)
            page.user.setText("ban")
            page.passphrase.setText("x" * 12)
            message = _finish(qtbot, wizard, page)
            assert expected in message and not CJK.search(message), message
            assert "--ca" not in message and "office connect" not in message
            wizard.close()
    assert not (tmp_path / "desk").exists()
