"""rowdump reads a round's records straight from SQL rows, and sqllines has SQLite write their
lines; the oracle is ``serialize`` over the ORM rows of ``export.round_rows``, on the demo store
with edits that give every column kind a non-trivial value (tombstone, Chinese JSON, NULL date,
both booleans, odd stored forms)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from tests.workbench import rowdump_oracle as rowdump
from tests.workbench.rowdump_oracle import iter_round_records
from workbench.demo import DEMO_PASSPHRASE
from workbench.exchange.records import sqllines
from workbench.exchange.records.recordio import PackageRecord, serialize
from workbench.exchange.to_office.export import round_rows
from workbench.models import DataHit, Finding, Interview, Letter, ListEntry, Portrait, Round
from workbench.store.vault import Vault
from workbench.vocab.enums import RoundType

Bases = Mapping[tuple[str, str], tuple[int, str]]


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[Vault]:
    vault = Vault.open(demo_dir, "wangjg", DEMO_PASSPHRASE)
    yield vault
    vault.lock()


def _oracle(vault: Vault, round_id: str, bases: Bases) -> list[PackageRecord]:
    with vault.read() as s:
        out = []
        for row in round_rows(s, round_id):
            base = bases.get((row.__tablename__, row.id))
            out.append(serialize(row, base if base and base[0] < row.version else None))
        return out


def _fast(vault: Vault, round_id: str, bases: Bases) -> list[PackageRecord]:
    with vault.read() as s:
        return list(iter_round_records(s, round_id, bases))


def _edit(vault: Vault) -> dict[str, Any]:
    """Give every column kind something to get wrong; returns the ids the tests look at."""
    with vault.session() as s:
        first = s.scalars(select(Round)).one()
        letters = s.scalars(select(Letter).where(Letter.round_id == first.id).order_by(Letter.id))
        kept, gone, odd, *_ = letters.all()
        kept.anonymous = True
        kept.reported_persons = [{"name": "康兰", "position": "党支部书记", "unit": "油坊村"}]
        kept.disciplines = ["JL-3", "廉洁纪律"]
        kept.meeting_date = None  # NULL date
        kept.received_at = datetime(2026, 3, 1, 9, 30)  # no microseconds
        kept.summary = "反映“村集体资金”去向不明\n第二行"
        gone.anonymous = False
        gone.meeting_date = date(2026, 3, 5)
        gone.received_at = datetime(2026, 3, 2, 10, 0, 0, 250_000)
        gone.deleted_at = datetime(2026, 3, 9, 8, 7, 6, 54_321)  # tombstone
        gone.deleted_by = vault.user.id
        entry = s.scalars(select(ListEntry).order_by(ListEntry.id)).first()
        assert entry is not None
        entry.extra = {"备注": "政策原文", "层级": {"条": [1, "二", None, True]}, "空": {}}
        finding = s.scalars(select(Finding).order_by(Finding.id)).first()
        assert finding is not None
        finding.immediate_fix, finding.include_in_report = True, False
        # a second round with its own round_id unset, holding an interview and its turns
        second = Round(
            name="第七轮巡察",
            year=2026,
            number=7,
            round_type=RoundType.SPECIAL,
            framework_id=first.framework_id,
            framework_version=first.framework_version,
            start_date=date(2026, 9, 1),
        )
        # and a round filed under the first (round_rows takes it with the first's records)
        filed = Round(
            name="回头看",
            year=2026,
            number=8,
            round_type=RoundType.REVISIT,
            framework_id=first.framework_id,
            framework_version=first.framework_version,
            round_id=first.id,
        )
        s.add_all([second, filed])
        s.flush()
        moved = s.scalars(
            select(Interview).where(Interview.round_id == first.id).order_by(Interview.id)
        ).first()
        assert moved is not None and len(moved.turns) >= 2
        moved.round_id = second.id
        ids = {
            "first": first.id,
            "second": second.id,
            "kept": kept.id,
            "gone": gone.id,
            "odd": odd.id,
            "moved": moved.id,
        }
    with vault.session() as s:
        # stored forms the app never writes but SQLite holds fine: read back as the ORM does
        s.execute(
            text(
                "UPDATE letters SET received_at = '2026-01-02T03:04:05', meeting_date = NULL,"
                " reported_persons = '[ ]', disciplines = '[\"JL-1\", \"JL-2\"]',"
                " anonymous = 2 WHERE id = :id"
            ),
            {"id": ids["odd"]},
        )
    return ids


@pytest.mark.parametrize("batch", [rowdump.BATCH, 3])
def test_rows_equal_serialize_for_every_round(
    demo: Vault, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rowdump, "BATCH", batch)  # 3: children merge across batch bounds
    ids = _edit(demo)
    plain = {r.id: r for r in _oracle(demo, ids["first"], {})}
    kept, gone, other = plain[ids["kept"]], plain[ids["gone"]], plain[ids["odd"]]
    assert kept.version > 1
    bases = {
        ("letters", kept.id): (kept.version - 1, "a" * 64),  # older base: kept
        ("letters", gone.id): (gone.version, gone.hash),  # same version: None
        ("letters", other.id): (other.version + 1, "b" * 64),  # newer: None
    }
    with demo.read() as s:
        rounds = s.scalars(select(Round.id)).all()
    assert len(rounds) == 3
    for round_id in rounds:
        expected = _oracle(demo, round_id, bases)
        got = _fast(demo, round_id, bases)
        assert [(r.type, r.id) for r in got] == [(r.type, r.id) for r in expected]
        assert got == expected
    records = {r.id: r for r in _fast(demo, ids["first"], bases)}
    # the edits are really in the output, so the comparison covered them
    assert records[ids["kept"]].base == (kept.version - 1, "a" * 64)
    assert records[ids["gone"]].base is None and records[ids["odd"]].base is None
    assert records[ids["gone"]].deleted
    assert records[ids["gone"]].fields["received_at"] == "2026-03-02T10:00:00.250000"
    assert records[ids["kept"]].fields["received_at"] == "2026-03-01T09:30:00"
    assert records[ids["kept"]].fields["meeting_date"] is None
    assert records[ids["kept"]].fields["anonymous"] is True
    assert records[ids["gone"]].fields["anonymous"] is False
    assert records[ids["odd"]].fields["reported_persons"] == []
    assert records[ids["odd"]].fields["received_at"] == "2026-01-02T03:04:05"
    types = {r.type for r in records.values()}
    assert {"rounds", "interviews", "findings", "portraits", "list_entries"} <= types
    assert [r.type for r in records.values()].count("rounds") == 2  # its own and the filed one
    assert ids["moved"] not in records
    assert any(len(r.children.get("signoffs", [])) >= 2 for r in records.values())
    assert any(len(r.children.get("turns", [])) >= 2 for r in records.values())
    assert any(len(r.children.get("items", [])) >= 2 for r in records.values())
    moved = {r.id: r for r in _fast(demo, ids["second"], {})}[ids["moved"]]
    assert len(moved.children["turns"]) >= 2


def test_portrait_children_sorted_by_id(demo: Vault) -> None:
    with demo.read() as s:
        round_id = s.scalars(select(Round.id)).one()
        portraits = [r for r in iter_round_records(s, round_id, {}) if r.type == "portraits"]
        assert len(portraits) == len(s.scalars(select(Portrait.id)).all()) > 0
    for record in portraits:
        ids = [item["id"] for item in record.children["items"]]
        assert ids == sorted(ids) and "portrait_id" not in record.children["items"][0]


def test_a_stored_value_the_orm_refuses_is_refused(demo: Vault) -> None:
    with demo.session() as s:
        round_id = s.scalars(select(Round.id)).one()
        s.execute(text("UPDATE letters SET status = 'nonsense' WHERE rowid = 1"))
    with pytest.raises(ValueError):
        _oracle(demo, round_id, {})
    with pytest.raises(ValueError, match="nonsense"):
        _fast(demo, round_id, {})


@pytest.mark.parametrize("batch", [rowdump.BATCH, 3])
def test_sql_lines_equal_serialize_for_every_round(
    demo: Vault, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqllines, "BATCH", batch)
    ids = _edit(demo)
    plain = {r.id: r for r in _oracle(demo, ids["first"], {})}
    kept = plain[ids["kept"]]
    bases = {("letters", kept.id): (kept.version - 1, "a" * 64)}
    through_serialize: list[str] = []

    fallback = sqllines.stored_record

    def stored_record(session: Any, model: Any, record_id: str, bases: Bases) -> PackageRecord:
        through_serialize.append(record_id)
        return fallback(session, model, record_id, bases)

    monkeypatch.setattr(sqllines, "stored_record", stored_record)
    made: dict[str, bytes] = {}
    with demo.read() as s:
        for round_id in s.scalars(select(Round.id)).all():
            expected = {(r.type, r.id): r for r in _oracle(demo, round_id, bases)}
            got = list(sqllines.iter_round_lines(s, round_id, bases))
            # by table in RECORD_MODELS order (as rowdump), within a table in storage order
            assert [r.type for r in got] == [t for t, _id in expected]
            assert {(r.type, r.id) for r in got} == set(expected)
            for line in got:
                record = expected[line.type, line.id]
                assert (line.version, line.hash) == (record.version, record.hash)
                assert line.line == record.canonical_line(), record.id
                assert line.refs == record.attachment_refs()
                made[line.id] = line.line
        entry = s.scalars(select(ListEntry.id).order_by(ListEntry.id)).first()
        hits = s.scalars(select(DataHit.id)).all()  # their matched rows: objects in objects
    # the odd stored forms and the nested JSON went through serialize; the edited letter did not
    assert hits and sorted(through_serialize) == sorted([ids["odd"], entry, *hits])
    assert made[kept.id].startswith(b'{"base":{"hash":"' + b"a" * 64)
    assert "康兰".encode() in made[kept.id] and b"\\u" not in made[kept.id]
