"""``office migrate``: an office store on this disk (SQLCipher) moved into an empty PostgreSQL
database on the office's server (issue #20), verified, the source never written.

1. The source opens read-only for its 系统管理员 (``office_migrate_source.py``); only an office
   store at this program's schema.
2. The target is an empty database (or one this migration started): the same migrations to
   head, then a ``store_meta`` row ``office_migration`` recording the progress. Until the end it
   has no ``keyfile`` row, so no desktop can use it (``office._read_keyfile`` says why).
3. Every table is copied in dependency order, in batches by primary key, each batch committed
   with the progress (the table and the last key copied): a kill loses at most the batch in
   flight, and a re-run continues after the last key, so no row is copied twice. Ids, the audit
   chain and the role grants keep their bytes; JSON columns go as their stored text. Then each
   attachment's blob file goes up as it is (the store keeps its data key), a blob a transaction;
   one already on the server is skipped.
4. Verification (``office_migrate_verify.py``): per table the row count and a content hash, and
   the blobs', the same on both sides.
5. In one transaction: the search index rebuilt, the keyfile (the same slots and data key, so
   every user's passphrase opens their slot on the server), the progress row gone, an
   ``office.migrate`` audit entry signed by the operator, and the chain with its signatures
   verified on the server before the commit.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    Engine,
    Table,
    delete,
    func,
    insert,
    inspect,
    literal,
    select,
    tuple_,
    update,
)
from sqlalchemy import table as bare_table
from sqlalchemy.engine import Connection as DbConnection
from sqlalchemy.orm import Session

from workbench.errors import AttachmentCorrupt, StoreExists
from workbench.jobs import ProgressSink, no_progress
from workbench.models.system import StoreMeta, User
from workbench.roles import Role
from workbench.store import anchors, audit, grants, migrate
from workbench.store.office import KEYFILE_META, MIGRATION_META
from workbench.store.office_migrate_source import Source, open_source, source_session
from workbench.store.office_migrate_verify import (
    BLOBS,
    NOT_COPIED,
    SEARCH_PREFIX,
    TARGET_ONLY_META,
    TableCheck,
    check_source_tables,
    copied_tables,
    only_copied,
    read_column,
    source_blobs,
    table_digest,
    verify,
)
from workbench.store.pg_errors import connection_error
from workbench.store.separation import as_store_job
from workbench.store.server_attachments import ServerAttachmentStore
from workbench.store.server_attachments import chunks as attachment_chunks
from workbench.store.session import Actor, make_session_factory, unit_of_work

# what the command and its tests take from here; the parts live in the two modules above
__all__ = [
    "ACTION",
    "BLOBS",
    "DEFAULT_BATCH",
    "MigrationReport",
    "Source",
    "TableCheck",
    "copied_tables",
    "migrate_office",
    "open_source",
    "table_digest",
    "verify",
]

DEFAULT_BATCH = 1000
# the target's own tables that no model names: the attachments' rows (server_attachments.py)
SERVER_ONLY = {NOT_COPIED, attachment_chunks.name}
ACTION = "office.migrate"

Reindex = Callable[[Session], int]


@dataclass(frozen=True)
class MigrationReport:
    store_id: str
    resumed: bool
    tables: tuple[TableCheck, ...]
    blobs: TableCheck  # the attachments' blobs: their number and hash
    indexed: int
    audit_entries: int

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


@dataclass
class Progress:
    """What the target's ``office_migration`` row records."""

    source: str
    operator: str
    done: list[str] = field(default_factory=list)
    table: str | None = None
    after: list[Any] | None = None

    def to_text(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_text(cls, text: str) -> Progress:
        return cls(**json.loads(text))


# -- the target -------------------------------------------------------------------------------


def _save(conn: DbConnection, progress: Progress) -> None:
    conn.execute(
        update(StoreMeta).where(StoreMeta.key == MIGRATION_META).values(value=progress.to_text())
    )


def _refuse_unless_empty(conn: DbConnection) -> None:
    """An empty database, or one holding our schema and no more than its migrations write (a
    ``store_meta`` row, the search index's configuration)."""
    names = inspect(conn).get_table_names()
    ours = {t.name for t in copied_tables()}
    foreign = [n for n in names if n not in ours and n not in SERVER_ONLY]
    foreign = [n for n in foreign if not n.startswith(SEARCH_PREFIX)]
    if foreign:
        raise StoreExists(
            "该数据库不是空的（有不属于本程序的数据表），不会迁移到其中", tables=len(foreign)
        )
    seeded = (
        StoreMeta.__tablename__ in names
        and conn.execute(select(StoreMeta.key).where(StoreMeta.key == "store_id")).first()
    )
    filled = [
        n
        for n in sorted((ours | {attachment_chunks.name}) - {StoreMeta.__tablename__})
        if n in names
        and conn.execute(select(literal(1)).select_from(bare_table(n)).limit(1)).first()
    ]
    if seeded or filled:
        raise StoreExists("该数据库不是空的（已有数据），不会迁移到其中", tables=len(filled))


def claim_target(target: Engine, source: Source) -> tuple[Progress, bool]:
    """The target's progress: a new migration in an empty database (its schema at most), or the
    one this source started there. Returns it and whether it is resumed."""
    with target.connect() as conn:
        names = inspect(conn).get_table_names()
        if StoreMeta.__tablename__ in names:
            meta = dict(
                conn.execute(
                    select(StoreMeta.key, StoreMeta.value).where(
                        StoreMeta.key.in_(TARGET_ONLY_META)
                    )
                ).all()
            )
            if KEYFILE_META in meta:
                raise StoreExists("该数据库已是巡察办数据库，不会迁移到其中")
            if MIGRATION_META in meta:
                progress = Progress.from_text(meta[MIGRATION_META])
                if progress.source != source.keyfile.store_id:
                    raise StoreExists(
                        "该数据库正在接收另一个数据库的迁移，不会迁移到其中",
                        store_id=progress.source,
                    )
                migrate.upgrade(target)
                return progress, True
        _refuse_unless_empty(conn)
    migrate.upgrade(target)
    progress = Progress(source.keyfile.store_id, source.user_id)
    with target.begin() as conn:
        # what the migrations wrote into store_meta comes with the source's own rows
        conn.execute(delete(StoreMeta))
        conn.execute(insert(StoreMeta).values(key=MIGRATION_META, value=progress.to_text()))
    return progress, False


def _copy_table(
    source: Source,
    target: Engine,
    table: Table,
    progress: Progress,
    batch: int,
    report: Callable[[int], None],
) -> None:
    keys = list(table.primary_key.columns)
    key_at = [list(table.columns).index(k) for k in keys]
    after = progress.after if progress.table == table.name else None
    read = select(*(read_column(c) for c in table.columns)).order_by(*keys).limit(batch)
    while True:
        stmt = read if after is None else read.where(tuple_(*keys) > tuple_(*map(literal, after)))
        with source.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            break
        after = [rows[-1][i] for i in key_at]
        progress.table, progress.after = table.name, after
        with target.begin() as conn:
            _write_rows(conn, table, rows)
            _save(conn, progress)
        report(len(rows))
    progress.done.append(table.name)
    progress.table = progress.after = None
    with target.begin() as conn:
        _reset_sequence(conn, table)
        _save(conn, progress)


def _write_rows(conn: DbConnection, table: Table, rows: Sequence[Any]) -> None:
    """``rows`` into the server's ``table`` in this transaction, by ``COPY … FROM STDIN`` (one
    stream, where ``executemany`` sends a statement a row). In COPY's text format each value is
    parsed by its column's type, so the JSON text is stored as it was."""
    import psycopg
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, table.columns.keys()))
    )
    raw = conn.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(tuple(row))
    except psycopg.Error as exc:  # not through SQLAlchemy's handle_error: the same translation
        refused = connection_error(exc)
        if refused is not None:
            raise refused from exc
        raise


