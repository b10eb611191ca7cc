"""tests/workbench/test_sorting.py on PostgreSQL: the demo as an office store on the server
(tests/pg/demo_store.py)."""

from tests.pg.demo_store import demo_template  # noqa: F401 - the server's
from tests.workbench.test_sorting import *  # noqa: F403 - the scenarios, run here again
