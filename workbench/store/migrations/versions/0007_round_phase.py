"""A round's current phase (准备 → 进驻 → 报告 → 反馈 → 整改 → 归档); rounds already stored start
at 准备.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "rounds",
        sa.Column("phase", sa.String(length=32), nullable=False, server_default="preparation"),
    )


def downgrade() -> None:
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_column("phase")
