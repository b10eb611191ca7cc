"""Bulk INSERTs without the ORM: one statement, ``executemany`` over rows of plain values.

Rows written this way skip the ORM's flush hooks, so their callers audit them in bulk
(``audit.record_many``) and queue them for the search index themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from sqlalchemy.orm import Session

Row = Sequence[Any]


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
            self._session.connection().exec_driver_sql(statement.many, rows)
