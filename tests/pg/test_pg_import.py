"""Team packages imported into the office store on PostgreSQL (issue #20): records land as on
SQLCipher (the same test on both backends), a package with attachments lands with its blob's
rows in the import's transaction, and several staff import at once, each from a desktop of their
own (real processes)."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tests.conftest import with_kdf_floor_site
from tests.pg import cluster as pg
from tests.pg.import_world import (
    FINDINGS,
    INTERVIEWS,
    TEAMS,
    Importer,
    ImportWorld,
    catch_up_at_once,
    desktop,
    drop,
    import_at_once,
    make_world,
    office_copy,
    record_counts,
    search_in_step,
)
from tests.workbench.exchange_support import PASS, edit, get
from workbench import exchange as ex
from workbench.errors import Conflict
from workbench.exchange import importer
from workbench.models import AuditEntry, ListEntry, Round, Target
from workbench.models.exchange import RecordConflict, RecordVersion
from workbench.services.common import get_live
from workbench.services.index_queue import pending_count
from workbench.services.rounds import check_version
from workbench.store import engine
from workbench.store.server_attachments import chunks
from workbench.store.vault import Vault
from workbench.vocab.enums import ListKind

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
    search_in_step(office, TEAMS[:importers])
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
    search_in_step(office, ["b"])  # the killed import queued nothing that lingers
    assert ex.import_package(office, packages[0]).status == "imported"
    assert record_counts(office) == _expected(before, 2)
    search_in_step(office, ["a", "b"])
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


@pytest.mark.slow
def test_two_desktops_catching_up_the_search_index_at_once_index_it_all(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    """Imported here, indexed by two other desktops at once, a few keys per batch so that
    their batches interleave: every key done once or more, none left, the index in step."""
    office = desktop(office_url, tmp_path / "office")
    for team in TEAMS[:3]:
        assert ex.import_package(office, world.packages[team]).status == "imported"
    with office.read() as s:
        queued = pending_count(s)
    assert queued >= 3 * (FINDINGS + INTERVIEWS)
    env = {**os.environ, "PYTHONPATH": with_kdf_floor_site(str(REPO))}
    counts = catch_up_at_once(office_url, 2, tmp_path, batch=7, env=env)
    assert sum(counts) >= queued, counts
    search_in_step(office, TEAMS[:3], catch_up_first=False)
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


# -- imports racing office edits (the store's write lock is taken late on the server) ----------

EDITED_OVERVIEW = {"office": "巡察办：班子 7 人", "team": "A 组：班子 9 人"}


@pytest.fixture(scope="module")
def a_second_package(world: ImportWorld) -> tuple[Path, str]:
    """Team a's next package: the briefed target edited on the laptop; and the target's id."""
    root = world.packages["a"].parent
    field = Vault.open(root / "a", "zua", PASS)
    with field.read() as s:
        target_id, round_id = s.execute(select(Target.id, Target.round_id)).one()
    assert round_id is not None
    edit(field, Target, target_id, overview=EDITED_OVERVIEW["team"])
    package = root / "a2.wbp"
    ex.export_round(field, round_id, package)
    field.lock()
    return package, target_id


def _advisory_locks(s: Session, *, granted: bool, two_keys: bool = False) -> int:
    """Advisory locks of this database's transactions, held or waited for; ``two_keys``: the
    narrower locks (``pg.take_lock_on``), not the store's write lock."""
    query = text(
        "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted = :granted"
        " AND (l.objsubid = 2) = :two_keys AND a.datname = current_database()"
    )
    return int(s.execute(query, {"granted": granted, "two_keys": two_keys}).scalar_one())


