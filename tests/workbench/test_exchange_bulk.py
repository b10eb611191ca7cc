"""Bulk import writes rows without the ORM (``exchange/bulk.py``, through ``store/rowwriter.py``:
``executemany`` or JSON batches on a writer thread) and audit entries with ``audit.record_many``:
the stored bytes must be exactly what the ORM writes, either way, and the audit chain must
verify. The oracle is the demo store itself, written through the ORM."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from workbench.demo import DEMO_PASSPHRASE
from workbench.exchange.bulk import insert_records
from workbench.exchange.export import round_rows
from workbench.exchange.recordio import CHILDREN, MODELS, PackageRecord, serialize
from workbench.models import Round
from workbench.store import audit
from workbench.store.rowwriter import DirectRows, PipedRows
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


@pytest.mark.parametrize("piped", [False, True], ids=["executemany", "piped"])
def test_bulk_rows_are_stored_exactly_as_the_orm_stores_them(demo: Vault, piped: bool) -> None:
    with demo.read() as s:
        round_id = s.scalars(select(Round.id)).first()
        assert round_id is not None
        records = [serialize(row) for row in round_rows(s, round_id)]
    kinds = {spec for r in records for spec in r.fields}
    assert len(records) > 300 and {"deleted_at", "reported_persons", "anonymous"} <= kinds
    before = _raw_rows(demo, records)
    with demo.session() as s:
        conn = s.connection()
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in reversed(list(before)):  # children first, then their aggregates
            conn.exec_driver_sql(f'DELETE FROM "{table}"')
        rows = PipedRows(s) if piped else DirectRows(s)
        for _type, group in groupby(records, key=lambda r: r.type):
            insert_records(rows, group)
        if isinstance(rows, PipedRows):
            rows.close()
    assert _raw_rows(demo, records) == before


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
