"""Alembic environment: always online, on the connection handed over by ``migrate.upgrade``."""

from __future__ import annotations

from alembic import context

from workbench.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
