"""Bulk import writes rows without the ORM's unit of work (``exchange/records/bulk.py``: one Core
``executemany`` per table), and audit entries go through ``audit.record_many``. The stored bytes
must be exactly what the ORM writes for the same records, and the audit chain must verify. The
oracle is the ORM itself, writing the same records one by one as the merge does for records it
already has."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.demo import DEMO_PASSPHRASE
from workbench.exchange.records.apply import write_record
from workbench.exchange.records.bulk import insert_new
from workbench.exchange.records.recordio import (
    CHILDREN,
    MODELS,
    PackageRecord,
    parse_record,
    serialize,
)
from workbench.exchange.to_office.export import round_rows
from workbench.models import Round
from workbench.store import audit
from workbench.store.vault import Vault


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_dir, "wangjg", DEMO_PASSPHRASE)
    yield vault
    vault.lock()


def _raw_rows(vault: Vault, records: list[PackageRecord]) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored column of the records' rows and child rows, as SQLite holds them."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with vault.engine.connect() as conn:
        for record_type, group in groupby(records, key=lambda r: r.type):
            ids = [r.id for r in group]
            marks = ", ".join("?" * len(ids))
            table = MODELS[record_type].__tablename__
            rows = conn.exec_driver_sql(
                f'SELECT * FROM "{table}" WHERE id IN ({marks}) ORDER BY id', tuple(ids)
            ).all()
            out[table] = [tuple(r) for r in rows]
            if MODELS[record_type] in CHILDREN:
                _rel, child, fk = CHILDREN[MODELS[record_type]]
                child_table = child.__tablename__
                kids = conn.exec_driver_sql(
                    f'SELECT * FROM "{child_table}" WHERE "{fk}" IN ({marks}) ORDER BY id',
                    tuple(ids),
                ).all()
                out[child_table] = [tuple(r) for r in kids]
    return out


def _delete_rows(s: Session, tables: list[str]) -> None:
    conn = s.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in reversed(tables):  # children first, then their aggregates
        conn.exec_driver_sql(f'DELETE FROM "{table}"')


def test_bulk_rows_are_stored_exactly_as_the_orm_stores_them(demo: Vault) -> None:
    with demo.read() as s:
        round_id = s.scalars(select(Round.id)).first()
        assert round_id is not None
        # as an import has them: read back from their lines (so JSON objects' keys come sorted)
        records = [
            parse_record(json.loads(r.line), "$", r.line)
            for r in (serialize(row) for row in round_rows(s, round_id))
        ]
    kinds = {spec for r in records for spec in r.fields}
    assert len(records) > 300 and {"deleted_at", "reported_persons", "anonymous"} <= kinds
    tables = list(_raw_rows(demo, records))
    with demo.session() as s:  # the oracle: what the ORM writes for them, one by one
        _delete_rows(s, tables)
        s.info["preserve_stamps"] = True
        for rec in records:
            write_record(s, rec)
    by_orm = _raw_rows(demo, records)
    with demo.session() as s:
        _delete_rows(s, tables)
        insert_new(s, records, {"package_id": "p-1"})
    assert _raw_rows(demo, records) == by_orm


def test_record_many_continues_the_chain_like_record(demo: Vault) -> None:
    detail = {"package_id": "p-1"}
    with demo.session() as s:
        audit.record(s, "before", "x", "1")
        written = audit.record_many(
            s,
            [("insert", "letters", f"id-{i}", detail) for i in range(50)]
            + [("one", None, None, None)],
        )
        audit.record(s, "after", "x", "2")
    assert written == 51
    with demo.read() as s:
        report = audit.verify_chain(s)
        tail = list(audit.iter_entries(s, limit=53))
    assert report.entries >= 53
    assert [e.action for e in tail[:3]] == ["after", "one", "insert"]
    assert tail[2].detail == detail and tail[1].detail == {}
    with demo.engine.connect() as conn:
        stored = conn.execute(text("SELECT at FROM audit_log ORDER BY seq DESC LIMIT 2")).all()
    assert all(len(row[0]) == 26 for row in stored)  # the ORM's DATETIME storage form
