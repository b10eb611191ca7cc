"""Search index: a document table and two contentless FTS5 tables (trigram and bigram).

The DDL is frozen here, as migrations must be; ``workbench.search.schema`` holds the same
statements for tests that build an index outside a store. A later change to the index gets its own
migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CREATE = (
    """
    CREATE TABLE search_docs (
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
    "CREATE INDEX ix_search_docs_round_id ON search_docs (round_id, date)",
    "CREATE INDEX ix_search_docs_target_id ON search_docs (target_id, date)",
    "CREATE INDEX ix_search_docs_date ON search_docs (date)",
    """
    CREATE VIRTUAL TABLE search_tri USING fts5(
        title, body, pinyin,
        content='', contentless_delete=1, tokenize='trigram'
    )
    """,
    """
    CREATE VIRTUAL TABLE search_bi USING fts5(
        title, body, pinyin,
        content='', contentless_delete=1, tokenize='unicode61'
    )
    """,
    """
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_tri WHERE rowid = old.rowid;
        DELETE FROM search_bi WHERE rowid = old.rowid;
    END
    """,
)


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS search_docs_ad")
    op.execute("DROP TABLE IF EXISTS search_tri")
    op.execute("DROP TABLE IF EXISTS search_bi")
    op.execute("DROP TABLE IF EXISTS search_docs")
