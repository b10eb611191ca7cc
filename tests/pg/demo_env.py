"""``demo_dir`` (tests/conftest.py) on the server, for scenarios that write to the demo, and so
``demo_env`` (tests/workbench/conftest.py), which opens it. The demo (tests/pg/demo_store.py,
数据比对 included, as on SQLite) is built once per session in a database of its own; each test
gets a copy of it linked for every demo user (tests/pg/linked_copy.py). A module under tests/pg
imports ``demo_dir`` and ``pg_demo`` beside the scenarios."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import cluster as pg
from tests.pg.demo_store import demo_on_server
from tests.pg.linked_copy import linked_copy
from workbench.demo import DEMO_PASSPHRASE, DEMO_USERS

# The demo's desktop folder, per test process. A fixture imported into a test module is that
# module's own definition, so pytest would build a session-scoped one once per module: the first
# module to ask builds the demo (and drops it at the session's end), the others share it.
_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def pg_demo(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The demo's desktop folder; nothing stays connected to its database, so it can be
    copied."""
    if "demo" in _BUILT:
        yield _BUILT["demo"]
        return
    desktop = tmp_path_factory.mktemp("pg-demo-env") / "desk"
    with demo_on_server(pg_cluster, pg_template, desktop, datacheck=True):
        _BUILT["demo"] = desktop
        try:
            yield desktop
        finally:
            del _BUILT["demo"]


@pytest.fixture
def demo_dir(pg_demo: Path, pg_cluster: pg.Cluster, tmp_path: Path) -> Iterator[Path]:
    """A desktop folder linked to this test's own copy of the demo, for every demo user."""
    users = (user.name for user in DEMO_USERS)
    with linked_copy(pg_cluster, pg_demo, tmp_path / "demo", users, DEMO_PASSPHRASE) as folder:
        yield folder
