"""A bad day on the office server (issue #20, review): a server that stops answering makes the
next command fail with ``WB-OFFICE-UNREACHABLE`` instead of hanging (``pg.CONNECT_DEFAULTS``);
after the server dropped a desktop's connections the next unit of work reconnects without a word
(``pool_pre_ping``, not cut short by our error hook). Each on a cluster of its own: stopping or
terminating the session's shared one would disturb the other tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg import cluster as pg
from tests.pg.stores import office_on_server
from workbench.errors import OfficeUnreachable
from workbench.models.system import User
from workbench.store.pg import make_pg_engine

# the failure guard of a command that must give up by itself (connect_timeout is 10 s); never a
# timing assertion: a loaded machine may take long, a hang takes forever
GUARD_S = 300


@pytest.fixture
def own_cluster() -> Iterator[pg.Cluster]:
    reason = pg.skip_reason()
    if reason is not None:
        pytest.skip(f"no PostgreSQL here: {reason}")
    with pg.running() as cluster:
        yield cluster


def _server_pids(cluster: pg.Cluster) -> list[int]:
    """The postmaster and its children (the backends and the server's own workers)."""
    postmaster = cluster.process.pid
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # "pid (comm) state ppid …": comm may hold spaces, so split after its ')'
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:
                children.append(int(stat.parent.name))
    return [postmaster, *children]


@contextlib.contextmanager
def _stopped(cluster: pg.Cluster) -> Iterator[None]:
    """The whole server frozen (SIGSTOP): it still accepts TCP, its kernel acknowledges, nothing
    answers. SIGCONT afterwards, whatever happened."""
    pids = _server_pids(cluster)
    for pid in pids:
        # a child may end between the listing and the signal (a backend, an autovacuum worker)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBENCH_PASSPHRASE": PASSPHRASE}
    code = "import sys; from workbench.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=GUARD_S,
        check=False,
    )


def test_a_server_that_stops_answering_is_unreachable_not_a_hang(
    own_cluster: pg.Cluster, tmp_path: Path
) -> None:
    desktop = tmp_path / "desktop"
    with office_on_server(own_cluster.url, desktop, PASSPHRASE, TEST_KDF):
        pass
    with _stopped(own_cluster):
        done = _cli("--json", "info", "--store", str(desktop), "--user", "office1")
        engine = make_pg_engine(own_cluster.url, pool_size=1)
        try:
            with pytest.raises(OfficeUnreachable), engine.connect():
                pass
        finally:
            engine.dispose()
    assert done.returncode == OfficeUnreachable.exit_code, (done.stdout, done.stderr)
    assert "WB-OFFICE-UNREACHABLE" in done.stdout + done.stderr
    # and the server, answering again, serves the same desktop
    again = _cli("--json", "info", "--store", str(desktop), "--user", "office1")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["postgresql_version"]


def test_after_the_server_dropped_its_connections_the_next_read_reconnects(
    own_cluster: pg.Cluster, tmp_path: Path
) -> None:
    with office_on_server(own_cluster.url, tmp_path / "desktop", PASSPHRASE, TEST_KDF) as store:
        with store.read() as s:  # the pool now holds an idle connection
            assert s.scalar(select(func.count()).select_from(User)) == 1
        own_cluster.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{pg.APP_DATABASE}' AND pid <> pg_backend_pid()"
        )
        with store.read() as s:  # the idle reset is the pool's business, not the user's
            assert s.scalar(select(func.count()).select_from(User)) == 1


def test_a_desktop_whose_server_froze_gets_unreachable_at_its_next_read(
    own_cluster: pg.Cluster, tmp_path: Path
) -> None:
    """The GUI keeps its engine: its pool holds an idle connection to the server when that
    freezes. The next unit of work's test of it gives up (``pg.PING_TIMEOUT_S``), the new
    connection times out, and the work is refused instead of holding the one DB worker."""
    outcome: list[BaseException | int] = []

    with office_on_server(own_cluster.url, tmp_path / "desktop", PASSPHRASE, TEST_KDF) as store:
        with store.read() as s:  # the pool now holds an idle connection
            s.scalar(select(func.count()).select_from(User))

        def next_read() -> None:
            try:
                with store.read() as s:
                    outcome.append(s.scalar(select(func.count()).select_from(User)) or 0)
            except BaseException as exc:
                outcome.append(exc)

        with _stopped(own_cluster):
            worker = threading.Thread(target=next_read, daemon=True)
            worker.start()
            worker.join(GUARD_S)
            assert not worker.is_alive(), "the read waited for the frozen server"
        assert len(outcome) == 1 and isinstance(outcome[0], OfficeUnreachable), outcome
        with store.read() as s:  # answering again: the same engine works on
            assert s.scalar(select(func.count()).select_from(User)) == 1
