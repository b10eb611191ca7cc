"""``PipedRows`` writes on a thread inside the caller's transaction: rows land in order, a failed
statement surfaces in the caller's thread as SQLAlchemy would raise it (and stops the writing),
a discarded pipe has stopped by the time the caller rolls back, and a JSON text feeds several
statements in turn."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from workbench.store.rowwriter import DirectRows, Insert, PipedRows
from workbench.store.vault import Vault

PENDING = Insert("search_pending", ("record_type", "record_id"))
SCRATCH = Insert("scratch", ("name", "n", "note"))
SCRATCH_OR_IGNORE = Insert("scratch", ("name", "n", "note"), verb="INSERT OR IGNORE")


def _pending(vault: Vault) -> list[tuple[Any, ...]]:
    with vault.engine.connect() as conn:
        rows = conn.execute(text("SELECT record_type, record_id FROM search_pending"))
        return [tuple(r) for r in rows.all()]


def test_piped_rows_land_in_order_with_their_types(vault: Vault) -> None:
    with vault.session() as s:
        s.connection().exec_driver_sql(
            "CREATE TABLE scratch (name TEXT PRIMARY KEY, n INTEGER, note TEXT)"
        )
    odd = 'quote " back \\ tab\t line\n 信访 𠮷 \u2028'
    keys = [(f"{i:05d}-信", i * (2**40) - 2**62, odd if i % 7 else None) for i in range(3000)]
    with vault.session() as s:
        rows = PipedRows(s)
        for start in range(0, len(keys), 1000):
            rows.insert(SCRATCH, keys[start : start + 1000])
        rows.insert(SCRATCH_OR_IGNORE, keys[:10])  # already there: ignored
        rows.drain()
        # drained: the session's connection is the caller's again, and sees the rows
        count = s.connection().exec_driver_sql("SELECT count(*) FROM scratch").scalar()
        assert count == len(keys)
        rows.close()
    with vault.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT name, n, note, typeof(n), typeof(note) FROM scratch ORDER BY rowid"
        ).all()
    assert [tuple(r[:3]) for r in stored] == keys
    assert {(r[3], r[4]) for r in stored} == {("integer", "text"), ("integer", "null")}


def test_a_failed_statement_is_raised_in_the_caller_and_stops_the_writing(vault: Vault) -> None:
    with pytest.raises(sa_exc.IntegrityError), vault.session() as s:
        rows = PipedRows(s)
        rows.insert(PENDING, [("letters", "a"), ("letters", "a")])  # the primary key twice
        try:
            rows.drain()
        finally:
            with pytest.raises(sa_exc.IntegrityError):
                rows.insert(PENDING, [("letters", "b")])  # refused: an earlier batch failed
            with pytest.raises(sa_exc.IntegrityError):
                rows.close()
    assert _pending(vault) == []  # the caller's rollback took the rest


def test_a_discarded_pipe_stops_before_the_rollback(vault: Vault) -> None:
    with vault.session() as s:
        rows = PipedRows(s, depth=1)
        rows.insert(PENDING, [("letters", "kept")])
        rows.drain()
        for i in range(20):
            rows.insert(PENDING, [("letters", f"maybe-{i}")])
        rows.close(discard=True)
        assert not any(t.name == "import-rows" for t in threading.enumerate())
        left = s.connection().exec_driver_sql("SELECT record_id FROM search_pending").scalars()
        assert "kept" in list(left)
        s.rollback()
    assert _pending(vault) == []


def test_direct_rows_write_at_once(vault: Vault) -> None:
    with vault.session() as s:
        DirectRows(s).insert(PENDING, [("letters", "x"), ("letters", "y")])
        DirectRows(s).insert(PENDING, [])
    assert _pending(vault) == [("letters", "x"), ("letters", "y")]


@pytest.mark.parametrize("piped", [False, True], ids=["at once", "piped"])
def test_a_json_text_feeds_each_statement_in_turn(vault: Vault, piped: bool) -> None:
    with vault.session() as s:
        s.connection().exec_driver_sql(
            "CREATE TABLE scratch (name TEXT PRIMARY KEY, n INTEGER, note TEXT)"
        )
    odd = 'quote " back \\ 信访 𠮷 \u2028'
    pairs = [[f"{i:04d} {odd}", i - 2**62] for i in range(1500)]
    text_ = json.dumps(pairs, ensure_ascii=False).encode()  # bytes: bound as a BLOB, read as text
    fill = (
        "INSERT INTO scratch (name, n, note)"
        " SELECT value ->> 0, value ->> 1, ?2 FROM jsonb_each(?1)"
    )
    # needs the rows of the first statement: they run in order, on the same JSONB
    mark = (
        "UPDATE scratch SET note = note || ?2 WHERE n IN (SELECT value ->> 1 FROM jsonb_each(?1))"
    )
    with vault.session() as s:
        rows = PipedRows(s) if piped else DirectRows(s)
        rows.insert_json(text_, [(fill, ("first",)), (mark, ("+then",))])
        if isinstance(rows, PipedRows):
            rows.close()
    with vault.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT name, n, note FROM scratch ORDER BY rowid").all()
    assert [[r[0], r[1]] for r in stored] == pairs
    assert {r[2] for r in stored} == {"first+then"}


def test_a_failed_json_statement_is_raised_in_the_caller(vault: Vault) -> None:
    twice = json.dumps([["letters", "a"], ["letters", "a"]]).encode()
    sql = (
        "INSERT INTO search_pending (record_type, record_id)"
        " SELECT value ->> 0, value ->> 1 FROM jsonb_each(?1)"
    )
    with pytest.raises(sa_exc.IntegrityError), vault.session() as s:
        rows = PipedRows(s)
        rows.insert_json(twice, [(sql, ())])
        try:
            rows.drain()
        finally:
            rows.close(discard=True)
    assert _pending(vault) == []


@pytest.mark.parametrize("discard", [False, True], ids=["closed", "discarded"])
def test_the_page_cache_is_the_pipes_while_it_is_open(vault: Vault, discard: bool) -> None:
    with vault.session() as s:
        conn = s.connection()
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        rows = PipedRows(s, cache_kib=16 * 1024)
        rows.insert(PENDING, [("letters", "x")])
        rows.drain()
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -16 * 1024
        rows.close(discard=discard)
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before != -16 * 1024
