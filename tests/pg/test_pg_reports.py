"""tests/workbench/test_reports.py on PostgreSQL (tests/pg/desktops.py)."""

import pytest

import tests.workbench.test_reports as scenarios
from tests.pg.desktops import link_added_users, store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_reports import *  # noqa: F403 - the scenarios, run here again


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    link_added_users(monkeypatch, scenarios)
