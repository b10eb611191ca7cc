"""The workflow tests' fixtures on the office server: ``store_dir`` a desktop folder linked to a
fresh PostgreSQL office store, its first user the fixtures' 组长+系统管理员 (``LEADER``); ``team``
adds and links every user of ``tests/workbench/team.py`` there too. So ``vault``
(tests/conftest.py) and ``team`` open them as on a SQLCipher store (``Vault.open`` of a linked
folder unlocks through the server). A module under tests/pg imports a workflow test module's
scenarios and these fixtures, and each scenario runs again on PostgreSQL with its own expected
answers.

As the SQLite fixtures copy a store made once, these copy an office made once per worker
(``OfficeTemplate``): each test gets a database of its own (``CREATE DATABASE … TEMPLATE``,
the same store id and keyfile as the template, so the same slots) and a copy of the desktop
folder whose link is sealed anew for that database (a link names its database)."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.workbench.team import TEAM_USERS, Team
from workbench.roles import Role
from workbench.services.users import add_user
from workbench.store.office import OfficeVault, make_connection
from workbench.store.office_link import OfficeLink
from workbench.store.vault import Vault


def link_user(vault: Vault, folder: Path, name: str, passphrase: str) -> None:
    """Connect ``name`` (already a user of the store) from ``folder``, as a colleague's first
    connection on this desktop does; ``Vault.open(folder, name, …)`` then unlocks them."""
    assert isinstance(vault, OfficeVault)
    OfficeVault.connect(folder, vault.connection, name, passphrase, kdf=TEST_KDF).lock()


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


@dataclass(frozen=True)
class OfficeTemplate:
    """An office store made once: a database of ``cluster`` that nothing holds open (a template
    must have no connections when it is copied) and the desktop folder linked to it, where
    ``users`` (all with ``PASSPHRASE``) have connected."""

    cluster: pg.Cluster
    database: str
    desktop: Path
    users: tuple[str, ...]

    @contextmanager
    def copy(self, desktop: Path) -> Iterator[str]:
        """A copy of the office for one test: a new database (its name yielded, dropped after)
        and ``desktop`` linked to it for every one of ``users``. The database login is the app
        role, as in the template: server roles are the cluster's, shared by every copy."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        self.cluster.admin(f"CREATE DATABASE {name} TEMPLATE {self.database} OWNER {pg.APP_ROLE}")
        try:
            shutil.copytree(self.desktop, desktop)
            connection = make_connection(self.cluster.database_url(name))
            link = OfficeLink(OfficeLink.read(self.desktop).store_id)
            for user in self.users:
                link = link.with_user(user, PASSPHRASE, connection, TEST_KDF)
            link.write(desktop)
            yield name
        finally:
            self.cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def _template_home(factory: pytest.TempPathFactory) -> Iterator[None]:
    """A WORKBENCH_HOME of the template's own: session fixtures are made before the test's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("WORKBENCH_HOME", str(factory.mktemp("home")))
        yield


@pytest.fixture(scope="session")
def leader_office(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OfficeTemplate]:
    """The office store made by ``LEADER`` alone, once per worker."""
    name = f"leader_{uuid.uuid4().hex[:12]}"
    pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE {pg_template} OWNER {pg.APP_ROLE}")
    try:
        with _template_home(tmp_path_factory):
            desktop = tmp_path_factory.mktemp("leader-office") / "desktop"
            new_desktop(pg_cluster.database_url(name), desktop)
        yield OfficeTemplate(pg_cluster, name, desktop, (LEADER,))
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def team_office(
    leader_office: OfficeTemplate, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OfficeTemplate]:
    """``leader_office`` plus one user per role (slots with ``TEST_KDF``, as the SQLite
    ``team_template``), each connected from its desktop, once per worker."""
    desktop = tmp_path_factory.mktemp("team-office") / "desktop"
    with _template_home(tmp_path_factory), leader_office.copy(desktop) as name:
        with Vault.open(desktop, LEADER, PASSPHRASE, kdf=TEST_KDF) as vault:
            for user, roles in TEAM_USERS.items():
                add_user(vault, user, PASSPHRASE, roles)
                link_user(vault, desktop, user, PASSPHRASE)
        yield OfficeTemplate(leader_office.cluster, name, desktop, (LEADER, *TEAM_USERS))


@pytest.fixture
def office_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """This test's own copy of the office, the whole team in it when the test asks for
    ``team`` too (one store for both, as on SQLite): its desktop folder and database URL."""
    wanted = "team_office" if "team" in request.fixturenames else "leader_office"
    office: OfficeTemplate = request.getfixturevalue(wanted)
    desktop = tmp_path / "desktop"
    with office.copy(desktop) as name:
        yield desktop, office.cluster.database_url(name)


@pytest.fixture
def store_dir(office_copy: tuple[Path, str]) -> Path:
    return office_copy[0]


@pytest.fixture
def store_url(office_copy: tuple[Path, str]) -> str:
    """The database of ``store_dir``'s store, for a test that reaches it besides the vault."""
    return office_copy[1]


@pytest.fixture
def team(store_dir: Path) -> Iterator[Team]:
    """As tests/workbench/conftest.py's: the store plus one user per role."""
    t = Team(store_dir)
    yield t
    t.close()


def add_and_link_user(
    vault: Vault, name: str, passphrase: str, *args: object, **kw: object
) -> bytes:
    """``add_user``, and the new colleague connects from this desktop (a scenario that adds a
    user and opens the store folder as them); one added to a SQLCipher store (a field laptop
    beside the office) is there already."""
    public = add_user(vault, name, passphrase, *args, **kw)  # type: ignore[arg-type]
    if isinstance(vault, OfficeVault):
        link_user(vault, vault.layout.root, name, passphrase)
    return public


def link_added_users(monkeypatch: pytest.MonkeyPatch, module: object) -> None:
    """Make ``module``'s scenarios link each user they add (see ``add_and_link_user``)."""
    if hasattr(module, "add_user"):
        monkeypatch.setattr(module, "add_user", add_and_link_user)
