"""Where a damaged store is damaged: the pages whose HMAC fails and the tables they belong to.

SQLCipher authenticates every page, so a changed byte shows in ``PRAGMA cipher_integrity_check``
as "HMAC verification failed for page N", and a statement reading that page fails with "database
disk image is malformed". After such a failure the connection refuses every further page, so the
survey asks each question on a fresh read-only connection: it never writes the file.

This SQLite build has no ``dbstat`` table to map pages to tables, so pages are attributed by
reading: a table whose ``integrity_check`` fails holds a damaged page, in its rows if a plain scan
of it fails too, else in one of its indexes. A damaged page that no table or index reads is a free
page: it holds no data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from workbench.store.engine import read_only_connection

_HMAC_FAILED = re.compile(r"HMAC verification failed for page (\d+)")
LISTED_PAGES = 20  # check lists this many page numbers; --json has them all


@dataclass(frozen=True)
class DamageReport:
    pages: tuple[int, ...] = ()  # their HMAC fails
    # cipher_integrity_check's other findings (e.g. a file cut short inside a page)
    cipher_notes: tuple[str, ...] = ()
    schema_damaged: bool = False  # sqlite_master cannot be read: nothing can be attributed
    tables: tuple[str, ...] = ()  # tables whose rows cannot all be read
    indexes_of: tuple[str, ...] = ()  # tables whose rows read but whose indexes do not
    integrity: tuple[str, ...] = ()  # integrity_check's findings on pages that do read
    every_page: bool = False  # not one page passes: another key, or the whole file

    @property
    def found(self) -> bool:
        return bool(
            self.pages
            or self.cipher_notes
            or self.schema_damaged
            or self.tables
            or self.indexes_of
            or self.integrity
        )

    @property
    def free_pages_only(self) -> bool:
        """Every damaged page is outside all tables and indexes: no record is affected."""
        return bool(self.pages) and not (
            self.schema_damaged or self.tables or self.indexes_of or self.integrity
        )

    def problems(self) -> list[str]:
        """What ``check`` prints, one problem a line."""
        lines: list[str] = []
        if self.pages:
            numbers = "、".join(str(p) for p in self.pages[:LISTED_PAGES])
            more = f" 等，共 {len(self.pages)} 页" if len(self.pages) > LISTED_PAGES else " 页"
            lines.append(f"加密页校验失败（内容被改动或损坏）：第 {numbers}{more}")
        if self.every_page:
            lines.append("所有页都校验失败：数据库文件与密钥文件不配套，或整个文件已损坏")
        lines += [f"加密页校验失败：{note}" for note in self.cipher_notes]
        if self.schema_damaged and not self.every_page:
            lines.append("损坏的页在数据库结构表（sqlite_master）中：任何数据都无法读取")
        lines += [f"表 {name} 的数据所在页已损坏" for name in self.tables]
        lines += [f"表 {name} 的索引所在页已损坏" for name in self.indexes_of]
        if self.free_pages_only:
            lines.append("损坏的页不属于任何表或索引（空闲页），记录未受影响")
        lines += [f"数据库结构校验失败：{line}" for line in self.integrity]
        return lines


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ask(db: Path, key: bytes | bytearray, sql: str) -> list[Any] | None:
    """All rows of ``sql`` on a fresh connection, or None when a page cannot be read."""
    conn = read_only_connection(db, key)
    try:
        return [row[0] for row in conn.execute(sql)]
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()


def _reads_whole(db: Path, key: bytes | bytearray, table: str) -> bool:
    """Every row of ``table`` (overflow pages too) reads from the table itself, not an index."""
    conn = read_only_connection(db, key)
    try:
        scan = f"SELECT * FROM {_quoted(table)} NOT INDEXED"  # noqa: S608 - a quoted name
        for _row in conn.execute(scan):
            pass
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def survey(db: Path, key: bytes | bytearray) -> DamageReport:
    """Read every page of the database at ``db`` (keyed with ``key``) and say what is damaged."""
    lines = _ask(db, key, "PRAGMA cipher_integrity_check") or []
    pages = tuple(sorted(int(m[1]) for line in lines if (m := _HMAC_FAILED.fullmatch(line))))
    notes = tuple(line for line in lines if not _HMAC_FAILED.fullmatch(line))
    size = int((_ask(db, key, "PRAGMA cipher_page_size") or [0])[0])
    if size and db.stat().st_size % size:
        notes += ("数据库文件不是整数个页：被截断或附加了数据",)
    if len(pages) > 1 and size and len(pages) >= db.stat().st_size // size:
        return DamageReport(pages, notes, schema_damaged=True, every_page=True)
    names = _ask(
        db, key, "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY 1"
    )
    if names is None:
        return DamageReport(pages, notes, schema_damaged=True)
    overall = _ask(db, key, "PRAGMA integrity_check")
    if overall == ["ok"]:
        return DamageReport(pages, notes)
    tables: list[str] = []
    indexes_of: list[str] = []
    for name in names:
        if _ask(db, key, f"PRAGMA integrity_check({_quoted(name)})") == ["ok"]:
            continue
        (tables if not _reads_whole(db, key, name) else indexes_of).append(name)
    if tables or indexes_of:
        integrity: tuple[str, ...] = ()  # what integrity_check adds is their consequence
    elif overall is None:
        integrity = ("完整性检查中途失败",)
    else:
        integrity = tuple(overall)
    return DamageReport(pages, notes, False, tuple(tables), tuple(indexes_of), integrity)
