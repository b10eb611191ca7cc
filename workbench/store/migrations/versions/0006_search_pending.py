"""Search queue: ``search_pending`` holds the records written without the ORM (bulk package
imports) that still have to be indexed; ``workbench.services.index_queue`` drains it after the
commit.

Frozen DDL; ``workbench.search.schema`` holds the same statement for stores built outside
migrations.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

from workbench.store.migrations.dialects import is_sqlite

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CREATE = """
    CREATE TABLE search_pending (
        record_type VARCHAR(64) NOT NULL,
        record_id VARCHAR(80) NOT NULL,
        PRIMARY KEY (record_type, record_id)
    ) WITHOUT ROWID
    """


def upgrade() -> None:
    # WITHOUT ROWID is SQLite's: a PostgreSQL table has no rowid to leave out
    op.execute(CREATE if is_sqlite() else CREATE.replace(" WITHOUT ROWID", ""))


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_pending")
