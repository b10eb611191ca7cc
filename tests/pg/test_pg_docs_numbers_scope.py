"""tests/workbench/test_docs_numbers_scope.py on PostgreSQL: test_docs_data's seeded store made
on the server (a database for this module; its one scenario writes to it)."""

import uuid
from collections.abc import Iterator

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.pg import cluster as pg
from tests.pg.desktops import add_and_link_user, new_desktop
from tests.workbench.test_docs_data import DEPUTY, Seeded, _seed
from tests.workbench.test_docs_numbers_scope import *  # noqa: F403 - the scenario, run here again
from workbench.roles import Role
from workbench.store.vault import Vault


@pytest.fixture(scope="module")
def seeded(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seeded]:
    name = f"docs_{uuid.uuid4().hex[:12]}"
    pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE {pg_template} OWNER {pg.APP_ROLE}")
    try:
        root = new_desktop(pg_cluster.database_url(name), tmp_path_factory.mktemp("docs") / "d")
        with Vault.open(root, LEADER, PASSPHRASE) as vault:
            add_and_link_user(
                vault, DEPUTY, PASSPHRASE, (Role.DEPUTY_LEADER,), display_name="李副组长"
            )
            with Vault.open(root, DEPUTY, PASSPHRASE) as deputy:
                made = _seed(vault, deputy, root)
        yield made
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
