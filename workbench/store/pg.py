"""The office store on PostgreSQL: the engine for a ``postgresql://`` URL (issue #20).

The same models, services and Alembic migrations as the SQLCipher store; the migrations branch on
the dialect where the SQL must differ (docs/store-format.md, "PostgreSQL: what differs"). The
connection goes through psycopg 3 and TLS is required unless the URL says otherwise:
``sslmode=verify-full`` (the server's certificate must chain to the CA in ``sslrootcert``, or to
libpq's default ``~/.postgresql/root.crt``, and name the host).
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from workbench.errors import NotOnOfficeServer, StoreBusy, ValidationError
from workbench.i18n import N_, Wording
from workbench.store import engine as sqlcipher_engine
from workbench.store.engine import compact_json
from workbench.store.pg_errors import connection_error

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
_WRITE_LOCK = f"SELECT pg_advisory_xact_lock({_STORE_LOCK_KEY})"
# A narrower lock: the two-key form, whose key space is not the one-key form's (the store's).
_NAMED_SPACE = 0x77626E6D  # "wbnm"
_NAMED_LOCK = f"SELECT pg_advisory_xact_lock({_NAMED_SPACE}, %s)"
_LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of a lock wait cut off by lock_timeout
_DEADLOCK = "40P01"  # two transactions each waited for the other: the server undid one
NOT_AN_ADDRESS = N_("巡察办服务器地址应形如 postgresql://用户@主机:端口/数据库（由系统管理员提供）")
_NOT_ON_SERVER = N_(
    "巡察办服务器上的数据库暂不支持{job}：它只适用于本机的加密数据库文件；"
    "服务器的备份、检查与加密由数据库管理员在服务器上进行"
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
    _wait_for(conn, _WRITE_LOCK, (), wait_s)


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

    @event.listens_for(engine, "do_connect")
    def _on_connect(_dialect: Any, _record: Any, _cargs: Any, cparams: dict[str, Any]) -> None:
        timeout = f"-c lock_timeout={int(sqlcipher_engine.BUSY_TIMEOUT_MS)}"
        cparams["options"] = " ".join([*url_options, timeout])

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("sqlite_begin") == "IMMEDIATE" and not options.get(_LATE):
            conn.exec_driver_sql(_WRITE_LOCK)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        original = context.original_exception
        if getattr(original, "sqlstate", None) in (_LOCK_NOT_AVAILABLE, _DEADLOCK):
            raise StoreBusy() from original
        refused = connection_error(original, is_disconnect=context.is_disconnect)
        if refused is not None:
            raise refused from original

    return engine
