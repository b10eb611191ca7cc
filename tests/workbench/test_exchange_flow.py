"""Team ↔ office flows on real stores: export, import, merge, briefings, receipts, the wipe."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.workbench.exchange_support import (
    VOLATILE,
    World,
    WorldTemplate,
    add_attachment,
    add_evidence,
    add_finding,
    add_interview,
    audit_actions,
    audit_head,
    content_digest,
    edit,
    get,
    office_material,
    world_in,
)
from workbench import exchange as ex
from workbench.errors import Cancelled
from workbench.exchange.errors import (
    ExchangeState,
    ReceiptMismatch,
    RevokedDevice,
    WipeRefused,
    WrongRecipient,
)
from workbench.exchange.records.recordio import serialize
from workbench.jobs import CancelToken
from workbench.models import Evidence, Finding, Interview, Round, Target
from workbench.models.exchange import RecordConflict
from workbench.search import search
from workbench.services.index_queue import catch_up, pending_count
from workbench.store import audit


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send(w: World, field: str, name: str) -> Path:
    out = w.dir / f"{name}.wbp"
    ex.export_round(w.open(field), w.round_id, out)
    return out


def _record(vault: object, model: type, record_id: str) -> dict[str, object]:
    with vault.read() as s:  # type: ignore[attr-defined]
        return serialize(s.get(model, record_id)).to_json()


def test_round_trip_carries_records_children_tombstones_and_attachments(w: World) -> None:
    sha = add_attachment(w.a, b"scan " * 5000, name="会议记录扫描.pdf")
    finding = add_finding(w.a, w.round_id, title="违规发放津贴补贴问题")
    evidence = add_evidence(w.a, w.round_id, finding, sha)
    interview = add_interview(w.a, w.round_id, turns=3)
    gone = add_finding(w.a, w.round_id, title="误录")
    edit(w.a, Finding, gone, deleted_at=get(w.a, Finding, gone).created_at)
    edit(w.a, Target, w.template.target_ids[0], overview="镇党委班子 7 人")
    result = ex.import_package(w.office, _send(w, "a", "p1"))
    assert result.status == "imported" and result.attachments_added == 1
    assert result.counts == {"evidence": 1, "findings": 2, "interviews": 1, "targets": 1}
    assert gc.get_freeze_count() == 0  # what existed was frozen only while importing
    for model, rid in (
        (Finding, finding),
        (Evidence, evidence),
        (Interview, interview),
        (Finding, gone),
        (Target, w.template.target_ids[0]),
    ):
        assert _record(w.office, model, rid) == _record(w.a, model, rid)  # stamps verbatim
    assert len(get(w.office, Interview, interview).turns) == 3
    with w.office.read() as s:
        assert b"".join(w.office.attachments.iter_content(sha)) == b"scan " * 5000
        assert search(s, "津贴补贴") == []  # indexed after the commit, not inside the import
        assert pending_count(s) == 4  # two findings, the interview, the attachment (not evidence)
    assert catch_up(w.office) == 4
    with w.office.read() as s:
        hits = search(s, "津贴补贴")
        assert [h.record_id for h in hits] == [finding]  # the tombstone is not indexed


def test_a_resend_before_the_receipt_then_only_the_new_edit(w: World) -> None:
    sha = add_attachment(w.a)
    finding = add_finding(w.a, w.round_id)
    add_evidence(w.a, w.round_id, finding, sha)
    first = ex.export_round(w.a, w.round_id, w.dir / "p1.wbp")
    again = ex.export_round(w.a, w.round_id, w.dir / "p2.wbp", all_unconfirmed=True)
    assert (first.records, first.attachments) == (again.records, again.attachments) == (2, 1)
    assert again.device_seq == 2
    for p in ("p1", "p2"):
        ex.import_package(w.office, w.dir / f"{p}.wbp")
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r.wbp")
    assert ex.import_package(w.a, w.dir / "r.wbp").outcome["newly_confirmed"] == 2
    edit(w.a, Finding, finding, summary="补充问题概述")
    third = ex.export_round(w.a, w.round_id, w.dir / "p3.wbp")
    assert (third.counts, third.attachments) == ({"findings": 1}, 0)
    ex.import_package(w.office, w.dir / "p3.wbp")
    assert get(w.office, Finding, finding).summary == "补充问题概述"


def test_unchanged_briefed_records_stay_home(w: World) -> None:
    edit(w.a, Target, w.template.target_ids[0], overview="只改这一条")
    result = ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    assert result.counts == {"targets": 1}  # the briefed round, teams, persons… stay home


def test_gap_is_imported_with_a_warning_and_the_chain_closes_later(w: World) -> None:
    add_finding(w.a, w.round_id, title="一")
    p1 = _send(w, "a", "p1")
    add_finding(w.a, w.round_id, title="二")
    p2 = _send(w, "a", "p2")
    late = ex.import_package(w.office, p2)
    assert late.warnings and "1" in late.warnings[0]
    assert ex.import_package(w.office, p1).warnings == ()


def test_equal_versions_from_two_devices_are_a_conflict_in_either_order(
    w: World, tmp_path: Path
) -> None:
    target = w.template.target_ids[0]
    edit(w.a, Target, target, overview="A 的了解")
    edit(w.b, Target, target, overview="B 的了解")
    pa, pb = _send(w, "a", "pa"), _send(w, "b", "pb")
    ex.import_package(w.office, pa)
    assert ex.import_package(w.office, pb).outcome["conflicts"] == 1
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    assert conflict.record_id == target and conflict.differing == ("overview",)
    assert {h.fields["overview"] for h in conflict.heads} == {"A 的了解", "B 的了解"}

    with world_in(w.template, tmp_path / "other") as w2:  # the other order, same result
        ex.import_package(w2.office, pb)
        ex.import_package(w2.office, pa)
        assert content_digest(w2.office, skip_columns=VOLATILE) == content_digest(
            w.office, skip_columns=VOLATILE
        )

    keep = next(h.index for h in conflict.heads if h.fields["overview"] == "B 的了解")
    ex.resolve_conflict(w.office, target, keep)
    row = get(w.office, Target, target)
    assert (row.overview, row.version) == ("B 的了解", 3)
    with w.office.read() as s:
        assert ex.list_conflicts(s) == []
    assert "conflict.resolve" in audit_actions(w.office)


def test_concurrent_edits_conflict_even_when_one_side_edited_more(w: World) -> None:
    target = w.template.target_ids[1]
    edit(w.a, Target, target, overview="A1")
    edit(w.a, Target, target, overview="A2")  # version 3
    edit(w.b, Target, target, leader_name="王书记")  # version 2
    ex.import_package(w.office, _send(w, "a", "pa"))
    ex.import_package(w.office, _send(w, "b", "pb"))
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    assert sorted(h.version for h in conflict.heads) == [2, 3]
    live = get(w.office, Target, target)
    assert (live.version, live.overview) == (3, "A2")  # shown meanwhile; B's kept in the heads


def test_an_edit_made_from_the_office_version_fast_forwards(w: World) -> None:
    target = w.template.target_ids[0]
    edit(w.a, Target, target, overview="A 改")
    ex.import_package(w.office, _send(w, "a", "pa"))
    ex.build_briefing(w.office, w.round_id, [w.template.device_b], w.dir / "brief.wbp")
    assert ex.import_package(w.b, w.dir / "brief.wbp").outcome["applied"] >= 1
    edit(w.b, Target, target, leader_name="李书记")
    result = ex.import_package(w.office, _send(w, "b", "pb"))
    assert result.outcome["conflicts"] == 0
    row = get(w.office, Target, target)
    assert (row.overview, row.leader_name, row.version) == ("A 改", "李书记", 3)


def test_office_edit_and_field_edit_of_one_record_conflict(w: World) -> None:
    target = w.template.target_ids[0]
    edit(w.office, Target, target, overview="巡察办补充")
    edit(w.a, Target, target, overview="现场了解")
    assert ex.import_package(w.office, _send(w, "a", "pa")).outcome["conflicts"] == 1
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    devices = {h.device_id for h in conflict.heads}
    assert devices == {w.office.device_id, w.template.device_a}


def test_briefing_keeps_a_local_edit_and_applies_the_rest(w: World) -> None:
    t0, t1 = w.template.target_ids
    edit(w.a, Target, t0, overview="现场改")
    edit(w.office, Target, t0, overview="巡察办改")
    edit(w.office, Target, t1, overview="巡察办改")
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "brief.wbp")
    outcome = ex.import_package(w.a, w.dir / "brief.wbp").outcome
    assert outcome["kept_local"] == 1 and outcome["applied"] == 1
    assert get(w.a, Target, t0).overview == "现场改"
    assert get(w.a, Target, t1).overview == "巡察办改"


def test_revocation_travels_in_briefings_and_stops_the_device(w: World) -> None:
    add_finding(w.b, w.round_id)
    pb = _send(w, "b", "pb")
    ex.revoke_device(w.office, w.template.device_b, "笔记本遗失")
    with pytest.raises(RevokedDevice):
        ex.import_package(w.office, pb)
    with pytest.raises(ExchangeState):
        ex.build_briefing(w.office, w.round_id, [w.template.device_b], w.dir / "x.wbp")
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "brief.wbp")
    assert ex.import_package(w.a, w.dir / "brief.wbp").outcome["revocations"] == 1
    [view] = [d for d in ex.list_devices(w.office) if d.device_id == w.template.device_b]
    assert view.revoked_reason == "笔记本遗失"


def test_wipe_needs_a_receipt_then_removes_the_round_and_keeps_the_audit_log(w: World) -> None:
    shared = add_attachment(w.a, b"shared" * 100)
    own = add_attachment(w.a, b"own" * 100)
    finding = add_finding(w.a, w.round_id)
    add_evidence(w.a, w.round_id, finding, own)
    add_evidence(w.a, w.round_id, finding, shared)
    other = add_finding(w.a, "00000000-0000-4000-8000-000000000001", title="另一轮")
    add_evidence(w.a, "00000000-0000-4000-8000-000000000001", other, shared)
    with pytest.raises(WipeRefused):
        ex.wipe_round(w.a, w.round_id)
    ex.import_package(w.office, _send(w, "a", "p1"))
    with pytest.raises(WipeRefused):  # exported and imported, but not confirmed yet
        ex.wipe_round(w.a, w.round_id)
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r.wbp")
    ex.import_package(w.a, w.dir / "r.wbp")
    result = ex.wipe_round(w.a, w.round_id)
    assert result.attachments == 1
    with w.a.read() as s:
        assert s.get(Round, w.round_id) is None and s.get(Finding, finding) is None
        assert s.get(Finding, other) is not None
        assert w.a.attachments.blob_path(shared).exists()
        assert not w.a.attachments.blob_path(own).exists()
        assert (
            s.scalar(
                text("SELECT count(*) FROM search_docs WHERE round_id = :r"), {"r": w.round_id}
            )
            == 0
        )
        audit.verify_chain(s)
    assert "round.wipe" in audit_actions(w.a)


def test_the_office_taxonomy_travels_in_briefings(
    w: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.services.catalog import catalog
    from workbench.taxonomy import SHIPPED_DIR

    office_home, field_home = tmp_path / "office-home", tmp_path / "field-home"
    doc = json.loads((SHIPPED_DIR / "disciplines@1.json").read_text("utf-8"))
    doc["version"] = 2
    (office_home / "data" / "taxonomy").mkdir(parents=True)
    (office_home / "data" / "taxonomy" / "disciplines@2.json").write_text(
        json.dumps(doc, ensure_ascii=False), "utf-8"
    )
    monkeypatch.setenv("WORKBENCH_HOME", str(office_home))
    catalog.cache_clear()
    assert (
        ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "b.wbp").taxonomy
        == 1
    )
    monkeypatch.setenv("WORKBENCH_HOME", str(field_home))
    catalog.cache_clear()
    ex.import_package(w.a, w.dir / "b.wbp")
    assert catalog().discipline_set(2).version == 2
    assert (
        field_home / "data" / "taxonomy" / "office" / "disciplines" / "disciplines@2.json"
    ).is_file()
    catalog.cache_clear()


def test_conflict_rows_hold_every_head(w: World) -> None:
    target = w.template.target_ids[0]
    edit(w.a, Target, target, overview="A")
    edit(w.b, Target, target, overview="B")
    ex.import_package(w.office, _send(w, "a", "pa"))
    ex.import_package(w.office, _send(w, "b", "pb"))
    with w.office.read() as s:
        row = s.scalar(select(RecordConflict))
    assert row is not None and len(json.loads(row.heads)) == 2


def _receipt(w: World, out: Path, device: str, listed: list[tuple[str, int, str]], to: str) -> Path:
    """A receipt signed with the office key, saying whatever the test wants."""
    import uuid

    from workbench.exchange.enrolment.keys import recipient_fingerprint
    from workbench.exchange.package.manifest import Manifest, ReceiptEntry, Sender
    from workbench.exchange.package.writer import APP_VERSION, schema_version, write_package
    from workbench.models.base import utcnow

    ok = office_material(w.office)
    manifest = Manifest(
        kind="receipt",
        package_id=str(uuid.uuid4()),
        sender=Sender(ok.device_id, ok.store_id, "ban", "巡察办", "office"),
        device_seq=99,
        prev_hash=None,
        created_at=utcnow().replace(microsecond=0),
        app_version=APP_VERSION,
        schema_version=schema_version(),
        round_id=None,
        recipients=(recipient_fingerprint(to),),
        blobs=(),
        receipt_device=device,
        receipt=tuple(ReceiptEntry(*entry) for entry in listed),
    )
    write_package(out, manifest, ok.signing_secret, b"", [], [to]).land()
    return out


def test_a_receipt_must_match_what_the_device_exported(w: World) -> None:
    add_finding(w.a, w.round_id)
    exported = ex.export_round(w.a, w.round_id, w.dir / "p.wbp")
    dk = w.keys_of("a")
    genuine = (exported.package_id, 1, exported.package_hash)
    forged = (exported.package_id, 1, "ab" * 32)
    with pytest.raises(ReceiptMismatch):
        ex.import_package(
            w.a, _receipt(w, w.dir / "r1.wbp", dk.device_id, [forged], dk.age_recipient)
        )
    with pytest.raises(WrongRecipient):  # encrypted to A, but written out for B
        ex.import_package(
            w.a, _receipt(w, w.dir / "r2.wbp", w.template.device_b, [genuine], dk.age_recipient)
        )
    with w.a.read() as s:
        assert ex.wipe_status(s, w.round_id).unconfirmed_records == 1
    ok = ex.import_package(
        w.a, _receipt(w, w.dir / "r3.wbp", dk.device_id, [genuine], dk.age_recipient)
    )
    assert ok.outcome == {"listed": 1, "newly_confirmed": 1}


def test_enrolment_files_are_checked(w: World) -> None:
    from workbench.exchange.errors import BadCertificateFile, BadRequestFile, FingerprintMismatch

    request, req = ex.make_request(w.a)
    tampered = request.replace(b'"user":"zu1"', b'"user":"admin"')
    with pytest.raises(BadRequestFile):
        ex.sign_request(w.office, tampered)
    with pytest.raises(FingerprintMismatch):
        ex.sign_request(w.office, request, expect_fingerprint="12345 12345 12345 12345 12345 12345")
    cert, view = ex.sign_request(w.office, request, expect_fingerprint=req.fingerprint)
    assert view.fingerprint == req.fingerprint
    with pytest.raises(BadCertificateFile):  # issued to A, presented to B
        ex.accept_certificate(w.b, cert)
    with pytest.raises(BadCertificateFile):
        ex.accept_certificate(w.a, cert.replace(b'"user":"zu1"', b'"user":"zu9"'))
    _cert, office_fp = ex.accept_certificate(
        w.a, cert, expect_office_fingerprint=w.template.office_fingerprint
    )
    assert office_fp == w.template.office_fingerprint


def test_a_resolution_reaches_the_device_after_its_receipt(w: World) -> None:
    target = w.template.target_ids[0]
    edit(w.a, Target, target, overview="A")
    edit(w.b, Target, target, overview="B")
    ex.import_package(w.office, _send(w, "a", "pa"))
    ex.import_package(w.office, _send(w, "b", "pb"))
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    keep = next(h.index for h in conflict.heads if h.fields["overview"] == "B")
    ex.resolve_conflict(w.office, target, keep)
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "b1.wbp")
    assert ex.import_package(w.a, w.dir / "b1.wbp").outcome["kept_local"] >= 1  # not confirmed yet
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r.wbp")
    ex.import_package(w.a, w.dir / "r.wbp")
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "b2.wbp")
    ex.import_package(w.a, w.dir / "b2.wbp")
    assert get(w.a, Target, target).overview == "B"  # the office's resolution
    edit(w.a, Target, target, leader_name="新书记")
    assert ex.import_package(w.office, _send(w, "a", "pa2")).outcome["conflicts"] == 0
    row = get(w.office, Target, target)
    assert (row.overview, row.leader_name, row.version) == ("B", "新书记", 4)


def test_an_older_briefing_opened_late_changes_nothing(w: World) -> None:
    target = w.template.target_ids[0]
    edit(w.office, Target, target, overview="第一版")
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "b1.wbp")
    edit(w.office, Target, target, overview="第二版")
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "b2.wbp")
    ex.import_package(w.a, w.dir / "b2.wbp")
    assert ex.import_package(w.a, w.dir / "b1.wbp").outcome["older"] == 1
    assert get(w.a, Target, target).overview == "第二版"


class _CancelAfter(CancelToken):
    """Cancelled once ``progress`` has been called ``calls`` times: mid-stream, by construction."""

    def __init__(self, calls: int) -> None:
        super().__init__()
        self.calls, self.seen = calls, []

    def progress(self, done: int, total: int | None, label: str = "") -> None:
        self.seen.append((done, total))
        if len(self.seen) >= self.calls:
            self.cancel()


def test_export_and_import_report_progress_and_cancel_mid_stream(w: World) -> None:
    finding = add_finding(w.a, w.round_id)
    add_evidence(w.a, w.round_id, finding, add_attachment(w.a, os.urandom(20 << 20)))
    out = w.dir / "p.wbp"
    token = _CancelAfter(1)
    with pytest.raises(Cancelled):
        ex.export_round(w.a, w.round_id, out, progress=token.progress, cancel=token)
    assert not out.exists() and not list(w.dir.glob(".*.part"))
    assert token.seen and token.seen[0][1] is not None and token.seen[0][1] > 20 << 20
    sent = ex.export_round(w.a, w.round_id, out)
    assert sent.device_seq == 1  # the cancelled export used no sequence number

    before, seq = content_digest(w.office), audit_head(w.office)
    token = _CancelAfter(1)
    with pytest.raises(Cancelled):
        ex.import_package(w.office, out, progress=token.progress, cancel=token)
    assert 0 < token.seen[0][0] < out.stat().st_size  # cancelled while decrypting
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    staging = w.office.layout.root / "blobs" / "staging"
    assert not staging.exists() or not list(staging.iterdir())
    assert ex.import_package(w.office, out).status == "imported"
