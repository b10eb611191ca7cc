"""The office store's attachments on PostgreSQL: their encrypted bytes in ``attachment_chunks``
(issue #20). On SQLite nothing changes: a SQLCipher store keeps its blobs as files.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    # A blob's rows are written before or after its attachment row in one transaction (the
    # package import inserts the rows in bulk afterwards): the key is checked at commit. Deleting
    # an attachment takes its bytes with it.
    op.execute(
        """
        CREATE TABLE attachment_chunks (
            sha256 VARCHAR(64) NOT NULL REFERENCES attachments (sha256)
                ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            seq INTEGER NOT NULL,
            data BYTEA NOT NULL,
            PRIMARY KEY (sha256, seq)
        )
        """
    )
    # ciphertext does not compress: stored out of line as it is, without trying
    op.execute("ALTER TABLE attachment_chunks ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("DROP TABLE attachment_chunks")
