"""Focus items seeded from the catalog, their status work, and the "3+1" list entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from tests.workbench.team import Team
from workbench.errors import Conflict, NotFound, ValidationError
from workbench.models import Finding
from workbench.services.catalog import catalog
from workbench.services.focus import (
    ListEntryDraft,
    create_list_entry,
    get_focus_item,
    get_list_entry,
    list_focus_items,
    list_list_entries,
    seed_focus_items,
    update_focus_item,
    update_list_entry,
    void_focus_item,
    void_list_entry,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.targets import TargetDraft, create_target
from workbench.store.vault import Vault
from workbench.vocab.enums import FindingStatus, FocusStatus, ListKind


def _round(vault: Vault, number: int = 1) -> str:
    with vault.session() as s:
        return create_round(s, RoundDraft(f"第{number}轮", 2026, number, "常规", "sgjj", 2020)).id


@pytest.fixture
def vault(team: Team) -> Vault:
    """The office's user: set-up records are voided only by the 巡察办."""
    return team("office")


@pytest.fixture
def rid(vault: Vault) -> str:
    return _round(vault)


def _finding(vault: Vault, round_id: str, number: str = "DG-2026-0001", **kw: object) -> str:
    with vault.session() as s:
        row = Finding(
            round_id=round_id,
            number=number,
            title="惠农补贴虚报冒领",
            compiled_on=date(2026, 3, 15),
            method_code="FS-02",
            status=FindingStatus.DRAFT,
            **kw,
        )
        s.add(row)
        s.flush()
        return row.id


def _village(vault: Vault, rid: str, subtype: str | None = "社情复杂村") -> str:
    with vault.session() as s:
        return create_target(
            s, rid, TargetDraft("东风村党支部", "村", "重点关注", subtype=subtype)
        ).id


def test_seed_village_of_a_subtype_gets_kind_then_subtype_items(vault: Vault, rid: str) -> None:
    tid = _village(vault, rid)
    kind_items = catalog().focus_list("village")
    sub_items = catalog().focus_list("village", "complex")[len(kind_items) :]
    assert kind_items and sub_items
    with vault.session() as s:
        items = seed_focus_items(s, rid, tid)
    assert [i.item_code for i in items] == [i.code for i in (*kind_items, *sub_items)]
    assert [i.title for i in items][:6] == [
        "虚报冒领",
        "吃拿卡要",
        "优亲厚友",
        "侵占集体“三资”",
        "惠农补贴",
        "青苗补偿",
    ]
    assert all(i.status is FocusStatus.NOT_STARTED and i.target_id == tid for i in items)
    assert items[0].description  # the catalog's 说明 rides along
    # seeding again adds nothing and keeps the work done
    with vault.session() as s:
        update_focus_item(s, items[0].id, status="了解中", notes="已调阅补贴名册")
        again = seed_focus_items(s, rid, tid)
    assert [i.id for i in again] == [i.id for i in items]
    assert again[0].status is FocusStatus.IN_PROGRESS and again[0].notes == "已调阅补贴名册"


