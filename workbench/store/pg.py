"""The office store on PostgreSQL: the engine for a ``postgresql://`` URL (issue #20).

The same models, services and Alembic migrations as the SQLCipher store; the migrations branch on
the dialect where the SQL must differ (docs/store-format.md, "PostgreSQL: what differs"). The
connection goes through psycopg 3 and TLS is required unless the URL says otherwise:
``sslmode=verify-full`` (the server's certificate must chain to the CA in ``sslrootcert``, or to
libpq's default ``~/.postgresql/root.crt``, and name the host).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, ExceptionContext, make_url

from workbench.errors import StoreBusy, ValidationError
from workbench.store import engine as sqlcipher_engine
from workbench.store.engine import compact_json

DRIVER = "postgresql+psycopg"
DEFAULT_SSLMODE = "verify-full"
# The execution option a write unit of work carries (``Vault.session``: SQLite's BEGIN
# IMMEDIATE). Here it takes the store's write lock, a transaction-level advisory lock, so that
# the audit chain's next link is taken by one writer at a time, as on SQLite.
WRITE_OPTIONS = {"sqlite_begin": "IMMEDIATE"}
_WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('workbench store write'))"
_LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of a lock wait cut off by lock_timeout


def engine_url(url: str | URL) -> URL:
    """``url`` on the psycopg driver, with ``sslmode=verify-full`` unless it names one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError("办公室数据库地址应以 postgresql:// 开头", field="url")
    parsed = parsed.set(drivername=DRIVER)
    if "sslmode" not in parsed.query:
        parsed = parsed.update_query_dict({"sslmode": DEFAULT_SSLMODE})
    return parsed


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
        if conn.get_execution_options().get("sqlite_begin") == "IMMEDIATE":
            conn.exec_driver_sql(_WRITE_LOCK)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if getattr(context.original_exception, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
            raise StoreBusy() from context.original_exception

    return engine
