"""An enrolled device writes over another device's records at the office (issue #24): each move of
the insider with device B (a real enrolled device, signing with its own key) is refused whole or
kept as a conflict in which the office's version stays shown (docs/package-format.md, "What a
device may write")."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.workbench.exchange_support import (
    World,
    WorldTemplate,
    add_round,
    audit_actions,
    audit_head,
    content_digest,
    edit,
    forge,
    get,
    manifest_doc,
    records_doc,
    world_in,
)
from workbench import exchange as ex
from workbench.exchange.canonical import canonical_json
from workbench.exchange.enrolment.certs import request_file
from workbench.exchange.errors import BadRequestFile, ForgedStamps, OutOfScope
from workbench.exchange.importer import read_for
from workbench.exchange.intake import rejected
from workbench.exchange.package.framing import Limits
from workbench.exchange.records.recordio import serialize
from workbench.models import Finding, FindingSignoff, Letter, Member, Target, Team
from workbench.models.exchange import DeviceScope, ExchangeDevice, RecordConflict
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    FindingStatus,
    ForceType,
    LetterChannel,
    LetterStatus,
    MemberRole,
    SignoffStep,
)


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _letter(vault: Vault, round_id: str, summary: str = "反映某某镇党委书记违规收受礼金") -> str:
    with vault.session() as s:
        row = Letter(
            round_id=round_id,
            number="XF-2026-61-00001",
            channel=LetterChannel.LETTER,
            received_at=datetime(2026, 3, 12, 9, 0),
            summary=summary,
            status=LetterStatus.REGISTERED,
        )
        s.add(row)
        s.flush()
        return row.id


def _line(vault: Vault, model: type, record_id: str) -> Any:
    with vault.read() as s:
        return serialize(s.get(model, record_id))


def _send(w: World, field: str, name: str) -> Path:
    out = w.dir / f"{name}.wbp"
    ex.export_round(w.open(field), w.round_id, out)
    return out


def _from_b(
    w: World,
    name: str,
    records: list[dict[str, Any]],
    *,
    seq: int = 1,
    prev: str | None = None,
    round_id: str | None = None,
) -> tuple[Path, str]:
    """A package signed by device B with B's own certificate, carrying whatever B wrote."""
    dk = w.keys_of("b")
    data = records_doc(records)
    counts: dict[str, int] = {}
    for r in records:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    doc = manifest_doc(dk, round_id or w.round_id, data, counts=counts, device_seq=seq)
    doc["prev_hash"] = prev
    doc["sender"] = {**doc["sender"], "user": "zu2", "display_name": "组员b"}
    out = forge(
        w.dir / f"{name}.wbp",
        doc,
        [data],
        signing_secret=dk.signing_secret,
        certificate=dk.certificate_frame,
        recipients=dk.office_recipients,
    )
    return out, hashlib.sha256(canonical_json(doc)).hexdigest()


def _refused(w: World, path: Path, error: type[Exception]) -> Any:
    """Refused whole with a coded Chinese message: the store as it was, the file kept aside."""
    before, seq = content_digest(w.office), audit_head(w.office)
    kept_before = len(rejected.kept_packages(rejected.folder(w.office)))
    with pytest.raises(error) as info:
        ex.import_package(w.office, path)
    assert info.value.code.startswith("WB-PKG-")
    assert content_digest(w.office) == before
    assert audit_actions(w.office, seq) == ["package.reject"]
    assert len(rejected.kept_packages(rejected.folder(w.office))) == kept_before + 1
    return info.value


# -- stamps: origin device = signer, users = the signer's ---------------------------------------