def _in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """``work`` started in a thread; its result (or exception) lands in the list."""
    out: list[object] = []

    def run() -> None:
        try:
            out.append(work())
        except BaseException as exc:  # reported by the test
            out.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def test_an_office_edit_committed_while_an_import_merges_shows_as_a_conflict(
    world: ImportWorld, a_second_package: tuple[Path, str], office_url: str, tmp_path: Path
) -> None:
    """Staff edit the target at the office while team a's package, which edits it too, is
    being imported: the office's edit commits while the import waits for the store's write
    lock (after its new records are merged), and the import then merges the target against
    it. Both versions are kept and the conflict is listed, as when the two come one after
    the other; the package's new records all land."""
    package, target_id = a_second_package
    office = desktop(office_url, tmp_path / "office")
    importer_desk = desktop(office_url, tmp_path / "importer")
    assert ex.import_package(office, world.packages["a"]).status == "imported"
    before = record_counts(office)
    with office.session() as s:  # BEGIN: the store's write lock, held until the edit commits
        thread, out = _in_thread(lambda: ex.import_package(importer_desk, package))
        deadline = time.monotonic() + 600  # a bound for a stuck test, not a timing assertion
        while not _advisory_locks(s, granted=False):
            assert thread.is_alive() and time.monotonic() < deadline, out
            time.sleep(0.05)
        assert _advisory_locks(s, granted=True, two_keys=True) == 1  # it holds its sender's
        target = s.get(Target, target_id)
        assert target is not None
        target.overview = EDITED_OVERVIEW["office"]
    thread.join()
    [result] = out
    assert isinstance(result, ex.ImportResult), result
    assert (result.status, result.outcome["conflicts"]) == ("imported", 1)
    with office.read() as s:
        kept = s.scalars(
            select(RecordVersion.content).where(RecordVersion.record_id == target_id)
        ).all()
        conflict = s.get(RecordConflict, ("targets", target_id))
    assert conflict is not None
    for overview in EDITED_OVERVIEW.values():  # nothing lost: both edits are versions
        assert any(overview in content for content in kept), overview
    after = record_counts(office)  # the audit chain verified on the way
    assert after["ledger"] == before["ledger"] + 1
    assert after["findings"] == before["findings"]  # package a2 resends a's findings
    office.lock()
    importer_desk.lock()


def test_an_office_edit_waiting_behind_an_import_is_refused_as_stale(
    world: ImportWorld,
    a_second_package: tuple[Path, str],
    office_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The other order: the import holds the store's write lock (written, not yet committed)
    when staff save the target over the version they opened. The save waits, then finds the
    import's version and is refused (WB-CONFLICT), as on SQLite; the import's edit stays."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 600_000)  # the save waits, whatever the load
    package, target_id = a_second_package
    office = desktop(office_url, tmp_path / "office")
    importer_desk = desktop(office_url, tmp_path / "importer")
    assert ex.import_package(office, world.packages["a"]).status == "imported"
    opened = get(office, Target, target_id).version  # the staff's form
    written, commit = threading.Event(), threading.Event()

    def on_stage(stage: str) -> None:
        if stage == "written":
            written.set()
            commit.wait(600)

    importing, imported = _in_thread(
        lambda: ex.import_package(importer_desk, package, on_stage=on_stage)
    )
    assert written.wait(600), imported

    def save() -> None:
        with office.session() as s:
            row = get_live(s, Target, target_id, "被巡察对象")
            check_version(row.version, opened)
            row.overview = EDITED_OVERVIEW["office"]

    saving, saved = _in_thread(save)
    with office.read() as s:
        deadline = time.monotonic() + 600  # a bound for a stuck test, not a timing assertion
        while not _advisory_locks(s, granted=False):
            assert saving.is_alive() and time.monotonic() < deadline, saved
            time.sleep(0.05)
    commit.set()
    importing.join()
    saving.join()
    assert isinstance(imported[0], ex.ImportResult), imported
    assert isinstance(saved[0], Conflict), saved
    assert get(office, Target, target_id).overview == EDITED_OVERVIEW["team"]
    record_counts(office)  # the audit chain verifies
    office.lock()
    importer_desk.lock()


@pytest.mark.slow
def test_the_audit_chain_holds_under_imports_and_office_edits_at_once(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    """Four staff import at once (processes of their own) while a fifth keeps adding list
    entries: every write is in the one chain, which verifies."""
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    with office.read() as s:
        round_id = s.scalar(select(Round.id))
    packages = [world.packages[team] for team in TEAMS]
    thread, out = _in_thread(lambda: _import_at_once(office_url, packages, tmp_path))
    added = 0
    while True:  # at least one edit, the rest while the imports run
        with office.session() as s:
            s.add(ListEntry(round_id=round_id, kind=ListKind.POLICY, title=f"制度{added}"))
        added += 1
        if not thread.is_alive():
            break
    thread.join()
    [done] = out
    assert isinstance(done, list), done
    assert _statuses(done) == ["imported"] * len(TEAMS)
    expected = _expected(before, len(TEAMS))
    expected["list_entries"] = before["list_entries"] + added
    assert record_counts(office) == expected  # raises if the chain does not verify
    with office.read() as s:
        inserts = select(func.count()).where(
            AuditEntry.action == "insert", AuditEntry.object_type == "list_entries"
        )
        assert (s.scalar(inserts) or 0) >= added
    office.lock()
