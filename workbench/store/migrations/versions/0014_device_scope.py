"""What the office sent each device, so it decides what a device may write (docs/package-format.md):
the rounds and teams a device was briefed for, the record versions each briefing carried, and a
mark on a received version held as a proposal.

Devices briefed before this revision keep their round (from the ledger's briefings); their team
and the versions they received are known from their next briefing on.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_device_scope",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("round_id", sa.String(36), nullable=False),
        sa.Column("team_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint(
            "device_id", "round_id", "team_id", name=op.f("pk_exchange_device_scope")
        ),
    )
    op.create_table(
        "exchange_briefed",
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint(
            "device_id",
            "record_type",
            "record_id",
            "version",
            "content_hash",
            name=op.f("pk_exchange_briefed"),
        ),
    )
    op.add_column(
        "exchange_versions",
        sa.Column("held", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    conn = op.get_bind()
    briefings = conn.execute(
        sa.text(
            "SELECT round_id, peers FROM exchange_ledger"
            " WHERE direction = 'out' AND kind = 'briefing' AND round_id IS NOT NULL"
        )
    ).all()
    rows = {
        (device, round_id)
        for round_id, peers in briefings
        for device in (peers or "").split(",")
        if device
    }
    for device, round_id in sorted(rows):
        conn.execute(
            sa.text(
                "INSERT INTO exchange_device_scope (device_id, round_id, team_id)"
                " VALUES (:d, :r, '')"
            ),
            {"d": device, "r": round_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("exchange_versions", schema=None) as batch_op:
        batch_op.drop_column("held")
    op.drop_table("exchange_briefed")
    op.drop_table("exchange_device_scope")
