"""tests/workbench/test_check.py on PostgreSQL (tests/pg/desktops.py): ``workbench check`` of
the office store on its server runs every step but the pages', which it names as the DBA's; the
index structure too, with amcheck, when the DBA lets the office's login use it."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.desktops import store_dir  # noqa: F401 - the server's
from tests.workbench.test_check import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_check import _check, _statuses, _world
from workbench.cli import main
from workbench.services.activities import ActivityDraft, create_activity
from workbench.store.check import PASSED, SERVER
from workbench.store.office import OfficeVault
from workbench.store.vault import Vault


@pytest.fixture
def database_admin(pg_cluster: pg.Cluster, vault: Vault) -> Iterator[psycopg.Connection]:
    """The superuser (the DBA) on the office store's database."""
    database = make_url(pg_cluster.admin_url).set(database=vault.engine.url.database)
    with psycopg.connect(database.render_as_string(hide_password=False), autocommit=True) as c:
        yield c


def test_the_human_report_names_the_servers_part(
    vault: Vault, cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _world(vault)
    capsys.readouterr()
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "数据库页（加密校验与内部结构）：由服务器负责（服务器上的数据页由数据库管理员检查" in out
    assert "审计日志哈希链、锚点与签名：通过" in out and "检索索引与记录一致：通过" in out
    assert out.rstrip().endswith("检查通过。")


def test_amcheck_checks_the_indexes_once_the_dba_grants_it(
    vault: Vault,
    cli_store: Path,
    database_admin: psycopg.Connection,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _world(vault)
    assert _statuses(_check(capsys)[1])["server_indexes"] == SERVER  # not installed
    database_admin.execute("CREATE EXTENSION amcheck")
    assert _statuses(_check(capsys)[1])["server_indexes"] == SERVER  # installed, not granted
    database_admin.execute(f"GRANT EXECUTE ON FUNCTION bt_index_check(regclass) TO {pg.APP_ROLE}")
    code, report = _check(capsys)
    assert code == 0 and _statuses(report)["server_indexes"] == PASSED
    assert report["broken_indexes"] == []


def test_two_desktops_writing_at_once_leave_a_store_that_passes(
    vault: Vault, cli_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue #20: the audit chain stays one chain under concurrent writers, and the search index
    in step, as ``check`` proves them after two desktops wrote records at once."""
    assert isinstance(vault, OfficeVault)
    round_id = _world(vault)["round"]
    second = OfficeVault.connect(
        tmp_path / "desktop-b", vault.connection, LEADER, PASSPHRASE, kdf=TEST_KDF
    )

    def write(desktop: Vault, who: str) -> None:
        for i in range(6):
            with desktop.session() as s:
                draft = ActivityDraft("座谈会", datetime(2026, 3, 12, 9 + i), f"{who}第{i}场座谈")
                create_activity(s, round_id, draft)

    try:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(write, (vault, second), ("甲", "乙")))
    finally:
        second.lock()
    code, report = _check(capsys)
    assert code == 0 and set(_statuses(report).values()) == {PASSED, SERVER}
    assert report["search_documents"] == 2 + 12  # the world's activity and attachment, 12 more
