"""tests/workbench/test_cli_overdue_audit.py on PostgreSQL: the demo as an office store on the
server, a copy for each scenario (tests/pg/demo_env.py)."""

from tests.pg.demo_env import demo_dir, pg_demo  # noqa: F401 - the server's
from tests.workbench.conftest import demo_env  # noqa: F401 - its CLI scenarios'
from tests.workbench.test_cli_overdue_audit import *  # noqa: F403 - the scenarios, run here again
