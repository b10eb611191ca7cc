"""A team package carrying a large recording, imported on the office server (issue #20): its
blob's rows go up before the store's write lock, so a colleague saves meanwhile; a desktop
killed mid-blob leaves nothing and the package imports again; the same content added by a
colleague while the import sends it is stored once. Held by events (``HeldUpload``), not timing."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import with_kdf_floor_site
from tests.pg import cluster as pg
from tests.pg.import_world import (
    OFFICE_USER,
    ImportWorld,
    desktop,
    drop,
    make_world,
    office_copy,
    record_counts,
)
from tests.pg.long_writes import WAIT_S, HeldUpload
from tests.workbench.exchange_support import PASS
from workbench import exchange as ex
from workbench.models import ListEntry, Round
from workbench.store.server_attachments import PIECE, chunks
from workbench.store.vault import Vault
from workbench.vocab.enums import ListKind
from workbench.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
PIECES = 4  # the recording's rows: enough to stop between two of them


@pytest.fixture(scope="module")
def world(
    pg_cluster: pg.Cluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ImportWorld]:
    made = make_world(
        pg_cluster,
        pg_template,
        tmp_path_factory.mktemp("import-blobs"),
        records=(2, 1),
        attachment_bytes=PIECES * PIECE - 1000,
    )
    yield made
    drop(made)


@pytest.fixture
def office_url(world: ImportWorld, tmp_path: Path) -> Iterator[str]:
    with office_copy(world, tmp_path) as url:
        yield url


def _chunk_rows(vault: Vault) -> int:
    with vault.read() as s:
        return s.scalar(select(func.count()).select_from(chunks)) or 0


def _waiting_for_a_lock(vault: Vault) -> bool:
    with vault.read() as s:
        return bool(s.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")))


def _import_in_thread(
    vault: Vault, package: Path, token: HeldUpload
) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = ex.import_package(vault, package, cancel=token)
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_a_colleague_saves_while_a_package_with_a_recording_is_imported(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    importing = desktop(office_url, tmp_path / "importer")
    colleague = desktop(office_url, tmp_path / "colleague")
    before = record_counts(colleague)
    with colleague.read() as s:
        round_id = s.scalar(select(Round.id))
    token = HeldUpload(at=2)
    thread, outcome = _import_in_thread(importing, world.with_attachment, token)
    try:
        assert token.reached.wait(WAIT_S), outcome
        with colleague.session() as s:  # would wait the busy timeout, then WB-BUSY, under it
            s.add(ListEntry(round_id=round_id, kind=ListKind.POLICY, title="谈话制度"))
        assert thread.is_alive()  # the import is still mid-blob: the save did not wait for it
    finally:
        token.go.set()
        thread.join(WAIT_S)
    assert "error" not in outcome, outcome
    assert outcome["result"].attachments_added == 1
    after = record_counts(colleague)  # the audit chain verified on the way
    assert after["list_entries"] == before["list_entries"] + 1
    assert after["ledger"] == before["ledger"] + 1
    assert _chunk_rows(colleague) == PIECES
    sha = hashlib.sha256(world.attachment).hexdigest()
    assert b"".join(colleague.attachments.iter_content(sha)) == world.attachment
    importing.lock()
    colleague.lock()


# A desktop importing the package, killed (SIGKILL: a power cut) before the blob's row ``at``.
KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import workbench.services  # the search-index hook, as the desktop has it
    from workbench.exchange import import_package
    from workbench.jobs import CancelToken
    from workbench.store.vault import Vault

    desk, user, passphrase, package, at = sys.argv[1:]

    class KillThere(CancelToken):
        rows = 0

        def raise_if_cancelled(self):
            if sys._getframe(1).f_code.co_name == "_upload":
                self.rows += 1
                if self.rows == int(at):
                    os.kill(os.getpid(), signal.SIGKILL)

    import_package(Vault.open(Path(desk), user, passphrase), Path(package), cancel=KillThere())
    """
)


def test_an_import_killed_mid_blob_leaves_nothing_and_imports_again(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    office = desktop(office_url, tmp_path / "office")
    before = record_counts(office)
    desk = tmp_path / "killed"
    desktop(office_url, desk).lock()
    script = [sys.executable, "-c", KILLED_IMPORT, str(desk), OFFICE_USER, PASS]
    env = {"PYTHONPATH": with_kdf_floor_site(str(REPO))}
    killed = subprocess.run(
        [*script, str(world.with_attachment), "3"],
        capture_output=True,
        text=True,
        timeout=WAIT_S,
        env={**os.environ, **env},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (record_counts(office), _chunk_rows(office)) == (before, 0)  # rolled back
    result = ex.import_package(office, world.with_attachment)  # the content's lock went too
    assert (result.status, result.attachments_added) == ("imported", 1)
    assert _chunk_rows(office) == PIECES
    office.lock()


def test_the_same_recording_added_while_a_package_sends_it_is_stored_once(
    world: ImportWorld, office_url: str, tmp_path: Path
) -> None:
    importing = desktop(office_url, tmp_path / "importer")
    colleague = desktop(office_url, tmp_path / "colleague")
    recording = tmp_path / "录音.m4a"
    recording.write_bytes(world.attachment)
    token = HeldUpload(at=2)
    thread, outcome = _import_in_thread(importing, world.with_attachment, token)
    added: dict[str, Any] = {}

    def add() -> None:
        with open(recording, "rb") as source:
            added["info"] = Workspace(colleague).add_attachment(
                source, name=recording.name, media_type="audio/mp4"
            )

    adding = threading.Thread(target=add)
    try:
        assert token.reached.wait(WAIT_S), outcome
        adding.start()
        while not _waiting_for_a_lock(colleague) and adding.is_alive():
            adding.join(0.05)  # polls a state, not a time: the add waits on the content's lock
    finally:
        token.go.set()
        thread.join(WAIT_S)
        adding.join(WAIT_S)
    assert "error" not in outcome, outcome
    assert outcome["result"].attachments_added == 1
    assert added["info"].deduplicated  # it found the import's rows: nothing sent twice
    assert _chunk_rows(colleague) == PIECES
    importing.lock()
    colleague.lock()