def test_a_letter_claiming_another_device_and_user_as_origin_is_refused(w: World) -> None:
    """B adds a letter to the round claiming 王建国's (device A's) device and user."""
    letter = _letter(w.b, w.round_id)
    doc = _line(w.b, Letter, letter).to_json()
    doc["stamps"] |= {
        "origin_device": w.template.device_a,
        "created_by": w.a.user.id,
        "updated_by": w.a.user.id,
    }
    path, _ = _from_b(w, "inject", [doc])
    error = _refused(w, path, ForgedStamps)
    assert error.code == "WB-PKG-STAMPS"
    assert "来源设备" in error.message and "组员b" in error.message
    assert get(w.office, Letter, letter) is None

    doc["stamps"]["origin_device"] = w.template.device_b  # its own device, A's user
    path, _ = _from_b(w, "inject2", [doc])
    assert "创建人不是该设备的用户" in _refused(w, path, ForgedStamps).message


def test_an_edit_keeps_the_creator_the_office_holds(w: World) -> None:
    letter = _letter(w.a, w.round_id)
    ex.import_package(w.office, _send(w, "a", "pa"))
    rec = _line(w.a, Letter, letter)
    doc = rec.to_json()
    doc["fields"]["summary"] = "改写的摘要"
    doc["stamps"] |= {"version": 2, "updated_by": w.b.user.id, "created_by": w.b.user.id}
    path, _ = _from_b(w, "creator", [doc])
    assert "创建人与本库记录不符" in _refused(w, path, ForgedStamps).message


def test_the_signed_manifest_lists_the_device_users(w: World) -> None:
    _letter(w.a, w.round_id)
    path = _send(w, "a", "pa")
    read = read_for(w.office, path, Limits(), lambda _stage: None)
    assert read.manifest.device_users == (w.a.user.id,)
    assert ex.import_package(w.office, path).status == "imported"


def test_a_signoff_or_a_voiding_in_another_users_name_is_refused(w: World) -> None:
    finding = _finding(w.b, w.round_id)
    with w.b.session() as s:
        row = s.get_one(Finding, finding)
        row.signoffs.append(
            FindingSignoff(
                step=SignoffStep.APPROVE,
                user_id=w.a.user.id,
                user_name="王建国",
                at=datetime(2026, 3, 12, 10, 0),
            )
        )
    path = _send(w, "b", "signed")
    assert "审签人不是该设备的用户" in _refused(w, path, ForgedStamps).message

    doc = _line(w.b, Finding, finding).to_json()
    doc["children"]["signoffs"] = []
    doc["fields"] |= {"deleted_at": "2026-03-12T10:00:00", "deleted_by": w.a.user.id}
    path, _ = _from_b(w, "voided", [doc])
    assert "作废人不是该设备的用户" in _refused(w, path, ForgedStamps).message


def test_a_device_cannot_enrol_as_the_office_or_as_another_device(w: World) -> None:
    """B asks for a certificate under A's device id (or the office's) with B's own keys: its
    packages would then be read as A's (or as the office's own edits)."""
    _file, request = ex.make_request(w.b)
    secret = w.keys_of("b").signing_secret
    for device_id in (w.template.device_a, w.office.device_id):
        forged = request_file(dataclasses.replace(request, device_id=device_id), secret)
        with pytest.raises(BadRequestFile) as info:
            ex.sign_request(w.office, forged)
        assert info.value.code == "WB-ENROL-REQUEST"
    with w.office.read() as s:
        held = s.get_one(ExchangeDevice, w.template.device_a)
        assert held.signing_public == w.keys_of("a").signing_public
    ex.sign_request(w.office, request_file(request, secret))  # B's own renewal still works


# -- rounds and teams -----------------------------------------------------------------------------


def test_records_of_a_round_the_device_was_not_briefed_for_are_refused(w: World) -> None:
    other_id = add_round(w.office, "2026年第七轮巡察", 7)
    add_round(w.b, "2026年第七轮巡察", 7, id=other_id)  # B sets it up on its laptop, writes to it
    letter = _letter(w.b, other_id)
    doc = _line(w.b, Letter, letter).to_json()
    path, _ = _from_b(w, "other-round", [doc], round_id=other_id)
    error = _refused(w, path, OutOfScope)
    assert error.code == "WB-PKG-SCOPE"
    assert "2026年第七轮巡察" in error.message and "部署包" in error.message


