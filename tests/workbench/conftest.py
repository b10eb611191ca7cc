"""Fixtures for the workflow services: a store with the whole team in it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from tests.workbench.team import TEAM_USERS, Team
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.users import add_user
from workbench.store.vault import Vault


@pytest.fixture(scope="session")
def team_template(
    template_store: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The fixture store plus one user per role (slots with ``TEST_KDF``), made once."""
    root = tmp_path_factory.mktemp("team") / "store"
    shutil.copytree(template_store[0], root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(tmp_path_factory.mktemp("home")))
        vault = Vault.open(root, LEADER, PASSPHRASE, kdf=TEST_KDF)
        try:
            for name, roles in TEAM_USERS.items():
                add_user(vault, name, PASSPHRASE, roles)
        finally:
            vault.lock()
    return root


@pytest.fixture
def team(team_template: Path, tmp_path: Path) -> Iterator[Team]:
    directory = tmp_path / "store"
    shutil.copytree(team_template, directory)
    t = Team(directory)
    yield t
    t.close()


@pytest.fixture
def demo_env(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo store, opened by its 组长 through the environment, as a script would."""
    monkeypatch.setenv("WORKBENCH_STORE", str(demo_dir))
    monkeypatch.setenv("WORKBENCH_USER", DEMO_LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", DEMO_PASSPHRASE)
    return demo_dir
