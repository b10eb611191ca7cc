"""大数据碰撞比对: the imported lists and their rows, remembered column mappings, the office's own
rules and the hits (a record that travels like the others).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


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


def upgrade() -> None:
    op.create_table(
        "data_sources",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("round_id", sa.String(36), nullable=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("sheet", sa.String(120), nullable=False),
        sa.Column("headers", sa.JSON(), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("skipped_rows", sa.JSON(), nullable=False),
        sa.Column("imported_by", sa.String(36), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_sources")),
    )
    with op.batch_alter_table("data_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_data_sources_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_data_sources_round_id"), ["round_id"], unique=False)

    op.create_table(
        "data_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(36), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("id_number", sa.String(18), nullable=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("place", sa.String(120), nullable=False),
        sa.Column("org", sa.String(200), nullable=False),
        sa.Column("org_code", sa.String(18), nullable=False),
        sa.Column("related_id", sa.String(18), nullable=True),
        sa.Column("related_name", sa.String(64), nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("date1", sa.Date(), nullable=True),
        sa.Column("date2", sa.Date(), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("area1_centi", sa.Integer(), nullable=True),
        sa.Column("area2_centi", sa.Integer(), nullable=True),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["data_sources.id"],
            name=op.f("fk_data_rows_source_id_data_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_rows")),
    )
    with op.batch_alter_table("data_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_data_rows_source_id"), ["source_id"], unique=False)
        batch_op.create_index("ix_data_rows_id_number", ["id_number"], unique=False)
        batch_op.create_index("ix_data_rows_related_id", ["related_id"], unique=False)
        batch_op.create_index("ix_data_rows_org", ["org"], unique=False)

    op.create_table(
        "data_mappings",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("mapping", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "label", name=op.f("pk_data_mappings")),
    )
    op.create_table(
        "data_rules",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", "version", name=op.f("pk_data_rules")),
    )
    op.create_table(
        "data_hits",
        sa.Column("rule_id", sa.String(32), nullable=False),
        sa.Column("rule_version", sa.Integer(), nullable=False),
        sa.Column("rule_title", sa.String(200), nullable=False),
        sa.Column("match_key", sa.String(64), nullable=False),
        sa.Column("subject_name", sa.String(64), nullable=False),
        sa.Column("subject_id_number", sa.String(18), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("qualification", sa.Text(), nullable=False),
        sa.Column("discipline", sa.Text(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("clue_id", sa.String(36), nullable=True),
        sa.Column("finding_id", sa.String(36), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_hits")),
    )
    with op.batch_alter_table("data_hits", schema=None) as batch_op:
        for name in ("match_key", "round_id", "rule_id", "status", "team_id"):
            batch_op.create_index(batch_op.f(f"ix_data_hits_{name}"), [name], unique=False)


def downgrade() -> None:
    for table in ("data_hits", "data_rules", "data_mappings", "data_rows", "data_sources"):
        op.drop_table(table)
