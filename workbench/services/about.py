"""What 关于 shows of the store's engine: the SQLCipher and SQLite versions a store on this disk
runs on, or the office server's PostgreSQL (``workbench info`` says the same)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# the names of the engines, shown as they are (product names)
SQLCIPHER, SQLITE, POSTGRESQL = "SQLCipher", "SQLite", "PostgreSQL"


def engine_versions(session: Session) -> tuple[tuple[str, str], ...]:
    """(engine, version) pairs of the open store's connection: SQLCipher's and SQLite's, or the
    office server's PostgreSQL (its ``PRAGMA`` does not exist there)."""
    if session.get_bind().dialect.name == "postgresql":
        server = session.execute(text("SHOW server_version")).scalar()
        return ((POSTGRESQL, str(server or "")),)
    cipher = session.execute(text("PRAGMA cipher_version")).scalar()
    sqlite = session.execute(text("SELECT sqlite_version()")).scalar()
    return (SQLCIPHER, str(cipher or "")), (SQLITE, str(sqlite or ""))
