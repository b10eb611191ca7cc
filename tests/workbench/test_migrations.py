"""Opening an older store upgrades it after an encrypted backup; a newer one is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.helpers import snapshot
from workbench.errors import SchemaTooNew
from workbench.store import backup, migrate
from workbench.store.keyfile import normalize_passphrase, open_slot, user_hint
from workbench.store.vault import Vault

NEXT_REVISION = '''
"""Test-only: a later schema.

Revision ID: 9001
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("later_table", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("later_table")
'''


THIS_HEAD = migrate.head_revision()


@pytest.fixture
def newer_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This program's migrations plus one more, as the next release would ship them."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9001_later.py").write_text(NEXT_REVISION.format(head=head))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    return scripts


def test_fresh_store_is_at_head(vault: Vault) -> None:
    assert migrate.current_revision(vault.engine) == migrate.head_revision()


def test_upgrade_takes_a_backup_first(store_dir: Path, newer_program: Path) -> None:
    old_head = THIS_HEAD
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault:
        assert migrate.current_revision(vault.engine) == "9001"
        assert "later_table" in inspect(vault.engine).get_table_names()
    backups = list((store_dir / "backups").glob("pre-upgrade-*.wbk"))
    assert len(backups) == 1 and old_head in backups[0].name

    def unlock(keyfile):  # type: ignore[no-untyped-def]
        slot = keyfile.passphrase_slots(user_hint(keyfile.store_id, LEADER))[0]
        return open_slot(keyfile.store_id, slot, normalize_passphrase(PASSPHRASE))

    restored = store_dir.parent / "restored"
    backup.restore_backup(backups[0], restored, unlock)
    from workbench.store.engine import raw_connection
    from workbench.store.keyfile import Keyfile

    kf = Keyfile.read(restored / "keyfile.json")
    conn = raw_connection(restored / "workbench.db", unlock(kf))
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
    finally:
        conn.close()


def test_a_newer_schema_is_refused_untouched(
    store_dir: Path, newer_program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.open(store_dir, LEADER, PASSPHRASE).lock()  # upgraded by the "newer program"
    monkeypatch.undo()  # back to this program's migrations
    before = snapshot(store_dir)
    with pytest.raises(SchemaTooNew):
        Vault.open(store_dir, LEADER, PASSPHRASE)
    assert snapshot(store_dir) == before


def test_failed_migration_rolls_back(store_dir: Path, newer_program: Path) -> None:
    broken = (newer_program / "versions" / "9001_later.py").read_text()
    broken = broken.replace(
        'op.create_table("later_table", sa.Column("id", sa.Integer, primary_key=True))',
        'op.create_table("later_table", sa.Column("id", sa.Integer, primary_key=True))\n'
        '    op.execute("THIS IS NOT SQL")',
    )
    (newer_program / "versions" / "9001_later.py").write_text(broken)
    with pytest.raises(Exception, match="syntax error"):
        Vault.open(store_dir, LEADER, PASSPHRASE)
    (newer_program / "versions" / "9001_later.py").unlink()
    with Vault.open(store_dir, LEADER, PASSPHRASE) as vault, vault.read() as s:
        assert migrate.current_revision(vault.engine) == THIS_HEAD
        assert "later_table" not in inspect(vault.engine).get_table_names()
        assert s.execute(text("SELECT count(*) FROM users")).scalar() == 1


def test_migrations_build_exactly_the_models(vault: Vault) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from workbench.models import Base

    with vault.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    # FTS virtual tables and their shadow tables are created by raw SQL, not models.
    def is_search_index(d: tuple) -> bool:  # type: ignore[type-arg]
        table = d[1] if d[0] == "remove_table" else getattr(d[1], "table", None)
        return d[0] in ("remove_table", "remove_index") and table.name.startswith("search_")

    diff = [d for d in diff if not is_search_index(d)]
    assert diff == []


def test_search_index_ddl_matches_the_search_module(vault: Vault) -> None:
    import sqlcipher3
    from sqlalchemy import create_engine

    from workbench.search import create_search_schema

    def ddl(conn: object) -> dict[str, str]:
        rows = conn.execute(  # type: ignore[attr-defined]
            text(
                "SELECT name, sql FROM sqlite_master WHERE name LIKE 'search%' AND sql IS NOT NULL"
            )
        )
        return {name: " ".join(sql.replace("IF NOT EXISTS ", "").split()) for name, sql in rows}

    fresh = create_engine("sqlite://", module=sqlcipher3)  # the bundled SQLite, not the system one
    with fresh.begin() as conn:
        create_search_schema(conn)
        expected = ddl(conn)
    with vault.engine.connect() as conn:
        assert ddl(conn) == expected
