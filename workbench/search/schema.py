"""DDL for the search index: one plain table plus two contentless FTS5 tables.

``search_docs`` holds what results display and filter on. The FTS5 tables are contentless
(``content=''``) because neither the bigram stream nor the folded text is worth storing twice:
snippets are cut in Python from ``search_docs``. ``contentless_delete=1`` (SQLite ≥ 3.43) lets a
row be deleted by rowid alone, and a trigger on ``search_docs`` does that, so the FTS rows can
never outlive their document whoever deletes it.

- ``search_tri``: trigram tokenizer over folded title/body, for terms of three or more characters.
- ``search_bi``: unicode61 over our space-separated bigram stream, for one- and two-character
  terms (one character: the prefix query ``"贪" *``). No ``prefix='1'`` index: at 100,000 documents
  it made the index 24 % larger and the load 47 % slower, and only helped characters found in
  nearly every row (不: 99 ms instead of 183 ms; 贪, in a fifth of the rows: 22 vs 23 ms).

Both have a ``pinyin`` column (initials, plus full pinyin of names in the trigram table).
"""

from __future__ import annotations

from sqlalchemy import Connection

_CREATE = (
    """
    CREATE TABLE IF NOT EXISTS search_docs (
        rowid INTEGER NOT NULL PRIMARY KEY,
        record_type VARCHAR(64) NOT NULL,
        record_id VARCHAR(80) NOT NULL,
        round_id VARCHAR(80),
        target_id VARCHAR(80),
        date VARCHAR(10),
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        pinyin_initials TEXT NOT NULL,
        pinyin_full TEXT NOT NULL,
        CONSTRAINT uq_search_docs_record_type UNIQUE (record_type, record_id)
    )
    """,
    "CREATE INDEX IF NOT EXISTS ix_search_docs_round_id ON search_docs (round_id, date)",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_target_id ON search_docs (target_id, date)",
    "CREATE INDEX IF NOT EXISTS ix_search_docs_date ON search_docs (date)",
    # record_type filters are served by the UNIQUE (record_type, record_id) index.
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS search_tri USING fts5(
        title, body, pinyin,
        content='', contentless_delete=1, tokenize='trigram'
    )
    """,
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS search_bi USING fts5(
        title, body, pinyin,
        content='', contentless_delete=1, tokenize='unicode61'
    )
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_docs_ad AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_tri WHERE rowid = old.rowid;
        DELETE FROM search_bi WHERE rowid = old.rowid;
    END
    """,
    # Records written without the ORM (bulk imports) wait here, keyed by table name, until
    # workbench.services.index_queue indexes them after the commit (migration 0006).
    """
    CREATE TABLE IF NOT EXISTS search_pending (
        record_type VARCHAR(64) NOT NULL,
        record_id VARCHAR(80) NOT NULL,
        PRIMARY KEY (record_type, record_id)
    ) WITHOUT ROWID
    """,
)

_DROP = (
    "DROP TABLE IF EXISTS search_pending",
    "DROP TRIGGER IF EXISTS search_docs_ad",
    "DROP TABLE IF EXISTS search_tri",
    "DROP TABLE IF EXISTS search_bi",
    "DROP TABLE IF EXISTS search_docs",
)


def create_search_schema(conn: Connection) -> None:
    """Create the index tables (idempotent). Runs in the caller's transaction."""
    for statement in _CREATE:
        conn.exec_driver_sql(statement)


def drop_search_schema(conn: Connection) -> None:
    """Drop the index tables (idempotent), e.g. in a migration's downgrade."""
    for statement in _DROP:
        conn.exec_driver_sql(statement)
