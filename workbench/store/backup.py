"""Encrypted backup and restore of a whole store.

A backup is one file of our own framing — no archive format to parse:

    MAGIC(8) ‖ header_len(u32) ‖ header JSON ‖ record* ‖ END(1) ‖ HMAC-SHA256(32)

Each record is ``type(u8) ‖ name_len(u16) ‖ name ‖ size(u64) ‖ bytes``: the keyfile first, then a
consistent snapshot of the database (SQLite backup API, still SQLCipher-encrypted with the data
key), then each attachment blob as stored (already encrypted). The HMAC, under a key derived from
the data key, covers everything before it, so restore needs a passphrase (or the recovery code)
and refuses any altered or truncated file before a store appears. Nothing in the file is plaintext
except the header's counts and ids.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import shutil
import stat
import struct
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine

from workbench import __version__
from workbench.errors import (
    BackupInvalid,
    DiskFull,
    NotFound,
    StoreDamaged,
    UsageError,
)
from workbench.i18n import N_
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.base import utcnow
from workbench.store import blobcrypt
from workbench.store.damage import survey
from workbench.store.engine import raw_connection
from workbench.store.fsutil import (
    create_private,
    fsync_dir,
    is_disk_full,
    make_private_dir,
    open_private,
    refuse_folder,
)
from workbench.store.keyfile import Keyfile
from workbench.store.layout import DB_NAME, KEYFILE_NAME, StoreLayout
from workbench.store.pg import refuse_on_server
from workbench.store.vault import require_new_store_dir

MAGIC = b"WBBACKUP"
FORMAT_VERSION = 1
END = 0
KEYFILE, DATABASE, BLOB = 1, 2, 3
COPY_CHUNK = 1 << 20
MAX_HEADER = 64 * 1024
MAX_NAME = 512


def _mac_key(dek: bytes | bytearray) -> bytes:
    return blobcrypt.subkey(dek, b"workbench backup mac v1")


class _MacWriter:
    def __init__(self, out: BinaryIO, key: bytes) -> None:
        self.out = out
        self.mac = hmac.new(key, digestmod=hashlib.sha256)

    def write(self, data: bytes) -> None:
        self.mac.update(data)
        self.out.write(data)


def _write_record(w: _MacWriter, kind: int, name: str, src: Path, cancel: CancelToken) -> int:
    encoded = name.encode()
    size = src.stat().st_size
    w.write(struct.pack(">BH", kind, len(encoded)) + encoded + struct.pack(">Q", size))
    with open(src, "rb") as f:
        while chunk := f.read(COPY_CHUNK):
            cancel.raise_if_cancelled()
            w.write(chunk)
    return size


def snapshot_database(layout: StoreLayout, dek: bytes | bytearray, target: Path) -> None:
    """A consistent copy of the live database, encrypted with the same key (SQLite backup API).

    Refused when a page holding data fails its HMAC: the backup API copies such a page as
    garbage under a valid HMAC, so the backup would hide the damage it was taken to escape."""
    src = raw_connection(layout.db, dek)
    try:
        if src.execute("PRAGMA cipher_integrity_check").fetchall():
            damage = survey(layout.db, dek)
            if not damage.free_pages_only:
                raise StoreDamaged(pages=list(damage.pages))
        create_private(target)
        dst = raw_connection(target, dek)
        try:
            src.backup(dst)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def write_backup(
    layout: StoreLayout,
    keyfile: Keyfile,
    dek: bytes | bytearray,
    engine: Engine | None,
    target: Path,
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> dict[str, int]:
    """Write a backup of the store to ``target`` (all or nothing). Returns counts."""
    if engine is not None:  # the snapshot uses its own connection on the database file
        refuse_on_server(engine, N_("本机备份"))
    refuse_folder(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.part")
    snap = target.with_name(f".{target.name}.db-snapshot")
    try:
        snapshot_database(layout, dek, snap)
        shas = _attachment_hashes(snap, dek)
        blobs = [(sha, _blob_rel(dek, sha)) for sha in shas]
        total = snap.stat().st_size + sum(
            (layout.blobs / rel).stat().st_size for _, rel in blobs if (layout.blobs / rel).exists()
        )
        header = json.dumps(
            {
                "format": FORMAT_VERSION,
                "store_id": keyfile.store_id,
                "created_at": utcnow().isoformat(),
                "app_version": __version__,
                "blobs": len(blobs),
            }
        ).encode()
        with open_private(part) as out:
            w = _MacWriter(out, _mac_key(dek))
            w.write(MAGIC + struct.pack(">I", len(header)) + header)
            kf_bytes = keyfile.to_bytes()
            w.write(struct.pack(">BH", KEYFILE, len(KEYFILE_NAME)) + KEYFILE_NAME.encode())
            w.write(struct.pack(">Q", len(kf_bytes)) + kf_bytes)
            done = _write_record(w, DATABASE, DB_NAME, snap, cancel)
            progress(done, total, "database")
            for _sha, rel in blobs:
                path = layout.blobs / rel
                if not path.exists():
                    continue  # a missing blob is reported by `check`, not a reason to fail
                done += _write_record(w, BLOB, rel, path, cancel)
                progress(done, total, rel)
            w.write(bytes([END]))
            out.write(w.mac.digest())
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, target)
        fsync_dir(target.parent)
        return {"blobs": len(blobs), "bytes": target.stat().st_size}
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise
    finally:
        with contextlib.suppress(OSError):
            snap.unlink()


def _check_backup_file(path: Path) -> None:
    """A backup to restore must be a regular file: a folder or a named pipe is a wrong path."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise NotFound(f"未找到备份文件：{path}", path=str(path)) from None
    except OSError as exc:
        raise UsageError(
            f"无法读取备份文件：{path}（{exc.strerror or exc}）", path=str(path)
        ) from exc
    if not stat.S_ISREG(mode):
        raise UsageError(f"“{path}”不是文件：请给出备份文件的路径", path=str(path))


