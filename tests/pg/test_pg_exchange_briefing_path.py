"""tests/workbench/test_exchange_briefing_path.py on PostgreSQL: the office on the server
(tests/pg/exchange_world.py), the field laptops on SQLCipher."""

from tests.pg.exchange_world import exchange_world_template  # noqa: F401 - the server's
from tests.workbench.test_exchange_briefing_path import *  # noqa: F403 - the scenarios, run here again
