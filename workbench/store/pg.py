"""The office store on PostgreSQL: the engine for a ``postgresql://`` URL (issue #20).

The same models, services and Alembic migrations as the SQLCipher store; the migrations branch on
the dialect where the SQL must differ (docs/store-format.md, "PostgreSQL: what differs"). The
connection goes through psycopg 3 and TLS is required unless the URL says otherwise:
``sslmode=verify-full`` (the server's certificate must chain to the CA in ``sslrootcert``, or to
libpq's default ``~/.postgresql/root.crt``, and name the host).
"""

from __future__ import annotations

import hashlib
import logging
import selectors
import time
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import DiskFull, NotOnOfficeServer, StoreBusy, ValidationError
from workbench.i18n import N_, Wording
from workbench.store import engine as sqlcipher_engine
from workbench.store.engine import compact_json
from workbench.store.pg_errors import connection_error

log = logging.getLogger(__name__)

DRIVER = "postgresql+psycopg"
DEFAULT_SSLMODE = "verify-full"
# The execution option a write unit of work carries (``Vault.session``: SQLite's BEGIN
# IMMEDIATE). Here it takes the store's write lock, a transaction-level advisory lock, so that
# the audit chain's next link is taken by one writer at a time, as on SQLite.
WRITE_OPTIONS = {"sqlite_begin": "IMMEDIATE"}
# A write unit of work begun with this execution option as well takes no lock at BEGIN: it
# takes the store's write lock itself, late (``take_store_lock``), just before its first audit
# entry, and may serialize with its peers under a narrower lock first (``take_lock_on``). The
# package import does (docs/store-format.md, "Package import").
_LATE = "workbench_late_write_lock"
LATE_WRITE_LOCK = {_LATE: True}
# Advisory lock keys are fixed numbers and hashes made here, not the server's hashtext(): that
# is an internal function PostgreSQL does not document, and KingbaseES need not keep it.
_STORE_LOCK_KEY = 0x776F726B62656E63  # "workbenc": the store's write lock (the one-key form)
STORE_LOCK_SQL = f"SELECT pg_advisory_xact_lock({_STORE_LOCK_KEY})"
# A narrower lock: the two-key form, whose key space is not the one-key form's (the store's).
_NAMED_SPACE = 0x77626E6D  # "wbnm"
_NAMED_LOCK = f"SELECT pg_advisory_xact_lock({_NAMED_SPACE}, %s)"
_LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of a lock wait cut off by lock_timeout
_DEADLOCK = "40P01"  # two transactions each waited for the other: the server undid one
_DISK_FULL = "53100"  # the server could not extend a file: its transaction is undone
_SERVER_DISK_FULL = N_("巡察办服务器的磁盘空间不足，操作已取消，数据未改变：请联系数据库管理员")
NOT_AN_ADDRESS = N_("巡察办服务器地址应形如 postgresql://用户@主机:端口/数据库（由系统管理员提供）")
MIN_SERVER_VERSION = 14  # the floor the office hub is built and tested for
SERVER_ENCODING = "UTF8"
# byte order, as SQLite's BINARY: the collations an office database is expected to have
BYTE_ORDER_COLLATIONS = ("C", "POSIX", "C.UTF-8", "C.utf8")
_WRONG_ENCODING = N_(
    "巡察办服务器上的数据库字符集是 {encoding}，本程序需要 UTF8：请数据库管理员按说明另建一个 "
    "UTF8 字符集的数据库，本程序未在该数据库中建立或改动任何内容"
)
_SERVER_TOO_OLD = N_(
    "巡察办服务器的 PostgreSQL 版本是 {version}，本程序需要 14 或更高版本：请数据库管理员升级"
    "服务器，本程序未在该数据库中建立或改动任何内容"
)
_TUPLES_OK = 2  # libpq's PGRES_TUPLES_OK (psycopg.pq.ExecStatus)
# The pool's test of an idle connection (``pool_pre_ping``) waits this long for the answer: a
# server whose processes are frozen keeps acknowledging at the TCP level, so neither keepalives
# nor tcp_user_timeout ever end the wait; the connection is then replaced, and the new one's
# connect_timeout says whether the server is there at all.
PING_TIMEOUT_S = 15.0
# libpq's settings against a server that stops answering (hung, powered off, the network cut),
# each unless the URL sets it: the attempt to connect gives up after connect_timeout (seconds);
# an open connection idle for keepalives_idle is probed every keepalives_interval, dropped after
# keepalives_count unanswered probes; data unacknowledged for tcp_user_timeout (ms) drops it too.
# No statement_timeout: a long import or migration is legitimate, and a server that is stopped
# would not enforce it anyway (it is the server's own clock).
CONNECT_DEFAULTS = {
    "connect_timeout": "10",
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
    "tcp_user_timeout": "30000",
}
_NOT_ON_SERVER = N_(
    "巡察办服务器上的数据库不支持{job}：它只适用于本机的加密数据库文件；"
    "服务器的备份与加密由数据库管理员在服务器上进行"
)


