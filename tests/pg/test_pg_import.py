"""Team packages imported into the office store on PostgreSQL (issue #20): records land as on
SQLCipher, a package with attachments is refused whole, and several staff import at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import cluster as pg
from tests.pg.import_world import (
    FINDINGS,
    INTERVIEWS,
    TEAMS,
    ImportWorld,
    desktop,
    make_world,
    office_copy,
    record_counts,
)
from workbench import exchange as ex
from workbench.errors import NotOnOfficeServer


@pytest.fixture(scope="module")
def world(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ImportWorld]:
    made = make_world(pg_cluster, pg_template, tmp_path_factory.mktemp("import-world"))
    yield made
    pg_cluster.admin(f"DROP DATABASE IF EXISTS {made.database} WITH (FORCE)")


@pytest.fixture
def office_url(world: ImportWorld) -> Iterator[str]:
    with office_copy(world) as url:
        yield url


def test_a_team_package_lands_on_the_server(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    office = desktop(office_url, tmp_path / "desk")
    before = record_counts(office)
    result = ex.import_package(office, world.packages["a"])
    assert result.status == "imported"
    after = record_counts(office)
    assert after["findings"] == before.get("findings", 0) + FINDINGS
    assert after["interviews"] == before.get("interviews", 0) + INTERVIEWS
    assert after["ledger"] == before["ledger"] + 1
    assert ex.import_package(office, world.packages["a"]).status == "already_imported"
    assert record_counts(office) == after
    office.lock()


def test_a_package_with_attachments_is_refused_whole(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    office = desktop(office_url, tmp_path / "desk")
    before = record_counts(office)
    with pytest.raises(NotOnOfficeServer):
        ex.import_package(office, world.with_attachment)
    after = record_counts(office)
    assert after == {**before, "package.reject": before.get("package.reject", 0) + 1}
    office.lock()
