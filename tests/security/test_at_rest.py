"""Nothing readable on disk: the database, its WAL and the blobs hold no known plaintext."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import text

from workbench.roles import Role
from workbench.services import users
from workbench.store.vault import Vault

SECRET_TEXT = "巡察组发现某村党支部书记侵占集体三资问题线索"


def _all_bytes(directory: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def _needles() -> list[bytes]:
    return [
        SECRET_TEXT.encode("utf-8"),
        SECRET_TEXT.encode("utf-16-le"),
        SECRET_TEXT.encode("gb18030"),
        "侵占集体三资".encode(),
        b"attachment-plaintext-marker",
    ]


def test_database_wal_and_blobs_hold_no_plaintext(vault: Vault, store_dir: Path) -> None:
    users.add_user(vault, "member", "member passphrase", (Role.MEMBER,), display_name=SECRET_TEXT)
    body = (SECRET_TEXT + " attachment-plaintext-marker\n").encode() * 2000
    with vault.session() as s:
        vault.attachments.add(s, io.BytesIO(body), name=SECRET_TEXT + ".txt")
        s.execute(text("CREATE TABLE notes (body TEXT)"))
        s.execute(text("INSERT INTO notes VALUES (:b)"), {"b": SECRET_TEXT * 50})
    # The engine is still open: the WAL has not been checkpointed away yet.
    files = _all_bytes(store_dir)
    assert any(name.endswith("-wal") and len(data) > 0 for name, data in files.items())
    assert any("blobs" in name for name in files)
    for name, data in files.items():
        for needle in _needles():
            assert needle not in data, f"plaintext found in {name}"
    with vault.read() as s:  # and yet it reads back
        assert s.execute(text("SELECT body FROM notes")).scalar() == SECRET_TEXT * 50


def test_header_is_not_sqlite_plaintext(vault: Vault, store_dir: Path) -> None:
    vault.lock()
    assert not (store_dir / "workbench.db").read_bytes().startswith(b"SQLite format 3")


def test_extension_loading_is_never_enabled(vault: Vault) -> None:
    import pytest
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError), vault.read() as s:
        s.execute(text("SELECT load_extension('/tmp/nowhere')"))
