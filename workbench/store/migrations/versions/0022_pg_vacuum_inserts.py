"""The office store's big tables on PostgreSQL: vacuumed after 1 % new rows, not 20 %.

A list's total is an index-only count that reads the heap for every row not yet marked
all-visible; autovacuum marks them, by default only once inserts reach a fifth of a table, so
after a large import the count of a long list reads most of its rows from the heap (bench/NOTES.md,
"Where the first page's time goes on PostgreSQL"). On SQLite nothing changes.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

# the tables an office's imports fill by the hundred thousand
BIG_TABLES = ("letters", "clues", "interviews", "findings", "audit_log", "search_docs")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in BIG_TABLES:
        op.execute(f"ALTER TABLE {table} SET (autovacuum_vacuum_insert_scale_factor = 0.01)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in BIG_TABLES:
        op.execute(f"ALTER TABLE {table} RESET (autovacuum_vacuum_insert_scale_factor)")
