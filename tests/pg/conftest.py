"""PostgreSQL fixtures: one throwaway cluster per session (tests/pg/cluster.py), a database
migrated to head once, and a fresh copy of it for each test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.desktops import leader_office, office_copy, team_office  # noqa: F401 - store_dir
from tests.pg.stores import DISPLAY, ROLES, STORE_ROLE, USER, Backend, office_on_server
from workbench.store import migrate
from workbench.store.pg import make_pg_engine

REQUIRE_ENV = "WORKBENCH_REQUIRE_PG"  # set by .ci/run once it has installed the server


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pg.Cluster]:
    reason = pg.skip_reason()
    if reason is not None and os.environ.get(REQUIRE_ENV):  # CI: a skip would pass unseen
        pytest.fail(f"{REQUIRE_ENV} is set but PostgreSQL cannot run: {reason}")
    if reason is not None:
        pytest.skip(f"no PostgreSQL here: {reason}")
    with pg.running() as cluster:
        yield cluster


@pytest.fixture(scope="session")
def pg_template(pg_cluster: pg.Cluster) -> str:
    """The app database, migrated to head once; tests copy it (CREATE DATABASE … TEMPLATE)."""
    engine = make_pg_engine(pg_cluster.url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()  # a template must have no connections when it is copied
    return pg.APP_DATABASE


@contextmanager
def _fresh_database(cluster: pg.Cluster, template: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    cluster.admin(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {pg.APP_ROLE}")
    try:
        yield cluster.database_url(name)
    finally:
        cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_cluster: pg.Cluster, pg_template: str) -> Iterator[str]:
    """A database of this test's own at head, dropped afterwards."""
    with _fresh_database(pg_cluster, pg_template) as url:
        yield url


def _sqlcipher(tmp_path: Path) -> Iterator[Backend]:
    from workbench.store.vault import Vault

    vault, _ = Vault.create(
        tmp_path / "store",
        user_name=USER,
        passphrase=PASSPHRASE,
        display_name=DISPLAY,
        roles=ROLES,
        store_role=STORE_ROLE,
        kdf=TEST_KDF,
    )
    try:
        yield Backend("sqlcipher", vault.engine, vault.session, vault.read)
    finally:
        vault.lock()


def _postgresql(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    cluster = request.getfixturevalue("pg_cluster")  # skips here when there is no PostgreSQL
    template = request.getfixturevalue("pg_template")
    with (
        _fresh_database(cluster, template) as url,
        office_on_server(url, tmp_path / "desktop", PASSPHRASE, TEST_KDF) as backend,
    ):
        yield backend


@pytest.fixture(params=["sqlcipher", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """An office store opened by its first user (巡察办, 组长, 系统管理员), on each backend."""
    if request.param == "sqlcipher":
        yield from _sqlcipher(tmp_path)
    else:
        yield from _postgresql(request, tmp_path)
