"""tests/workbench/test_three_roles.py on PostgreSQL: the demo as an office store on the server
(tests/pg/demo_store.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import cluster as pg
from tests.pg.demo_store import demo_on_server
from tests.pg.desktops import add_and_link_user
from tests.workbench.test_three_roles import *  # noqa: F403 - the scenarios, run here again
from tests.workbench.test_three_roles import add_three_role_users


@pytest.fixture(scope="module")
def store(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("three_roles")
    with (
        pytest.MonkeyPatch.context() as mp,
        demo_on_server(pg_cluster, pg_template, root / "desktop") as desktop,
    ):
        mp.setenv("WORKBENCH_HOME", str(root / "home"))
        add_three_role_users(desktop, add_and_link_user)
        yield desktop
