"""tests/workbench/test_portraits.py on PostgreSQL (tests/pg/desktops.py)."""

import pytest

import tests.workbench.test_portraits as scenarios
from tests.pg.desktops import link_added_users, store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_portraits import *  # noqa: F403 - the scenarios, run here again


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    link_added_users(monkeypatch, scenarios)