def _blob_rel(dek: bytes | bytearray, sha: str) -> str:
    name = blobcrypt.blob_name(dek, sha)
    return f"{name[:2]}/{name}"


def _attachment_hashes(db: Path, dek: bytes | bytearray) -> list[str]:
    conn = raw_connection(db, dek)
    try:
        return [row[0] for row in conn.execute("SELECT sha256 FROM attachments ORDER BY sha256")]
    finally:
        conn.close()


class _MacReader:
    def __init__(self, src: BinaryIO) -> None:
        self.src = src
        self.mac: hmac.HMAC | None = None
        self._pending = bytearray()

    def read_exact(self, n: int) -> bytes:
        data = self.src.read(n)
        if len(data) != n:
            raise BackupInvalid("备份文件被截断")
        if self.mac is None:
            self._pending += data
        else:
            self.mac.update(data)
        return data

    def start_mac(self, key: bytes) -> None:
        self.mac = hmac.new(key, bytes(self._pending), hashlib.sha256)
        self._pending.clear()


def read_header(path: Path) -> dict[str, object]:
    with open(path, "rb") as src:
        return _read_header(_MacReader(src))


def _read_header(r: _MacReader) -> dict[str, object]:
    if r.read_exact(len(MAGIC)) != MAGIC:
        raise BackupInvalid("不是本系统的备份文件")
    (length,) = struct.unpack(">I", r.read_exact(4))
    if length > MAX_HEADER:
        raise BackupInvalid("备份文件头过大")
    try:
        header = json.loads(r.read_exact(length))
    except ValueError as exc:
        raise BackupInvalid("备份文件头无法解析") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION:
        raise BackupInvalid("备份格式版本不受支持")
    return header


def _read_record_head(r: _MacReader) -> tuple[int, str, int]:
    (kind,) = struct.unpack(">B", r.read_exact(1))
    if kind == END:
        return END, "", 0
    (name_len,) = struct.unpack(">H", r.read_exact(2))
    if name_len > MAX_NAME:
        raise BackupInvalid("备份记录名过长")
    name = r.read_exact(name_len).decode("ascii", errors="strict")
    (size,) = struct.unpack(">Q", r.read_exact(8))
    return kind, name, size


