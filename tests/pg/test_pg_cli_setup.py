"""tests/workbench/test_cli_setup.py on PostgreSQL: the office store made on the server from the
command line (``office create``, then as the SQLite ``_make``), the field laptop on SQLCipher;
made once, and each scenario gets a copy (tests/pg/linked_copy.py)."""

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import cluster as pg
from tests.pg.linked_copy import linked_copy
from tests.workbench.test_cli_setup import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_cli_setup import ADMIN, FIELD, OFFICE, PASS, Stores, _json, _run


def _make_on_server(
    root: Path, cluster: pg.Cluster, database: str, capsys: pytest.CaptureFixture[str]
) -> Stores:
    """As ``_make``, the office's ``init`` an ``office create`` on the server."""
    office = ["--store", str(root / "office"), "--user", OFFICE]
    field = ["--store", str(root / "field"), "--user", FIELD]
    url = f"postgresql://{pg.APP_ROLE}@localhost:{cluster.port}/{database}?hostaddr=127.0.0.1"
    _run([*office, "office", "create", url, "--ca", str(cluster.ca), "--display-name", "巡察办"])
    _run([*office, "user", "add", ADMIN, "--roles", "sysadmin"])
    admin = ["--store", str(root / "office"), "--user", ADMIN]  # connects from the same desktop
    _run([*admin, "office", "connect", url, "--ca", str(cluster.ca)])
    _run([*field, "init", "--role", "field", "--display-name", "组员甲"])
    _run([*office, "office", "init"])
    capsys.readouterr()
    device = _json(capsys, [*field, "enrol", "request", "--out", str(root / "req.json")])
    _run([*office, "enrol", "sign", str(root / "req.json"), "--out", str(root / "cert.json")])
    _run([*field, "enrol", "accept", str(root / "cert.json")])
    capsys.readouterr()
    return Stores(root / "office", root / "field", device["device_id"])


_MADE: dict[str, Stores] = {}


@pytest.fixture(scope="session")
def setup_database(pg_cluster: pg.Cluster, pg_template: str) -> Iterator[str]:
    """The empty database the office store is made in, once per session."""
    name = f"setup_{uuid.uuid4().hex[:12]}"
    pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE {pg_template} OWNER {pg.APP_ROLE}")
    yield name
    pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def stores(  # type: ignore[no-redef] - the server's, over the SQLite one
    pg_cluster: pg.Cluster,
    setup_database: str,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Stores]:
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    monkeypatch.setenv("WORKBENCH_DB_PASSWORD", pg_cluster.app_password)
    if setup_database not in _MADE:  # made once (capsys is per test), copied per test
        root = tmp_path_factory.mktemp("setup")
        _MADE[setup_database] = _make_on_server(root, pg_cluster, setup_database, capsys)
    made = _MADE[setup_database]
    shutil.copytree(made.field, tmp_path / "field")
    with linked_copy(pg_cluster, made.office, tmp_path / "office", (OFFICE, ADMIN), PASS) as office:
        yield Stores(office, tmp_path / "field", made.device_id)
