"""A long write on the office server holds no one up (issue #20): while desktop A uploads a
recording, desktop B saves a letter at once (the upload goes before the store's write lock,
taken for the attachment's row and its audit entry only); an upload cancelled or killed mid-way
leaves nothing, and the same file added on two desktops at once is stored once. The same for a
大数据碰撞比对 list imported while a colleague saves."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import PASSPHRASE
from tests.pg.long_writes import (
    KILLED_UPLOAD,
    WAIT_S,
    HeldUpload,
    Office,
    attachment_traces,
    two_desktops,
)
from tests.pg.stores import USER, Backend
from tests.pg.test_pg_services import _letter, _world
from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_csv
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.services import datalists
from workbench.services.letters import get_letter, register_letter
from workbench.store import audit
from workbench.store.office import OfficeVault
from workbench.vocab.enums import DataListKind
from workbench.workspace import Workspace


@pytest.fixture
def office(pg_url: str, tmp_path: Path) -> Iterator[Office]:
    yield from two_desktops(pg_url, tmp_path)


def _add_in_thread(
    vault: OfficeVault, recording: Path, token: HeldUpload
) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def add() -> None:
        try:
            with open(recording, "rb") as source:
                outcome["info"] = Workspace(vault).add_attachment(
                    source, name=recording.name, media_type="audio/mp4", cancel=token
                )
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=add)
    thread.start()
    return thread, outcome


def _letter_saved_by(vault: OfficeVault, round_id: str, target_id: str) -> str:
    with vault.session() as s:
        return register_letter(s, _letter(round_id, target_id, "反映张三违规收受礼金")).id


def test_a_colleague_saves_while_a_recording_goes_up(office: Office) -> None:
    round_id, target_id = _world(
        Backend("postgresql", office.b.engine, office.b.session, office.b.read)
    )
    token = HeldUpload()
    thread, outcome = _add_in_thread(office.a, office.recording, token)
    try:
        assert token.reached.wait(WAIT_S), outcome
        letter_id = _letter_saved_by(office.b, round_id, target_id)  # no wait for A's upload
    finally:
        token.go.set()
        thread.join(WAIT_S)
    assert "error" not in outcome, outcome
    info = outcome["info"]
    with office.a.read() as s:
        assert get_letter(s, letter_id).summary == "反映张三违规收受礼金"  # A sees B's letter
    assert Workspace(office.b).attachment_bytes(info.sha256) == office.recording.read_bytes()
    attachments, rows, entries = attachment_traces(office.a)
    assert (attachments, entries) == (1, 2)  # the insert, and B's opening of it
    assert rows == office.recording.stat().st_size // (1 << 20) + 1
    with office.a.read() as s:  # the letter's entry came first: A's was chained after it
        order = s.execute(
            text("SELECT object_type FROM audit_log WHERE action = 'insert' ORDER BY seq")
        ).scalars()
        made = [t for t in order if t in ("letters", "attachments")]
    assert made == ["letters", "attachments"]


def test_a_cancelled_upload_leaves_nothing(office: Office) -> None:
    before = attachment_traces(office.a)
    token = HeldUpload(cancel_there=True)
    with pytest.raises(Cancelled), open(office.recording, "rb") as source:
        Workspace(office.a).add_attachment(
            source, name="录音.m4a", media_type="audio/mp4", cancel=token
        )
    assert token.reached.is_set()
    assert attachment_traces(office.a) == before == (0, 0, 0)
    assert not list((office.a.layout.staging).iterdir())


def test_a_desktop_killed_mid_upload_leaves_nothing(office: Office, tmp_path: Path) -> None:
    desk = tmp_path / "c"
    OfficeVault.connect(desk, office.a.connection, USER, PASSPHRASE).lock()
    script = [sys.executable, "-c", KILLED_UPLOAD, str(desk), USER, PASSPHRASE]
    killed = subprocess.run(
        [*script, str(office.recording), "4"], capture_output=True, text=True, timeout=WAIT_S
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert attachment_traces(office.a) == (0, 0, 0)  # the server rolled the rows back
    with open(office.recording, "rb") as source:  # and the content's lock went with it
        info = Workspace(office.b).add_attachment(source, name="录音.m4a", media_type="audio/mp4")
    assert not info.deduplicated
    assert attachment_traces(office.a)[::2] == (1, 1)


def _waiting_for_a_lock(vault: OfficeVault) -> bool:
    with vault.read() as s:
        return bool(s.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")))


def test_the_same_file_added_on_two_desktops_at_once_is_stored_once(office: Office) -> None:
    first = HeldUpload()
    thread_a, outcome_a = _add_in_thread(office.a, office.recording, first)
    second = HeldUpload(at=10**6)  # never held: it waits for A's content lock instead
    try:
        assert first.reached.wait(WAIT_S), outcome_a
        thread_b, outcome_b = _add_in_thread(office.b, office.recording, second)
        while not _waiting_for_a_lock(office.a) and thread_b.is_alive():
            thread_b.join(0.05)  # polls a state, not a time: B waits on A's lock
    finally:
        first.go.set()
        thread_a.join(WAIT_S)
    thread_b.join(WAIT_S)
    assert "error" not in outcome_a and "error" not in outcome_b, (outcome_a, outcome_b)
    assert not outcome_a["info"].deduplicated
    assert outcome_b["info"].deduplicated and second.rows == 0  # B sent no row
    attachments, _rows, entries = attachment_traces(office.a)
    assert (attachments, entries) == (1, 1)


def test_a_colleague_saves_while_a_list_is_imported(office: Office, tmp_path: Path) -> None:
    round_id, target_id = _world(
        Backend("postgresql", office.b.engine, office.b.session, office.b.read)
    )
    rows = datalists.BATCH * 2 + 7
    path = write_csv(tmp_path / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(rows))
    first_batch_in, go = threading.Event(), threading.Event()

    def held_after_the_first_batch(done: int, _total: int | None, _label: str) -> None:
        if done == datalists.BATCH:
            first_batch_in.set()
            assert go.wait(WAIT_S), "the test never let the import go on"

    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            with office.a.session() as s:
                outcome["done"] = datalists.import_list(
                    s,
                    path,
                    kind=DataListKind.ASSISTANCE,
                    round_id=round_id,
                    progress=held_after_the_first_batch,
                )
        except BaseException as exc:  # handed to the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert first_batch_in.wait(WAIT_S), outcome
        _letter_saved_by(office.b, round_id, target_id)  # no wait for A's list
    finally:
        go.set()
        thread.join(WAIT_S)
    assert "error" not in outcome, outcome
    assert outcome["done"].rows == rows
    with office.b.read() as s:
        audit.verify_chain(s)
        [source] = datalists.list_sources(s, round_id)
        order = s.execute(
            text("SELECT object_type FROM audit_log WHERE action = 'insert' ORDER BY seq")
        ).scalars()
        made = [t for t in order if t in ("letters", "data_sources")]
    assert source.rows == rows
    assert made == ["letters", "data_sources"]  # the list's entries were chained after B's


def test_a_cancelled_list_import_on_the_server_leaves_nothing(
    office: Office, tmp_path: Path
) -> None:
    round_id, target_id = _world(
        Backend("postgresql", office.b.engine, office.b.session, office.b.read)
    )
    path = write_csv(
        tmp_path / "低保.csv", ASSISTANCE_HEADERS, assistance_rows(datalists.BATCH + 1)
    )
    token = CancelToken()
    with pytest.raises(Cancelled), office.a.session() as s:
        datalists.import_list(
            s,
            path,
            kind=DataListKind.ASSISTANCE,
            round_id=round_id,
            progress=lambda *_: token.cancel(),
            cancel=token,
        )
    with office.b.read() as s:
        audit.verify_chain(s)
        assert not datalists.list_sources(s, round_id)
        assert not s.scalar(text("SELECT count(*) FROM data_rows"))
    _letter_saved_by(office.b, round_id, target_id)  # the store is free
