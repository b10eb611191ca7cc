"""A fresh office store with no round (its 巡察办 user, who is also 系统管理员, and a 组长), copied
per test, and the main window opened on it. Import the fixtures into a test module."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.vault import Vault
from workbench.workspace import Workspace

PASS = "office round 巡察 passphrase"
OFFICE, LEADER = "ban", "zuzhang"
TIMEOUT = 20000


@pytest.fixture(scope="session")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("office") / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        vault, _ = Vault.create(
            root, user_name=OFFICE, passphrase=PASS, display_name="巡察办", store_role="office"
        )
        try:
            add_user(vault, LEADER, PASS, (Role.TEAM_LEADER,), display_name="王组长")
        finally:
            vault.lock()
    return root


@pytest.fixture
def office_dir(office_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office"
    shutil.copytree(office_template, target)
    return target


class Opened(list[Workspace]):
    """Workspaces opened by the test and the windows on them."""

    windows: list[MainWindow]


@pytest.fixture
def opened(office_dir: Path) -> Iterator[Opened]:
    """Closed afterwards, windows first (a test that failed half-way left them open)."""
    spaces = Opened()
    spaces.windows = []
    yield spaces
    for window in spaces.windows:
        window.close()
    for ws in spaces:
        if not ws.locked:
            ws.lock()


def open_window(
    qtbot: QtBot, directory: Path, opened: list[Workspace], user: str = OFFICE
) -> MainWindow:
    workspace = Workspace.open(directory, user, PASS)
    opened.append(workspace)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    if isinstance(opened, Opened):
        opened.windows.append(window)
    window.resize(1366, 768)
    window.show()
    settle(qtbot, window)
    return window


def settle(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=TIMEOUT)
