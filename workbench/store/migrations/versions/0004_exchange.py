"""Sealed packages: keys, devices, revocations, the package ledger, sent and base versions,
the office's record versions, merge state and conflicts.

Frozen DDL: later changes to ``workbench/models/exchange.py`` get their own migration.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = (
    "exchange_conflicts",
    "exchange_merge_state",
    "exchange_versions",
    "exchange_sync",
    "exchange_sent",
    "exchange_ledger",
    "exchange_revocations",
    "exchange_devices",
    "exchange_keys",
)


def upgrade() -> None:
    op.create_table(
        "exchange_keys",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("public", sa.Text(), nullable=False),
        sa.Column("secret", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_exchange_keys")),
    )
    op.create_table(
        "exchange_devices",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("store_id", sa.String(36), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(64), nullable=False),
        sa.Column("signing_public", sa.String(64), nullable=False),
        sa.Column("age_recipient", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("not_after", sa.DateTime(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_by", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_exchange_devices")),
    )
    op.create_table(
        "exchange_revocations",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_exchange_revocations")),
    )
    op.create_table(
        "exchange_ledger",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("sender_device", sa.String(36), nullable=False),
        sa.Column("device_seq", sa.Integer(), nullable=False),
        sa.Column("package_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=True),
        sa.Column("round_id", sa.String(36), nullable=True),
        sa.Column("peers", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("blobs", sa.Integer(), nullable=False),
        sa.Column("warning", sa.Text(), nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_exchange_ledger")),
        sa.UniqueConstraint(
            "direction",
            "sender_device",
            "device_seq",
            name=op.f("uq_exchange_ledger_direction"),
        ),
    )
    op.create_table(
        "exchange_sent",
        sa.Column("package_id", sa.String(36), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint(
            "package_id", "record_type", "record_id", name=op.f("pk_exchange_sent")
        ),
    )
    op.create_table(
        "exchange_sync",
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_id", name=op.f("pk_exchange_sync")),
    )
    op.create_table(
        "exchange_versions",
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("parents", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "record_type",
            "record_id",
            "device_id",
            "version",
            "content_hash",
            name=op.f("pk_exchange_versions"),
        ),
    )
    op.create_table(
        "exchange_merge_state",
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_id", name=op.f("pk_exchange_merge_state")),
    )
    op.create_table(
        "exchange_conflicts",
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("heads", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_id", name=op.f("pk_exchange_conflicts")),
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
