"""The reason a record was voided (作废). Voiding keeps the row as a tombstone (``deleted_at``);
records voided before this revision have no reason on record and keep an empty one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# every table of a RecordMixin model at this revision (frozen: later tables carry the column
# from their own create_table)
_TABLES = (
    "activities",
    "archive_items",
    "clues",
    "evidence",
    "findings",
    "focus_items",
    "interviews",
    "letters",
    "list_entries",
    "members",
    "persons",
    "portraits",
    "rectifications",
    "reports",
    "rounds",
    "targets",
    "teams",
)


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("void_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("void_reason")
