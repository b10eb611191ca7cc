"""Run Alembic migrations on the keyed engine at open; back up first when upgrading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from workbench.errors import SchemaTooNew

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine, *, before_upgrade: Callable[[str | None, str], None] | None = None
) -> bool:
    """Bring the schema to head. Returns True when something was applied.

    ``before_upgrade(current, head)`` runs first when an existing schema is upgraded (the vault
    takes an encrypted backup there). A schema newer than this program is refused untouched.
    """
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise SchemaTooNew(revision=current) from exc
        if before_upgrade:
            before_upgrade(current, head)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def downgrade_to(engine: Engine, revision: str) -> None:
    """For tests of the upgrade path: take a store back to an older schema."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
