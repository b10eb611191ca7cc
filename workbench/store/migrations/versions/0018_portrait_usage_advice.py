"""政治画像: the 运用建议 (how the 书记 and the 组织部 may use the portrait), printed in the
专题报告 after the problems. Portraits already stored have none: the report then says only what
their grades imply.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "portraits", sa.Column("usage_advice", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("portraits", schema=None) as batch_op:
        batch_op.drop_column("usage_advice")
