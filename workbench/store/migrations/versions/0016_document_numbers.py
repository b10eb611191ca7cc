"""The register of issued 发文字号 (reports/numbers.py): one row per number drawn, unique per
机关代字, year and sequence; append-only like the audit log, so a number is never drawn twice.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workbench.store.migrations.dialects import create_append_only, drop_append_only

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_numbers",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("round_id", sa.String(36), nullable=True),
        sa.Column("target_id", sa.String(36), nullable=True),
        sa.Column("record_id", sa.String(36), nullable=True),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_numbers")),
        sa.UniqueConstraint("code", "year", "seq", name=op.f("uq_document_numbers_code")),
    )
    create_append_only("document_numbers", "issued document numbers are never reused")


def downgrade() -> None:
    drop_append_only("document_numbers")
    op.drop_table("document_numbers")
