"""What ``office migrate`` (``office_migrate.py``) copies, how both sides read it, and the check
that they hold the same before the server's store is enabled.

Per table the row count and a SHA-256 over the rows in primary-key order (byte order of the keys
on both sides), each value canonicalised the same way on both dialects; the attachments' blobs
likewise: their number, and a SHA-256 over each one's name and the hash of its encrypted bytes.
The search index is not copied (its form differs on the server; the indexer rebuilds it), nor
the target's own ``alembic_version``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, ColumnElement, Engine, String, Table, Text, cast, inspect, select
from sqlalchemy.engine import Connection as DbConnection
from sqlalchemy.types import JSON

import workbench.models  # noqa: F401 - every table on the metadata
from workbench.errors import OfficeMigrationMismatch, ValidationError
from workbench.models.base import Base, EnumCode
from workbench.models.system import Attachment, StoreMeta
from workbench.store.attachments import AttachmentStore
from workbench.store.office import KEYFILE_META, MIGRATION_META
from workbench.store.office_migrate_source import Source
from workbench.store.server_attachments import PIECE
from workbench.store.server_attachments import chunks as attachment_chunks

NOT_COPIED = "alembic_version"  # the target's own migrations write it
SEARCH_PREFIX = "search_"  # the search index: rebuilt on the server by the indexer
TARGET_ONLY_META = (KEYFILE_META, MIGRATION_META)  # rows the source's store_meta never holds
BLOBS = attachment_chunks.name  # the blobs' check, beside the tables'


@dataclass(frozen=True)
class TableCheck:
    name: str
    rows: int
    sha256: str


def copied_tables() -> list[Table]:
    """Every table of the schema in dependency order (a row's references copied before it)."""
    return list(Base.metadata.sorted_tables)


def check_source_tables(conn: DbConnection) -> None:
    """The source holds exactly the tables this program copies (and the ones it does not)."""
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


def read_column(column: Column[Any]) -> ColumnElement[Any]:
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


def only_copied(table: Table, stmt: Any) -> Any:
    """``stmt`` on ``table`` without the ``store_meta`` rows only the target holds."""
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
    stmt = select(*(read_column(c) for c in table.columns)).order_by(
        *_key_order(table, conn.dialect.name)
    )
    digest = hashlib.sha256()
    rows = 0
    for row in conn.execution_options(yield_per=2000).execute(only_copied(table, stmt)):
        line = json.dumps(tuple(row), default=_canonical, ensure_ascii=False, separators=(",", ":"))
        digest.update(line.encode("utf-8") + b"\n")
        rows += 1
    return TableCheck(table.name, rows, digest.hexdigest())


# -- the attachments' blobs ------------------------------------------------------------------


def source_blobs(source: Source) -> list[tuple[str, Path]]:
    """Each attachment's hash and its blob file in the source, in hash order."""
    files = AttachmentStore(source.layout, source.dek)
    with source.engine.connect() as conn:
        shas = conn.scalars(select(Attachment.sha256).order_by(Attachment.sha256)).all()
    return [(sha, files.blob_path(sha)) for sha in shas]


def _blob_line(sha: str, content: hashlib._Hash) -> bytes:
    return f"{sha} {content.hexdigest()}\n".encode("ascii")


def source_blobs_digest(source: Source) -> TableCheck:
    """The source's blobs: their number and a SHA-256 over each one's hash and the SHA-256 of
    its encrypted bytes, in hash order."""
    digest = hashlib.sha256()
    blobs = source_blobs(source)
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


# -- both sides ------------------------------------------------------------------------------


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
