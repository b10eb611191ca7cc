"""Records written with Core (the bulk import) are queued in their transaction and indexed after
the commit by ``catch_up``: batch by batch, resumable, cancellable, idempotent."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from tests.workbench.index_world import MARKER, core_interview, core_letters
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.jobs import CancelToken
from workbench.models import Letter
from workbench.services.index_queue import catch_up, pending_count, queue_for_index
from workbench.services.indexing import reindex_all
from workbench.services.search import search_records, unindexed_count
from workbench.store.vault import Vault


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield vault
    vault.lock()


def found(vault: Vault, query: str) -> set[str]:
    with vault.read() as s:
        return {hit.record_id for hit in search_records(s, query, limit=500)}


def pending(vault: Vault) -> int:
    with vault.read() as s:
        return pending_count(s)


def indexed_rows(vault: Vault, ids: list[str]) -> int:
    """How many search_docs rows the records have (one each when indexed)."""
    sql = text("SELECT count(*) FROM search_docs WHERE record_type = 'letter' AND record_id = :id")
    with vault.read() as s:  # SQLAlchemy's parameters: the same on SQLite and PostgreSQL
        return sum(int(s.execute(sql, {"id": i}).scalar_one()) for i in ids)


def test_core_rows_are_found_only_after_the_catch_up(demo: Vault) -> None:
    with demo.session() as s:
        ids = core_letters(s, 30)
        interview_id = core_interview(s, f"我反映{MARKER}的账目问题")
    assert found(demo, MARKER) == set()  # committed, but not indexed yet
    with demo.read() as s:
        assert pending_count(s) == unindexed_count(s) == 31

    reports: list[tuple[int, int | None]] = []
    done = catch_up(demo, batch=8, progress=lambda d, t, _label="": reports.append((d, t)))

    assert done == 31 and pending(demo) == 0
    assert found(demo, MARKER) == {*ids, interview_id}  # the turn came with its interview
    assert reports[0] == (0, 31) and reports[-1] == (31, 31)
    assert [d for d, _ in reports] == [0, 8, 16, 24, 31]


def test_a_tombstoned_or_missing_row_leaves_the_index(demo: Vault) -> None:
    with demo.read() as s:
        letter = s.scalars(select(Letter).where(Letter.deleted_at.is_(None)).limit(1)).one()
        letter_id, number = letter.id, letter.number
    assert letter_id in found(demo, number)
    with demo.session() as s:  # a tombstone that arrives by Core, as in a package
        s.execute(
            update(Letter.__table__)
            .where(Letter.__table__.c.id == letter_id)
            .values(deleted_at=datetime(2026, 11, 28))
        )
        queued = queue_for_index(s, [("letters", letter_id), ("letters", "no-such-letter")])
    assert queued == 2
    assert letter_id in found(demo, number)  # still indexed until the catch-up

    assert catch_up(demo) == 2
    assert letter_id not in found(demo, number)
    assert pending(demo) == 0


def test_cancel_keeps_what_was_done_and_a_second_run_finishes(demo: Vault) -> None:
    with demo.session() as s:
        ids = core_letters(s, 25)
    token = CancelToken()

    def cancel_after_first_batch(done: int, _total: int | None, _label: str = "") -> None:
        if done:
            token.cancel()

    assert catch_up(demo, batch=10, progress=cancel_after_first_batch, cancel=token) == 10
    assert pending(demo) == 15
    assert len(found(demo, MARKER)) == 10

    assert catch_up(demo, batch=10) == 15
    assert pending(demo) == 0 and found(demo, MARKER) == set(ids)


def test_a_failure_between_batches_keeps_the_committed_batches(demo: Vault) -> None:
    with demo.session() as s:
        core_letters(s, 12)

    def fail_after_first_batch(done: int, _total: int | None, _label: str = "") -> None:
        if done:
            raise OSError("power cut")

    with pytest.raises(OSError):
        catch_up(demo, batch=5, progress=fail_after_first_batch)
    assert pending(demo) == 7 and len(found(demo, MARKER)) == 5
    assert catch_up(demo) == 7 and len(found(demo, MARKER)) == 12


def test_catch_up_is_idempotent(demo: Vault) -> None:
    with demo.session() as s:
        ids = core_letters(s, 5)
    assert catch_up(demo) == 5
    assert catch_up(demo) == 0  # nothing queued: nothing done
    with demo.session() as s:
        assert queue_for_index(s, [("letters", i) for i in ids]) == 5
        assert queue_for_index(s, [("letters", i) for i in ids]) == 0  # already queued
    assert catch_up(demo) == 5
    assert indexed_rows(demo, ids) == 5  # re-indexed in place, never twice
    assert found(demo, MARKER) == set(ids)


def test_only_searchable_tables_are_queued(demo: Vault) -> None:
    with demo.session() as s:
        queued = queue_for_index(
            s,
            [
                ("drafts", "d1"),
                ("exchange_ledger", "p1"),
                ("interview_turns", "t1"),  # indexed with its interview: queue the interview
                ("letters", "l1"),
                ("attachments", "0" * 64),
            ],
        )
        assert queued == 2 and pending_count(s) == 2
    assert catch_up(demo) == 2  # rows that do not exist are removals, not errors


def test_rolled_back_import_queues_nothing(demo: Vault) -> None:
    with pytest.raises(RuntimeError), demo.session() as s:
        core_letters(s, 3)
        raise RuntimeError("the import failed validation")
    assert pending(demo) == 0


def test_reindex_all_empties_the_queue(demo: Vault) -> None:
    with demo.session() as s:
        ids = core_letters(s, 4)
    with demo.session() as s:
        reindex_all(s)
    assert pending(demo) == 0 and found(demo, MARKER) == set(ids)


def test_orm_writes_are_still_indexed_by_the_hook(demo: Vault) -> None:
    with demo.session() as s:
        letter = s.scalars(select(Letter).where(Letter.deleted_at.is_(None)).limit(1)).one()
        letter.summary = f"补充：{MARKER}"
        letter_id = letter.id
    assert pending(demo) == 0 and found(demo, MARKER) == {letter_id}


def test_queueing_sixty_thousand_keys_queues_them_all(demo: Vault) -> None:
    keys = [("letters", f"bulk-{n:06d}") for n in range(60_000)]
    with demo.session() as s:
        assert queue_for_index(s, keys) == 60_000
        assert pending_count(s) == 60_000


def test_limit_takes_at_most_that_many(demo: Vault) -> None:
    with demo.session() as s:
        core_letters(s, 7)
    assert catch_up(demo, batch=2, limit=3) == 3
    assert pending(demo) == 4
    assert catch_up(demo, limit=100) == 4
    assert catch_up(demo, limit=100) == 0
    with pytest.raises(ValueError):
        catch_up(demo, batch=0)
