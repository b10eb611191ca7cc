"""关于 on the office server: the server's PostgreSQL version, not SQLCipher's (whose PRAGMA
does not exist there), in Chinese and in English; the dialog grabbed at 1366×768."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.stores import ROLES, USER
from tests.ui.english import english_ui
from ui.main_window import MainWindow
from workbench.store.office import OfficeVault, make_connection
from workbench.workspace import Workspace

SLOW = 60_000  # ms: Argon2id and a server on a loaded machine


@pytest.fixture
def desktop(pg_url: str, tmp_path: Path) -> Path:
    vault, _ = OfficeVault.create_on_server(
        tmp_path / "desktop",
        make_connection(pg_url),
        user_name=USER,
        passphrase=PASSPHRASE,
        roles=ROLES,
        kdf=TEST_KDF,
    )
    vault.lock()
    return tmp_path / "desktop"


@pytest.fixture
def window(qtbot: QtBot, desktop: Path) -> Iterator[MainWindow]:
    window = MainWindow(Workspace.open(desktop, USER, PASSPHRASE))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=SLOW)
    yield window
    window.close()


def _server_version(cluster: pg.Cluster) -> str:
    import psycopg

    with psycopg.connect(cluster.admin_url) as conn:
        return str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]


def _about(qtbot: QtBot, window: MainWindow, shown: str, shot: Path) -> str:
    action = window.findChild(QAction, "menu_about")
    assert action is not None
    action.trigger()
    dialog = [d for d in window.findChildren(QDialog, "about") if d.isVisible()][-1]
    versions = dialog.findChild(QLabel, "versions")
    assert versions is not None
    qtbot.waitUntil(lambda: shown in versions.text(), timeout=SLOW)
    text = versions.text()
    # the dialog grows to the longer text (its layout, on the next turn of the event loop)
    qtbot.waitUntil(lambda: versions.width() >= versions.sizeHint().width(), timeout=SLOW)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    assert dialog.grab().save(str(shot))
    dialog.close()
    return text


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_about_names_the_servers_postgresql(
    qtbot: QtBot, window: MainWindow, pg_cluster: pg.Cluster, tmp_path: Path, language: str
) -> None:
    version = _server_version(pg_cluster)
    shot = tmp_path / f"about-office-{language}.png"
    if language == "en":
        with english_ui():
            text = _about(qtbot, window, f"PostgreSQL (office server): {version}", shot)
    else:
        text = _about(qtbot, window, f"PostgreSQL（巡察办服务器）：{version}", shot)
    assert "SQLCipher" not in text and "SQLite" not in text and "—" not in text
    assert shot.stat().st_size > 0
