"""tests/workbench/test_datacheck_run.py on PostgreSQL (tests/pg/desktops.py), and a cancel that
ends a statement the server is running."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select, text

from tests.pg.desktops import store_dir, store_url, team  # noqa: F401 - the server's
from tests.workbench.team import Team
from tests.workbench.test_datacheck_run import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_datacheck_run import World, _run
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.models.datalists import DataHit
from workbench.store.pg import make_pg_engine

# SQLite's progress handler asks the token inside a statement; on PostgreSQL a watcher asks the
# server to cancel the statement: the test below stops one the server holds.
del test_a_cancel_stops_a_long_statement  # noqa: F821


def test_a_cancel_stops_a_statement_the_server_is_running(
    team: Team,  # noqa: F811
    world: World,
    store_url: str,  # noqa: F811
) -> None:
    # Another connection holds the lists' table: the run's first read of it waits on the server
    # (until the store's lock timeout, WB-BUSY, were it not cancelled there).
    engine = make_pg_engine(store_url)
    token, seen = CancelToken(), []
    token.cancel()
    try:
        with engine.connect() as holder:
            holder.execute(text("LOCK TABLE data_rows IN ACCESS EXCLUSIVE MODE"))
            with pytest.raises(Cancelled) as stopped:
                _run(team, world, progress=lambda done, *_: seen.append(done), cancel=token)
            holder.rollback()
    finally:
        engine.dispose()
    assert isinstance(getattr(stopped.value.__cause__, "orig", None), psycopg.errors.QueryCanceled)
    assert seen == []  # stopped inside the statement, before the first rule
    with team().read() as s:
        assert s.scalar(select(func.count()).select_from(DataHit)) == 0
