"""The parts of ``check`` that differ on the office's PostgreSQL server (issue #20).

The pages are the server's: page checksums (``initdb --data-checksums``), the volume's
encryption and its backups are the DBA's, who runs ``pg_amcheck`` on the database (docs/
store-format.md, "Threat model"). The app has no portable way to read a server's pages.

What the program can ask of the server it asks:

- foreign keys: the server enforces them at every commit, but a restore with triggers disabled
  (``pg_restore --disable-triggers``, ``session_replication_role = replica``) or a constraint
  added ``NOT VALID`` leaves rows unchecked, so every foreign key is checked again by an
  anti-join, from the live catalog;
- the B-tree indexes, with amcheck's ``bt_index_check`` when the DBA installed the extension in
  the store's schema and granted its use to the office's login. Never required: amcheck is a
  contrib module (KingbaseES may lack it) and its functions are revoked from PUBLIC when it is
  created, so a login that is not a superuser may call them only by the DBA's grant.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, and_, column, exists, func, inspect, select, table, text
from sqlalchemy.exc import DBAPIError

from workbench.i18n import N_

PAGES_NOTE = N_(
    "服务器上的数据页由数据库管理员检查：启用数据校验和，定期运行 pg_amcheck，并负责磁盘加密与备份"
)
INDEXES = N_("服务器上的索引结构")
INDEXES_NOTE = N_(
    "服务器未向本程序的登录开放 amcheck 扩展：索引结构由数据库管理员用 pg_amcheck 检查"
)

_AMCHECK_USABLE = text(
    "SELECT CASE WHEN to_regprocedure('bt_index_check(regclass)') IS NULL THEN false"
    " ELSE has_function_privilege(to_regprocedure('bt_index_check(regclass)')::oid, 'EXECUTE')"
    " END"
)
_STORE_BTREES = text(
    "SELECT c.oid, c.relname FROM pg_index i"
    " JOIN pg_class c ON c.oid = i.indexrelid"
    " JOIN pg_am am ON am.oid = c.relam"
    " WHERE am.amname = 'btree' AND i.indisvalid AND i.indisready"
    " AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())"
    " ORDER BY c.relname"
)
_BT_INDEX_CHECK = text("SELECT bt_index_check(CAST(:index AS oid)::regclass)")


def on_server(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def foreign_key_breaks(conn: Connection) -> int:
    """Rows whose foreign key names no row, over every foreign key of the store's schema (a key
    with a NULL column refers to nothing: MATCH SIMPLE, the default)."""
    broken = 0
    for (_schema, name), keys in inspect(conn).get_multi_foreign_keys().items():
        for key in keys:
            own, theirs = key["constrained_columns"], key["referred_columns"]
            child = table(name, *(column(c) for c in own)).alias("child")
            parent = table(
                key["referred_table"], *(column(c) for c in theirs), schema=key["referred_schema"]
            ).alias("parent")  # aliased: a key may refer to its own table
            links = and_(*(parent.c[t] == child.c[o] for o, t in zip(own, theirs, strict=True)))
            orphans = (
                select(func.count())
                .select_from(child)
                .where(*(child.c[o].is_not(None) for o in own), ~exists().where(links))
            )
            broken += conn.execute(orphans).scalar_one()
    return broken


def broken_btrees(engine: Engine) -> list[str] | None:
    """The store's B-tree indexes amcheck finds corrupt; None when amcheck is not ours to use."""
    with engine.connect() as conn:
        if not conn.execute(_AMCHECK_USABLE).scalar_one():
            return None
        broken: list[str] = []
        for oid, name in conn.execute(_STORE_BTREES).all():
            savepoint = conn.begin_nested()
            try:
                conn.execute(_BT_INDEX_CHECK, {"index": oid})
            except DBAPIError as exc:
                savepoint.rollback()
                if not _corruption(exc):
                    raise
                broken.append(name)
            else:
                savepoint.commit()
        return broken


def _corruption(exc: DBAPIError) -> bool:
    """XX001 data_corrupted, XX002 index_corrupted: what amcheck raises on a bad page."""
    return str(getattr(exc.orig, "sqlstate", "") or "").startswith("XX")
