"""Evidence files: streamed in and out in chunks, encrypted at rest, addressed by SHA-256.

Adding streams the source through SHA-256 and ``BlobWriter`` into a staging file, then renames it
into ``blobs/xx/<keyed name>`` and inserts the row in the caller's transaction; if that
transaction rolls back, the blob it placed is removed with it. The same content added twice is
stored once. A crash leaves at most a staging file or an unreferenced blob, both removed by
``collect_garbage`` (run by ``check --repair`` and at unlock for staging files).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from workbench.errors import AttachmentCorrupt, DiskFull, LimitExceeded, NotFound, ValidationError
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models.system import Attachment, StoreMeta
from workbench.store import blobcrypt
from workbench.store.fsutil import (
    fsync_dir,
    is_disk_full,
    make_private_dir,
    open_private,
    readable_name,
    refuse_folder,
)
from workbench.store.layout import StoreLayout

DEFAULT_LIMIT_BYTES = 4 << 30  # 4 GiB; per store, in store_meta "attachment_limit_bytes"
LIMIT_KEY = "attachment_limit_bytes"
_PLACED = "attachments_placed"  # session.info: blobs this transaction put in place


def display_name(name: str) -> str:
    """An attachment's name as stored and shown: a file name's undecodable bytes become U+FFFD, so
    any file can be added under a readable name (the name is only a label; the content is the
    address). Control characters are kept here; a package replaces them
    (``exchange.to_office.export``)."""
    return readable_name(name).strip()


@event.listens_for(Session, "after_commit")
def _keep_placed_blobs(session: Session) -> None:
    session.info.pop(_PLACED, None)


@event.listens_for(Session, "after_soft_rollback")
def _remove_placed_blobs(session: Session, previous: SessionTransaction) -> None:
    """A blob and its row are all or nothing: the rows went with the transaction, so do the files.
    (A savepoint's blob is left to ``collect_garbage``: its transaction may yet commit others.)"""
    if previous.nested:
        return
    for path in session.info.pop(_PLACED, ()):
        with contextlib.suppress(OSError):
            path.unlink()


@dataclass(frozen=True)
class AttachmentInfo:
    sha256: str
    size: int
    name: str
    media_type: str
    created_at: datetime
    created_by: str | None
    deduplicated: bool = False


def attachment_info(row: Attachment, *, deduplicated: bool = False) -> AttachmentInfo:
    return AttachmentInfo(
        sha256=row.sha256,
        size=row.size,
        name=row.name,
        media_type=row.media_type,
        created_at=row.created_at,
        created_by=row.created_by,
        deduplicated=deduplicated,
    )


def size_limit(session: Session) -> int:
    meta = session.get(StoreMeta, LIMIT_KEY)
    return int(meta.value) if meta else DEFAULT_LIMIT_BYTES


def set_size_limit(session: Session, limit_bytes: int) -> None:
    if limit_bytes <= 0:
        raise ValidationError("附件大小上限必须大于 0", field="limit")
    meta = session.get(StoreMeta, LIMIT_KEY)
    if meta is None:
        session.add(StoreMeta(key=LIMIT_KEY, value=str(limit_bytes)))
    else:
        meta.value = str(limit_bytes)


_FSYNC_POOL: ThreadPoolExecutor | None = None


def fsync_pool() -> ThreadPoolExecutor:
    """Threads for fsync calls (they release the GIL): a package's many small files are made
    durable concurrently, while decryption goes on, and the file system batches the flushes."""
    global _FSYNC_POOL
    if _FSYNC_POOL is None:
        _FSYNC_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fsync")
    return _FSYNC_POOL


def _sync_and_close(file: BinaryIO) -> None:
    try:
        os.fsync(file.fileno())
    finally:
        file.close()


class IncomingBlob:
    """A staging file being written by ``BlobWriter``; ``sha256`` is set by ``finish``, and the
    file is durable once ``wait_durable`` returns."""

    def __init__(self, path: Path, dek: bytearray, size: int) -> None:
        self.path = path
        self.size = size
        self.sha256: str | None = None
        self._synced: Future[None] | None = None
        self._file = open_private(path)  # closed by finish()/discard()
        try:
            self._writer = blobcrypt.BlobWriter(self._file, dek, size)
        except BaseException:
            self.discard()
            raise

    def write(self, data: bytes | memoryview) -> None:
        self._writer.write(data)

    def finish(self) -> str:
        self.sha256 = self._writer.finish(durable=False)
        self._synced = fsync_pool().submit(_sync_and_close, self._file)
        return self.sha256

    def wait_durable(self) -> None:
        if self._synced is not None:
            self._synced.result()

    def discard(self) -> None:
        if self._synced is not None:
            with contextlib.suppress(Exception):
                self._synced.result()
        with contextlib.suppress(Exception):
            self._writer.abandon()
        with contextlib.suppress(OSError):
            self._file.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


class AttachmentStore:
    """Blob files of one store, bound to its data key while the store is unlocked."""

    def __init__(self, layout: StoreLayout, dek: bytearray) -> None:
        self.layout = layout
        self._dek = dek

    def blob_path(self, sha256_hex: str) -> Path:
        name = blobcrypt.blob_name(self._dek, sha256_hex)
        return self.layout.blobs / name[:2] / name

    def add(
        self,
        session: Session,
        source: BinaryIO,
        *,
        name: str,
        media_type: str = "application/octet-stream",
        size_hint: int | None = None,
        progress: ProgressSink = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> AttachmentInfo:
        name = display_name(name)
        if not name:
            raise ValidationError("附件名称不能为空", field="name")
        limit = size_limit(session)
        if size_hint is not None and size_hint > limit:
            raise LimitExceeded(f"附件超过大小上限 {limit} 字节", limit=limit)
        make_private_dir(self.layout.staging)
        staging = self.layout.staging / f"{uuid.uuid4().hex}.part"

        def on_chunk(done: int) -> None:
            cancel.raise_if_cancelled()
            if done > limit:
                raise LimitExceeded(f"附件超过大小上限 {limit} 字节", limit=limit)
            progress(done, size_hint, name)

        try:
            with open_private(staging) as out:
                sha, size = blobcrypt.encrypt_stream(
                    source, out, self._dek, on_chunk=on_chunk, durable=True
                )
            self._claim(session, sha)
            existing = session.get(Attachment, sha)
            if existing is not None and self.has_blob(session, sha):
                staging.unlink()
                return attachment_info(existing, deduplicated=True)
            self._place(session, sha, staging, new=existing is None, cancel=cancel)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                staging.unlink()
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise
        if existing is not None:  # row survived but its blob was missing: blob restored
            return attachment_info(existing, deduplicated=True)
        actor = session.info.get("actor")
        row = Attachment(
            sha256=sha,
            size=size,
            name=name[:255],
            media_type=media_type,
            created_by=getattr(actor, "user_id", None),
        )
        session.add(row)
        session.flush()
        return attachment_info(row)

    def _claim(self, session: Session, sha256_hex: str) -> None:
        """Before the content is looked up: a store whose writers add side by side makes those
        of the same content go one at a time here. A file's store has one writer."""

    def _place(
        self,
        session: Session,
        sha256_hex: str,
        staging: Path,
        *,
        new: bool,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        """Move an encrypted staging file to the blob's address, removed again if the
        transaction of a ``new`` attachment's row rolls back."""
        target = self.blob_path(sha256_hex)
        make_private_dir(target.parent)
        os.replace(staging, target)
        if new:
            session.info.setdefault(_PLACED, []).append(target)
        fsync_dir(target.parent)

    def has_blob(self, session: Session, sha256_hex: str) -> bool:
        """Whether the encrypted bytes of this content are in the store (its row may be)."""
        return self.blob_path(sha256_hex).exists()

    def discard_blob(self, sha256_hex: str) -> None:
        """Remove a blob whose row was deleted (a wiped round, a failed import's landed files)."""
        self.blob_path(sha256_hex).unlink(missing_ok=True)

    def begin_incoming(self, size: int) -> IncomingBlob:
        """A blob arriving from a package: encrypted into a staging file as its bytes come."""
        make_private_dir(self.layout.staging)
        return IncomingBlob(self.layout.staging / f"{uuid.uuid4().hex}.part", self._dek, size)

    def land_incoming(self, blob: IncomingBlob, session: Session | None = None) -> Path:
        """Move a finished incoming blob to its address; the caller makes the directory durable
        (``fsync_dir``, once per directory for many blobs) and inserts the row in its transaction
        (a crash before that commit leaves a file ``collect_garbage`` removes). ``session`` is
        that transaction: the office store on the server writes the blob in it."""
        assert blob.sha256 is not None, "finish() the blob first"
        blob.wait_durable()
        target = self.blob_path(blob.sha256)
        make_private_dir(target.parent)
        os.replace(blob.path, target)
        return target

    def info(self, session: Session, sha256_hex: str) -> AttachmentInfo:
        row = session.get(Attachment, sha256_hex.lower())
        if row is None:
            raise NotFound(f"未找到附件 {sha256_hex}", sha256=sha256_hex)
        return attachment_info(row)

    def list_all(self, session: Session) -> list[AttachmentInfo]:
        return [
            attachment_info(r)
            for r in session.scalars(select(Attachment).order_by(Attachment.created_at))
        ]

    def _open_blob(self, sha256_hex: str, session: Session | None = None) -> BinaryIO:
        """The blob's encrypted bytes; ``session`` is the caller's unit of work, if any."""
        path = self.blob_path(sha256_hex)
        if not path.exists():
            raise AttachmentCorrupt(f"附件 {sha256_hex} 的加密文件缺失", sha256=sha256_hex)
        return open(path, "rb")

    def iter_content(self, sha256_hex: str) -> Iterator[bytes]:
        """Plaintext chunks; authenticated chunk by chunk and bound to the content hash."""
        with self._open_blob(sha256_hex) as src:
            yield from blobcrypt.iter_plaintext(src, self._dek, sha256_hex)

    def iter_views(self, sha256_hex: str) -> Iterator[memoryview]:
        """As ``iter_content``, but each chunk is a view of one reused buffer, valid until the
        next is asked for: for a consumer that copies it on at once (a package stream). A fresh
        1 MiB ``bytes`` per chunk made glibc hand memory back and fault it in again: 437,000
        page faults and about 1 s of kernel time per GB exported."""
        with self._open_blob(sha256_hex) as src:
            yield from blobcrypt.authenticated_chunks(src, self._dek, sha256_hex)

    def export(
        self,
        session: Session,
        sha256_hex: str,
        out_path: Path,
        *,
        progress: ProgressSink = no_progress,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> AttachmentInfo:
        """Write the plaintext to ``out_path`` (the user's explicit choice) — all or nothing."""
        info = self.info(session, sha256_hex)
        refuse_folder(out_path)
        tmp = out_path.with_name(f".{out_path.name}.part")

        def on_chunk(done: int) -> None:
            cancel.raise_if_cancelled()
            progress(done, info.size, info.name)

        try:
            with self._open_blob(info.sha256, session) as src, open_private(tmp) as out:
                blobcrypt.decrypt_stream(src, out, self._dek, info.sha256, on_chunk=on_chunk)
            os.replace(tmp, out_path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if is_disk_full(exc):
                raise DiskFull() from exc
            raise
        return info

    def verify(self, sha256_hex: str) -> None:
        with self._open_blob(sha256_hex) as src:
            for _ in blobcrypt.authenticated_chunks(src, self._dek, sha256_hex):
                pass

    def collect_garbage(self, session: Session, *, dry_run: bool = False) -> list[Path]:
        """Remove staging leftovers and blob files that no row references."""
        removed: list[Path] = []
        if self.layout.staging.exists():
            for leftover in self.layout.staging.iterdir():
                removed.append(leftover)
                if not dry_run:
                    leftover.unlink(missing_ok=True)
        known = {self.blob_path(sha).name for sha in session.scalars(select(Attachment.sha256))}
        if self.layout.blobs.exists():
            for fanout in self.layout.blobs.iterdir():
                if not fanout.is_dir() or fanout == self.layout.staging:
                    continue
                for blob in fanout.iterdir():
                    if blob.name not in known:
                        removed.append(blob)
                        if not dry_run:
                            blob.unlink(missing_ok=True)
        return removed
