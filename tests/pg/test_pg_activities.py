"""tests/workbench/test_activities.py on PostgreSQL (tests/pg/desktops.py)."""

from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_activities import *  # noqa: F403 - the scenarios, run here again