def refuse_on_server(engine: Engine, what: str) -> None:
    """Refuse a job that works on the store's files (its SQLCipher pages, its blob folder)
    when the store is the office's database on PostgreSQL, before it starts. ``what`` names the
    job, an ``N_`` term: the UI translates it with the sentence (``Wording``)."""
    if engine.dialect.name == "postgresql":
        raise NotOnOfficeServer(Wording(_NOT_ON_SERVER, job=Wording(what)), job=what)


def engine_url(url: str | URL) -> URL:
    """``url`` on the psycopg driver, with ``sslmode=verify-full`` unless it names one. An
    address that is not a ``postgresql://`` URL (blank, a bare name, a port that is no number)
    is a ``ValidationError`` saying what one looks like."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ValidationError(NOT_AN_ADDRESS, field="url") from None
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError(NOT_AN_ADDRESS, field="url")
    parsed = parsed.set(drivername=DRIVER)
    if "sslmode" not in parsed.query:
        parsed = parsed.update_query_dict({"sslmode": DEFAULT_SSLMODE})
    return parsed


def take_store_lock(conn: Connection, wait_s: float) -> None:
    """In a transaction begun with ``LATE_WRITE_LOCK``: the store's write lock, held to the end
    of the transaction, waited for up to ``wait_s`` (then ``StoreBusy``)."""
    _wait_for(conn, STORE_LOCK_SQL, (), wait_s)


def take_lock_on(conn: Connection, name: str, wait_s: float) -> None:
    """A lock on ``name`` (a package's sending device, say), held to the end of the transaction,
    waited for up to ``wait_s``: transactions taking it for the same name go one at a time,
    without holding up the store's other writers. Take it before the store's write lock (one
    order for all, so neither waits for the other while holding what the other wants)."""
    _wait_for(conn, _NAMED_LOCK, (_lock_key(name),), wait_s)


def _lock_key(name: str) -> int:
    """``name`` as the signed 32-bit key of the two-key form (the same on every desktop)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big", signed=True)


def _wait_for(conn: Connection, lock: str, params: tuple[int, ...], wait_s: float) -> None:
    # SET LOCAL lasts to the end of the transaction: the busy timeout is set back at once
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, int(wait_s * 1000))}")
    conn.exec_driver_sql(lock, params)
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(sqlcipher_engine.BUSY_TIMEOUT_MS)}")


def make_pg_engine(url: str | URL, *, pool_size: int = 2) -> Engine:
    """An engine on the office's PostgreSQL database. JSON columns are written as on SQLCipher
    (compact UTF-8); parameters stay out of error messages, as there (they carry case text).
    A lock (the write lock, a row) waited for longer than the busy timeout is ``StoreBusy``, as
    on SQLite (``engine.BUSY_TIMEOUT_MS``, read when a connection opens)."""
    parsed = engine_url(url)
    url_options = [str(parsed.query["options"])] if "options" in parsed.query else []
    engine = create_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=2,
        pool_pre_ping=True,  # a desktop keeps its engine for hours; the server may restart
        json_serializer=compact_json,
        hide_parameters=True,
    )

    engine.dialect.do_ping = _ping_within_timeout  # type: ignore[method-assign]

    @event.listens_for(engine, "do_connect")
    def _on_connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        timeout = f"-c lock_timeout={int(sqlcipher_engine.BUSY_TIMEOUT_MS)}"
        cparams["options"] = " ".join([*url_options, timeout])
        for name, value in CONNECT_DEFAULTS.items():
            cparams.setdefault(name, value)
        # opened here to be checked before SQLAlchemy's first query (which in SQL_ASCII fails)
        connection = dialect.connect(*cargs, **cparams)
        check_server(connection)
        return connection

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("sqlite_begin") == "IMMEDIATE" and not options.get(_LATE):
            conn.exec_driver_sql(STORE_LOCK_SQL)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if context.is_pre_ping:  # the pool testing an idle connection: it reconnects silently
            return
        original = context.original_exception
        if getattr(original, "sqlstate", None) in (_LOCK_NOT_AVAILABLE, _DEADLOCK):
            raise StoreBusy() from original
        if getattr(original, "sqlstate", None) == _DISK_FULL:
            raise DiskFull(_SERVER_DISK_FULL) from original
        refused = connection_error(original, is_disconnect=context.is_disconnect)
        if refused is not None:
            raise refused from original

    return engine


