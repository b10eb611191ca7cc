"""The test cluster and the engine's connection: TLS is required and verified, and a killed test
run leaves no server behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.pg import cluster as pg
from workbench.errors import OfficeTlsRefused, ValidationError
from workbench.store.pg import engine_url, make_pg_engine

ROOT = Path(__file__).resolve().parents[2]


def _with(url: str, **query: str) -> str:
    return make_url(url).update_query_dict(query).render_as_string(hide_password=False)


def test_connections_are_tls_verified_against_the_test_ca(pg_cluster: pg.Cluster) -> None:
    with psycopg.connect(pg_cluster.url) as conn:
        row = conn.execute(
            "SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).fetchone()
    assert row is not None and row[0] is True and row[1] in ("TLSv1.2", "TLSv1.3")


def test_a_connection_without_tls_is_refused(pg_cluster: pg.Cluster) -> None:
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(_with(pg_cluster.url, sslmode="disable"))


def test_a_server_certificate_from_another_ca_is_refused(
    pg_cluster: pg.Cluster, tmp_path: Path
) -> None:
    other_ca, _, _ = pg.make_tls(tmp_path, pg.RunAs(os.geteuid(), os.getegid()), "another CA")
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(_with(pg_cluster.url, sslrootcert=str(other_ca)))


def test_the_server_must_carry_the_host_name(pg_cluster: pg.Cluster) -> None:
    # the same server at 127.0.0.1, asked for under a name its certificate does not carry
    url = make_url(pg_cluster.url).set(host="office-db.example")
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        psycopg.connect(url.render_as_string(hide_password=False).replace("+psycopg", ""))


def test_the_engine_verifies_the_server_unless_told_otherwise(pg_cluster: pg.Cluster) -> None:
    assert engine_url("postgresql://u:p@db.office/hub").query["sslmode"] == "verify-full"
    assert engine_url("postgresql://u:p@db.office/hub").drivername == "postgresql+psycopg"
    assert engine_url("postgresql://db.office/hub?sslmode=verify-ca").query["sslmode"] == (
        "verify-ca"
    )
    with pytest.raises(ValidationError):
        engine_url("sqlite:///store.db")
    # without the office's CA (no sslrootcert, no ~/.postgresql/root.crt) nothing is trusted
    bare = make_url(pg_cluster.url)
    bare = bare.set(
        query={k: v for k, v in bare.query.items() if k not in ("sslmode", "sslrootcert")}
    )
    engine = make_pg_engine(bare, pool_size=1)
    try:
        with pytest.raises(OfficeTlsRefused) as refused, engine.connect():
            pass
        assert "root certificate" in refused.value.details["reason"]
    finally:
        engine.dispose()
    engine = make_pg_engine(pg_cluster.url, pool_size=1)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar_one() == pg.APP_ROLE
    finally:
        engine.dispose()


_CHILD = """
import sys, time
from pathlib import Path
from tests.pg import cluster
c = cluster.start(Path(sys.argv[1]))
print(c.folder, c.process.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.slow
def test_a_killed_run_leaves_no_server(pg_cluster: pg.Cluster) -> None:
    temp_root = Path(tempfile.mkdtemp(prefix="wb-pg-leftovers-"))
    os.chmod(temp_root, 0o755)  # the server's user must reach its folder inside
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(temp_root)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        folder, server = child.stdout.readline().split()
        server_pid = int(server)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 60
        while Path(f"/proc/{server_pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{server_pid}").exists(), "the server outlived its test run"
        assert Path(folder).is_dir()  # left behind: the next start removes it
        assert pg.remove_leftovers(temp_root) == [Path(folder)]
        assert not Path(folder).exists()
    finally:
        pg.remove_leftovers(temp_root)
        os.rmdir(temp_root)
