"""The office store's schema on PostgreSQL: the Alembic migrations reach head, build what the
models declare, go down and up again, and keep the append-only tables append-only."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from tests.pg.stores import seed
from workbench.models import Base
from workbench.store import migrate
from workbench.store.pg import make_pg_engine


@pytest.fixture
def engine(pg_url: str) -> Iterator[Engine]:
    engine = make_pg_engine(pg_url)
    yield engine
    engine.dispose()


def test_the_migrations_build_exactly_the_models(engine: Engine) -> None:
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the search tables are created by raw SQL, not models (as on SQLite); attachment_chunks
    # is PostgreSQL's only (store/server_attachments.py)
    names = {d[1].name if d[0] == "remove_table" else d[1].table.name for d in diff}
    assert names <= {"search_docs", "search_pending", "attachment_chunks"}, diff
    assert {d[0] for d in diff} <= {"remove_table", "remove_index"}


def test_down_to_nothing_and_up_again(engine: Engine) -> None:
    migrate.downgrade_to(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_signatures_start_after_the_entries_already_written(engine: Engine) -> None:
    """Revision 0015 on a store with entries: ``audit_signed_from`` is the next seq."""
    seed(engine)
    migrate.downgrade_to(engine, "0014")
    with engine.connect() as conn:
        written = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
    migrate.upgrade(engine)
    with engine.connect() as conn:
        signed_from = conn.execute(
            text("SELECT value FROM store_meta WHERE key = 'audit_signed_from'")
        ).scalar_one()
    assert written > 0
    assert signed_from == str(written + 1)


@pytest.mark.parametrize(
    ("table", "statement", "message"),
    [
        ("audit_log", "UPDATE audit_log SET action = 'forged'", "audit log is append-only"),
        ("audit_log", "DELETE FROM audit_log", "audit log is append-only"),
        ("audit_log", "TRUNCATE audit_log", "audit log is append-only"),
        (
            "document_numbers",
            "UPDATE document_numbers SET seq = seq + 1",
            "issued document numbers are never reused",
        ),
        (
            "document_numbers",
            "DELETE FROM document_numbers",
            "issued document numbers are never reused",
        ),
        (
            "document_numbers",
            "TRUNCATE document_numbers",
            "issued document numbers are never reused",
        ),
    ],
)
def test_append_only_tables_refuse_changes(
    engine: Engine, table: str, statement: str, message: str
) -> None:
    seed(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document_numbers (id, code, year, seq, doc_type, title, doc_date,"
                " issued_at) VALUES ('n1', '县巡', 2026, 1, 'notice', '通知', '2026-03-01',"
                " '2026-03-01 08:00:00')"
            )
        )
    with engine.connect() as conn:
        before = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    assert before > 0
    with pytest.raises(DBAPIError, match=message) as raised, engine.begin() as conn:
        conn.execute(text(statement))
    assert isinstance(raised.value.orig, psycopg.errors.RestrictViolation)
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == before
