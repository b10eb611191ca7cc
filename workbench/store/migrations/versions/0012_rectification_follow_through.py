"""Rectification follow-through: each item's 整改目标, 具体责任人, 佐证材料目录 and 巡察办审核意见;
the target's 整改方案/整改报告, the supervision entries of 纪委监委 and 组织部, the 质效评估 and
the 新官理旧账 提醒函 as records of their own. Items already stored keep their meaning: no goal,
no catalog, not yet reviewed.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_ITEM_COLUMNS: list[sa.Column[object]] = [
    sa.Column("goal", sa.Text(), nullable=False, server_default=""),
    sa.Column("specific_person", sa.String(length=40), nullable=False, server_default=""),
    sa.Column("evidence_catalog", sa.JSON(), nullable=False, server_default="[]"),
    sa.Column("review_opinion", sa.Text(), nullable=False, server_default=""),
    sa.Column("reviewed_on", sa.Date(), nullable=True),
    sa.Column("reviewed_by", sa.String(length=40), nullable=False, server_default=""),
]


def _record_columns() -> list[sa.Column[object]]:
    """The RecordMixin columns (models/base.py) as of this revision."""
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("round_id", sa.String(length=36), nullable=True),
        sa.Column("team_id", sa.String(length=36), nullable=True),
        sa.Column("created_by", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("origin_device", sa.String(length=36), nullable=True),
        sa.Column("secrecy", sa.String(length=16), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(length=36), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=False),
    ]


def _tables() -> dict[str, tuple[list[sa.Column[object]], tuple[str, ...]]]:
    """Fresh columns on every call: a Column belongs to one Table."""
    return {
        "rectification_documents": (
            [
                sa.Column("target_id", sa.String(length=36), nullable=True),
                sa.Column("kind", sa.String(length=32), nullable=False),
                sa.Column("title", sa.String(length=200), nullable=False),
                sa.Column("feedback_on", sa.Date(), nullable=True),
                sa.Column("due_on", sa.Date(), nullable=True),
                sa.Column("submitted_on", sa.Date(), nullable=True),
                sa.Column("status", sa.String(length=32), nullable=False),
                sa.Column("body", sa.Text(), nullable=False),
                sa.Column("attachment_sha256", sa.JSON(), nullable=False),
                sa.Column("review_note", sa.Text(), nullable=False),
                sa.Column("reviewed_on", sa.Date(), nullable=True),
                sa.Column("reviewed_by", sa.String(length=40), nullable=False),
            ],
            ("target_id", "due_on"),
        ),
        "rectification_supervisions": (
            [
                sa.Column("target_id", sa.String(length=36), nullable=True),
                sa.Column("rectification_id", sa.String(length=36), nullable=True),
                sa.Column("agency", sa.String(length=32), nullable=False),
                sa.Column("held_on", sa.Date(), nullable=False),
                sa.Column("body", sa.Text(), nullable=False),
                sa.Column("found", sa.Text(), nullable=False),
                sa.Column("escalated", sa.Boolean(), nullable=False),
            ],
            ("target_id", "rectification_id"),
        ),
        "rectification_assessments": (
            [
                sa.Column("target_id", sa.String(length=36), nullable=True),
                sa.Column("grade", sa.String(length=32), nullable=False),
                sa.Column("assessed_on", sa.Date(), nullable=False),
                sa.Column("assessor", sa.String(length=40), nullable=False),
                sa.Column("body", sa.Text(), nullable=False),
            ],
            ("target_id",),
        ),
        "reminder_letters": (
            [
                sa.Column("target_id", sa.String(length=36), nullable=True),
                sa.Column("old_leader", sa.String(length=40), nullable=False),
                sa.Column("new_leader", sa.String(length=40), nullable=False),
                sa.Column("changed_on", sa.Date(), nullable=False),
                sa.Column("sent_on", sa.Date(), nullable=True),
                sa.Column("rectification_ids", sa.JSON(), nullable=False),
                sa.Column("body", sa.Text(), nullable=False),
            ],
            ("target_id",),
        ),
    }


def upgrade() -> None:
    for column in _ITEM_COLUMNS:
        op.add_column("rectifications", column)
    for table, (columns, indexed) in _tables().items():
        op.create_table(
            table,
            *columns,
            *_record_columns(),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in sorted({*indexed, "round_id", "team_id"}):
                batch_op.create_index(batch_op.f(f"ix_{table}_{name}"), [name], unique=False)


def downgrade() -> None:
    for table in reversed(list(_tables())):
        op.drop_table(table)
    with op.batch_alter_table("rectifications", schema=None) as batch_op:
        for column in reversed(_ITEM_COLUMNS):
            batch_op.drop_column(column.name)
