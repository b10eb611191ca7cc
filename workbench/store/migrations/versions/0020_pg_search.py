"""Search on PostgreSQL (the office hub, issue #20): the folded text and the app's own tokens.

SQLite keeps its two FTS5 tables (0003) and this revision changes nothing there. On PostgreSQL,
``search_docs`` gains the folded title and body (the exact check of a term, and its count for
the ranking) and ``tokens``, a ``tsvector`` of the tokens ``workbench.search.postgres`` makes
(the bigram stream of the FTS5 table, each token tagged with its column), under a GIN index.
The tokens are made by the app, not by a text search configuration or pg_trgm, whose word rules
follow the server's locale (under the ``C`` ctype pg_trgm takes no trigram from Chinese text).

Documents indexed before this revision have no tokens yet: their records are queued for the
catch-up (``search_pending``, by table name, as a bulk import queues them).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

from workbench.store.migrations.dialects import is_sqlite

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# The records behind the documents, by table name as the queue keys them; the search record
# types and their tables as of this revision (frozen, as migrations are).
_QUEUE_EXISTING = """
    INSERT INTO search_pending (record_type, record_id)
    SELECT CASE record_type
        WHEN 'interview' THEN 'interviews'
        WHEN 'letter' THEN 'letters'
        WHEN 'finding' THEN 'findings'
        WHEN 'clue' THEN 'clues'
        WHEN 'activity' THEN 'activities'
        WHEN 'person' THEN 'persons'
        WHEN 'target' THEN 'targets'
        WHEN 'rectification' THEN 'rectifications'
        WHEN 'list_entry' THEN 'list_entries'
        WHEN 'data_hit' THEN 'data_hits'
        WHEN 'attachment' THEN 'attachments'
    END, record_id
    FROM search_docs
    WHERE record_type IN ('interview', 'letter', 'finding', 'clue', 'activity', 'person',
        'target', 'rectification', 'list_entry', 'data_hit', 'attachment')
    ON CONFLICT DO NOTHING
"""
_UPGRADE = (
    "ALTER TABLE search_docs ADD COLUMN ftitle TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE search_docs ADD COLUMN fbody TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE search_docs ADD COLUMN tokens TSVECTOR NOT NULL DEFAULT ''",
    "CREATE INDEX ix_search_docs_tokens ON search_docs USING gin (tokens)",
)
_DOWNGRADE = (
    "DROP INDEX IF EXISTS ix_search_docs_tokens",
    "ALTER TABLE search_docs DROP COLUMN IF EXISTS tokens",
    "ALTER TABLE search_docs DROP COLUMN IF EXISTS fbody",
    "ALTER TABLE search_docs DROP COLUMN IF EXISTS ftitle",
)


def upgrade() -> None:
    if is_sqlite():
        return
    for statement in _UPGRADE:
        op.execute(statement)
    op.execute(_QUEUE_EXISTING)


def downgrade() -> None:
    if is_sqlite():
        return
    for statement in _DOWNGRADE:
        op.execute(statement)
