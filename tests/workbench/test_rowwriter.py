"""``DirectRows`` writes bulk rows with ``executemany`` inside the caller's transaction: rows
land in order with their types, and a failed statement is raised in the caller as SQLAlchemy
raises it (the caller's rollback takes the rest)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from workbench.store.rowwriter import DirectRows, Insert
from workbench.store.vault import Vault

PENDING = Insert("search_pending", ("record_type", "record_id"))
SCRATCH = Insert("scratch", ("name", "n", "note"))
SCRATCH_OR_IGNORE = Insert("scratch", ("name", "n", "note"), verb="INSERT OR IGNORE")


def _pending(vault: Vault) -> list[tuple[Any, ...]]:
    with vault.engine.connect() as conn:
        rows = conn.execute(text("SELECT record_type, record_id FROM search_pending"))
        return [tuple(r) for r in rows.all()]


def test_rows_land_in_order_with_their_types(vault: Vault) -> None:
    with vault.session() as s:
        s.connection().exec_driver_sql(
            "CREATE TABLE scratch (name TEXT PRIMARY KEY, n INTEGER, note TEXT)"
        )
    odd = 'quote " back \\ tab\t line\n 信访 𠮷 \u2028'
    keys = [(f"{i:05d}-信", i * (2**40) - 2**62, odd if i % 7 else None) for i in range(3000)]
    with vault.session() as s:
        rows = DirectRows(s)
        for start in range(0, len(keys), 1000):
            rows.insert(SCRATCH, keys[start : start + 1000])
        rows.insert(SCRATCH_OR_IGNORE, keys[:10])  # already there: ignored
        count = s.connection().exec_driver_sql("SELECT count(*) FROM scratch").scalar()
        assert count == len(keys)
    with vault.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT name, n, note, typeof(n), typeof(note) FROM scratch ORDER BY rowid"
        ).all()
    assert [tuple(r[:3]) for r in stored] == keys
    assert {(r[3], r[4]) for r in stored} == {("integer", "text"), ("integer", "null")}


def test_a_failed_statement_is_raised_in_the_caller(vault: Vault) -> None:
    with pytest.raises(sa_exc.IntegrityError), vault.session() as s:
        rows = DirectRows(s)
        rows.insert(PENDING, [("letters", "kept")])
        rows.insert(PENDING, [("letters", "a"), ("letters", "a")])  # the primary key twice
    assert _pending(vault) == []  # the caller's rollback took the rest


def test_direct_rows_write_at_once(vault: Vault) -> None:
    with vault.session() as s:
        DirectRows(s).insert(PENDING, [("letters", "x"), ("letters", "y")])
        DirectRows(s).insert(PENDING, [])
    assert _pending(vault) == [("letters", "x"), ("letters", "y")]
