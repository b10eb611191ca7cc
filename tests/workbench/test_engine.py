"""Facts about the bundled SQLCipher build that the rest of the store relies on."""

from __future__ import annotations

import errno
import io
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from workbench.errors import DiskFull
from workbench.store import attachments as attachments_mod
from workbench.store.engine import make_engine, raw_key_pragma
from workbench.store.vault import Vault


def test_cipher_version_and_fts5(vault: Vault) -> None:
    with vault.read() as s:
        assert s.execute(text("PRAGMA cipher_version")).scalar().startswith("4.")
        options = {row[0] for row in s.execute(text("PRAGMA compile_options"))}
    assert "ENABLE_FTS5" in options


def test_like_finds_two_chinese_characters(tmp_path: Path) -> None:
    # Regression: LIKE '%巡察%' returned nothing with the system SQLite 3.40 (ECOSYSTEM.md).
    engine = make_engine(tmp_path / "plain.db", None)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x TEXT)"))
        conn.execute(text("INSERT INTO t VALUES ('第一巡察组进驻'), ('整改台账')"))
        found = conn.execute(text("SELECT x FROM t WHERE x LIKE '%巡察%'")).scalars().all()
        conn.execute(text("CREATE VIRTUAL TABLE f USING fts5(x, tokenize='trigram')"))
    engine.dispose()
    assert found == ["第一巡察组进驻"]


def test_raw_key_pragma_is_hex_only() -> None:
    assert raw_key_pragma(bytes(range(32))) == (
        "PRAGMA key = \"x'" + bytes(range(32)).hex() + "'\""
    )
    with pytest.raises(ValueError):
        raw_key_pragma(b"short")


def test_each_connection_is_keyed_before_anything_else(vault: Vault) -> None:
    # Two connections at once (the tiny pool allows one overflow): both read the data.
    with vault.engine.connect() as a, vault.engine.connect() as b:
        assert a.execute(text("SELECT count(*) FROM users")).scalar() == 1
        assert b.execute(text("SELECT count(*) FROM users")).scalar() == 1


def test_disk_full_while_adding_an_attachment_changes_nothing(
    vault: Vault, store_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open_private = attachments_mod.open_private

    class FullDisk(io.FileIO):
        written = 0

        def write(self, data: Any) -> int:
            FullDisk.written += len(data)
            if FullDisk.written > 3 << 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(data)

    def fake_open_private(file: Any, **kwargs: Any) -> Any:  # how staging files are created
        if "staging" in str(file):
            return FullDisk(file, "w")
        return real_open_private(file, **kwargs)

    monkeypatch.setattr(attachments_mod, "open_private", fake_open_private)
    with pytest.raises(DiskFull), vault.session() as s:
        vault.attachments.add(s, io.BytesIO(b"z" * (8 << 20)), name="大文件.mp4")
    monkeypatch.undo()
    with vault.read() as s:
        assert vault.attachments.list_all(s) == []
    assert not [p for p in (store_dir / "blobs").rglob("*") if p.is_file()]