def _ping_within_timeout(dbapi_connection: Any) -> bool:
    """Whether the server answers ``SELECT 1`` on this idle connection within
    ``PING_TIMEOUT_S`` (SQLAlchemy's own ping waits for ever). False, the pool replaces it."""
    pgconn = dbapi_connection.pgconn
    deadline = time.monotonic() + PING_TIMEOUT_S
    try:
        pgconn.send_query(b"SELECT 1")
        with selectors.DefaultSelector() as waiting:
            waiting.register(pgconn.socket, selectors.EVENT_READ | selectors.EVENT_WRITE)
            while pgconn.flush() != 0:  # a non-blocking connection may send in parts
                if not waiting.select(max(0.0, deadline - time.monotonic())):
                    return False
            waiting.modify(pgconn.socket, selectors.EVENT_READ)
            pgconn.consume_input()
            while pgconn.is_busy():
                if not waiting.select(max(0.0, deadline - time.monotonic())):
                    return False
                pgconn.consume_input()
        answered = True
        while (result := pgconn.get_result()) is not None:
            answered = answered and result.status == _TUPLES_OK
        return answered
    except Exception:  # the connection is gone (psycopg's OperationalError, an OSError)
        return False


def check_server(dbapi_connection: Any) -> None:
    """Refuse a database the office store cannot live in, on every new connection and before
    anything is read or made in it: a server older than ``MIN_SERVER_VERSION``, or an encoding
    other than UTF8 (LATIN1 cannot hold the records' Chinese; in SQL_ASCII the server checks
    nothing and the driver hands text back as bytes). Both are reported by the server when the
    connection opens: no query."""
    info = dbapi_connection.info
    encoding = info.parameter_status("server_encoding") or "?"
    refusal: NotOnOfficeServer | None = None
    if info.server_version < MIN_SERVER_VERSION * 10_000:
        version = info.parameter_status("server_version") or "?"
        refusal = NotOnOfficeServer(
            Wording(_SERVER_TOO_OLD, version=version), server_version=version
        )
    elif encoding != SERVER_ENCODING:
        refusal = NotOnOfficeServer(Wording(_WRONG_ENCODING, encoding=encoding), encoding=encoding)
    if refusal is not None:
        dbapi_connection.close()
        raise refusal


def warn_on_collation(conn: Connection) -> None:
    """Log a database whose collation is not byte order: lists sorted on the server then differ
    from the laptops' (docs/store-format.md, "PostgreSQL: what differs"); no data is at risk,
    so it is not refused. An ICU database's collation is its ICU locale, not ``datcollate``
    (the row read as JSON: the columns differ between 14, 15 and 17)."""
    collation, provider, icu_locale = conn.execute(
        text(
            "SELECT datcollate, to_jsonb(d) ->> 'datlocprovider', "
            "coalesce(to_jsonb(d) ->> 'daticulocale', to_jsonb(d) ->> 'datlocale') "
            "FROM pg_database d WHERE datname = current_database()"
        )
    ).one()
    conn.rollback()  # a look, not a unit of work: nothing stays open
    if provider == "i":
        collation = f"ICU {icu_locale}"
    elif provider == "b":  # PostgreSQL 17's builtin provider: C or C.UTF-8, code point order
        return
    if collation not in BYTE_ORDER_COLLATIONS:
        log.warning(
            "office database collation %s: lists sort as that locale does, not in byte order "
            "as on the laptops (CREATE DATABASE ... LC_COLLATE 'C' is expected)",
            collation,
        )
