"""tests/workbench/test_member_links.py on PostgreSQL: the office store on the server
(tests/pg/desktops.py, tests/pg/exchange_world.py), the field laptops on SQLCipher."""

import pytest

import tests.workbench.test_member_links as scenarios
from tests.pg.desktops import link_added_users, store_dir, team  # noqa: F401 - the server's
from tests.pg.exchange_world import exchange_world_template  # noqa: F401 - the server's
from tests.workbench.test_member_links import *  # noqa: F403 - the scenarios, run here again


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    link_added_users(monkeypatch, scenarios)
