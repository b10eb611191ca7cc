"""A hit's summary as templates and fillers (``data_hits.summary_wording``), so the UI shows it
in its own language. Hits found before keep none and show their Chinese summary as it is.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("data_hits", sa.Column("summary_wording", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("data_hits", "summary_wording")
