"""First run on an office desktop: 连接巡察办服务器 links the chosen folder to the office store on
a real PostgreSQL server and unlocks as the user; a server the office's CA does not vouch for is
refused on the page, with its code, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from ui.dialogs.first_run_wizard import FirstRunWizard
from workbench.roles import Role
from workbench.store.office import OfficeVault, make_connection
from workbench.workspace import Workspace, store_exists

TIMEOUT = 60000


@pytest.fixture
def office_url(pg_url: str, tmp_path: Path) -> str:
    """An office store made by its first 系统管理员 (on another desktop)."""
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "admin-desktop",
        make_connection(pg_url),
        user_name="office1",
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    vault.lock()
    return pg_url


def test_connect_this_desktop_to_the_office_server(
    qtbot: QtBot, tmp_path: Path, office_url: str, pg_cluster: pg.Cluster
) -> None:
    target = tmp_path / "本机"
    wizard = FirstRunWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.connect_server.setChecked(True)
    wizard.next()
    assert wizard.currentId() == FirstRunWizard.CONNECT
    page = wizard.currentPage()
    parsed = make_url(office_url)
    bare = parsed.set(password=None).difference_update_query(["sslrootcert"])
    page.url.setText(bare.render_as_string())  # type: ignore[attr-defined]
    page.db_password.setText(pg_cluster.app_password)  # type: ignore[attr-defined]
    page.user.setText("office1")  # type: ignore[attr-defined]
    page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    other = tmp_path / "other-ca"
    other.mkdir()
    other_ca, _, _ = pg.make_tls(other, pg.RunAs.choose(), "not the office's CA")
    page.ca.setText(str(other_ca))  # type: ignore[attr-defined]
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()
    assert page.busy  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert "WB-OFFICE-TLS" in page.message.text()  # type: ignore[attr-defined]
    assert wizard.isVisible() and not store_exists(target)

    page.ca.setText(str(pg_cluster.ca))  # type: ignore[attr-defined]
    page.passphrase.setText(PASSPHRASE)  # type: ignore[attr-defined]
    finish.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)  # type: ignore[attr-defined]
    assert page.message.text() == ""  # type: ignore[attr-defined]
    assert not wizard.isVisible()
    assert wizard.result() == QWizard.DialogCode.Accepted
    workspace = wizard.workspace
    assert workspace is not None
    assert workspace.user.name == "office1" and Role.SYSADMIN in workspace.user.roles
    workspace.lock()
    assert store_exists(target)  # the next start unlocks through the folder
    Workspace.open(target, "office1", PASSPHRASE).lock()
