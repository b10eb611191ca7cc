"""tests/workbench/test_cli_clues.py on PostgreSQL: the demo as an office store on the server,
a copy for each scenario (tests/pg/demo_env.py)."""

import pytest

import tests.workbench.test_cli_clues as scenarios
from tests.pg.demo_env import demo_dir, pg_demo  # noqa: F401 - the server's
from tests.pg.desktops import link_added_users
from tests.workbench.conftest import demo_env  # noqa: F401 - its CLI scenarios'
from tests.workbench.test_cli_clues import *  # noqa: F403 - the scenarios, run here again


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    link_added_users(monkeypatch, scenarios)
