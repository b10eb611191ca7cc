"""``office migrate``: an office store on this disk (SQLCipher) moved into an empty PostgreSQL
database on the office's server (issue #20), verified, the source never written.

1. The source opens read-only (``immutable``: not even a ``-wal`` file is made) with the
   operator's passphrase; only a 系统管理员 of that store may move it (it is copied whole, as a
   backup is), and only an office store at this program's schema.
2. The target is an empty database (or one this migration started): the same migrations to
   head, then a ``store_meta`` row ``office_migration`` recording the progress. Until the end it
   has no ``keyfile`` row, so no desktop can use it (``office._read_keyfile`` says why).
3. Every table is copied in dependency order, in batches by primary key, each batch committed
   with the progress (the table and the last key copied): a kill loses at most the batch in
   flight, and a re-run continues after the last key, so no row is copied twice. Ids, the audit
   chain and the role grants keep their bytes; JSON columns go as their stored text. Then each
   attachment's blob file goes up as it is (the store keeps its data key), a blob a transaction;
   one already on the server is skipped.
4. Verification: per table the row count and a SHA-256 over the rows in primary-key order
   (byte order of the keys on both sides), each value canonicalised the same way on both
   dialects. The search index is not copied: its form differs on the server, and the indexer
   rebuilds it from the records. The blobs likewise: their number, and a SHA-256 over each
   one's name and the hash of its encrypted bytes.
5. In one transaction: the search index rebuilt, the keyfile (the same slots and data key, so
   every user's passphrase opens their slot on the server), the progress row gone, an
   ``office.migrate`` audit entry signed by the operator, and the chain with its signatures
   verified on the server before the commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    String,
    Table,
    Text,
    cast,
    create_engine,
    delete,
    event,
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
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool
from sqlalchemy.types import JSON

import workbench.models  # noqa: F401 - every table on the metadata
from workbench.errors import (
    AttachmentCorrupt,
    AuthenticationError,
    Conflict,
    OfficeMigrationMismatch,
    PermissionDenied,
    StoreExists,
    UserDisabled,
    ValidationError,
)
from workbench.jobs import ProgressSink, no_progress
from workbench.models.base import Base, EnumCode
from workbench.models.system import Attachment, StoreMeta, User
from workbench.roles import Role
from workbench.store import anchors, audit, grants, migrate, rekey
from workbench.store.attachments import AttachmentStore
from workbench.store.engine import read_only_connection, store_error
from workbench.store.keyfile import (
    Keyfile,
    SlotKeys,
    normalize_passphrase,
    public_key,
    unseal_slot,
    user_hint,
)
from workbench.store.layout import StoreLayout
from workbench.store.office import KEYFILE_META, MIGRATION_META
from workbench.store.office_link import is_linked
from workbench.store.pg import connection_error
from workbench.store.separation import as_store_job
from workbench.store.server_attachments import PIECE, ServerAttachmentStore
from workbench.store.server_attachments import chunks as attachment_chunks
from workbench.store.session import Actor, make_session_factory, unit_of_work
from workbench.store.throttle import UnlockThrottle
from workbench.store.unlocked import zero_key

DEFAULT_BATCH = 1000
NOT_COPIED = "alembic_version"  # the target's own migrations write it
# the target's own tables that no model names: the attachments' rows (server_attachments.py)
SERVER_ONLY = {NOT_COPIED, attachment_chunks.name}
SEARCH_PREFIX = "search_"  # the search index: rebuilt on the server by the indexer
TARGET_ONLY_META = (KEYFILE_META, MIGRATION_META)  # rows the source's store_meta never holds
ACTION = "office.migrate"

Reindex = Callable[[Session], int]


@dataclass
class Source:
    """The source store, unlocked read-only for its 系统管理员."""

    layout: StoreLayout
    keyfile: Keyfile
    dek: bytearray
    keys: SlotKeys
    user_id: str
    engine: Engine

    def close(self) -> None:
        self.engine.dispose()
        zero_key(self.dek)

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class TableCheck:
    name: str
    rows: int
    sha256: str


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


# -- the source, read-only -------------------------------------------------------------------


def _read_only_engine(db: Path, dek: bytearray) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3,
        creator=lambda: read_only_connection(db, dek, immutable=True),
        poolclass=StaticPool,
        hide_parameters=True,
    )

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        translated = store_error(context.original_exception)
        if translated is not None:
            raise translated from context.original_exception

    return engine


def _check_closed(layout: StoreLayout) -> None:
    """A store another program has open (or one not closed cleanly) has a ``-wal`` file (or a
    hot ``-journal``) whose pages the read-only copy would not see."""
    journal_file = layout.db.with_name(layout.db.name + "-journal")
    if any(p.exists() for p in (*layout.db_companions(), journal_file)):
        raise Conflict(
            "源数据库正被工作台打开，或上次没有正常关闭：请关闭所有打开它的工作台"
            "（未正常关闭的，用它解锁一次再退出）后再迁移"
        )
    journal = rekey.read_journal(layout)
    if journal is not None and not journal.done:
        raise Conflict("源数据库的更换数据密钥尚未完成：请先在本机解锁一次，让它完成后再迁移")


def _unseal(keyfile: Keyfile, user_name: str, passphrase: str) -> tuple[str, bytearray, SlotKeys]:
    throttle = UnlockThrottle()
    throttle.check(keyfile.store_id)
    secret = normalize_passphrase(passphrase)
    for slot in keyfile.passphrase_slots(user_hint(keyfile.store_id, user_name)):
        try:
            opened = unseal_slot(keyfile.store_id, slot, secret)
        except AuthenticationError:
            continue
        assert slot.user_id is not None
        throttle.record_success(keyfile.store_id)
        if opened.keys is None:
            zero_key(opened.dek)
            raise ValidationError("你的密钥槽是旧格式：请先用本程序在本机解锁一次，再迁移")
        return slot.user_id, opened.dek, opened.keys
    throttle.record_failure(keyfile.store_id)
    raise AuthenticationError()


def open_source(directory: Path, user_name: str, passphrase: str) -> Source:
    """Unlock the store in ``directory`` read-only for ``user_name``, who must be its
    系统管理员; refuse a store that cannot be moved as it is."""
    directory = Path(directory)
    if is_linked(directory):
        raise ValidationError(
            "--from 应是本机的加密数据库文件夹；此文件夹连接的已是巡察办服务器", field="from"
        )
    layout = StoreLayout(directory)
    layout.require()
    _check_closed(layout)
    keyfile = Keyfile.read(layout.keyfile)
    user_id, dek, keys = _unseal(keyfile, user_name, passphrase)
    engine: Engine | None = None
    try:
        keyfile.check_mac(dek)
        if keyfile.root is None or any(s.legacy for s in keyfile.slots if s.kind == "passphrase"):
            raise ValidationError(
                "源数据库的密钥文件还是旧格式：请各用户先用本程序在本机各自解锁一次，再迁移"
                "（否则迁移后他们在服务器上无法解锁）"
            )
        engine = _read_only_engine(layout.db, dek)
        source = Source(layout, keyfile, dek, keys, user_id, engine)
        _check_source(source)
    except BaseException:
        if engine is not None:
            engine.dispose()
        zero_key(dek)
        raise
    return source


@contextmanager
def _source_session(source: Source) -> Iterator[Session]:
    with Session(source.engine) as s:
        s.info[grants.ROOT_INFO_KEY] = source.keyfile.root
        yield as_store_job(s)


def _check_source(source: Source) -> None:
    if migrate.current_revision(source.engine) != migrate.head_revision():
        raise ValidationError(
            "源数据库的结构不是本程序的版本：请先用本程序在本机解锁一次（会先备份再升级），再迁移"
        )
    with _source_session(source) as s:
        meta = {m.key: m.value for m in s.scalars(select(StoreMeta))}
        if meta.get("store_role") != "office":
            raise ValidationError("只能迁移巡察办的数据库；巡察组的外出笔记本数据库留在本机")
        user = s.get(User, source.user_id)
        if user is None:
            raise AuthenticationError("密钥槽对应的用户不存在")
        if user.disabled:
            raise UserDisabled()
        held = grants.load_chain(s).held.get(source.user_id)
        mine = public_key(source.keys.ed25519) if source.keys.ed25519 else None
        if held is None or held.key != mine or Role.SYSADMIN not in held.effective:
            raise PermissionDenied(
                "只有系统管理员可以把数据库迁移到巡察办服务器（迁移复制整个数据库，如同备份）"
            )


# -- what is copied, and how it is read on both sides ----------------------------------------


def copied_tables() -> list[Table]:
    """Every table of the schema in dependency order (a row's references copied before it)."""
    return list(Base.metadata.sorted_tables)


def _check_tables(conn: DbConnection) -> None:
    present = {
        t
        for t in inspect(conn).get_table_names()
        if t != NOT_COPIED and not t.startswith(SEARCH_PREFIX)
    }
    expected = {t.name for t in copied_tables()}
    if present != expected:
        raise ValidationError(
            "源数据库的数据表与本程序的不一致，不能迁移："
            + "、".join(sorted(present.symmetric_difference(expected)))
        )


def _read_column(column: Column[Any]) -> ColumnElement[Any]:
    """A column as both sides read it: JSON as its stored text (no re-encoding; NULL and
    ``null`` stay apart), an enum as its code, anything else through its type."""
    if isinstance(column.type, JSON):
        return cast(column, Text).label(column.name)
    if isinstance(column.type, EnumCode):
        return cast(column, String).label(column.name)
    return column


def _key_order(table: Table, dialect: str) -> list[ColumnElement[Any]]:
    """Primary-key order, by the bytes of text keys on both sides (SQLite compares them so;
    PostgreSQL's default collation would not)."""
    order: list[ColumnElement[Any]] = []
    for column in table.primary_key.columns:
        text_key = isinstance(column.type, String) and dialect == "postgresql"
        order.append(column.collate("C") if text_key else column)
    return order


def _only_copied(table: Table, stmt: Any) -> Any:
    if table.name == StoreMeta.__tablename__:
        return stmt.where(table.c.key.not_in(TARGET_ONLY_META))
    return stmt


def _canonical(value: Any) -> str:
    """What JSON has no form for: timestamps and dates as ISO 8601, bytes as hex (``json.dumps``
    asks only for these, so the other values cost no Python call)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"no canonical form for {type(value).__name__}")


def table_digest(conn: DbConnection, table: Table) -> TableCheck:
    """The row count and SHA-256 of ``table`` as this side holds it."""
    stmt = select(*(_read_column(c) for c in table.columns)).order_by(
        *_key_order(table, conn.dialect.name)
    )
    digest = hashlib.sha256()
    rows = 0
    for row in conn.execution_options(yield_per=2000).execute(_only_copied(table, stmt)):
        line = json.dumps(tuple(row), default=_canonical, ensure_ascii=False, separators=(",", ":"))
        digest.update(line.encode("utf-8") + b"\n")
        rows += 1
    return TableCheck(table.name, rows, digest.hexdigest())


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
    read = select(*(_read_column(c) for c in table.columns)).order_by(*keys).limit(batch)
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


BLOBS = attachment_chunks.name  # the blobs' check, beside the tables'


def _source_blobs(source: Source) -> list[tuple[str, Path]]:
    """Each attachment's hash and its blob file in the source, in hash order."""
    files = AttachmentStore(source.layout, source.dek)
    with source.engine.connect() as conn:
        shas = conn.scalars(select(Attachment.sha256).order_by(Attachment.sha256)).all()
    return [(sha, files.blob_path(sha)) for sha in shas]


def _copy_blobs(source: Source, target: Engine, progress: ProgressSink) -> None:
    """Each blob file as it is (encrypted under the data key the server's keyfile keeps), a
    blob a transaction: a kill loses at most the one in flight, and a re-run skips those the
    server has. ``put_blob_file`` checks each against its hash first. The server's store is
    given the source's folder for its staging files, which these calls never write."""
    blobs = _source_blobs(source)
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


def _blob_line(sha: str, content: hashlib._Hash) -> bytes:
    return f"{sha} {content.hexdigest()}\n".encode("ascii")


def source_blobs_digest(source: Source) -> TableCheck:
    """The source's blobs: their number and a SHA-256 over each one's hash and the SHA-256 of
    its encrypted bytes, in hash order."""
    digest = hashlib.sha256()
    blobs = _source_blobs(source)
    for sha, path in blobs:
        content = hashlib.sha256()
        with open(path, "rb") as blob:
            while piece := blob.read(PIECE):
                content.update(piece)
        digest.update(_blob_line(sha, content))
    return TableCheck(BLOBS, len(blobs), digest.hexdigest())


def target_blobs_digest(conn: DbConnection) -> TableCheck:
    """The same of the server's rows, a blob's rows in ``seq`` order, a few rows at a time."""
    stmt = select(attachment_chunks.c.sha256, attachment_chunks.c.data).order_by(
        attachment_chunks.c.sha256.collate("C"), attachment_chunks.c.seq
    )
    digest = hashlib.sha256()
    blobs = 0
    current: str | None = None
    content = hashlib.sha256()
    for sha, data in conn.execution_options(yield_per=4).execute(stmt):
        if sha != current:
            if current is not None:
                digest.update(_blob_line(current, content))
            current, content = sha, hashlib.sha256()
            blobs += 1
        content.update(data)
    if current is not None:
        digest.update(_blob_line(current, content))
    return TableCheck(BLOBS, blobs, digest.hexdigest())


# -- the migration ----------------------------------------------------------------------------


def _counts(source: Source, tables: Sequence[Table]) -> int:
    with source.engine.connect() as conn:
        return sum(
            conn.execute(_only_copied(t, select(func.count()).select_from(t))).scalar_one()
            for t in tables
        )


def verify(source: Source, target: Engine) -> tuple[tuple[TableCheck, ...], TableCheck]:
    """Each table's count and content hash, and the blobs', the same on both sides; else
    ``OfficeMigrationMismatch`` naming the first table that differs."""
    checks = []
    with source.engine.connect() as src, target.connect() as dst:
        for table in copied_tables():
            checks.append(_same(table_digest(src, table), table_digest(dst, table)))
        blobs = _same(source_blobs_digest(source), target_blobs_digest(dst))
    return tuple(checks), blobs


def _same(mine: TableCheck, theirs: TableCheck) -> TableCheck:
    if mine != theirs:
        raise OfficeMigrationMismatch(
            f"迁移校验未通过：数据表 {mine.name} 在服务器上与源数据库不一致"
            f"（源 {mine.rows} 行，服务器 {theirs.rows} 行"
            + ("，行数相同而内容不同" if mine.rows == theirs.rows else "")
            + "）；服务器上的数据库未启用，源数据库未改动",
            table=mine.name,
            source_rows=mine.rows,
            target_rows=theirs.rows,
        )
    return mine


def _finish(
    source: Source,
    target: Engine,
    checks: tuple[TableCheck, ...],
    blobs: TableCheck,
    reindex: Reindex | None,
) -> tuple[int, int]:
    """The last transaction: index, keyfile, audit entry; the chain proved before it commits."""
    with _source_session(source) as s:
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
        _check_tables(conn)
    with _source_session(source) as s:
        anchors.prove(s)  # the chain as it is here: what the server's must prove too
    state, resumed = claim_target(target, source)
    total = _counts(source, tables)
    with target.connect() as conn:
        copied = sum(
            conn.execute(_only_copied(t, select(func.count()).select_from(t))).scalar_one()
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
