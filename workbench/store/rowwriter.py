"""Bulk INSERTs without the ORM: one statement, ``executemany`` over rows of plain values.

Rows written this way skip the ORM's flush hooks, so their callers audit them in bulk
(``audit.record_many``) and queue them for the search index themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

Row = Sequence[Any]


def driver_sql(conn: Connection, sql: str) -> str:
    """``sql`` written with ``?`` marks (ours, never input) in the marks of ``conn``'s driver:
    unchanged on SQLite, psycopg's ``%s`` on PostgreSQL."""
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def upsert(session: Session, table: Table) -> Any:
    """An ``INSERT`` of ``table`` that takes ``on_conflict_do_nothing``/``_do_update``: the
    construct of the session's dialect (both spell it ``INSERT … ON CONFLICT``)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


@dataclass(frozen=True)
class Insert:
    """One INSERT statement. ``verb`` may be ``INSERT OR IGNORE`` (names come from our models,
    never from input)."""

    table: str
    columns: tuple[str, ...]
    verb: str = "INSERT"

    @cached_property
    def many(self) -> str:
        """For ``executemany``: one row of ``?`` marks."""
        names = ", ".join(f'"{c}"' for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        return f'{self.verb} INTO "{self.table}" ({names}) VALUES ({marks})'


class Rows(Protocol):
    """Where bulk rows go."""

    def insert(self, statement: Insert, rows: Sequence[Row]) -> None: ...


class DirectRows:
    """Rows written at once, with ``executemany`` on the session's connection."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(self, statement: Insert, rows: Sequence[Row]) -> None:
        if rows:
            conn = self._session.connection()
            conn.exec_driver_sql(driver_sql(conn, statement.many), rows)
