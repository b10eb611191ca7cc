"""Exports are incremental from the first package: each carries what changed since this device's
last package of the round, receipt or not; nothing new writes no file; ``all_unconfirmed`` sends
again what a lost package carried; the wipe still waits for receipts; and a package that did not
reach its place does not hide its records from the next export. Counted in the sealed packages
themselves, by the office's verify and import on real stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_attachment,
    add_evidence,
    add_finding,
    audit_actions,
    edit,
    get,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.errors import NOTHING_UNCONFIRMED, NothingToExport, WipeRefused
from workbench.models import Finding
from workbench.models.exchange import PackageLedger
from workbench.models.system import StoreMeta


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _sealed_counts(w: World, package: Path) -> tuple[dict[str, int], int]:
    """What the sealed file carries, as the office reads it."""
    report = ex.verify_package(w.office, package)
    assert report.ok, report.message
    return dict(report.counts), report.attachments


def _outgoing(w: World) -> int:
    with w.a.read() as s:
        query = select(func.count()).select_from(PackageLedger)
        return int(s.scalar(query.where(PackageLedger.direction == "out")) or 0)


def test_the_second_package_carries_only_what_changed_after_the_first(w: World) -> None:
    sha = add_attachment(w.a, b"scan " * 1000, name="原件扫描.pdf")
    first_finding = add_finding(w.a, w.round_id, title="一")
    add_evidence(w.a, w.round_id, first_finding, sha)
    p1 = ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    assert (p1.counts, p1.attachments) == ({"evidence": 1, "findings": 1}, 1)
    second_finding = add_finding(w.a, w.round_id, title="二")
    edit(w.a, Finding, first_finding, summary="补充问题概述")
    p2 = ex.export_round(w.a, w.round_id, w.dir / "p2.wbp")  # no receipt yet
    assert (p2.device_seq, p2.counts, p2.attachments) == (2, {"findings": 2}, 0)
    assert _sealed_counts(w, p2.path) == ({"findings": 2}, 0)
    add_finding(w.a, w.round_id, title="三")
    p3 = ex.export_round(w.a, w.round_id, w.dir / "p3.wbp")
    assert _sealed_counts(w, p3.path) == ({"findings": 1}, 0)
    for package in (p1, p2, p3):
        assert ex.import_package(w.office, package.path).status == "imported"
    assert get(w.office, Finding, first_finding).summary == "补充问题概述"
    assert get(w.office, Finding, second_finding).title == "二"


def test_nothing_new_writes_no_file_and_uses_no_sequence_number(w: World) -> None:
    add_finding(w.a, w.round_id)
    ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    audited = audit_actions(w.a).count("package.export")
    out = w.dir / "p2.wbp"
    with pytest.raises(NothingToExport) as caught:
        ex.export_round(w.a, w.round_id, out)
    error = caught.value
    assert (error.code, error.exit_code) == ("WB-EXPORT-NOTHING-NEW", 12)
    assert "没有新增或修改" in error.message and "未生成数据包" in error.message
    assert sorted(p.name for p in w.dir.iterdir() if p.suffix.endswith(("wbp", "part"))) == [
        "p1.wbp"
    ]
    assert _outgoing(w) == 1 and audit_actions(w.a).count("package.export") == audited
    add_finding(w.a, w.round_id, title="后来的问题")
    assert ex.export_round(w.a, w.round_id, out).device_seq == 2  # no number was used up


def test_a_briefed_store_with_no_edit_has_nothing_to_export(w: World) -> None:
    with pytest.raises(NothingToExport):
        ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    assert not (w.dir / "p.wbp").exists()


def test_all_unconfirmed_sends_again_what_a_lost_package_carried(w: World) -> None:
    sha = add_attachment(w.a, b"lost " * 1000)
    finding = add_finding(w.a, w.round_id, title="随遗失的数据包")
    add_evidence(w.a, w.round_id, finding, sha)
    lost = ex.export_round(w.a, w.round_id, w.dir / "lost.wbp")
    with pytest.raises(NothingToExport):
        ex.export_round(w.a, w.round_id, w.dir / "again.wbp")
    again = ex.export_round(w.a, w.round_id, w.dir / "again.wbp", all_unconfirmed=True)
    assert again.device_seq == 2
    assert _sealed_counts(w, again.path) == ({"evidence": 1, "findings": 1}, 1)
    assert ex.import_package(w.office, again.path).outcome["inserted"] == 2
    assert get(w.office, Finding, finding).title == "随遗失的数据包"
    late = ex.import_package(w.office, lost.path)  # the lost one turns up: the same versions
    assert late.outcome["inserted"] == 0 and late.outcome["updated"] == 0
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r.wbp")
    ex.import_package(w.a, w.dir / "r.wbp")
    with pytest.raises(NothingToExport) as caught:  # everything confirmed: nothing to resend
        ex.export_round(w.a, w.round_id, w.dir / "p3.wbp", all_unconfirmed=True)
    assert caught.value.message == NOTHING_UNCONFIRMED


def test_the_wipe_waits_for_a_receipt_of_what_will_not_be_sent_again(w: World) -> None:
    add_finding(w.a, w.round_id, title="已确认")
    p1 = ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    ex.import_package(w.office, p1.path)
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r1.wbp")
    add_finding(w.a, w.round_id, title="已发出、未确认")
    p2 = ex.export_round(w.a, w.round_id, w.dir / "p2.wbp")
    ex.import_package(w.a, w.dir / "r1.wbp")  # confirms p1 only
    with pytest.raises(NothingToExport):  # p2's finding is not sent again…
        ex.export_round(w.a, w.round_id, w.dir / "p3.wbp")
    with w.a.read() as s:
        assert ex.wipe_status(s, w.round_id).unconfirmed_records == 1
    with pytest.raises(WipeRefused):  # …and still not wiped before the office confirms it
        ex.wipe_round(w.a, w.round_id)
    ex.import_package(w.office, p2.path)
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r2.wbp")
    ex.import_package(w.a, w.dir / "r2.wbp")
    assert ex.wipe_round(w.a, w.round_id).records >= 2


def test_a_package_that_did_not_land_is_carried_by_the_next_export(w: World) -> None:
    add_finding(w.a, w.round_id, title="一")
    ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    stranded = add_finding(w.a, w.round_id, title="未落地")
    blocked = w.dir / "p2.wbp"
    blocked.mkdir()  # the written package cannot be moved onto a folder: the last step fails
    with pytest.raises(IsADirectoryError):
        ex.export_round(w.a, w.round_id, blocked)
    assert not list(w.dir.glob(".*.part")) and not any(blocked.iterdir())
    assert _outgoing(w) == 2  # its number was used (the office will see a gap)…
    p3 = ex.export_round(w.a, w.round_id, w.dir / "p3.wbp")
    assert p3.device_seq == 3
    assert _sealed_counts(w, p3.path) == ({"findings": 1}, 0)  # …and its record goes now
    ex.import_package(w.office, w.dir / "p1.wbp")
    imported = ex.import_package(w.office, p3.path)
    assert imported.warnings and "2" in imported.warnings[0]  # the gap, named
    assert get(w.office, Finding, stranded).title == "未落地"


def test_a_package_landed_but_not_marked_is_sent_again(w: World) -> None:
    """A crash between the rename and the mark leaves the store as a store from before marks:
    the round's mark below the last package. What that package carried goes again, once."""
    add_finding(w.a, w.round_id, title="一")
    ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    add_finding(w.a, w.round_id, title="二")
    ex.export_round(w.a, w.round_id, w.dir / "p2.wbp")
    with w.a.session() as s:  # the mark as the crash left it: still at package 1
        mark = s.get(StoreMeta, f"export_mark:{w.round_id}")
        assert mark is not None and mark.value == "2"
        mark.value = "1"
    p3 = ex.export_round(w.a, w.round_id, w.dir / "p3.wbp")
    assert _sealed_counts(w, p3.path) == ({"findings": 1}, 0)
    with pytest.raises(NothingToExport):  # p3 is marked: nothing goes a third time
        ex.export_round(w.a, w.round_id, w.dir / "p4.wbp")
