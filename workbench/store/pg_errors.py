"""What a failed connection to the office's PostgreSQL server means, as a ``WB-OFFICE-*`` error
(``connection_error``: the engine's ``handle_error`` and the two places that use psycopg
directly, COPY and the attachments' rows); and a login the server lets in but denies the
office's tables (SQLSTATE 42501: not in the group role that owns them, README "Office server").

By what does not depend on a language first. A statement's error carries its SQLSTATE. A failed
connection attempt carries none (libpq keeps the server's code to itself), so the attempt's own
facts come next: libpq says whether the server asked for a password and had one, and whether TLS
was set up; where neither happened and TLS was required, one TCP connection to the same address
tells a server that answered (its certificate or TLS refused) from none at all. The words are
the last resort, only to tell apart what the facts leave together (a missing database from a
refused login; a ``pg_hba.conf`` refusal from a server going down): libpq's and the server's
texts are translated (the server's follow its ``lc_messages``), so each is matched in English
and in the zh_CN wording of PostgreSQL's own catalogs (libpq5 and postgres, version 15).
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from workbench.errors import (
    OfficeDatabaseMissing,
    OfficeLoginRefused,
    OfficePrivilegeMissing,
    OfficeTlsRefused,
    OfficeUnreachable,
    WorkbenchError,
)

if TYPE_CHECKING:
    from psycopg.pq.abc import PGconn

# SQLSTATEs (PostgreSQL's errcodes.txt)
_LOGIN_REFUSED = ("28P01", "28000")  # invalid_password, invalid_authorization_specification
_NO_DATABASE = "3D000"  # invalid_catalog_name
_NO_PRIVILEGE = "42501"  # insufficient_privilege: a table, the schema, a sequence
_SERVER_GONE = ("57P01", "57P02", "57P03")  # admin, crash or startup shutdown of the backend
_CONNECTION_CLASS = "08"  # connection_exception and its subclasses
_TLS_MODES = ("require", "verify-ca", "verify-full")  # sslmode values that refuse plain text
PROBE_TIMEOUT_S = 5.0  # the one TCP connection that tells a server from none

# The words, in English and zh_CN, where the facts leave two meanings.
_TLS_WORDS = (
    "SSL error",
    "SSL SYSCALL",
    "certificate",
    "does not support SSL",
    "sslrootcert",
    "SSL 错误",
    "SSL SYSCALL 错误",
    "服务器不支持 SSL",
    "证书",
    "根认证文件",
)
_LOGIN_WORDS = (
    "password authentication failed",
    "authentication failed",
    "no password supplied",
    "pg_hba.conf",
    "is not permitted to log in",
    "认证失败",
    "进行登录",
)
_NO_DATABASE_WORDS = (("database", "does not exist"), ("数据库", "不存在"))


def connection_error(exc: BaseException, *, is_disconnect: bool = False) -> WorkbenchError | None:
    """The ``WB-`` error a driver error about the connection itself means: the server down or
    unreachable or the connection lost (``OfficeUnreachable``), its certificate not verified
    (``OfficeTlsRefused``), the login refused, the database missing, or the login without the
    privileges the office store needs (``OfficePrivilegeMissing``). None for any other error
    (a statement's own failure, our bug)."""
    import psycopg

    sqlstate = getattr(exc, "sqlstate", None)
    if sqlstate == _NO_PRIVILEGE and isinstance(exc, psycopg.Error):
        return OfficePrivilegeMissing(reason=str(exc).strip())
    if not isinstance(exc, psycopg.OperationalError):
        return None
    text = str(exc).strip()
    if isinstance(exc, psycopg.errors.ConnectionTimeout):
        # connect_timeout ran out: a server that accepts TCP but never answers (hung, stopped)
        return OfficeUnreachable(reason=text)
    if sqlstate in _LOGIN_REFUSED:
        return OfficeLoginRefused(reason=text)
    if sqlstate == _NO_DATABASE:
        return OfficeDatabaseMissing(reason=text)
    if sqlstate is None:
        attempt = _failed_attempt(exc)
        if attempt is not None or text.startswith("connection failed"):
            return _refused_attempt(attempt, text)
    if is_disconnect or sqlstate in _SERVER_GONE or (sqlstate or "").startswith(_CONNECTION_CLASS):
        return OfficeUnreachable(reason=text)
    if sqlstate is None:  # libpq lost the connection mid-statement ("server closed …")
        return OfficeUnreachable(reason=text)
    return None


def _failed_attempt(exc: BaseException) -> PGconn | None:
    """The connection of a failed attempt to connect (psycopg hands it on with the error): one
    that never had a backend. None for a session that was open, or none handed on."""
    pgconn = getattr(exc, "pgconn", None)
    try:
        return pgconn if pgconn is not None and pgconn.backend_pid == 0 else None
    except Exception:  # a connection already finished tells nothing
        return None


def _refused_attempt(pgconn: PGconn | None, text: str) -> WorkbenchError:
    reason = text.split(" failed: ", 1)[-1].split("\n", 1)[0].strip()
    if pgconn is not None:
        if pgconn.used_password or pgconn.needs_password:
            # the server asked for the password: it refused the login, or (the password
            # accepted) has no such database
            if _says_no_database(text):
                return OfficeDatabaseMissing(reason=reason)
            return OfficeLoginRefused(reason=reason)
        if not pgconn.ssl_in_use and _tls_required(pgconn):
            if not _server_answers(pgconn):
                return OfficeUnreachable(reason=reason)
            return OfficeTlsRefused(reason=reason)  # a server is there; no TLS came of it
    return _by_words(text, reason)


def _by_words(text: str, reason: str) -> WorkbenchError:
    if any(word in text for word in _TLS_WORDS):
        return OfficeTlsRefused(reason=reason)
    if any(word in text for word in _LOGIN_WORDS):
        return OfficeLoginRefused(reason=reason)
    if _says_no_database(text):
        return OfficeDatabaseMissing(reason=reason)
    return OfficeUnreachable(reason=reason)


def _says_no_database(text: str) -> bool:
    return any(all(word in text for word in words) for words in _NO_DATABASE_WORDS)


def _option(pgconn: PGconn, keyword: bytes) -> bytes | None:
    for option in pgconn.info:
        if option.keyword == keyword:
            return option.val
    return None


def _tls_required(pgconn: PGconn) -> bool:
    mode = _option(pgconn, b"sslmode")
    return mode is not None and mode.decode("ascii", "replace") in _TLS_MODES


def _server_answers(pgconn: PGconn) -> bool:
    """Whether anything accepts a connection at the address the attempt used (a Unix socket's
    file, or the host's resolved address and port). The server logs it as an incomplete
    start-up packet."""
    try:
        host = (pgconn.hostaddr or pgconn.host).decode("utf-8")
        port = int(pgconn.port.decode("ascii") or "5432")
    except (UnicodeDecodeError, ValueError):
        return False
    try:
        if host.startswith("/"):
            with socket.socket(socket.AF_UNIX) as unix:
                unix.settimeout(PROBE_TIMEOUT_S)
                unix.connect(f"{host}/.s.PGSQL.{port}")
        else:
            socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S).close()
    except OSError:
        return False
    return True
