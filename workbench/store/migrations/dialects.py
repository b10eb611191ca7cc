"""What the migrations write differently on SQLite (the SQLCipher store) and PostgreSQL (the
office hub, issue #20). Frozen like the migrations that call it: a change here changes what old
revisions did, so a new behaviour gets a new function.

On SQLite every statement is the one the revisions issued before PostgreSQL existed, byte for
byte, so existing stores and their upgrade path are untouched.
"""

from __future__ import annotations

from alembic import op

# One trigger function for every append-only table: it refuses the change with the message the
# trigger passes (SQLite's triggers say it with RAISE(ABORT, …)). plpgsql ships with PostgreSQL
# (and KingbaseES), nothing to install.
_REFUSE_FUNCTION = """
    CREATE OR REPLACE FUNCTION workbench_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
    END
    $$
"""


def is_sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def create_append_only(table: str, message: str) -> None:
    """Triggers ``<table>_no_update`` and ``<table>_no_delete`` (and on PostgreSQL
    ``<table>_no_truncate``, which row triggers do not see) that refuse the change."""
    if is_sqlite():
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        return
    op.execute(_REFUSE_FUNCTION)
    for verb, level in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")):
        op.execute(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"FOR EACH {level} EXECUTE FUNCTION workbench_refuse_change('{message}')"
        )


def drop_append_only(table: str) -> None:
    if is_sqlite():
        for verb in ("delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
        return
    for verb in ("truncate", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb} ON {table}")