def _safe_blob_rel(name: str) -> str:
    # Blob names are ours: two hex chars, a slash, 64 hex chars. Anything else is refused, so a
    # forged backup can never write outside the new store's blobs folder.
    head, _, tail = name.partition("/")
    ok = len(head) == 2 and len(tail) == 64 and tail.startswith(head)
    if not ok or any(c not in "0123456789abcdef" for c in tail):
        raise BackupInvalid("备份中的附件名无效")
    return name


def restore_backup(
    backup_file: Path,
    directory: Path,
    unlock_key: Callable[[Keyfile], bytearray],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Keyfile:
    """Restore into ``directory`` (missing or empty). ``unlock_key`` opens the backup's keyfile
    (with a passphrase or the recovery code) and returns the data key to check the HMAC."""
    _check_backup_file(backup_file)
    require_new_store_dir(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    building = directory.parent / f".{directory.name}.restoring-{uuid.uuid4().hex[:8]}"
    make_private_dir(building)
    try:
        _, keyfile = _read_backup(backup_file, unlock_key, building, progress, cancel)
        if directory.exists():
            directory.rmdir()
        os.replace(building, directory)
        fsync_dir(directory.parent)
        return keyfile
    except BaseException as exc:
        shutil.rmtree(building, ignore_errors=True)
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise


def verify_backup(
    backup_file: Path,
    unlock_key: Callable[[Keyfile], bytearray],
    *,
    progress: ProgressSink = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> dict[str, object]:
    """Read the whole backup and check its HMAC without writing anything. Returns the header
    (``created_at``, ``store_id``, ``app_version``, ``blobs``)."""
    _check_backup_file(backup_file)
    header, _ = _read_backup(backup_file, unlock_key, None, progress, cancel)
    return header


def _read_backup(
    backup_file: Path,
    unlock_key: Callable[[Keyfile], bytearray],
    building: Path | None,
    progress: ProgressSink,
    cancel: CancelToken,
) -> tuple[dict[str, object], Keyfile]:
    """Read a backup through, its records written into ``building`` (or only checked, for None);
    raises ``BackupInvalid`` unless the HMAC over everything holds."""
    total = backup_file.stat().st_size
    with open(backup_file, "rb") as src:
        r = _MacReader(src)
        header = _read_header(r)
        kind, name, size = _read_record_head(r)
        if kind != KEYFILE or size > MAX_HEADER:
            raise BackupInvalid("备份文件缺少密钥文件")
        keyfile = Keyfile.from_bytes(r.read_exact(size))
        r.start_mac(_mac_key(unlock_key(keyfile)))
        if building is not None:
            with open_private(building / KEYFILE_NAME) as out:
                out.write(keyfile.to_bytes())
        seen_db = False
        while True:
            kind, name, size = _read_record_head(r)
            if kind == END:
                break
            if kind == DATABASE and not seen_db:
                rel = DB_NAME
                seen_db = True
            elif kind == BLOB:
                rel = "blobs/" + _safe_blob_rel(name)
            else:
                raise BackupInvalid("备份文件含未知记录")
            with _record_sink(building, rel) as out:
                left = size
                while left:
                    cancel.raise_if_cancelled()
                    chunk = r.read_exact(min(COPY_CHUNK, left))
                    out.write(chunk)
                    left -= len(chunk)
            progress(src.tell(), total, name)
        assert r.mac is not None
        expected = r.mac.digest()
        tag = src.read(33)
        if len(tag) != 32 or not hmac.compare_digest(tag, expected):
            raise BackupInvalid("备份文件校验失败（被篡改、截断或附加了数据）")
        if not seen_db:
            raise BackupInvalid("备份文件缺少数据库")
    return header, keyfile


@contextlib.contextmanager
def _record_sink(building: Path | None, rel: str) -> Iterator[BinaryIO]:
    """Where one record's bytes go: a new private file in the store being built, or nowhere."""
    if building is None:
        with open(os.devnull, "wb") as out:
            yield out
        return
    path = building / rel
    make_private_dir(path.parent)
    with open_private(path) as out:
        yield out
