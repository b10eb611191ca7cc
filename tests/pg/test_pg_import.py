"""Team packages imported into the office store on PostgreSQL (issue #20): records land as on
SQLCipher (the same test on both backends), a package with attachments lands with its blob's
rows in the import's transaction, and several staff import at once, each from a desktop of their
own (real processes)."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import with_kdf_floor_site
from tests.pg import cluster as pg
from tests.pg.import_world import (
    FINDINGS,
    INTERVIEWS,
    TEAMS,
    Importer,
    ImportWorld,
    desktop,
    drop,
    import_at_once,
    make_world,
    office_copy,
    record_counts,
)
from workbench import exchange as ex
from workbench.exchange import importer
from workbench.store import engine
from workbench.store.server_attachments import chunks
from workbench.store.vault import Vault

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def world(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ImportWorld]:
    made = make_world(pg_cluster, pg_template, tmp_path_factory.mktemp("import-world"))
    yield made
    drop(made)


@pytest.fixture(scope="module")
def sqlcipher_world(tmp_path_factory: pytest.TempPathFactory) -> ImportWorld:
    return make_world(None, "", tmp_path_factory.mktemp("import-world-sqlcipher"))


@pytest.fixture
def office_url(world: ImportWorld, tmp_path: Path) -> Iterator[str]:
    with office_copy(world, tmp_path) as url:
        yield url


@pytest.mark.parametrize("backend", ["sqlcipher", "postgresql"])
def test_a_team_package_lands_once(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    world = request.getfixturevalue("world" if backend == "postgresql" else "sqlcipher_world")
    with office_copy(world, tmp_path) as where:
        _lands_once(world, desktop(where, tmp_path / "desk"))


def _lands_once(world: ImportWorld, office: Vault) -> None:
    before = record_counts(office)
    result = ex.import_package(office, world.packages["a"])
    assert result.status == "imported"
    after = record_counts(office)
    assert after == _expected(before, 1)
    assert ex.import_package(office, world.packages["a"]).status == "already_imported"
    assert record_counts(office) == after
    office.lock()


@pytest.mark.parametrize("backend", ["sqlcipher", "postgresql"])
def test_a_package_with_attachments_lands_and_reads_back_elsewhere(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    world = request.getfixturevalue("world" if backend == "postgresql" else "sqlcipher_world")
    with office_copy(world, tmp_path) as where:
        office = desktop(where, tmp_path / "desk")
        before = record_counts(office)
        result = ex.import_package(office, world.with_attachment)
        assert (result.status, result.attachments_added) == ("imported", 1)
        assert record_counts(office) == _with_attachment(before)
        office.lock()
        other = desktop(where, tmp_path / "desk2")  # on the server: another desktop
        sha = hashlib.sha256(world.attachment).hexdigest()
        assert b"".join(other.attachments.iter_content(sha)) == world.attachment
        other.lock()


def _with_attachment(before: dict[str, int]) -> dict[str, int]:
    """The counts after the package with an attachment: a team's records, a finding more and
    its evidence."""
    after = _expected(before, 1)
    after["findings"] += 1
    after["evidence"] = before.get("evidence", 0) + 1
    return after


def _chunk_rows(office: Vault) -> int:
    with office.read() as s:
        return s.scalar(select(func.count()).select_from(chunks)) or 0


def _import_at_once(
    url: str, packages: list[Path], tmp_path: Path, kill_at: dict[int, str] | None = None
) -> list[Importer]:
    """Each package imported by a process of its own, all at once."""
    env = {**os.environ, "PYTHONPATH": with_kdf_floor_site(str(REPO))}
    return import_at_once(url, [[p] for p in packages], tmp_path, kill_at, env)


def _statuses(done: list[Importer]) -> list[str]:
    for proc in done:
        assert proc.returncode == 0, proc.stderr
    return [status for proc in done for status in proc.statuses]


def _expected(before: dict[str, int], packages: int) -> dict[str, int]:
    """The counts after ``packages`` of the world's packages are imported once each."""
    return {
        **before,
        "findings": before.get("findings", 0) + packages * FINDINGS,
        "interviews": before.get("interviews", 0) + packages * INTERVIEWS,
        "ledger": before["ledger"] + packages,
        "package.import": before.get("package.import", 0) + packages,
    }


@pytest.mark.slow
@pytest.mark.parametrize("importers", [2, 4])
def test_staff_importing_different_packages_at_once_all_succeed(
    world: ImportWorld, office_url: str, tmp_path: Path, importers: int
) -> None:
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    chosen = [world.packages[team] for team in TEAMS[:importers]]
    assert _statuses(_import_at_once(office_url, chosen, tmp_path)) == ["imported"] * importers
    assert record_counts(office) == _expected(before, importers)
    office.lock()


@pytest.mark.slow
def test_the_same_package_imported_twice_at_once_lands_once(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    package = world.packages["a"]
    statuses = _statuses(_import_at_once(office_url, [package, package], tmp_path))
    assert sorted(statuses) == ["already_imported", "imported"]
    assert record_counts(office) == _expected(before, 1)
    office.lock()


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["decrypted", "written"])
def test_an_importer_killed_mid_import_leaves_nothing_partial(
    world: ImportWorld, office_url: str, tmp_path: Path, stage: str
) -> None:
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    packages = [world.packages["a"], world.packages["b"]]
    killed, other = _import_at_once(office_url, packages, tmp_path, kill_at={0: stage})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _statuses([other]) == ["imported"]
    assert record_counts(office) == _expected(before, 1)
    assert ex.import_package(office, packages[0]).status == "imported"
    assert record_counts(office) == _expected(before, 2)
    office.lock()


@pytest.mark.slow
def test_an_importer_killed_mid_import_leaves_no_attachment_rows(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    """Killed after the blob's rows are written, before the commit: the server rolls them back
    with the records."""
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    package = world.with_attachment
    [killed] = _import_at_once(office_url, [package], tmp_path, kill_at={0: "written"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (record_counts(office), _chunk_rows(office)) == (before, 0)
    assert ex.import_package(office, package).attachments_added == 1
    assert record_counts(office) == _with_attachment(before)
    assert _chunk_rows(office) > 0
    office.lock()


def test_an_import_waits_its_turn_past_the_busy_timeout(
    world: ImportWorld, office_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another desktop holds the write lock longer than the busy timeout: an import read ahead
    waits its turn rather than failing as busy."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)  # read as each connection opens
    office, other = desktop(office_url, tmp_path / "office"), desktop(office_url, tmp_path / "o")
    taken, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        with other.session() as s:
            s.connection()  # BEGIN: the write lock
            taken.set()
            release.wait(60)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    taken.wait(60)

    def on_stage(stage: str) -> None:
        if stage == "decrypted":  # read ahead: the lock is asked for next, and held for 1.5 s
            threading.Timer(1.5, release.set).start()

    try:
        result = ex.import_package(office, world.packages["a"], on_stage=on_stage)
    finally:
        release.set()
        holder.join()
    assert result.status == "imported"
    office.lock()
    other.lock()


def test_records_past_the_read_ahead_are_read_under_the_lock(
    world: ImportWorld, office_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "READ_AHEAD_BYTES", 2_000)  # a few record lines
    _lands_once(world, desktop(office_url, tmp_path / "desk"))
