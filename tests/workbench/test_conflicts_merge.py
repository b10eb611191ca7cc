"""Conflicts in plain language and resolved field by field (issue 18), on real stores: the view
names fields by their labels and references by name; a merge takes each differing field from the
version chosen, is audited, and is refused with the rule's reason where an edit would be."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.workbench.exchange_support import World, WorldTemplate, edit, get, world_in
from workbench import exchange as ex
from workbench.errors import UsageError
from workbench.exchange.errors import ConflictMergeRefused, ConflictNotFound
from workbench.models import Clue, Target
from workbench.models.exchange import RecordVersion
from workbench.store.vault import Vault
from workbench.vocab.enums import CadreLevel, ClueStatus, ClueTransferUnit, TransferMode

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


@pytest.fixture
def w(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def _send(w: World, field: str) -> None:
    out = w.dir / f"{field}-{len(list(w.dir.glob('*.wbp')))}.wbp"
    ex.export_round(w.open(field), w.round_id, out)
    ex.import_package(w.office, out)


def _target_conflict(w: World) -> str:
    """The office and device A both edit a target: two fields differ."""
    target = w.template.target_ids[0]
    edit(w.office, Target, target, overview="巡察办：班子 7 人", leader_name="王局长")
    edit(w.a, Target, target, overview="A 组：班子 9 人", leader_name="李局长")
    _send(w, "a")
    return target


def _clue(vault: Vault, round_id: str) -> str:
    with vault.session() as s:
        row = Clue(
            round_id=round_id,
            number="XS-2026-0001",
            subject_name="某镇长",
            subject_level=CadreLevel.COUNTY,
            problem="违规收受礼金",
            transfer_unit=ClueTransferUnit.DISCIPLINE_COMMISSION,
            transfer_mode=TransferMode.SINGLE,
            status=ClueStatus.REGISTERED,
        )
        s.add(row)
        s.flush()
        return row.id


def _clue_conflict(w: World, **device_edit: object) -> str:
    clue = _clue(w.a, w.round_id)
    _send(w, "a")
    edit(w.office, Clue, clue, problem="巡察办补充：违规收受礼金 3 次", other_unit="巡察办填的单位")
    edit(w.a, Clue, clue, **({"other_unit": "A 组填的单位"} | device_edit))
    _send(w, "a")
    return clue


def _view(w: World, record: str) -> ex.ConflictView:
    with w.office.read() as s:
        return ex.get_conflict(s, record)


def test_the_view_reads_in_labels_names_and_devices(w: World) -> None:
    clue = _clue_conflict(w)
    view = _view(w, "XS-2026-0001")  # the number names the conflict
    assert view.record_id == clue and view.type_label == "问题线索"
    rows = {r.name: r for r in view.rows}
    assert rows["subject_name"].label == "被反映人"  # not 谈话对象
    assert rows["problem"].label == "具体问题" and rows["problem"].differs
    assert rows["transfer_mode"].label == "移交方式"
    from workbench.models import Round

    assert rows["round_id"].texts[0] == get(w.office, Round, w.round_id).name
    assert rows["subject_level"].texts[0] == "县管"  # the label, not "county"
    devices = {h.device for h in view.heads}
    assert "本机（巡察办）" in devices
    # the enrolled name and user (and the teams it was briefed for: none in this world)
    assert "“组员a”（zu1）" in devices, devices
    for row in view.rows:
        assert not any(UUID.search(t) for t in row.texts), row
        assert row.label != row.name, row  # every field has its label


def test_field_by_field_takes_each_field_from_its_version_and_is_audited(w: World) -> None:
    target = _target_conflict(w)
    view = _view(w, target)
    assert set(view.differing) == {"overview", "leader_name"}
    local, incoming = ex.head_number(view, "local"), ex.head_number(view, "incoming")
    assert view.heads[local - 1].device == "本机（巡察办）"
    choices = {ex.field_key(view, "基本情况"): incoming}  # by its label
    with w.office.read() as s:
        preview = ex.preview_merge(s, target, choices=choices)
    merged = {r.name: r.texts[0] for r in preview.rows}
    assert merged["overview"] == "A 组：班子 9 人" and merged["leader_name"] == "王局长"
    assert preview.refusal is None
    ex.resolve_conflict(w.office, target, choices=choices)
    row = get(w.office, Target, target)
    assert (row.overview, row.leader_name) == ("A 组：班子 9 人", "王局长")
    with w.office.read() as s:
        assert ex.list_conflicts(s) == []
    detail = _last_resolution(w)
    assert detail["kept_version"] == view.heads[local - 1].version
    assert detail["fields"]["overview"]["device"] == view.heads[incoming - 1].device_id
    assert "leader_name" not in detail["fields"]


def _last_resolution(w: World) -> dict[str, object]:
    import json

    from sqlalchemy import select

    from workbench.models.system import AuditEntry

    with w.office.read() as s:
        row = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "conflict.resolve")
            .order_by(AuditEntry.seq.desc())
        ).first()
        assert row is not None
        detail = row.detail
    return dict(json.loads(detail) if isinstance(detail, str) else detail)


def test_a_mix_of_a_locked_clue_is_refused_with_the_lock_reason(w: World) -> None:
    clue = _clue_conflict(w, status=ClueStatus.TRANSFERRED)
    view = _view(w, clue)
    incoming = ex.head_number(view, "incoming")
    versions_before = _versions(w, clue)
    with w.office.read() as s:
        preview = ex.preview_merge(s, clue, choices={"other_unit": incoming})
    assert preview.refusal is not None and "该线索已移交" in preview.refusal
    with pytest.raises(ConflictMergeRefused, match="该线索已移交") as refused:
        ex.resolve_conflict(w.office, clue, choices={"other_unit": incoming})
    assert refused.value.code == "WB-CONFLICT-MERGE-REFUSED"
    assert _versions(w, clue) == versions_before  # nothing saved
    assert _view(w, clue).differing == view.differing
    ex.resolve_conflict(w.office, clue, keep=incoming)  # a whole version is still kept
    assert get(w.office, Clue, clue).status is ClueStatus.TRANSFERRED


def test_a_voided_version_is_kept_whole_or_not_at_all(w: World) -> None:
    from workbench.services.voiding import void

    target = w.template.target_ids[1]
    with w.office.session() as s:
        void(s, "targets", target, "误录")
    edit(w.b, Target, target, overview="镇党委班子 7 人")
    _send(w, "b")
    view = _view(w, target)
    voided = next(h.index for h in view.heads if h.deleted)
    live = next(h.index for h in view.heads if not h.deleted)
    with pytest.raises(ConflictMergeRefused, match="已作废的记录不能再修改"):
        ex.resolve_conflict(w.office, target, keep=live, choices={"deleted_at": voided})
    with pytest.raises(ConflictMergeRefused, match="同一个版本"):
        ex.resolve_conflict(
            w.office, target, keep=live, choices={"deleted_at": voided, "void_reason": live}
        )
    ex.resolve_conflict(w.office, target, keep=voided)
    assert get(w.office, Target, target).deleted_at is not None


def test_pending_message_names_what_is_pending(w: World) -> None:
    _target_conflict(w)
    with w.office.read() as s, pytest.raises(ConflictNotFound) as missing:
        ex.get_conflict(s, "XS-2026-0009")
    assert "XS-2026-0009" in str(missing.value) and "被巡察对象" in str(missing.value)


def test_choices_are_checked(w: World) -> None:
    target = _target_conflict(w)
    view = _view(w, target)
    with pytest.raises(UsageError, match="没有字段"):
        ex.field_key(view, "不存在的字段")
    with pytest.raises(UsageError, match="无需选择"):
        ex.resolve_conflict(w.office, target, choices={"name": 1})
    with pytest.raises(UsageError, match="local"):
        ex.head_number(view, "third")


def _versions(w: World, record_id: str) -> int:
    from sqlalchemy import func, select

    with w.office.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(RecordVersion)
                .where(RecordVersion.record_id == record_id)
            )
            or 0
        )


def test_conflict_values_read_as_labels_not_codes() -> None:
    from workbench.exchange.to_office.conflict_text import value_label
    from workbench.vocab.enums import LetterChannel, Secrecy

    assert (
        value_label("letters", "channel", "small_envelope") == LetterChannel("small_envelope").label
    )
    assert value_label("letters", "summary", "某某镇党委") is None  # not a coded field
    assert value_label("letters", "channel", "no-such-code") is None
    assert value_label("no_such_table", "channel", "small_envelope") is None
    # coded text columns: the secrecy, and a target's kind from the taxonomy catalog
    assert value_label("targets", "secrecy", "work_secret") == Secrecy.WORK_SECRET.label
    assert value_label("targets", "kind", "township") == "乡镇（街道）"  # the catalog's title
    assert value_label("targets", "kind", "no-such-kind") is None
    assert value_label("targets", "name", "township") is None
    # a sub-type's title depends on its kind, read from the same version's fields
    assert value_label("targets", "subtype", "economic", {"kind": "village"}) == "经济活跃村"
    assert value_label("targets", "subtype", "economic", {"kind": "community"}) == "经济型"
    assert value_label("targets", "subtype", "economic") is None  # no kind: no guess
