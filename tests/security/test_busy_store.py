"""A write that meets another process's write lock waits (SQLite retries for the busy timeout),
then gives up with WB-BUSY instead of WB-INTERNAL, and the store is as it was."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.conftest import LEADER, PASSPHRASE
from workbench.cli import main
from workbench.errors import StoreBusy
from workbench.store import engine
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.vault import Vault

# Holds a write transaction on the store until its stdin closes.
HOLDER = """
import sys
from pathlib import Path
from workbench.store.engine import raw_connection
conn = raw_connection(Path(sys.argv[1]), bytearray.fromhex(sys.stdin.readline()))
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
conn.close()
"""


def _data_key(store: Path) -> bytearray:
    keyfile = Keyfile.read(store / "keyfile.json")
    (slot,) = keyfile.passphrase_slots(user_hint(keyfile.store_id, LEADER))
    return open_slot(keyfile.store_id, slot, normalize_passphrase(PASSPHRASE))


def _hold(store: Path, key: bytes | bytearray) -> subprocess.Popen[str]:
    """Another process with the store's write lock, until its stdin closes."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store / "workbench.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(bytes(key).hex() + "\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def holder(store_dir: Path) -> Iterator[subprocess.Popen[str]]:
    proc = _hold(store_dir, _data_key(store_dir))
    yield proc
    if proc.stdin and not proc.stdin.closed:
        proc.stdin.close()
    assert proc.wait(timeout=60) == 0


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


def test_every_connection_gets_the_busy_timeout(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 1234)
    vault.engine.dispose()  # connections made from now on
    with vault.read() as s:
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 1234


@pytest.mark.usefixtures("short_wait")
def test_a_held_write_lock_ends_in_wb_busy(
    store_dir: Path,
    holder: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = (store_dir / "workbench.db").read_bytes()
    with pytest.raises(StoreBusy):  # the unlock's audit entry is a write
        Vault.open(store_dir, LEADER, PASSPHRASE)
    monkeypatch.setenv("WORKBENCH_STORE", str(store_dir))
    monkeypatch.setenv("WORKBENCH_USER", LEADER)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["info"]) == StoreBusy.exit_code == 11
    assert "WB-BUSY" in capsys.readouterr().err
    assert (store_dir / "workbench.db").read_bytes() == before
    assert holder.stdin is not None
    holder.stdin.close()
    assert holder.wait(timeout=60) == 0
    assert main(["info"]) == 0


def test_an_open_vault_write_meeting_the_lock_ends_in_wb_busy(
    vault: Vault, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    vault.engine.dispose()
    proc = _hold(store_dir, vault.dek)
    assert proc.stdin is not None
    try:
        with pytest.raises(StoreBusy), vault.session() as s:
            s.execute(text("SELECT 1")).all()
        with vault.read() as s:  # reading goes on meanwhile (WAL)
            assert s.execute(text("SELECT count(*) FROM users")).scalar() == 1
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
    with vault.session() as s:
        s.execute(text("SELECT 1")).all()


def test_a_lock_released_within_the_timeout_is_waited_for(
    store_dir: Path, holder: subprocess.Popen[str]
) -> None:
    """The default timeout (10 s) outlasts a short write elsewhere: no error at all."""
    assert holder.stdin is not None
    release = threading.Timer(0.3, holder.stdin.close)
    release.start()
    try:
        Vault.open(store_dir, LEADER, PASSPHRASE).lock()
    finally:
        release.join()
