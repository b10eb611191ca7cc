"""What 关于 shows of the store's engine: the SQLCipher and SQLite versions it runs on."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def engine_versions(session: Session) -> tuple[str, str]:
    """(SQLCipher, SQLite) versions of the open store's connection."""
    cipher = session.execute(text("PRAGMA cipher_version")).scalar()
    sqlite = session.execute(text("SELECT sqlite_version()")).scalar()
    return str(cipher or ""), str(sqlite or "")