def test_seed_kind_without_subtype_and_wrong_round(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        school = create_target(s, rid, TargetDraft("第一中学党委", "公立院校", "一般关注"))
        items = seed_focus_items(s, rid, school.id)
    assert [i.item_code for i in items] == [i.code for i in catalog().focus_list("school")]
    other = _round(vault, 2)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        seed_focus_items(s, other, school.id)
    assert err.value.details["field"] == "target_id"
    with vault.session() as s, pytest.raises(NotFound):
        seed_focus_items(s, rid, "no-such-target")


def test_status_notes_and_findings(vault: Vault, rid: str) -> None:
    tid = _village(vault, rid, None)
    fid = _finding(vault, rid)
    with vault.session() as s:
        item = seed_focus_items(s, rid, tid)[0]
        linked = update_focus_item(s, item.id, finding_ids=[fid, fid], notes="发现问题线索")
    assert linked.status is FocusStatus.PROBLEM_FOUND  # linking a 底稿 means a problem was found
    assert linked.finding_ids == (fid,) and linked.notes == "发现问题线索"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_focus_item(s, item.id, status=FocusStatus.NO_PROBLEM)
    assert err.value.details["field"] == "status"
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_focus_item(s, item.id, finding_ids=["missing"])
    assert err.value.details["field"] == "finding_ids"
    foreign = _finding(vault, _round(vault, 2))
    with vault.session() as s, pytest.raises(ValidationError):
        update_focus_item(s, item.id, finding_ids=[foreign])
    with vault.session() as s, pytest.raises(ValidationError) as err:
        update_focus_item(s, item.id, status="完成")
    assert err.value.details["field"] == "status"
    with vault.session() as s:
        cleared = update_focus_item(s, item.id, status="未发现问题", finding_ids=[])
    assert cleared.status is FocusStatus.NO_PROBLEM and cleared.finding_ids == ()
    with vault.session() as s, pytest.raises(Conflict):
        update_focus_item(s, item.id, notes="x", expected_version=1)


def test_list_focus_items_filters_and_delete(vault: Vault, rid: str) -> None:
    tid = _village(vault, rid)
    with vault.session() as s:
        school = create_target(s, rid, TargetDraft("第一中学党委", "公立院校", "一般关注")).id
        items = seed_focus_items(s, rid, tid)
        seed_focus_items(s, rid, school)
        update_focus_item(s, items[3].id, status="了解中")
    with vault.read() as s:
        assert list_focus_items(s, round_id=rid, target_id=tid).total == len(items)
        busy = list_focus_items(s, round_id=rid, status=FocusStatus.IN_PROGRESS)
        assert [i.id for i in busy.items] == [items[3].id]
        page2 = list_focus_items(s, target_id=tid, offset=10, limit=3)
    assert [i.id for i in page2.items] == [i.id for i in items[10:13]]  # catalog order pages
    with vault.session() as s:
        void_focus_item(s, items[0].id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_focus_item(s, items[0].id)


# -- "3+1" lists ----------------------------------------------------------------------------------

POLICY = ListEntryDraft(
    "政策清单",
    "中国共产党纪律处分条例",
    document_no="中发〔2023〕20号",
    clause="第一百零五条",
    content="侵占集体财产的，给予警告或者严重警告处分……",
    source="县纪委监委",
)


def test_list_entry_crud(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        e = create_list_entry(s, rid, POLICY)
    assert e.kind is ListKind.POLICY and e.document_no == "中发〔2023〕20号" and e.target_id is None
    with vault.session() as s:
        e2 = update_list_entry(s, e.id, replace(POLICY, clause="第一百零六条"), expected_version=1)
    assert e2.clause == "第一百零六条" and e2.meta.version == 2
    with vault.session() as s, pytest.raises(Conflict):
        update_list_entry(s, e.id, POLICY, expected_version=1)
    with vault.session() as s:
        void_list_entry(s, e.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_list_entry(s, e.id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "四清单"}, "kind"),
        ({"title": ""}, "title"),
        ({"content": "  "}, "content"),  # a policy entry without its quotation
        ({"document_no": "号" * 81}, "document_no"),
        ({"target_id": "gone"}, None),
    ],
)
def test_list_entry_validation(
    vault: Vault, rid: str, change: dict[str, object], field: str | None
) -> None:
    draft = replace(POLICY, **change)  # type: ignore[arg-type]
    with vault.session() as s:
        if field is None:
            with pytest.raises(NotFound):
                create_list_entry(s, rid, draft)
        else:
            with pytest.raises(ValidationError) as err:
                create_list_entry(s, rid, draft)
            assert err.value.details["field"] == field


def test_non_policy_entries_need_no_quotation(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        e = create_list_entry(s, rid, ListEntryDraft("职能清单", "负责本村集体资产管理"))
    assert e.kind is ListKind.FUNCTION and e.content == ""


def test_list_entries_filters(vault: Vault, rid: str) -> None:
    tid = _village(vault, rid)
    with vault.session() as s:
        general = create_list_entry(s, rid, POLICY)
        own = create_list_entry(s, rid, replace(POLICY, title="村级财务管理办法", target_id=tid))
        fn = create_list_entry(s, rid, ListEntryDraft("职能清单", "村务公开", target_id=tid))
        problem = create_list_entry(
            s, rid, ListEntryDraft("问题清单", "补贴发放不透明", target_id=tid)
        )
        create_list_entry(
            s, rid, ListEntryDraft("综合监督信息清单", "审计发现账目问题", source="县审计局")
        )
    with vault.read() as s:
        ids = lambda **kw: {e.id for e in list_list_entries(s, round_id=rid, **kw).items}  # noqa: E731
        assert ids(kind="政策清单") == {general.id, own.id}
        assert ids(kind=ListKind.POLICY, target_id=tid) == {general.id, own.id}
        assert ids(kind=ListKind.POLICY, target_id=tid, include_round_wide=False) == {own.id}
        assert ids(target_id=tid, include_round_wide=False) == {own.id, fn.id, problem.id}
        assert list_list_entries(s, round_id=rid).total == 5


def test_policy_entry_cited_by_a_finding_cannot_be_deleted(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        e = create_list_entry(s, rid, POLICY)
    fid = _finding(vault, rid, basis_ids=[e.id])
    with vault.session() as s, pytest.raises(Conflict):
        void_list_entry(s, e.id, "录入错误")
    with vault.session() as s:
        s.get(Finding, fid).deleted_at = s.get(Finding, fid).created_at  # type: ignore[union-attr]
    with vault.session() as s:
        void_list_entry(s, e.id, "录入错误")
