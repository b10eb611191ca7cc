"""tests/workbench/test_recusal_override_steps.py on PostgreSQL (tests/pg/desktops.py)."""

from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_recusal_override_steps import *  # noqa: F403 - the scenarios, run here again
