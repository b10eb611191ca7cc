"""The SQLCipher engine recipe.

``create_engine("sqlite+pysqlite:///…", module=sqlcipher3)`` with a ``connect`` event that issues
``PRAGMA key`` first (a raw 32-byte key, so SQLCipher's own PBKDF2 is skipped: our keyslots did
the slow work), then the other pragmas in driver autocommit (``journal_mode=WAL`` inside a
transaction silently does nothing). Transactions are begun explicitly by a ``begin`` event so that
DDL and DML are both transactional (Alembic migrations roll back whole).

Driver errors that people cause or meet are translated in one place, ``store_error``: a damaged
page becomes ``StoreDamaged`` (exit 4, restore from a backup), a write lock held past the busy
timeout ``StoreBusy``. The engine applies it to every statement, ``driver_errors`` to the setup
of bare connections (backup), the row writer to its own thread's statements.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from workbench.errors import DiskFull, StoreBusy, StoreDamaged, WorkbenchError

# Cipher settings, right after the key and before the first read; every connection to a store
# must use the same ones. HMAC-SHA256 runs on the SHA extensions most current CPUs have (SHA-512
# has none) and 8 KiB pages halve the per-page IV/HMAC work: together they bring inserts within
# the 1.3× budget of plain SQLite measured by `make bench` (SQLCipher's defaults: about 1.5×).
_CIPHER_PRAGMAS = (
    "PRAGMA cipher_page_size = 8192",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA256",
    "PRAGMA cipher_log_level = NONE",
)

# How long a statement waits for another connection's write lock, SQLite retrying meanwhile,
# before it gives up with "database is locked" (WB-BUSY). Read when a connection opens.
BUSY_TIMEOUT_MS = 10_000

# Pragmas applied after keying. FULL sync: a power cut must not lose a committed record.
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
)

# The result texts SQLite gives (sqlite3_errstr) for damage, and its result codes, which the
# driver passes on as ``sqlite_errorcode``: a damaged page that a virtual table reads while
# connecting (an FTS5 table's config) says only "vtable constructor failed: NAME", with
# SQLITE_CORRUPT.
_DAMAGED = (
    "database disk image is malformed",
    "malformed database schema",
    "file is not a database",
)
_DAMAGED_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB (primary codes, the low byte)
_BUSY = ("database is locked",)
_FULL_CODE = 13  # SQLITE_FULL: the disk (or max_page_count) is full


def store_error(exc: BaseException) -> WorkbenchError | None:
    """The WorkbenchError a driver error stands for; None when it is our own bug."""
    if not isinstance(exc, sqlcipher3.DatabaseError):
        return None
    text = str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    if text.startswith(_DAMAGED) or (isinstance(code, int) and code & 0xFF in _DAMAGED_CODES):
        return StoreDamaged(reason=text)
    if text.startswith(_BUSY):
        return StoreBusy()
    if isinstance(code, int) and code & 0xFF == _FULL_CODE:
        return DiskFull()
    return None


@contextmanager
def driver_errors() -> Iterator[None]:
    """``store_error`` for code on a bare DB-API connection (the engine does it for its own)."""
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        translated = store_error(exc)
        if translated is None:
            raise
        raise translated from exc


@contextmanager
def page_cache(session: Session, kib: int) -> Iterator[None]:
    """A larger page cache on the session's connection for one long job (a package import, a
    list import, a rule run), restored after it: SQLCipher decrypts every page it reads back, so
    the index pages such a job keeps revisiting are worth keeping decrypted. PostgreSQL's
    shared buffers are the server's: nothing to change there."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    connection: Any = session.connection().connection.driver_connection
    before = connection.execute("PRAGMA cache_size").fetchone()[0]
    connection.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA cache_size = {int(before)}")


def compact_json(value: Any) -> str:
    """How JSON columns are stored: compact UTF-8 (Chinese takes half the bytes of ``\\uXXXX``
    escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def raw_key_pragma(key: bytes | bytearray) -> str:
    """``PRAGMA key`` with a raw key: hex only, so no quoting can go wrong."""
    if len(key) != 32:
        raise ValueError("SQLCipher raw key must be 32 bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def _key_connection(dbapi_conn: Any, key: bytes | bytearray | None) -> None:
    """Key and cipher settings, then the busy timeout: nothing here reads a page."""
    dbapi_conn.isolation_level = None  # driver autocommit; SQLAlchemy's begin event emits BEGIN
    if key is not None:
        dbapi_conn.execute(raw_key_pragma(key))
        for pragma in _CIPHER_PRAGMAS:
            dbapi_conn.execute(pragma)
    dbapi_conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")


def _configure_connection(dbapi_conn: Any, key: bytes | bytearray | None) -> None:
    _key_connection(dbapi_conn, key)
    with driver_errors():
        # Touch the schema: a damaged first page (or a database that is not this keyfile's)
        # is where SQLCipher says "file is not a database".
        dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        for pragma in _PRAGMAS:
            dbapi_conn.execute(pragma).fetchall()


def make_engine(db_path: Path, key: bytes | bytearray | None, *, pool_size: int = 1) -> Engine:
    """An engine on ``db_path``, keyed with ``key`` (None: plain SQLite, for comparisons only).

    The pool is tiny: all database work runs on one worker thread, and a second connection may be
    used by a short-lived helper (backup). ``check_same_thread`` is off because the connection is
    created on whichever thread first asks, then handed to the worker.
    """
    engine = create_engine(
        f"sqlite+pysqlite:///{db_path}",
        module=sqlcipher3,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=1,
        connect_args={"check_same_thread": False},
        json_serializer=compact_json,
        # a failed statement's message would carry its parameters (a batch of a list's cells,
        # a record's text), and an unexpected error's message goes to the log in plaintext
        hide_parameters=True,
    )
    key_ref = key  # the vault's bytearray: zeroed on lock, after the engine is disposed

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        _configure_connection(dbapi_conn, key_ref)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = store_error(context.original_exception)
        if translated is not None:
            raise translated from context.original_exception

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Write sessions ask for IMMEDIATE (see Vault.session); reads stay deferred.
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def raw_connection(db_path: Path, key: bytes | bytearray | None) -> Any:
    """A bare DB-API connection with the same setup (for the backup API and integrity checks)."""
    conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        _configure_connection(conn, key)
    except Exception:
        conn.close()
        raise
    return conn


def read_only_connection(db_path: Path, key: bytes | bytearray, *, immutable: bool = False) -> Any:
    """A keyed connection that cannot write and reads no page yet, so it opens even when the
    first page is damaged (for the damage survey, store/damage.py). ``immutable``: not even the
    ``-wal``/``-shm`` files are made (``office migrate`` leaves its source as it found it; the
    caller makes sure no other program has the store open)."""
    mode = "mode=ro&immutable=1" if immutable else "mode=ro"
    conn = sqlcipher3.connect(f"{db_path.resolve().as_uri()}?{mode}", uri=True)
    try:
        _key_connection(conn, key)
    except Exception:
        conn.close()
        raise
    return conn
