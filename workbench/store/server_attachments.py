"""The office store's attachments on its PostgreSQL server (issue #20): the same encrypted blobs
as a SQLCipher store's files (``blobcrypt``, under the office's data key, sealed on the desktop
before a byte leaves it), kept as rows of ``attachment_chunks`` (migration 0021), so every desktop
reads what any other added and the server's backup holds them with the records.

A blob is the encrypted file cut into ``PIECE``-byte rows ``(sha256, seq, data)``. Adding encrypts
into a staging file on this desktop first (the content's hash, its address, is known only at the
end), then streams it up a piece at a time in the caller's transaction, with the attachment's
row: a crash or a rollback leaves no part of it on the server. In a unit of work of its own, the
upload goes before the store's write lock, taken for the row and its audit entry only
(``late_lock``): the colleagues' saves go on meanwhile. Reading fetches a piece at a time.
Memory stays at a piece or two, whatever the size. ARCHITECTURE.md says why rows, not large
objects.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, cast

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    exists,
    insert,
    select,
)
from sqlalchemy.orm import Session

from workbench.errors import AttachmentCorrupt
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.store import blobcrypt
from workbench.store.attachments import AttachmentInfo, AttachmentStore, IncomingBlob
from workbench.store.late_lock import (
    STORE_LOCK_TURN_S,
    begin_without_store_lock,
    take_lock_on_name,
    take_store_lock_now,
)
from workbench.store.layout import StoreLayout
from workbench.store.pg import take_lock_on
from workbench.store.pg_errors import connection_error

PIECE = blobcrypt.CHUNK  # bytes of the encrypted blob per row

# Not a model: the table exists on PostgreSQL only (a SQLCipher store keeps files).
chunks = Table(
    "attachment_chunks",
    MetaData(),
    Column("sha256", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


_PIECE_QUERY = "SELECT data FROM attachment_chunks WHERE sha256 = %s AND seq = %s"


def _fetch_piece(conn: Connection, sha256_hex: str, seq: int) -> bytes | None:
    """One row's bytes, fetched in PostgreSQL's binary format: SQLAlchemy's cursors fetch text,
    which doubles a ``bytea`` on the wire as hex and reads a third as fast (70 against 230 MiB/s
    on a local server). The driver's errors about the connection are the engine's ``WB-`` ones
    (``pg_errors.connection_error``), as its ``handle_error`` makes them for every other
    statement."""
    import psycopg

    raw = cast(psycopg.Connection[Any], conn.connection.dbapi_connection)
    try:
        with raw.cursor(binary=True) as cursor:
            row = cursor.execute(_PIECE_QUERY, (sha256_hex, seq)).fetchone()
    except psycopg.Error as exc:
        refused = connection_error(exc)
        if refused is not None:
            raise refused from exc
        raise
    return None if row is None else bytes(row[0])


def _content_lock(sha256_hex: str) -> str:
    """The name of the lock one content's writers take before the store's write lock."""
    return f"attachment {sha256_hex}"


class _ChunkReader(io.RawIOBase):
    """A blob's rows read back as one file, a row at a time: on the caller's connection, or on
    one of its own (closed with the reader)."""

    def __init__(self, conn: Connection, sha256_hex: str, *, own: bool) -> None:
        self._conn: Connection | None = conn
        self._own = own
        self._sha = sha256_hex
        self._seq = 0
        self._piece = memoryview(b"")
        self.found = self._next_piece()  # the first row, so a missing blob is told apart

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if not self._piece and not self._next_piece():
            return 0
        n = min(len(buffer), len(self._piece))
        memoryview(buffer).cast("B")[:n] = self._piece[:n]
        self._piece = self._piece[n:]
        return n

    def _next_piece(self) -> bool:
        if self._conn is None:
            return False
        data = _fetch_piece(self._conn, self._sha, self._seq)
        if data is None:  # the end (a row missing in between fails authentication)
            self._release()
            return False
        self._seq += 1
        self._piece = memoryview(data)
        return True

    def _release(self) -> None:
        if self._conn is not None and self._own:
            self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._release()
        super().close()


class ServerAttachmentStore(AttachmentStore):
    """Attachments of the office store: on the server, encrypted under the office's data key.
    ``layout`` is this desktop's folder (its staging files only); ``engine`` is the vault's (it
    raises once the vault is locked)."""

    def __init__(self, layout: StoreLayout, dek: bytearray, engine: Callable[[], Engine]) -> None:
        super().__init__(layout, dek)
        self._engine = engine

    def blob_path(self, sha256_hex: str) -> Path:
        raise NotImplementedError("the office store's blobs are rows on the server, not files")

    def has_blob(self, session: Session, sha256_hex: str) -> bool:
        first = exists().where(chunks.c.sha256 == sha256_hex, chunks.c.seq == 0)
        return bool(session.scalar(select(first)))

    def discard_blob(self, sha256_hex: str) -> None:
        """Nothing to do: deleting the attachment's row deleted its rows (ON DELETE CASCADE)."""

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
        """As on SQLite; in a ``session`` nothing has begun yet (``Workspace.add_attachment``,
        the CLI's), the rows go up before the store's write lock: ``_claim``, ``_place``. The
        session holds the lock when this returns, so what the caller writes next is chained."""
        begin_without_store_lock(session)
        info = super().add(
            session,
            source,
            name=name,
            media_type=media_type,
            size_hint=size_hint,
            progress=progress,
            cancel=cancel,
        )
        take_store_lock_now(session)  # the same content was here already: nothing written yet
        return info

    def _claim(self, session: Session, sha256_hex: str) -> None:
        """Two desktops adding the same content: the second waits for the first's commit, then
        finds its rows (stored once), rather than inserting beside its uncommitted ones."""
        take_lock_on_name(session, _content_lock(sha256_hex))

    def _place(
        self,
        session: Session,
        sha256_hex: str,
        staging: Path,
        *,
        new: bool,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        self._upload(session, sha256_hex, staging, cancel)
        staging.unlink()
        take_store_lock_now(session)  # the row and its audit entry follow, under the lock

    def put_blob_file(self, session: Session, sha256_hex: str, blob_file: Path) -> None:
        """Copy a blob file already encrypted under this store's data key (a SQLCipher office
        store's ``blob_path``, moved to the server with its keyfile and so its key) as it is, in
        ``session``'s transaction; the attachment's row goes in the same one. Checked first: a
        file that does not decrypt to ``sha256_hex`` is ``AttachmentCorrupt`` and nothing is
        written."""
        with open(blob_file, "rb") as src:
            for _ in blobcrypt.authenticated_chunks(src, self._dek, sha256_hex):
                pass
        self._upload(session, sha256_hex, blob_file)

    def land_before_store_lock(
        self, session: Session, blob: IncomingBlob, cancel: CancelToken = NEVER_CANCELLED
    ) -> None:
        """A package's blob, in its import transaction begun without the store's write lock
        (``pg.LATE_WRITE_LOCK``): the lock on its content, as ``add`` takes it (the same blob
        from two imports, or an import and an add, is stored once), then its rows unless the
        store has them. ``land_incoming``, under the store's lock, then finds them here."""
        assert blob.sha256 is not None, "finish() the blob first"
        blob.wait_durable()
        take_lock_on(session.connection(), _content_lock(blob.sha256), STORE_LOCK_TURN_S)
        if not self.has_blob(session, blob.sha256):
            self._upload(session, blob.sha256, blob.path, cancel)

    def land_incoming(self, blob: IncomingBlob, session: Session | None = None) -> Path:
        """Write a finished incoming blob in ``session``'s transaction (required here; content
        already on the server is not sent again). Returns the staging folder: the caller's
        ``fsync_dir`` of it is harmless, and there is nothing else to make durable here."""
        if session is None:
            raise TypeError("the office store lands a blob in the caller's transaction")
        assert blob.sha256 is not None, "finish() the blob first"
        blob.wait_durable()
        try:
            if not self.has_blob(session, blob.sha256):
                self._upload(session, blob.sha256, blob.path)
        finally:
            blob.path.unlink(missing_ok=True)
        return self.layout.staging

    def _upload(
        self,
        session: Session,
        sha256_hex: str,
        blob_file: Path,
        cancel: CancelToken = NEVER_CANCELLED,
    ) -> None:
        """The file's bytes as rows of ``sha256_hex``, replacing any left of a damaged blob. A
        cancel is noticed between rows: the transaction's rollback takes the rows with it."""
        session.execute(delete(chunks).where(chunks.c.sha256 == sha256_hex))
        with open(blob_file, "rb") as src:
            seq = 0
            while piece := src.read(PIECE):
                cancel.raise_if_cancelled()
                session.execute(insert(chunks), {"sha256": sha256_hex, "seq": seq, "data": piece})
                seq += 1

    def _open_blob(self, sha256_hex: str, session: Session | None = None) -> BinaryIO:
        if session is not None:  # sees the caller's transaction, and takes no second connection
            reader = _ChunkReader(session.connection(), sha256_hex, own=False)
        else:
            conn = self._engine().connect()
            try:
                reader = _ChunkReader(conn, sha256_hex, own=True)
            except BaseException:
                conn.close()
                raise
        if not reader.found:
            reader.close()
            raise AttachmentCorrupt(f"附件 {sha256_hex} 的加密内容缺失", sha256=sha256_hex)
        return cast(BinaryIO, reader)

    def collect_garbage(self, session: Session, *, dry_run: bool = False) -> list[Path]:
        """Staging files left on this desktop. The server holds no unreferenced blob: its rows
        are committed with their attachment's row or not at all, and go with it."""
        removed: list[Path] = []
        if self.layout.staging.exists():
            for leftover in self.layout.staging.iterdir():
                removed.append(leftover)
                if not dry_run:
                    with contextlib.suppress(OSError):
                        leftover.unlink()
        return removed