def _reset_sequence(conn: DbConnection, table: Table) -> None:
    """An integer key the server numbers (``SERIAL``) continues after the copied ids."""
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or keys[0].type.python_type is not int:
        return
    sequence = conn.execute(select(func.pg_get_serial_sequence(table.name, keys[0].name))).scalar()
    if sequence is not None:
        top = conn.execute(select(func.max(keys[0]))).scalar()
        if top is not None:
            conn.execute(select(func.setval(sequence, top)))


# -- the attachments' blobs ------------------------------------------------------------------


def _copy_blobs(source: Source, target: Engine, progress: ProgressSink) -> None:
    """Each blob file as it is (encrypted under the data key the server's keyfile keeps), a
    blob a transaction: a kill loses at most the one in flight, and a re-run skips those the
    server has. ``put_blob_file`` checks each against its hash first. The server's store is
    given the source's folder for its staging files, which these calls never write."""
    blobs = source_blobs(source)
    server = ServerAttachmentStore(source.layout, source.dek, lambda: target)
    for done, (sha, path) in enumerate(blobs, 1):
        with Session(target) as s, s.begin():
            if not server.has_blob(s, sha):
                if not path.is_file():
                    raise AttachmentCorrupt(
                        f"源数据库中附件 {sha} 的加密文件缺失：请先在本机检查数据库"
                        "（workbench check），再迁移",
                        sha256=sha,
                    )
                server.put_blob_file(s, sha, path)
        progress(done, len(blobs), BLOBS)


