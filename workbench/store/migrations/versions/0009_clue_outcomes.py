"""Clue follow-through: the second receiving unit of a 双移交, the name of an "其他" unit, and
the dated outcome entries (谈话函询, 初核, 立案, 处分, 组织处理, 了结). Clues already stored keep
their meaning: one unit, no outcomes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS: list[sa.Column[object]] = [
    sa.Column("second_unit", sa.String(length=32), nullable=True),
    sa.Column("other_unit", sa.String(length=120), nullable=False, server_default=""),
    sa.Column("outcomes", sa.JSON(), nullable=False, server_default="[]"),
]


def upgrade() -> None:
    for column in _COLUMNS:
        op.add_column("clues", column)


def downgrade() -> None:
    with op.batch_alter_table("clues", schema=None) as batch_op:
        for column in reversed(_COLUMNS):
            batch_op.drop_column(column.name)
