"""A team's 信访渠道 (值班电话, 邮政信箱, 邮编, 电子邮箱, 来访地址, 受理时间 and the text its
QR code carries), as its 进驻通知, 巡察公告 and 小信封 print them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("teams", sa.Column("contact", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_column("contact")
