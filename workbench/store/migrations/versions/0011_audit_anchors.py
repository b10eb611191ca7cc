"""Audit anchors: the chain heads this store sent in its packages, and what the packages it
received claimed about their senders' chains (docs/package-format.md, "Audit anchors").

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("head", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", "seq", name=op.f("pk_audit_anchors")),
    )
    op.create_index("ix_audit_anchors_device_seq", "audit_anchors", ["device_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_anchors_device_seq", table_name="audit_anchors")
    op.drop_table("audit_anchors")
