"""What the office sets up a round with: phase dates, the dispatching level, a 专项巡察's topic
and 方案 status, the round a 回头看 looks back on; a team's level, county and leading team (1托N,
联动); where a member comes from and the targets and persons they must keep away from (回避); a
target's county; a person's unit and 身份证号. Records already stored keep their meaning: city
level, no county, no 回避 links.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_COLUMNS: dict[str, list[sa.Column[object]]] = {
    "rounds": [
        sa.Column("phase_dates", sa.JSON(), nullable=False, server_default="{}"),
        sa.Column("dispatch_level", sa.String(length=32), nullable=False, server_default="city"),
        sa.Column("topic", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("plan_status", sa.String(length=32), nullable=False, server_default="none"),
        sa.Column("plan_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("revisit_of", sa.String(length=36), nullable=True),
    ],
    "teams": [
        sa.Column("level", sa.String(length=32), nullable=False, server_default="city"),
        sa.Column("county", sa.String(length=60), nullable=False, server_default=""),
        sa.Column("lead_team_id", sa.String(length=36), nullable=True),
    ],
    "members": [
        sa.Column("home_level", sa.String(length=32), nullable=False, server_default="city"),
        sa.Column("home_county", sa.String(length=60), nullable=False, server_default=""),
        sa.Column("recusal_target_ids", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("recusal_person_ids", sa.JSON(), nullable=False, server_default="[]"),
    ],
    "targets": [sa.Column("county", sa.String(length=60), nullable=False, server_default="")],
    "persons": [
        sa.Column("unit", sa.String(length=120), nullable=False, server_default=""),
        sa.Column("id_number", sa.String(length=18), nullable=False, server_default=""),
    ],
}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        for column in columns:
            op.add_column(table, column)


def downgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column.name)
