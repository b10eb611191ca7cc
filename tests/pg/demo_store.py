"""The demo store (workbench/demo.py) as an office store on the server: the same users, each
linked from one desktop folder, and the same demo records, for scenarios that work on the demo."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.desktops import link_user
from workbench import demo_data
from workbench.demo import DEMO_PASSPHRASE, DEMO_USERS, _cosigner
from workbench.demo_data import populate_demo
from workbench.services import users
from workbench.store.office import OfficeVault, make_connection


@contextmanager
def demo_on_server(
    cluster: pg.Cluster, template: str, desktop: Path, *, datacheck: bool = False
) -> Iterator[Path]:
    """The small demo in a new database copied from ``template``, ``desktop`` linked to it for
    every demo user; the database is dropped on the way out. Without ``datacheck`` the demo
    has no 数据比对 lists or hits (as when its maker may not see raw data): the rules' run is
    SQLite-only so far (test_pg_demo.py), and no scenario here reads them."""
    name = f"demo_{uuid.uuid4().hex[:12]}"
    cluster.admin(f"CREATE DATABASE {name} TEMPLATE {template} OWNER {pg.APP_ROLE}")
    try:
        leader, *others = DEMO_USERS
        vault, _ = OfficeVault.create_on_server(
            desktop,
            make_connection(cluster.database_url(name)),
            user_name=leader.name,
            display_name=leader.display_name,
            passphrase=DEMO_PASSPHRASE,
            roles=leader.roles,
            kdf=TEST_KDF,
        )
        with vault:
            for i, user in enumerate(others):
                cosign = _cosigner(vault, user, others[:i])
                users.add_user(
                    vault,
                    user.name,
                    DEMO_PASSPHRASE,
                    user.roles,
                    cosign=cosign,
                    display_name=user.display_name,
                )
                link_user(vault, desktop, user.name, DEMO_PASSPHRASE)
            with pytest.MonkeyPatch.context() as mp:
                if not datacheck:
                    mp.setattr(demo_data, "make_datacheck", lambda *_: Counter())
                populate_demo(vault, size="small", seed=2026)
        yield desktop
    finally:
        cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def demo_template(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The demo on the server for a module's scenarios: a copy of this folder is another desktop
    linked to the same database, so the module's scenarios share it (they only read)."""
    with demo_on_server(pg_cluster, pg_template, tmp_path_factory.mktemp("pg-demo") / "desk") as d:
        yield d
