"""A database the office store cannot live in is refused before anything is made in it
(``pg.check_database``): the review of issue #20 saw ``office create`` into a LATIN1 database
fail with WB-INTERNAL and leave 52 tables behind, and one in SQL_ASCII fail with a TypeError.
Now either is WB-OFFICE-UNSUPPORTED (exit 8) naming the encoding, for ``office create`` and
``office connect`` alike, and the database stays empty."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from workbench.cli import main
from workbench.store.office import OfficeVault, make_connection


@pytest.fixture(params=["LATIN1", "SQL_ASCII"])
def wrong_encoding(pg_cluster: pg.Cluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of the app role in an encoding other than UTF8."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    pg_cluster.admin(
        f"CREATE DATABASE {name} ENCODING '{request.param}' LC_COLLATE 'C' LC_CTYPE 'C' "
        f"TEMPLATE template0 OWNER {pg.APP_ROLE}"
    )
    try:
        yield name
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _tables(cluster: pg.Cluster, database: str) -> list[str]:
    with psycopg.connect(cluster.database_url(database)) as conn:
        rows = conn.execute(
            "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public'"
        ).fetchall()
    return [str(r[0]) for r in rows]


@pytest.mark.parametrize("verb", ["create", "connect"])
def test_a_database_not_in_utf8_is_refused_and_left_empty(
    pg_cluster: pg.Cluster,
    wrong_encoding: str,
    verb: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = make_url(pg_cluster.database_url(wrong_encoding))
    encoding = _encoding(pg_cluster, wrong_encoding)
    bare = (
        f"postgresql://{pg.APP_ROLE}@localhost:{pg_cluster.port}/{url.database}?hostaddr=127.0.0.1"
    )
    monkeypatch.setenv("WORKBENCH_DB_PASSWORD", pg_cluster.app_password)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", PASSPHRASE)
    desk = tmp_path / "desk"
    argv = ["office", verb, bare, "--ca", str(pg_cluster.ca), "--store", str(desk)]
    assert main([*argv, "--user", "admin"]) == 8
    err = capsys.readouterr().err
    assert "错误 [WB-OFFICE-UNSUPPORTED]" in err
    assert f"字符集是 {encoding}" in err and "UTF8" in err
    assert "Traceback" not in err
    assert _tables(pg_cluster, wrong_encoding) == []
    assert not desk.exists()  # no link, no CA, no folder


def _encoding(cluster: pg.Cluster, database: str) -> str:
    with psycopg.connect(cluster.admin_url) as conn:
        row = conn.execute(
            "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
    assert row is not None
    return str(row[0])


def test_a_collation_other_than_byte_order_is_logged_not_refused(
    pg_cluster: pg.Cluster, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An ICU collation (the only other one this test machine's server can make): the store is
    made and opens, and the log says how its lists will sort."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    try:
        pg_cluster.admin(
            f"CREATE DATABASE {name} LOCALE_PROVIDER icu ICU_LOCALE 'zh' LOCALE 'C' "
            f"TEMPLATE template0 OWNER {pg.APP_ROLE}"
        )
    except psycopg.Error as exc:  # a server built without ICU
        pytest.skip(f"no ICU collation on this server: {exc}")
    try:
        with caplog.at_level(logging.WARNING, logger="workbench.store.pg"):
            vault, _ = OfficeVault.create_on_server(
                tmp_path / "desk",
                make_connection(pg_cluster.database_url(name)),
                user_name="admin",
                passphrase=PASSPHRASE,
                kdf=TEST_KDF,
            )
            vault.lock()
        assert "collation ICU zh" in caplog.text
        assert _tables(pg_cluster, name)  # made all the same
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
