"""A rotation killed (SIGKILL in a subprocess) at each of its stages leaves a store that opens
with the old or the new key; the next unlock finishes it, every record and attachment intact,
``check`` passes, and the sysadmin's next ``rekey`` shows the new recovery code."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from tests.kdf import TEST_KDF
from workbench.errors import RekeyPending
from workbench.models.system import StoreMeta
from workbench.services import users
from workbench.store import rekey
from workbench.store.check import check_store
from workbench.store.keyfile import Keyfile, normalize_passphrase, unseal_slot, user_hint
from workbench.store.vault import Vault

REPO = Path(__file__).resolve().parents[2]
MEMBER = "member"
MEMBER_PASS = "member passphrase 1"

ROTATE = textwrap.dedent(
    """
    import os, signal, sys
    from tests.kdf import TEST_KDF
    from workbench.store import rekey
    from workbench.store.vault import Vault

    store, user, passphrase, stage = sys.argv[1:5]
    vault = Vault.open(store, user, passphrase, kdf=TEST_KDF)

    def on_stage(reached):
        if reached == stage:
            os.kill(os.getpid(), signal.SIGKILL)  # a power cut, right here

    rekey.rotate(vault, on_stage=on_stage)
    print("finished")
    """
)


@pytest.fixture(scope="module")
def populated(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, bytes], set[str]]:
    """A store with a second user, attachments (one of several chunks) and their user rows.
    Its slots, and those the rotations seal, use ``TEST_KDF``: the subject is the rotation."""
    root = tmp_path_factory.mktemp("rekey-kill") / "store"
    vault, code = Vault.create(root, user_name=LEADER, passphrase=PASSPHRASE, kdf=TEST_KDF)
    (root.parent / "recovery-code.txt").write_text(code)
    with vault:
        users.add_user(vault, MEMBER, MEMBER_PASS, ("组员",))
        blobs: dict[str, bytes] = {}
        for size in (10, 90_000, 2_200_000):
            data = os.urandom(size)
            with vault.session() as s:
                blobs[vault.attachments.add(s, io.BytesIO(data), name=f"{size}.bin").sha256] = data
        with vault.read() as s:
            names = {u.name for u in users.list_users(s)}
    return root, blobs, names


def recovery_code_of(template: Path) -> str:
    return (template.parent / "recovery-code.txt").read_text()


def _kill_at(store: Path, stage: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", ROTATE, str(store), LEADER, PASSPHRASE, stage],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "finished" not in result.stdout


def _intact(vault: Vault, blobs: dict[str, bytes], names: set[str]) -> None:
    report = check_store(vault)
    assert report.ok, report
    for sha, data in blobs.items():
        assert b"".join(vault.attachments.iter_content(sha)) == data
    with vault.read() as s:
        assert {u.name for u in users.list_users(s)} == names


@pytest.mark.slow
@pytest.mark.parametrize("stage", rekey.STAGES)
def test_kill_at_every_rekey_stage(
    populated: tuple[Path, dict[str, bytes], set[str]], tmp_path: Path, stage: str
) -> None:
    template, blobs, names = populated
    store = tmp_path / "store"
    shutil.copytree(template, store)
    generation = Keyfile.read(store / "keyfile.json").key_generation
    _kill_at(store, stage)
    layout = rekey.StoreLayout(store)
    journal = rekey.read_journal(layout)
    assert journal is not None
    # the database opens with the key of the keyfile on disk, or with the journal's new key
    keyfile = Keyfile.read(layout.keyfile)
    slot = keyfile.passphrase_slots(user_hint(keyfile.store_id, LEADER))[0]
    opened = unseal_slot(keyfile.store_id, slot, normalize_passphrase(PASSPHRASE))
    assert opened.keys is not None
    keys = [opened.dek]
    if not journal.done:
        new = journal.new_dek(opened.keys)
        assert new is not None
        keys.append(new)
    assert any(rekey.opens_with(layout.db, key) for key in keys)

    # a user who is not the sysadmin unlocks first: the rotation is finished (or still pending
    # under the old key), nothing is lost
    with Vault.open(store, MEMBER, MEMBER_PASS) as v:
        _intact(v, blobs, names)
    with Vault.open(store, LEADER, PASSPHRASE, kdf=TEST_KDF) as v:
        _intact(v, blobs, names)
        result = rekey.rotate(v)  # resumes: shows the code of the rotation that was killed
        assert result.resumed
        assert result.key_generation == generation + 1
        _intact(v, blobs, names)
        rekey.forget_code(v)
    assert not rekey.journal_path(rekey.StoreLayout(store)).exists()
    leftovers = [p for p in (store / "blobs").rglob("*") if p.is_file()]
    assert len(leftovers) == len(blobs)  # the old copies swept, no staging file left
    vault, _code = Vault.open_with_recovery_code(
        store, result.recovery_code, LEADER, "another passphrase"
    )
    with vault:
        _intact(vault, blobs, names)


@pytest.mark.slow
def test_a_slot_the_journal_does_not_hold_cannot_open_a_half_rotated_store(
    populated: tuple[Path, dict[str, bytes], set[str]], tmp_path: Path
) -> None:
    """Killed after the database took the new key: the old recovery code (not in the journal)
    is refused with a coded error and changes nothing; a user's unlock then finishes it."""
    template, blobs, names = populated
    store = tmp_path / "store"
    shutil.copytree(template, store)
    _kill_at(store, "database")
    code = recovery_code_of(template)
    before = {p: p.read_bytes() for p in store.rglob("*") if p.is_file()}
    with pytest.raises(RekeyPending) as err:
        Vault.open_with_recovery_code(store, code, LEADER, "another passphrase")
    assert err.value.code == "WB-AUTH-REKEY-PENDING"
    assert {p: p.read_bytes() for p in store.rglob("*") if p.is_file()} == before
    with Vault.open(store, MEMBER, MEMBER_PASS) as v:
        _intact(v, blobs, names)


@pytest.mark.slow
def test_kill_inside_pragma_rekey_rolls_the_database_back(
    populated: tuple[Path, dict[str, bytes], set[str]], tmp_path: Path
) -> None:
    """A kill while SQLCipher rewrites the pages (its rollback journal half written): the next
    open rolls the hot journal back to the old key, and the unlock finishes the rotation."""
    template, blobs, names = populated
    store = tmp_path / "store"
    shutil.copytree(template, store)
    with Vault.open(store, LEADER, PASSPHRASE) as v, v.session() as s:
        for i in range(3000):  # about 30 MB of pages, so the rewrite takes a while
            s.add(StoreMeta(key=f"filler-{i}", value=os.urandom(5000).hex()))
    hot = store / "workbench.db-journal"
    child = subprocess.Popen(
        [sys.executable, "-c", ROTATE, str(store), LEADER, PASSPHRASE, "never"], cwd=REPO
    )
    try:
        while child.poll() is None:
            with contextlib.suppress(FileNotFoundError):
                if hot.stat().st_size > 64 * 1024:  # pages being rewritten
                    child.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.0005)
    finally:
        child.wait(timeout=300)
    assert child.returncode == -signal.SIGKILL  # killed inside the rekey, not after it
    assert hot.exists()
    with Vault.open(store, MEMBER, MEMBER_PASS) as v:
        _intact(v, blobs, names)
        assert v.keyfile.key_generation == 2
        with v.read() as s:
            assert s.query(StoreMeta).filter(StoreMeta.key.like("filler-%")).count() == 3000
