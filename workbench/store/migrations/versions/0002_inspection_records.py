"""Inspection records: rounds, teams, targets, interviews, letters, findings, clues, work,
portraits, rectification, reports and archive items.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = (
    "interview_turns",
    "finding_signoffs",
    "portrait_items",
    "activities",
    "archive_items",
    "clues",
    "evidence",
    "findings",
    "focus_items",
    "interviews",
    "letters",
    "list_entries",
    "members",
    "persons",
    "portraits",
    "rectifications",
    "reports",
    "rounds",
    "targets",
    "teams",
)


def upgrade() -> None:
    op.create_table(
        "activities",
        sa.Column("activity_type", sa.String(length=32), nullable=False),
        sa.Column("method_code", sa.String(length=32), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_held_at"), ["held_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_team_id"), ["team_id"], unique=False)

    op.create_table(
        "archive_items",
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("item_no", sa.String(length=40), nullable=False),
        sa.Column("volume_no", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("retention", sa.String(length=32), nullable=False),
        sa.Column("refs", sa.JSON(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archive_items")),
    )
    with op.batch_alter_table("archive_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_archive_items_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_archive_items_team_id"), ["team_id"], unique=False)

    op.create_table(
        "clues",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("source_refs", sa.JSON(), nullable=False),
        sa.Column("subject_name", sa.String(length=40), nullable=False),
        sa.Column("subject_position", sa.String(length=80), nullable=False),
        sa.Column("subject_level", sa.String(length=32), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("disciplines", sa.JSON(), nullable=False),
        sa.Column("category1", sa.String(length=64), nullable=False),
        sa.Column("category2", sa.String(length=64), nullable=False),
        sa.Column("transfer_unit", sa.String(length=32), nullable=False),
        sa.Column("transfer_mode", sa.String(length=32), nullable=False),
        sa.Column("transferred_by", sa.String(length=40), nullable=False),
        sa.Column("transferred_at", sa.DateTime(), nullable=True),
        sa.Column("received_by", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("handling", sa.String(length=32), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("feedback_due", sa.Date(), nullable=True),
        sa.Column("fed_back_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clues")),
    )
    with op.batch_alter_table("clues", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clues_feedback_due"), ["feedback_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_clues_team_id"), ["team_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("evidence_type", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("attachment_sha256", sa.String(length=64), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_finding_id"), ["finding_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evidence_team_id"), ["team_id"], unique=False)

    op.create_table(
        "findings",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("compiled_on", sa.Date(), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("method_code", sa.String(length=32), nullable=False),
        sa.Column("source_refs", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("discovery", sa.Text(), nullable=False),
        sa.Column("basis_ids", sa.JSON(), nullable=False),
        sa.Column("responsible", sa.JSON(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=True),
        sa.Column("taxonomy_code", sa.String(length=64), nullable=False),
        sa.Column("disciplines", sa.JSON(), nullable=False),
        sa.Column("immediate_fix", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("return_reason", sa.Text(), nullable=False),
        sa.Column("include_in_report", sa.Boolean(), nullable=False),
        sa.Column("compiled_by", sa.String(length=36), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_target_id"), ["target_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_findings_taxonomy_code"), ["taxonomy_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_findings_team_id"), ["team_id"], unique=False)

    op.create_table(
        "focus_items",
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("finding_ids", sa.JSON(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_focus_items")),
    )
    with op.batch_alter_table("focus_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_focus_items_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_focus_items_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_focus_items_team_id"), ["team_id"], unique=False)

    op.create_table(
        "interviews",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("interview_type", sa.String(length=32), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=120), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("interviewers", sa.JSON(), nullable=False),
        sa.Column("recorder", sa.String(length=40), nullable=False),
        sa.Column("subject_name", sa.String(length=40), nullable=False),
        sa.Column("subject_unit", sa.String(length=120), nullable=False),
        sa.Column("subject_position", sa.String(length=80), nullable=False),
        sa.Column("subject_political_status", sa.String(length=40), nullable=False),
        sa.Column("outline", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        sa.Column("confirmation_sha256", sa.String(length=64), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_team_id"), ["team_id"], unique=False)

    op.create_table(
        "letters",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("reporter_name", sa.String(length=40), nullable=False),
        sa.Column("reporter_contact", sa.String(length=80), nullable=False),
        sa.Column("reported_persons", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=True),
        sa.Column("disciplines", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("disposition", sa.String(length=32), nullable=True),
        sa.Column("transfer_to", sa.String(length=120), nullable=False),
        sa.Column("proposal", sa.Text(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("duplicate_of_id", sa.String(length=36), nullable=True),
        sa.Column("clue_id", sa.String(length=36), nullable=True),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_letters_duplicate_of_id"), ["duplicate_of_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_letters_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_letters_team_id"), ["team_id"], unique=False)
    # Partial indexes over live letters (the table that reaches 100,000 rows): the list's count
    # and newest-first order and the round statistics read an index, not the rows.
    for name, columns in (
        ("ix_letters_live_received", "received_at, number"),
        ("ix_letters_live_round", "round_id, received_at, number"),
        ("ix_letters_live_stats", "round_id, category, channel"),
    ):
        op.execute(f"CREATE INDEX {name} ON letters ({columns}) WHERE deleted_at IS NULL")

    op.create_table(
        "list_entries",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("document_no", sa.String(length=80), nullable=False),
        sa.Column("clause", sa.String(length=120), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_entries")),
    )
    with op.batch_alter_table("list_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_list_entries_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_list_entries_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_list_entries_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_list_entries_team_id"), ["team_id"], unique=False)

    op.create_table(
        "members",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("original_unit", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("force_type", sa.String(length=32), nullable=False),
        sa.Column("recusal", sa.Text(), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_team_id"), ["team_id"], unique=False)

    op.create_table(
        "persons",
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.String(length=80), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("portfolio", sa.String(length=200), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=True),
        sa.Column("term_end", sa.Date(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_team_id"), ["team_id"], unique=False)

    op.create_table(
        "portraits",
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("subject_type", sa.String(length=32), nullable=False),
        sa.Column("subject_name", sa.String(length=120), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("template_id", sa.String(length=64), nullable=False),
        sa.Column("template_version", sa.String(length=32), nullable=False),
        sa.Column("overall", sa.String(length=32), nullable=True),
        sa.Column("conclusion", sa.Text(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portraits")),
    )
    with op.batch_alter_table("portraits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_portraits_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_portraits_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_portraits_team_id"), ["team_id"], unique=False)

    op.create_table(
        "rectifications",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("finding_id", sa.String(length=36), nullable=True),
        sa.Column("category", sa.String(length=120), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("leader_in_charge", sa.String(length=40), nullable=False),
        sa.Column("lead_department", sa.String(length=120), nullable=False),
        sa.Column("responsible_person", sa.String(length=40), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("evidence_sha256", sa.JSON(), nullable=False),
        sa.Column("progress_notes", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("grade", sa.String(length=32), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rectifications")),
    )
    with op.batch_alter_table("rectifications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectifications_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_rectifications_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_rectifications_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rectifications_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_rectifications_target_id"), ["target_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rectifications_team_id"), ["team_id"], unique=False)

    op.create_table(
        "reports",
        sa.Column("report_type", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=True),
        sa.Column("doc_version", sa.Integer(), nullable=False),
        sa.Column("approval", sa.String(length=32), nullable=False),
        sa.Column("return_reason", sa.Text(), nullable=False),
        sa.Column("finding_ids", sa.JSON(), nullable=False),
        sa.Column("clue_ids", sa.JSON(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("attachment_sha256", sa.String(length=64), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reports_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_target_id"), ["target_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_team_id"), ["team_id"], unique=False)

    op.create_table(
        "rounds",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("round_type", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("authorization_no", sa.String(length=80), nullable=False),
        sa.Column("framework_id", sa.String(length=64), nullable=False),
        sa.Column("framework_version", sa.String(length=32), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rounds_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rounds_team_id"), ["team_id"], unique=False)

    op.create_table(
        "targets",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subtype", sa.String(length=32), nullable=True),
        sa.Column("attention", sa.String(length=32), nullable=False),
        sa.Column("parent_org", sa.String(length=120), nullable=False),
        sa.Column("overview", sa.Text(), nullable=False),
        sa.Column("leader_name", sa.String(length=40), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_targets")),
    )
    with op.batch_alter_table("targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_targets_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_targets_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_targets_team_id"), ["team_id"], unique=False)

    op.create_table(
        "teams",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("target_ids", sa.JSON(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teams_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_teams_team_id"), ["team_id"], unique=False)

    op.create_table(
        "finding_signoffs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=36), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["findings.id"],
            name=op.f("fk_finding_signoffs_finding_id_findings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_signoffs")),
    )
    with op.batch_alter_table("finding_signoffs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finding_signoffs_finding_id"), ["finding_id"], unique=False
        )

    op.create_table(
        "interview_turns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interviews.id"],
            name=op.f("fk_interview_turns_interview_id_interviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_turns")),
    )
    with op.batch_alter_table("interview_turns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_turns_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "portrait_items",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("portrait_id", sa.String(length=36), nullable=False),
        sa.Column("item_code", sa.String(length=64), nullable=False),
        sa.Column("rating", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("evidence_refs", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["portrait_id"],
            ["portraits.id"],
            name=op.f("fk_portrait_items_portrait_id_portraits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portrait_items")),
    )
    with op.batch_alter_table("portrait_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_portrait_items_portrait_id"), ["portrait_id"], unique=False
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
