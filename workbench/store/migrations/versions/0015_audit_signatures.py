"""Signed audit entries (store/audit.py): each entry carries the acting user's Ed25519 signature
over its digest. Entries already in the log stay unsigned; ``audit_signed_from`` in store_meta
names the first seq written after this revision, so ``audit verify`` reports the older ones as
written before signatures rather than as failures.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench.store.migrations.dialects import is_sqlite

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN leaves the append-only triggers (which refuse UPDATE and DELETE) in place
    op.add_column("audit_log", sa.Column("signature", sa.String(length=88), nullable=True))
    signed_from = (
        "SELECT 'audit_signed_from', CAST(COALESCE(MAX(seq), 0) + 1 AS TEXT) FROM audit_log"
    )
    if is_sqlite():
        op.execute(f"INSERT OR REPLACE INTO store_meta (key, value) {signed_from}")
    else:
        op.execute(
            f"INSERT INTO store_meta (key, value) {signed_from} "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        )


def downgrade() -> None:
    op.execute("DELETE FROM store_meta WHERE key = 'audit_signed_from'")
    # SQLite's own DROP COLUMN: a batch copy would drop the append-only triggers with the table
    op.execute("ALTER TABLE audit_log DROP COLUMN signature")
