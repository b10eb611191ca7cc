"""Desktops that unlock at the same moment after a program update upgrade the office store's
schema once (``office.upgrade_schema``: a session-level advisory lock, the revision read again
under it). The review of issue #20 saw one of four concurrent unlocks fail with WB-INTERNAL (a
table the first had just made) on a store at 0018."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from tests.conftest import PASSPHRASE
from tests.kdf import TEST_KDF
from tests.pg.stores import USER, office_on_server
from workbench.store import migrate
from workbench.store.pg import make_pg_engine

DESKTOPS = 4
GUARD_S = 600  # each process's failure guard on a loaded machine, not a timing assertion
OLDER = "0018"
# a desktop's unlock, held until the test's signal once the program is loaded
_AT_THE_SIGNAL = """
import sys, time
from pathlib import Path
from workbench.cli import main
go, ready = Path(sys.argv[1]), Path(sys.argv[2])
ready.touch()
while not go.exists():
    time.sleep(0.005)
sys.exit(main(sys.argv[3:]))
"""


def _wait_for(condition: Callable[[], bool], running: list[subprocess.Popen[str]]) -> None:
    deadline = time.monotonic() + GUARD_S
    while not condition():
        assert time.monotonic() < deadline, "the desktops never got ready"
        assert all(p.poll() is None for p in running), [p.communicate() for p in running]
        time.sleep(0.05)


def test_desktops_unlocking_at_once_upgrade_the_schema_once(pg_url: str, tmp_path: Path) -> None:
    desktop = tmp_path / "desktop"
    with office_on_server(pg_url, desktop, PASSPHRASE, TEST_KDF) as store:
        migrate.downgrade_to(store.engine, OLDER)
    env = {**os.environ, "WORKBENCH_PASSPHRASE": PASSPHRASE}
    go = tmp_path / "go"
    argv = ["info", "--store", str(desktop), "--user", USER]
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _AT_THE_SIGNAL, str(go), str(tmp_path / f"ready{n}"), *argv],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(DESKTOPS)
    ]
    _wait_for(lambda: all((tmp_path / f"ready{n}").exists() for n in range(DESKTOPS)), running)
    go.touch()  # all at once, each with the program loaded: the unlocks overlap
    outcomes = [(p.wait(timeout=GUARD_S), p.communicate()[1]) for p in running]
    assert [rc for rc, _ in outcomes] == [0] * DESKTOPS, outcomes
    engine = make_pg_engine(pg_url, pool_size=1)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            # one revision row: the schema was upgraded once, not stacked
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
            # and nobody holds the schema's lock any more
            held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            assert conn.execute(text(held)).scalar() == 0
    finally:
        engine.dispose()
