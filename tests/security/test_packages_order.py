"""A device's packages arrive in whatever order the media do: every genuine one imports, and the
chain (each manifest names the previous package's hash) is checked as soon as a gap closes, so a
forged link is caught then, whichever end of it arrived first."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from tests.workbench.exchange_support import (
    VOLATILE,
    World,
    WorldTemplate,
    add_finding,
    audit_actions,
    audit_head,
    content_digest,
    forge,
    manifest_doc,
    records_doc,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.errors import ChainBroken
from workbench.models.exchange import PackageLedger


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _genuine(w: World, count: int) -> list[Path]:
    """Device A's packages 1…count, each carrying one more finding."""
    paths = []
    for n in range(1, count + 1):
        add_finding(w.a, w.round_id, title=f"第{n}个问题")
        paths.append(w.dir / f"p{n}.wbp")
        ex.export_round(w.a, w.round_id, paths[-1])
    return paths


def _forged(w: World, seq: int, prev_hash: str) -> tuple[Path, str]:
    """A package signed with device A's key that is not in its history (a fork, a replayed
    rollback or a stolen key): a sequence number and a previous hash of the forger's choice."""
    dk = w.keys_of("a")
    data = records_doc([])
    doc = manifest_doc(dk, w.round_id, data, device_seq=seq, prev_hash=prev_hash)
    path = forge(
        w.dir / f"forged{seq}.wbp",
        doc,
        [data],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    return path, doc["package_id"]


def _held(w: World) -> dict[int, PackageLedger]:
    with w.office.read() as s:
        rows = s.scalars(select(PackageLedger).where(PackageLedger.direction == "in")).all()
        return {r.device_seq: r for r in rows}


def _alerted(w: World, after_seq: int) -> list[str | None]:
    with w.office.read() as s:
        query = text("SELECT object_id FROM audit_log WHERE seq > :n AND action = 'package.alert'")
        return list(s.scalars(query.bindparams(n=after_seq)))


def _refused_naming(w: World, path: Path, other: PackageLedger) -> Any:
    """Refused as CHAIN, naming the held package at the other end of the link, which is flagged
    (an alert on it); nothing else changes."""
    before, seq = content_digest(w.office), audit_head(w.office)
    with pytest.raises(ChainBroken) as info:
        ex.import_package(w.office, path)
    error = info.value
    assert error.details["other_package"] == other.package_id
    assert f"第 {other.device_seq} 号" in error.message
    assert other.package_id not in error.message  # people read sequence numbers, not ids
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject", "package.alert"]
    assert _alerted(w, seq) == [other.package_id]
    return error


@pytest.mark.slow
def test_every_arrival_order_of_four_packages_imports_them_all_alike(
    tmp_path: Path, exchange_world_template: WorldTemplate
) -> None:
    template: WorldTemplate = exchange_world_template
    with world_in(template, tmp_path / "made") as w:
        paths = _genuine(w, 4)
    states = set()
    for i, order in enumerate(itertools.permutations(range(4))):
        with world_in(template, tmp_path / f"order{i}") as office:
            for done, k in enumerate(order):
                result = ex.import_package(office.office, paths[k])
                assert result.status == "imported", order
                gap = any(j not in order[:done] for j in range(k))  # an earlier one still absent
                assert bool(result.warnings) == gap, (order, k)
            assert sorted(_held(office)) == [1, 2, 3, 4]
            states.add(content_digest(office.office, skip_columns=VOLATILE))
    assert len(states) == 1


def test_a_forged_package_held_across_a_gap_is_caught_when_the_gap_closes(w: World) -> None:
    p1, p2 = _genuine(w, 2)
    ex.import_package(w.office, p1)
    forged, forged_id = _forged(w, 3, "ab" * 32)
    assert ex.import_package(w.office, forged).warnings  # 2 is missing: the link is not checkable
    held = _held(w)
    assert held[3].package_id == forged_id
    error = _refused_naming(w, p2, held[3])
    assert error.details["device_seq"] == 2


def test_a_forged_package_closing_a_gap_is_refused_naming_the_held_successor(w: World) -> None:
    p1, p2, p3 = _genuine(w, 3)
    ex.import_package(w.office, p1)
    assert ex.import_package(w.office, p3).warnings
    held = _held(w)
    forged, _forged_id = _forged(w, 2, held[1].package_hash)  # its own link to 1 holds
    _refused_naming(w, forged, held[3])
    assert ex.import_package(w.office, p2).warnings == ()  # the genuine one still closes it
    assert sorted(_held(w)) == [1, 2, 3]


def test_a_sequence_number_far_ahead_names_its_gap_without_counting_it_out(w: World) -> None:
    """A package numbered 2**62 by a device's own key: the gap before it is named from the
    packages held, not counted out number by number, which would never end while the import
    holds the store's write lock."""
    p1, _p2, p3 = _genuine(w, 3)
    ex.import_package(w.office, p1)
    assert "第 2 号数据包尚未导入" in ex.import_package(w.office, p3).warnings[0]
    forged, forged_id = _forged(w, 2**62, "ab" * 32)
    warnings = ex.import_package(w.office, forged).warnings
    named = "第 2、4、5、6、7、8、9、10、11、12… 号数据包尚未导入"
    assert any(named in text for text in warnings)
    assert _held(w)[2**62].package_id == forged_id
