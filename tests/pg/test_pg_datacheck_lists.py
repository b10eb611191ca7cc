"""tests/workbench/test_datalists.py on PostgreSQL (tests/pg/desktops.py)."""

from tests.pg.desktops import store_dir, team  # noqa: F401 - the server's
from tests.workbench.test_datalists import *  # noqa: F403 - the scenarios, run here again

# SQLite's page cache (PRAGMA cache_size): PostgreSQL's shared buffers are the server's, and
# ``page_cache`` leaves them alone (workbench/store/engine.py).
del test_the_page_cache_is_restored_after_an_import_and_a_refusal  # noqa: F821
