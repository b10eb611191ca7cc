"""The workflow tests' fixtures on the office server: ``store_dir`` a desktop folder linked to a
fresh PostgreSQL office store, its first user the fixtures' 组长+系统管理员 (``LEADER``); ``team``
adds and links every user of ``tests/workbench/team.py`` there too. So ``vault``
(tests/conftest.py) and ``team`` open them as on a SQLCipher store (``Vault.open`` of a linked
folder unlocks through the server). A module under tests/pg imports a workflow test module's
scenarios and these fixtures, and each scenario runs again on PostgreSQL with its own expected
answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from tests.workbench.team import TEAM_USERS, Team
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault


def link_user(vault: Vault, folder: Path, name: str, passphrase: str) -> None:
    """Connect ``name`` (already a user of the store) from ``folder``, as a colleague's first
    connection on this desktop does; ``Vault.open(folder, name, …)`` then unlocks them."""
    assert isinstance(vault, OfficeVault)
    OfficeVault.connect(folder, vault.connection, name, passphrase, kdf=TEST_KDF).lock()


@pytest.fixture
def store_dir(pg_url: str, tmp_path: Path) -> Path:
    return new_desktop(pg_url, tmp_path / "desktop")


def new_desktop(url: str, desktop: Path) -> Path:
    """The office store made in the empty database at ``url`` by ``LEADER``, from ``desktop``."""
    vault, _ = OfficeVault.create_on_server(
        desktop,
        make_connection(url),
        user_name=LEADER,
        passphrase=PASSPHRASE,
        display_name="王组长",
        roles=(Role.TEAM_LEADER, Role.SYSADMIN),
        kdf=TEST_KDF,
    )
    vault.lock()
    return desktop


@pytest.fixture
def team(store_dir: Path) -> Iterator[Team]:
    """As tests/workbench/conftest.py's: the store plus one user per role."""
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        for name, roles in TEAM_USERS.items():
            add_user(vault, name, PASSPHRASE, roles)
            link_user(vault, store_dir, name, PASSPHRASE)
    t = Team(store_dir)
    yield t
    t.close()


def add_and_link_user(
    vault: Vault, name: str, passphrase: str, *args: object, **kw: object
) -> bytes:
    """``add_user``, and the new colleague connects from this desktop (a scenario that adds a
    user and opens the store folder as them)."""
    public = add_user(vault, name, passphrase, *args, **kw)  # type: ignore[arg-type]
    link_user(vault, vault.layout.root, name, passphrase)
    return public


def link_added_users(monkeypatch: pytest.MonkeyPatch, module: object) -> None:
    """Make ``module``'s scenarios link each user they add (see ``add_and_link_user``)."""
    if hasattr(module, "add_user"):
        monkeypatch.setattr(module, "add_user", add_and_link_user)
