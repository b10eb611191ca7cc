"""tests/workbench/test_letters.py on PostgreSQL (tests/pg/desktops.py)."""

import pytest

import tests.workbench.test_letters as scenarios
from tests.pg.desktops import link_added_users, store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_letters import *  # noqa: F403 - the scenarios, run here again


@pytest.fixture(autouse=True)
def _colleagues_link_here(monkeypatch: pytest.MonkeyPatch) -> None:
    link_added_users(monkeypatch, scenarios)


# A row the code before the field rules stored with a NUL: PostgreSQL's text holds no NUL, so no
# office store on the server can carry one (the UPDATE itself is refused).
del test_a_summary_stored_with_a_nul_is_fixed_by_the_normal_edit  # noqa: F821
