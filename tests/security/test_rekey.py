"""Key rotation: a new data key for the database, the attachments and every slot; an old keyfile,
the old recovery code and version 1 slots no longer open the store."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from workbench.errors import (
    KeyfileDamaged,
    KeyRetired,
    PermissionDenied,
    RecoveryCodeInvalid,
    RekeyBlocked,
    StoreBusy,
)
from workbench.services import users
from workbench.services.backups import restore_store
from workbench.store import rekey
from workbench.store.backup import write_backup
from workbench.store.check import check_store
from workbench.store.fsutil import write_atomic
from workbench.store.keyfile import (
    Keyfile,
    normalize_passphrase,
    seal_legacy_slot,
    seal_slot,
    user_hint,
    wrap_dek,
)
from workbench.store.layout import StoreLayout
from workbench.store.vault import Vault

MEMBER = "member"
MEMBER_PASS = "member passphrase 1"


def _add_attachment(vault: Vault, data: bytes, name: str) -> str:
    with vault.session() as s:
        return vault.attachments.add(s, io.BytesIO(data), name=name).sha256


def _files(store: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(store)): p.read_bytes()
        for p in sorted(store.rglob("*"))
        if p.is_file() and "backups" not in p.parts
    }


def test_rekey_changes_every_key_and_keeps_everything(store_dir: Path, recovery_code: str) -> None:
    blobs = {os.urandom(8).hex(): os.urandom(n) for n in (10, 70_000, 2_100_000)}
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        users.add_user(v, MEMBER, MEMBER_PASS, ("组员",))
        shas = {_add_attachment(v, data, name): data for name, data in blobs.items()}
        old_gen = v.keyfile.key_generation
        old_names = {p.name for p in (store_dir / "blobs").rglob("*") if p.is_file()}
        result = rekey.rotate(v)
        assert result.key_generation == old_gen + 1
        for sha, data in shas.items():  # the same vault reads the new blobs at once
            assert b"".join(v.attachments.iter_content(sha)) == data
        # until the code was shown, asking again shows the same code instead of rotating
        again = rekey.rotate(v)
        assert again.resumed and again.recovery_code == result.recovery_code
        rekey.forget_code(v)
    assert not rekey.journal_path(v.layout).exists()
    new_names = {p.name for p in (store_dir / "blobs").rglob("*") if p.is_file()}
    assert new_names and not (new_names & old_names)  # re-encrypted under new keyed names
    with Vault.open(store_dir, MEMBER, MEMBER_PASS) as v:  # rewrapped without a passphrase
        assert v.keyfile.key_generation == old_gen + 1
        assert check_store(v).ok
        for sha, data in shas.items():
            assert b"".join(v.attachments.iter_content(sha)) == data
    with pytest.raises(RecoveryCodeInvalid):
        Vault.open_with_recovery_code(store_dir, recovery_code, LEADER, "another passphrase")
    vault, _code = Vault.open_with_recovery_code(
        store_dir, result.recovery_code, LEADER, "another passphrase"
    )
    vault.lock()


def test_old_keyfile_put_back_is_refused(store_dir: Path) -> None:
    old = (store_dir / "keyfile.json").read_bytes()
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        _add_attachment(v, b"evidence", "e.txt")
        rekey.rotate(v)
    (store_dir / "keyfile.json").write_bytes(old)
    before = _files(store_dir)
    with pytest.raises(KeyRetired) as err:
        Vault.open(store_dir, LEADER, PASSPHRASE)
    assert err.value.code == "WB-AUTH-KEY-RETIRED"
    assert _files(store_dir) == before  # nothing written


def test_unupgraded_slot_refused_by_name_or_dropped(store_dir: Path) -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        users.add_user(v, MEMBER, MEMBER_PASS, ("组员",))
        with v.read() as s:
            member_id = users.find_user(s, MEMBER).id
        slot = v.keyfile.slot_for_user(member_id)
        assert slot is not None
        legacy = seal_legacy_slot(
            v.store_id,
            v.dek,
            normalize_passphrase(MEMBER_PASS),
            kind="passphrase",
            user_id=slot.user_id,
            hint=user_hint(v.store_id, MEMBER),
        )
        v.write_keyfile(v.keyfile.with_slot(legacy))
        before = (store_dir / "keyfile.json").read_bytes()
        with pytest.raises(RekeyBlocked) as err:
            rekey.rotate(v)
        assert MEMBER in err.value.message
        assert (store_dir / "keyfile.json").read_bytes() == before
        result = rekey.rotate(v, drop_unupgraded=True)
        assert result.dropped == (slot.user_id,)
    assert Keyfile.read(store_dir / "keyfile.json").slot_for_user(str(slot.user_id)) is None


def test_only_a_sysadmin_rekeys(store_dir: Path) -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        users.add_user(v, MEMBER, MEMBER_PASS, ("组员",))
    with Vault.open(store_dir, MEMBER, MEMBER_PASS) as v, pytest.raises(PermissionDenied):
        rekey.rotate(v)


def test_backup_before_rekey_restores_with_its_own_keyfile(store_dir: Path, tmp_path: Path) -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        sha = _add_attachment(v, b"before the rotation", "a.txt")
        target = tmp_path / "before.wbk"
        write_backup(v.layout, v.keyfile, v.dek, v.engine, target)
        rekey.rotate(v)
    restored = tmp_path / "restored"
    restore_store(target, restored, LEADER, PASSPHRASE)
    with Vault.open(restored, LEADER, PASSPHRASE) as v:
        assert b"".join(v.attachments.iter_content(sha)) == b"before the rotation"


def test_rekey_while_another_process_has_the_store_open_is_busy_and_loses_nothing(
    store_dir: Path,
) -> None:
    """Another connection (a GUI left open) keeps the database in WAL mode: the rekey stops
    with WB-BUSY before touching the database, and the next unlock finishes it."""
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        sha = _add_attachment(v, b"kept", "k.txt")
        other = Vault.open(store_dir, LEADER, PASSPHRASE)
        try:
            with other.read():
                pass
            with pytest.raises(StoreBusy):
                rekey.rotate(v)
        finally:
            other.lock()
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        assert v.keyfile.key_generation == 2  # the unlock finished the rotation
        assert b"".join(v.attachments.iter_content(sha)) == b"kept"
        assert check_store(v).ok
        assert rekey.rotate(v).resumed


def test_a_planted_journal_does_not_move_the_store_to_a_key_its_author_knows(
    store_dir: Path,
) -> None:
    """Slot public keys are in clear: anyone who can write the folder can wrap a key of their
    choosing to them. Without the old data key their journal is refused, and nothing moves."""
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        _add_attachment(v, b"secret", "s.txt")
    keyfile = Keyfile.read(store_dir / "keyfile.json")
    chosen = os.urandom(32)
    generation = keyfile.key_generation + 1
    forged = rekey.Journal(
        store_id=keyfile.store_id,
        old_generation=keyfile.key_generation,
        new_generation=generation,
        slots=tuple(
            replace(s, dek=wrap_dek(keyfile.store_id, s.slot_id, s.x25519, chosen, generation))
            for s in keyfile.slots
            if s.kind == "passphrase"
        ),
        recovery=seal_slot(keyfile.store_id, chosen, b"x", kind="recovery", generation=generation),
        code_nonce=os.urandom(12),
        code_sealed=b"",
    )
    write_atomic(rekey.journal_path(StoreLayout(store_dir)), forged.sealed(chosen).to_bytes())
    before = _files(store_dir)
    with pytest.raises(KeyfileDamaged):
        Vault.open(store_dir, LEADER, PASSPHRASE)
    assert _files(store_dir) == before
    assert not rekey.opens_with(store_dir / "workbench.db", chosen)
    rekey.journal_path(StoreLayout(store_dir)).unlink()
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        assert check_store(v).ok


def test_an_attachment_already_damaged_is_carried_over_and_does_not_block_the_rotation(
    store_dir: Path,
) -> None:
    with Vault.open(store_dir, LEADER, PASSPHRASE) as v:
        good = _add_attachment(v, b"good evidence", "good.txt")
        bad = _add_attachment(v, os.urandom(5000), "bad.bin")
        path = v.attachments.blob_path(bad)
        damaged = bytearray(path.read_bytes())
        damaged[100] ^= 0xFF
        path.write_bytes(bytes(damaged))
        before = check_store(v)
        assert not before.ok
        rekey.rotate(v)
        assert v.attachments.blob_path(bad).read_bytes() == bytes(damaged)  # as it was
        after = check_store(v)
        assert after.problems == before.problems  # the same one problem, nothing new
        assert b"".join(v.attachments.iter_content(good)) == b"good evidence"