def _two_teams(w: World) -> tuple[str, str]:
    """The office puts device A's holder (组员a) into 第一巡察组 and adds 第二巡察组 with the
    second unit; A is briefed again, now for its team."""
    t0, t1 = w.template.target_ids
    with w.office.session() as s:
        first = s.scalars(select(Team).where(Team.round_id == w.round_id)).one()
        first.target_ids = [t0]
        second = Team(round_id=w.round_id, number=2, name="第二巡察组", target_ids=[t1])
        s.add(second)
        s.flush()
        for team, name in ((first, "组员a"), (second, "组员c")):
            s.add(
                Member(
                    round_id=w.round_id,
                    team_id=team.id,
                    name=name,
                    role=MemberRole.MEMBER,
                    force_type=ForceType.FULL_TIME,
                )
            )
        first_id, second_id = first.id, second.id
    ex.build_briefing(w.office, w.round_id, [w.template.device_a], w.dir / "brief.wbp")
    ex.import_package(w.a, w.dir / "brief.wbp")
    with w.office.read() as s:
        scope = set(
            s.scalars(
                select(DeviceScope.team_id).where(DeviceScope.device_id == w.template.device_a)
            )
        )
    assert scope == {"", first_id}
    return first_id, second_id


def _finding(vault: Vault, round_id: str, **kw: Any) -> str:
    with vault.session() as s:
        row = Finding(
            round_id=round_id,
            number=kw.pop("number", "F-0001"),
            title="违规发放津贴补贴",
            compiled_on=datetime(2026, 3, 10).date(),
            method_code="individual_talk",
            status=FindingStatus.DRAFT,
            **kw,
        )
        s.add(row)
        s.flush()
        return row.id


def test_records_of_another_team_are_refused_and_of_its_own_accepted(w: World) -> None:
    first, second = _two_teams(w)
    t0, t1 = w.template.target_ids
    mine = _finding(w.a, w.round_id, team_id=first, target_id=t0, number="F-1")
    result = ex.import_package(w.office, _send(w, "a", "p1"))
    assert result.status == "imported" and get(w.office, Finding, mine) is not None
    ex.issue_receipt(w.office, w.template.device_a, w.dir / "r1.wbp")
    ex.import_package(w.a, w.dir / "r1.wbp")

    theirs = _finding(w.a, w.round_id, team_id=second, target_id=t1, number="F-2")
    error = _refused(w, _send(w, "a", "p2"), OutOfScope)
    assert "未受领的巡察组" in error.message and get(w.office, Finding, theirs) is None
    edit(w.a, Finding, theirs, deleted_at=datetime(2026, 3, 11))  # made undone on the laptop

    # a 底稿 with no team on the other team's unit is that team's (authority.record_team)
    _finding(w.a, w.round_id, target_id=t1, number="F-3")
    _refused(w, _send(w, "a", "p3"), OutOfScope)


def test_a_member_of_another_team_is_refused(w: World) -> None:
    _first, second = _two_teams(w)
    with w.a.read() as s:
        member = s.scalars(select(Member).where(Member.team_id == second)).one().id
    edit(w.a, Member, member, role=MemberRole.LEADER)  # briefed, then edited on the laptop
    error = _refused(w, _send(w, "a", "pm"), OutOfScope)
    assert error.details["team_id"] == second
    assert get(w.office, Member, member).role == MemberRole.MEMBER


# -- edits of another device's record ---------------------------------------------------------


def _a_letter_at_the_office(w: World) -> Any:
    letter = _letter(w.a, w.round_id)
    ex.import_package(w.office, _send(w, "a", "pa"))
    return _line(w.a, Letter, letter)


def _b_edit(w: World, rec: Any, version: int, base: Any, summary: str) -> dict[str, Any]:
    doc = rec.to_json()
    doc["fields"]["summary"] = summary
    doc["stamps"] |= {"version": version, "updated_by": w.b.user.id}
    doc["base"] = base
    return doc


