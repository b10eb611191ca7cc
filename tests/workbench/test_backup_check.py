"""Encrypted backup/restore of a whole store, and the integrity check."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tests.conftest import LEADER, PASSPHRASE
from workbench.errors import AuthenticationError, BackupInvalid, KeyfileDamaged, StoreExists
from workbench.roles import Role
from workbench.services import users
from workbench.store import audit, backup
from workbench.store.check import check_store
from workbench.store.keyfile import Keyfile, normalize_passphrase, open_slot, user_hint
from workbench.store.vault import Vault


def _unlock_with(name: str, passphrase: str):  # type: ignore[no-untyped-def]
    def unlock(keyfile: Keyfile) -> bytearray:
        for slot in keyfile.passphrase_slots(user_hint(keyfile.store_id, name)):
            return open_slot(keyfile.store_id, slot, normalize_passphrase(passphrase))
        raise AuthenticationError()

    return unlock


def _make_backup(vault: Vault, target: Path) -> bytes:
    users.add_user(vault, "member", "member passphrase", (Role.MEMBER,), display_name="张伟")
    data = os.urandom(300_000)
    with vault.session() as s:
        vault.attachments.add(s, io.BytesIO(data), name="谈话录音.m4a")
    backup.write_backup(vault.layout, vault.keyfile, vault.dek, vault.engine, target)
    return data


def test_backup_restores_users_attachments_and_audit(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "store.wbk"
    data = _make_backup(vault, target)
    with vault.read() as s:
        entries_before = audit.verify_chain(s).entries
    assert b"member" not in target.read_bytes() and b"SQLite format 3" not in target.read_bytes()
    restored = tmp_path / "restored"
    backup.restore_backup(target, restored, _unlock_with(LEADER, PASSPHRASE))
    with Vault.open(restored, "member", "member passphrase") as again:
        assert again.store_id == vault.store_id
        with again.read() as s:
            sha = again.attachments.list_all(s)[0].sha256
            assert audit.verify_chain(s).entries == entries_before + 1  # + this unlock
        assert b"".join(again.attachments.iter_content(sha)) == data
        assert check_store(again).ok


def test_restore_never_overwrites(vault: Vault, tmp_path: Path, store_dir: Path) -> None:
    target = tmp_path / "b.wbk"
    backup.write_backup(vault.layout, vault.keyfile, vault.dek, vault.engine, target)
    with pytest.raises(StoreExists):
        backup.restore_backup(target, store_dir, _unlock_with(LEADER, PASSPHRASE))


def test_restore_needs_a_passphrase_of_the_backup(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "b.wbk"
    backup.write_backup(vault.layout, vault.keyfile, vault.dek, vault.engine, target)
    with pytest.raises(AuthenticationError):
        backup.restore_backup(target, tmp_path / "r", _unlock_with(LEADER, "wrong passphrase"))
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("where", ["header", "keyfile", "middle", "end", "truncate", "append"])
def test_damaged_backup_is_refused_and_leaves_nothing(
    vault: Vault, tmp_path: Path, where: str
) -> None:
    target = tmp_path / "b.wbk"
    _make_backup(vault, target)
    raw = bytearray(target.read_bytes())
    if where == "header":
        raw[2] ^= 1
    elif where == "keyfile":
        raw[raw.index(b"wrapped") + 12] ^= 1
    elif where == "middle":
        raw[len(raw) // 2] ^= 1
    elif where == "end":
        raw[-1] ^= 1
    elif where == "truncate":
        raw = raw[: len(raw) - 1000]
    else:
        raw += b"junk"
    target.write_bytes(bytes(raw))
    with pytest.raises((BackupInvalid, AuthenticationError, KeyfileDamaged)):
        backup.restore_backup(target, tmp_path / "r", _unlock_with(LEADER, PASSPHRASE))
    assert not (tmp_path / "r").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".r.")]


def test_check_passes_then_finds_missing_and_corrupt_blobs(vault: Vault) -> None:
    a = b"first evidence" * 1000
    b = b"second evidence" * 1000
    with vault.session() as s:
        sha_a = vault.attachments.add(s, io.BytesIO(a), name="a").sha256
        sha_b = vault.attachments.add(s, io.BytesIO(b), name="b").sha256
    report = check_store(vault)
    assert report.ok, report.problems
    assert report.facts["attachments"] == 2
    vault.attachments.blob_path(sha_a).unlink()
    path_b = vault.attachments.blob_path(sha_b)
    raw = bytearray(path_b.read_bytes())
    raw[100] ^= 1
    path_b.write_bytes(bytes(raw))
    report = check_store(vault)
    assert not report.ok and len(report.problems) == 2


def test_check_reports_and_repairs_orphans(vault: Vault) -> None:
    orphan_dir = vault.layout.blobs / "ff"
    orphan_dir.mkdir(parents=True)
    (orphan_dir / ("ff" + "0" * 62)).write_bytes(b"left by a crash")
    report = check_store(vault)
    assert report.ok and report.warnings
    check_store(vault, repair=True)
    assert not list(orphan_dir.iterdir())


def test_damaged_pages_fail_the_pages_step_and_the_rest_is_not_run(
    cli_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The steps of a damaged store, as ``check --json`` lists them (the survey itself:
    tests/security/test_damaged_store.py)."""
    from tests.security.test_damaged_store import _check, _damage, _page_of

    _damage(cli_store, *_page_of("letters", cli_store))
    steps = {s["step"]: (s["status"], s["code"]) for s in _check(capsys)["steps"]}  # type: ignore[index]
    assert steps == {
        "pages": ("failed", "WB-STORE-DAMAGED"),
        **dict.fromkeys(
            ("foreign_keys", "schema", "audit", "attachments", "search_index"), ("skipped", None)
        ),
    }
