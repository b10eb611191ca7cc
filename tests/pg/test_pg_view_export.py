"""tests/workbench/test_view_export.py on PostgreSQL: the demo as an office store on the server,
a copy for each scenario (tests/pg/demo_env.py)."""

from tests.pg.demo_env import demo_dir, pg_demo  # noqa: F401 - the server's
from tests.workbench.test_view_export import *  # noqa: F403 - the scenarios, run here again
