"""Bulk INSERTs without the ORM, written at once or on a background thread.

A package import writes tens of thousands of rows. ``executemany`` binds every row with the GIL
held, and SQLite releases the GIL only while it steps a statement, so a writer thread running
``executemany`` takes turns with the parsing thread row by row (tried: no gain). ``PipedRows``
instead sends a table's rows of a batch as ONE JSON text bound to ONE statement,
``INSERT … SELECT value ->> 0, … FROM jsonb_each(?)``: SQLite unpacks and inserts every row in a
single step, with the GIL released throughout, so the writing overlaps the Python work of the
next batch. (``jsonb_each`` hands each row over in binary form, so reading its columns does not
parse its text again: a third faster than ``json_each`` here. One multi-row ``VALUES`` statement
per batch was as fast, but every statement size stayed cached with its last bound values.)

JSON carries exactly the SQLite types these rows hold: text, integers and NULL (booleans are
already 0/1, JSON columns already text, and no column holds a float). Rows come out in array
order, so rowids are assigned as ``executemany`` assigns them: the stored bytes are the same
either way (tests compare them).

``insert_json`` sends a JSON text as it is, for statements that pick their columns out of it
themselves (a package import sends its records' lines: ``exchange/bulk.py``). The text becomes
JSONB once, and each statement reads the JSONB, so SQLite parses the text once however many
tables it fills.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

import sqlcipher3
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from workbench.store.engine import store_error

Row = Sequence[Any]
# One statement that reads a bound JSON array: its SQL (the JSONB is ``?1``) and the values bound
# after it (``?2``…).
JsonStatement = tuple[str, tuple[Any, ...]]
_TO_JSONB = "SELECT jsonb(CAST(? AS TEXT))"  # bytes bind as a BLOB; jsonb() would read it as JSONB


@dataclass(frozen=True)
class Insert:
    """One INSERT statement in both forms. ``verb`` may be ``INSERT OR IGNORE`` (names come from
    our models, never from input)."""

    table: str
    columns: tuple[str, ...]
    verb: str = "INSERT"

    @cached_property
    def _head(self) -> str:
        names = ", ".join(f'"{c}"' for c in self.columns)
        return f'{self.verb} INTO "{self.table}" ({names})'

    @cached_property
    def many(self) -> str:
        """For ``executemany``: one row of ``?`` marks."""
        marks = ", ".join("?" for _ in self.columns)
        return f"{self._head} VALUES ({marks})"

    @cached_property
    def from_json(self) -> str:
        """For one JSON array of row arrays."""
        values = ", ".join(f"value ->> {i}" for i in range(len(self.columns)))
        return f"{self._head} SELECT {values} FROM jsonb_each(?)"  # noqa: S608


class Rows(Protocol):
    """Where bulk rows go: ``insert`` may return before they are written (``PipedRows``)."""

    def insert(self, statement: Insert, rows: Sequence[Row]) -> None: ...

    def insert_json(self, text: bytes, statements: Sequence[JsonStatement]) -> None:
        """Run ``statements`` in turn, each with the JSON array ``text`` (UTF-8) as ``?1``."""


class DirectRows:
    """Rows written at once, with ``executemany`` on the session's connection."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(self, statement: Insert, rows: Sequence[Row]) -> None:
        if rows:
            self._session.connection().exec_driver_sql(statement.many, rows)

    def insert_json(self, text: bytes, statements: Sequence[JsonStatement]) -> None:
        connection = self._session.connection()
        blob = connection.exec_driver_sql(_TO_JSONB, (text,)).scalar_one()
        for sql, values in statements:
            connection.exec_driver_sql(sql, (blob, *values))


_STOP = None
_Job = tuple[str, list[Any]] | tuple[bytes, Sequence[JsonStatement]]  # SQL + values, or JSON


class PipedRows:
    """Rows written in order on one background thread, on the session's own connection (so
    inside its transaction). While batches are in flight that connection belongs to the
    thread: call ``drain`` before anything else uses the session, and ``close`` before the
    transaction ends, on every path. A failed statement is raised by the next ``insert``,
    ``drain`` or ``close``, and nothing after it is written.

    ``cache_kib``: SQLite's page cache for the connection while the pipe is open (restored by
    ``close``). Rows keyed by random ids land all over their indexes; once those outgrow the
    cache, SQLCipher decrypts each page it reads back and encrypts each page it evicts."""

    def __init__(self, session: Session, *, depth: int = 4, cache_kib: int | None = None) -> None:
        connection: Any = session.connection().connection.driver_connection
        self._connection = connection
        self._cache_before: int | None = None
        if cache_kib is not None:
            self._cache_before = connection.execute("PRAGMA cache_size").fetchone()[0]
            connection.execute(f"PRAGMA cache_size = {-int(cache_kib)}")
        self._jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._discard = False
        self._thread = threading.Thread(target=self._run, name="import-rows", daemon=True)
        self._thread.start()

    def insert(self, statement: Insert, rows: Sequence[Row]) -> None:
        self._raise_failure()
        if rows:
            text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
            self._jobs.put((statement.from_json, [text]))

    def insert_json(self, text: bytes, statements: Sequence[JsonStatement]) -> None:
        self._raise_failure()
        if statements:
            self._jobs.put((text, statements))

    def drain(self) -> None:
        """Return once every row sent so far is written (or raise what failed)."""
        self._jobs.join()
        self._raise_failure()

    def close(self, *, discard: bool = False) -> None:
        """Stop the thread after what is queued (``discard``: skipping it, as the transaction
        is to be rolled back); raise a failure."""
        self._discard = self._discard or discard
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join()
        if self._cache_before is not None:
            cache, self._cache_before = self._cache_before, None
            self._connection.execute(f"PRAGMA cache_size = {int(cache)}")
        self._raise_failure()

    def _raise_failure(self) -> None:
        error = self._error
        if error is None:
            return
        if isinstance(error, sqlcipher3.Error):  # as the engine would have raised it
            translated = store_error(error)
            if translated is not None:
                raise translated from error
            raise DBAPIError.instance(None, None, error, sqlcipher3.Error) from error
        raise error

    def _run(self) -> None:
        cursor = self._connection.cursor()
        try:
            while True:
                job = self._jobs.get()
                try:
                    if job is _STOP:
                        return
                    if self._error is None and not self._discard:  # nothing after a failure
                        self._write(cursor, job)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc
                finally:
                    self._jobs.task_done()
        finally:
            cursor.close()

    @staticmethod
    def _write(cursor: Any, job: _Job) -> None:
        if isinstance(job[0], str):
            cursor.execute(job[0], job[1])
            return
        blob = cursor.execute(_TO_JSONB, (job[0],)).fetchone()[0]
        for sql, values in job[1]:
            cursor.execute(sql, (blob, *values))
