"""Writing the index: upsert, remove, rebuild — always inside the caller's transaction.

Rows are written with ``executemany`` in chunks. An upsert deletes the old ``search_docs`` row (the
trigger removes its FTS rows) and inserts the new one; the FTS rows then pick up the new rowid by
the unique (record_type, record_id) lookup, so no rowid ever has to travel back to Python.

On PostgreSQL (the office hub, issue #20) there are no FTS5 tables: the ``search_docs`` row also
holds the folded text and the tokens of ``search.postgres`` (migration 0020).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from workbench.search.model import SearchDoc, iso_day
from workbench.search.postgres import doc_tokens
from workbench.search.text import bigram_text, fold, pinyin_full, pinyin_initials

_CHUNK = 1000

# Table names are spelled out (not formatted in) so no SQL here is ever built from strings.
_DELETE = "DELETE FROM search_docs WHERE record_type = ? AND record_id = ?"
_INSERT_DOC = (
    "INSERT INTO search_docs (record_type, record_id, round_id, target_id, date, title, body,"
    " pinyin_initials, pinyin_full) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_PG_DOC = (
    "INSERT INTO search_docs (record_type, record_id, round_id, target_id, date, title, body,"
    " pinyin_initials, pinyin_full, ftitle, fbody, tokens)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, array_to_tsvector(%s::text[]))"
)
_INSERT_TRI = (
    "INSERT INTO search_tri (rowid, title, body, pinyin) SELECT rowid, ?, ?, ?"
    " FROM search_docs WHERE record_type = ? AND record_id = ?"
)
_INSERT_BI = (
    "INSERT INTO search_bi (rowid, title, body, pinyin) SELECT rowid, ?, ?, ?"
    " FROM search_docs WHERE record_type = ? AND record_id = ?"
)
_CLEAR = (
    "INSERT INTO search_tri (search_tri) VALUES ('delete-all')",
    "INSERT INTO search_bi (search_bi) VALUES ('delete-all')",
    "DELETE FROM search_docs",
)
_OPTIMIZE = (
    "INSERT INTO search_tri (search_tri) VALUES ('optimize')",
    "INSERT INTO search_bi (search_bi) VALUES ('optimize')",
)


def as_connection(target: Session | Connection) -> Connection:
    """The connection of a session (joining its transaction) or the connection itself."""
    return target.connection() if isinstance(target, Session) else target


def _has_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def _execute(conn: Connection, statement: str, params: Any = ()) -> Any:
    """``statement`` written with ``?`` placeholders, in the driver's own style (psycopg: %s)."""
    if conn.dialect.paramstyle != "qmark":
        statement = statement.replace("?", "%s")
    return conn.exec_driver_sql(statement, params)


def _chunks(items: Iterable[SearchDoc]) -> Iterator[list[SearchDoc]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk


class _Folded(NamedTuple):
    title: str
    body: str
    initials: str
    full: str


def _folded(doc: SearchDoc) -> _Folded:
    return _Folded(
        fold(doc.title),
        fold(doc.body),
        pinyin_initials(doc.names, doc.title),
        pinyin_full(doc.names),
    )


def _doc_row(doc: SearchDoc, f: _Folded) -> tuple[Any, ...]:
    date = iso_day(doc.date) if doc.date is not None else None
    return (*doc.key, doc.round_id, doc.target_id, date, doc.title, doc.body, f.initials, f.full)


def _rows(doc: SearchDoc) -> tuple[tuple[Any, ...], tuple[str, ...], tuple[str, ...]]:
    """The search_docs row and the trigram/bigram FTS rows of one document (SQLite)."""
    f = _folded(doc)
    tri_row = (f.title, f.body, f"{f.initials} {f.full}".strip(), *doc.key)
    bi_row = (bigram_text(f.title), bigram_text(f.body), bigram_text(f.initials), *doc.key)
    return _doc_row(doc, f), tri_row, bi_row


def _pg_row(doc: SearchDoc) -> tuple[Any, ...]:
    """The search_docs row of one document on PostgreSQL: its folded text and tokens too."""
    f = _folded(doc)
    return (*_doc_row(doc, f), f.title, f.body, doc_tokens(f.title, f.body, f.initials, f.full))


def index_documents(target: Session | Connection, docs: Iterable[SearchDoc]) -> int:
    """Insert or replace documents; returns how many were written. Never commits."""
    conn = as_connection(target)
    written = 0
    for chunk in _chunks(docs):
        # The last version of a key within a chunk wins (a UNIQUE clash otherwise).
        latest = list({doc.key: doc for doc in chunk}.values())
        _execute(conn, _DELETE, [doc.key for doc in latest])
        if _has_fts(conn):
            rows = [_rows(doc) for doc in latest]
            conn.exec_driver_sql(_INSERT_DOC, [row[0] for row in rows])
            conn.exec_driver_sql(_INSERT_TRI, [row[1] for row in rows])
            conn.exec_driver_sql(_INSERT_BI, [row[2] for row in rows])
        else:
            conn.exec_driver_sql(_INSERT_PG_DOC, [_pg_row(doc) for doc in latest])
        written += len(latest)
    return written


def remove_documents(target: Session | Connection, keys: Iterable[tuple[str, str]]) -> int:
    """Remove documents by (record_type, record_id); returns how many existed. Never commits."""
    conn = as_connection(target)
    removed = 0
    iterator = iter(keys)
    while chunk := list(islice(iterator, _CHUNK)):
        result = _execute(conn, _DELETE, [tuple(key) for key in chunk])
        removed += max(result.rowcount, 0)
    return removed


def clear(target: Session | Connection) -> None:
    """Empty the whole index (``delete-all`` is the cheap way to empty a contentless table)."""
    conn = as_connection(target)
    # FTS first: the delete trigger then finds nothing left to remove
    for statement in _CLEAR if _has_fts(conn) else _CLEAR[-1:]:
        conn.exec_driver_sql(statement)


def optimize(target: Session | Connection) -> None:
    """Merge the FTS segments into one b-tree each: faster queries after a bulk load."""
    conn = as_connection(target)
    if not _has_fts(conn):
        return
    for statement in _OPTIMIZE:
        conn.exec_driver_sql(statement)


def rebuild(target: Session | Connection, docs: Iterable[SearchDoc]) -> int:
    """Replace the whole index with ``docs`` (e.g. after a tokenizer change). Never commits."""
    clear(target)
    written = index_documents(target, docs)
    optimize(target)
    return written