# -- the migration ----------------------------------------------------------------------------


def _counts(source: Source, tables: Sequence[Table]) -> int:
    with source.engine.connect() as conn:
        return sum(
            conn.execute(only_copied(t, select(func.count()).select_from(t))).scalar_one()
            for t in tables
        )


def _finish(
    source: Source,
    target: Engine,
    checks: tuple[TableCheck, ...],
    blobs: TableCheck,
    reindex: Reindex | None,
) -> tuple[int, int]:
    """The last transaction: index, keyfile, audit entry; the chain proved before it commits."""
    with source_session(source) as s:
        meta = {m.key: m.value for m in s.scalars(select(StoreMeta))}
        user = s.get(User, source.user_id)
        assert user is not None
        actor = Actor(
            user.id, user.name, meta.get("device_id"), (Role.SYSADMIN.value,), user.display_name
        )
    with unit_of_work(make_session_factory(target), actor) as s:
        s.info[grants.ROOT_INFO_KEY] = source.keyfile.root
        s.info[audit.SIGNING_INFO_KEY] = source.keys.ed25519
        as_store_job(s)
        indexed = reindex(s) if reindex is not None else 0
        s.execute(delete(StoreMeta).where(StoreMeta.key == MIGRATION_META))
        s.add(StoreMeta(key=KEYFILE_META, value=source.keyfile.to_bytes().decode("utf-8")))
        audit.record(
            s,
            ACTION,
            "store",
            source.keyfile.store_id,
            {
                "tables": len(checks),
                "rows": sum(c.rows for c in checks),
                "attachments": blobs.rows,
                "from": str(source.layout.root),
            },
        )
        s.flush()
        proof = anchors.prove(s)
    return indexed, proof.entries


def migrate_office(
    source: Source,
    target: Engine,
    *,
    batch: int = DEFAULT_BATCH,
    progress: ProgressSink = no_progress,
    reindex: Reindex | None = None,
) -> MigrationReport:
    """Copy ``source`` into ``target`` (or continue a copy cut off), verify, enable it.
    ``reindex`` rebuilds the search index on the server (``services.indexing.reindex_all``)."""
    tables = copied_tables()
    with source.engine.connect() as conn:
        check_source_tables(conn)
    with source_session(source) as s:
        anchors.prove(s)  # the chain as it is here: what the server's must prove too
    state, resumed = claim_target(target, source)
    total = _counts(source, tables)
    with target.connect() as conn:
        copied = sum(
            conn.execute(only_copied(t, select(func.count()).select_from(t))).scalar_one()
            for t in tables
        )
    for table in tables:
        if table.name in state.done:
            continue

        def report(rows: int, name: str = table.name) -> None:
            nonlocal copied
            copied += rows
            progress(copied, total, name)

        _copy_table(source, target, table, state, batch, report)
    _copy_blobs(source, target, progress)
    progress(copied, total, "verify")
    checks, blobs = verify(source, target)
    indexed, entries = _finish(source, target, checks, blobs, reindex)
    return MigrationReport(source.keyfile.store_id, resumed, checks, blobs, indexed, entries)