def _held_as_conflict(w: World, rec: Any, summary: str) -> None:
    """A conflict listed, the office's version shown, B's kept as the proposal."""
    row = get(w.office, Letter, rec.id)
    assert (row.summary, row.version) == (rec.fields["summary"], 1)
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
        assert s.get(RecordConflict, ("letters", rec.id)) is not None
    by_device = {h.device_id: h for h in conflict.heads}
    assert by_device[w.template.device_a].live and not by_device[w.template.device_a].held
    assert by_device[w.template.device_b].held and not by_device[w.template.device_b].live
    assert by_device[w.template.device_b].fields["summary"] == summary


def test_an_edit_with_a_base_computed_from_the_content_is_held(w: World) -> None:
    rec = _a_letter_at_the_office(w)
    base = {"version": 1, "hash": rec.hash}  # what anyone holding the text can compute
    path, _ = _from_b(w, "edit", [_b_edit(w, rec, 2, base, "B 改写的摘要")])
    result = ex.import_package(w.office, path)
    assert result.outcome["conflicts"] == 1
    _held_as_conflict(w, rec, "B 改写的摘要")


def test_version_99_without_a_base_is_held_and_stays_held(w: World) -> None:
    rec = _a_letter_at_the_office(w)
    path, phash = _from_b(w, "v99", [_b_edit(w, rec, 99, None, "B 的第99版")])
    assert ex.import_package(w.office, path).outcome["conflicts"] == 1
    _held_as_conflict(w, rec, "B 的第99版")
    # descending from its own held version changes nothing
    doc = _b_edit(w, rec, 100, None, "B 的第100版")
    doc["base"] = {"version": 99, "hash": _hash_of(_b_edit(w, rec, 99, None, "B 的第99版"))}
    path, _ = _from_b(w, "v100", [doc], seq=2, prev=phash)
    ex.import_package(w.office, path)
    _held_as_conflict(w, rec, "B 的第100版")

    # a person may still take B's text: the resolution is the office's
    with w.office.read() as s:
        [conflict] = ex.list_conflicts(s)
    keep = next(h.index for h in conflict.heads if h.device_id == w.template.device_b)
    ex.resolve_conflict(w.office, rec.id, keep)
    assert get(w.office, Letter, rec.id).summary == "B 的第100版"


def _hash_of(doc: dict[str, Any]) -> str:
    body = {k: doc[k] for k in ("children", "fields", "id", "type")}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def test_an_edit_from_a_briefed_version_replaces_the_office_row(w: World) -> None:
    """The rule keeps the genuine flow: B edits a unit the office briefed to it."""
    target = w.template.target_ids[0]
    edit(w.b, Target, target, overview="B 的了解")
    result = ex.import_package(w.office, _send(w, "b", "pb"))
    assert result.outcome == {"inserted": 0, "updated": 1, "unchanged": 0, "conflicts": 0}
    assert get(w.office, Target, target).overview == "B 的了解"


def test_an_upgraded_office_keeps_the_rounds_its_devices_were_briefed_for(w: World) -> None:
    """Schema 0013 takes each device's rounds from the ledger's briefings: a device briefed
    before the upgrade still sends to its round (its team comes with its next briefing)."""
    from alembic.script import ScriptDirectory

    from workbench.store import migrate

    before = ScriptDirectory.from_config(migrate._config()).get_revision("0014").down_revision
    assert isinstance(before, str)
    engine = w.office.engine
    migrate.downgrade_to(engine, before)
    migrate.upgrade(engine)
    with w.office.read() as s:
        rows = s.execute(select(DeviceScope.device_id, DeviceScope.round_id, DeviceScope.team_id))
        assert sorted(rows) == sorted(
            [(w.template.device_a, w.round_id, ""), (w.template.device_b, w.round_id, "")]
        )
    _letter(w.a, w.round_id)
    assert ex.import_package(w.office, _send(w, "a", "pa")).status == "imported"
