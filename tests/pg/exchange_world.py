"""``exchange_world_template`` (tests/workbench/exchange_support.py) with its office on the
server: the field laptops stay SQLCipher stores, the office's store is a database made once per
session, and each test imports into a copy of it (``CREATE DATABASE … TEMPLATE``) reached from a
desktop folder of its own. A module under tests/pg imports this fixture beside the scenarios."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.pg import cluster as pg
from tests.workbench.exchange_support import OFFICE_USER, PASS, WorldTemplate, make_world
from workbench.store.office import OfficeVault, make_connection
from workbench.store.vault import Vault


@pytest.fixture(scope="session")
def exchange_world_template(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorldTemplate]:
    office_db = f"world_{uuid.uuid4().hex[:12]}"

    def new_office(folder: Path, **first_user: Any) -> Vault:
        pg_cluster.admin(f"CREATE DATABASE {office_db} TEMPLATE {pg_template} OWNER {pg.APP_ROLE}")
        url = make_connection(pg_cluster.database_url(office_db))
        return OfficeVault.create_on_server(folder, url, **first_user)[0]

    @contextmanager
    def office_copy(desktop: Path) -> Iterator[Vault]:
        name = f"t_{uuid.uuid4().hex[:16]}"
        pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE {office_db} OWNER {pg.APP_ROLE}")
        try:
            url = make_connection(pg_cluster.database_url(name))
            yield OfficeVault.connect(desktop, url, OFFICE_USER, PASS)
        finally:
            pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    yield make_world(tmp_path_factory.mktemp("pg-world"), new_office, office_copy)
    pg_cluster.admin(f"DROP DATABASE IF EXISTS {office_db} WITH (FORCE)")
