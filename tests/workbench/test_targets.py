"""Targets and persons: catalog-checked kinds, validation, filters, paging, delete rules, search."""

from __future__ import annotations

from datetime import date

import pytest

import workbench.services  # noqa: F401  (registers the search-index hook)
from tests.workbench.team import Team
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.search import search
from workbench.services.focus import seed_focus_items, update_focus_item
from workbench.services.rounds import RoundDraft, create_round, create_team
from workbench.services.targets import (
    PersonDraft,
    TargetDraft,
    create_person,
    create_target,
    get_person,
    get_target,
    list_persons,
    list_targets,
    update_person,
    update_target,
    void_person,
    void_target,
)
from workbench.store.vault import Vault
from workbench.vocab.enums import AttentionLevel, CadreLevel, FocusStatus


def _round(vault: Vault, number: int = 1) -> str:
    with vault.session() as s:
        draft = RoundDraft(f"2026年第{number}轮巡察", 2026, number, "常规", "sgjj", 2020)
        return create_round(s, draft).id


@pytest.fixture
def vault(team: Team) -> Vault:
    """The office's user: set-up records are voided only by the 巡察办."""
    return team("office")


@pytest.fixture
def rid(vault: Vault) -> str:
    return _round(vault)


VILLAGE = TargetDraft("东风村党支部", "村", "重点关注", subtype="社情复杂村", leader_name="李书记")


def test_create_accepts_codes_or_titles_and_returns_a_view(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
    assert (t.kind, t.kind_title, t.subtype, t.subtype_title) == (
        "village",
        "村",
        "complex",
        "社情复杂村",
    )
    assert t.attention is AttentionLevel.KEY
    assert t.round_id == rid and t.meta.version == 1
    with vault.session() as s:
        again = create_target(s, rid, TargetDraft("第一中学党委", "school", "general"))
    assert again.subtype is None and again.kind_title == "公立院校"


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (TargetDraft("", "村", "重点关注"), "name"),
        (TargetDraft("某单位", "外星机构", "重点关注"), "kind"),
        (TargetDraft("某单位", "村", "非常关注"), "attention"),
        (TargetDraft("某单位", "村", "一般关注", subtype="商住型"), "subtype"),  # community's
        (TargetDraft("某单位", "公立医院", "一般关注", subtype="社情复杂村"), "subtype"),
        (TargetDraft("某" * 121, "村", "一般关注"), "name"),
    ],
)
def test_target_validation(vault: Vault, rid: str, draft: TargetDraft, field: str) -> None:
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_target(s, rid, draft)
    assert err.value.details["field"] == field
    assert err.value.message  # a Chinese sentence for people


def test_subtype_only_for_its_kind_message(vault: Vault, rid: str) -> None:
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_target(s, rid, TargetDraft("某医院党委", "公立医院", "一般关注", subtype="x"))
    assert "没有子类型" in err.value.message


def test_round_and_team_must_exist(vault: Vault, rid: str) -> None:
    other = _round(vault, 2)
    with vault.session() as s:
        team = create_team(s, other, 1, "第一巡察组")
    with vault.session() as s, pytest.raises(NotFound):
        create_target(s, "no-such-round", VILLAGE)
    with vault.session() as s, pytest.raises(ValidationError) as err:
        create_target(s, rid, TargetDraft("某村", "村", "一般关注", team_id=team.id))
    assert err.value.details["field"] == "team_id"


def test_update_checks_version(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
    changed = TargetDraft("东风村党总支", "村", "特别关注", subtype="资源丰富村")
    with vault.session() as s:
        t2 = update_target(s, t.id, changed, expected_version=t.meta.version)
    assert t2.name == "东风村党总支" and t2.subtype == "resource_rich" and t2.meta.version == 2
    with vault.session() as s, pytest.raises(Conflict):
        update_target(s, t.id, VILLAGE, expected_version=1)


def test_list_filters_and_paging(vault: Vault, rid: str) -> None:
    other = _round(vault, 2)
    with vault.session() as s:
        for i in range(5):
            create_target(
                s, rid, TargetDraft(f"村{i}党支部", "村", "一般关注", subtype="和谐稳定村")
            )
        create_target(s, rid, TargetDraft("人民医院党委", "公立医院", "特别关注"))
        create_target(s, other, TargetDraft("别轮村", "村", "一般关注"))
    with vault.read() as s:
        assert list_targets(s, round_id=rid).total == 6
        assert list_targets(s, round_id=rid, kind="village").total == 5
        assert list_targets(s, round_id=rid, subtype="stable").total == 5
        assert [t.name for t in list_targets(s, attention="特别关注").items] == ["人民医院党委"]
        assert list_targets(s, name_contains="医院").total == 1
        first = list_targets(s, round_id=rid, kind="village", limit=2)
        second = list_targets(s, round_id=rid, kind="village", offset=2, limit=2)
    assert first.total == 5 and len(first.items) == 2
    assert [t.name for t in first.items] == ["村0党支部", "村1党支部"]
    assert [t.name for t in second.items] == ["村2党支部", "村3党支部"]
    with vault.read() as s, pytest.raises(ValidationError):
        list_targets(s, offset=-1)


def test_delete_target_refused_while_work_hangs_on_it(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
        p = create_person(s, PersonDraft(t.id, "李书记", "乡管"))
        items = seed_focus_items(s, rid, t.id)
    with vault.session() as s, pytest.raises(Conflict) as err:
        void_target(s, t.id, "录入错误")
    assert "干部 1 条" in err.value.message
    with vault.session() as s:
        void_person(s, p.id, "录入错误")
        update_focus_item(s, items[0].id, status=FocusStatus.IN_PROGRESS)
    with vault.session() as s, pytest.raises(Conflict) as err:
        void_target(s, t.id, "录入错误")
    assert "监督重点" in err.value.message
    with vault.session() as s:
        update_focus_item(s, items[0].id, status=FocusStatus.NOT_STARTED)
        changes = void_target(s, t.id, "录入错误")
    # unworked seeded items went with it
    assert t.id in changes.ids and items[1].id in changes.ids
    with vault.read() as s, pytest.raises(NotFound):
        get_target(s, t.id)


# -- persons ----------------------------------------------------------------------------------


def test_person_crud(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
        p = create_person(
            s,
            PersonDraft(t.id, "李建国", "县管", "党支部书记", "全面工作", date(2021, 1, 5)),
        )
    assert p.level is CadreLevel.COUNTY and p.round_id == rid and p.target_id == t.id
    with vault.session() as s:
        p2 = update_person(
            s,
            p.id,
            PersonDraft(t.id, "李建国", "乡管", term_end=date(2025, 1, 1)),
            expected_version=1,
        )
    assert p2.level is CadreLevel.TOWNSHIP and p2.term_end == date(2025, 1, 1)
    with vault.session() as s, pytest.raises(Conflict):
        update_person(s, p.id, PersonDraft(t.id, "李建国", "乡管"), expected_version=1)
    with vault.session() as s:
        void_person(s, p.id, "录入错误")
    with vault.read() as s, pytest.raises(NotFound):
        get_person(s, p.id)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": " "}, "name"),
        ({"level": "省管"}, "level"),
        ({"term_start": date(2024, 1, 1), "term_end": date(2023, 1, 1)}, "term_end"),
        ({"target_id": "missing"}, None),
    ],
)
def test_person_validation(
    vault: Vault, rid: str, change: dict[str, object], field: str | None
) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
    base: dict[str, object] = {"target_id": t.id, "name": "张三", "level": "其他"}
    draft = PersonDraft(**{**base, **change})  # type: ignore[arg-type]
    with vault.session() as s:
        if field is None:
            with pytest.raises(NotFound):
                create_person(s, draft)
        else:
            with pytest.raises(ValidationError) as err:
                create_person(s, draft)
            assert err.value.details["field"] == field


def test_list_persons_filters(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        a = create_target(s, rid, VILLAGE)
        b = create_target(s, rid, TargetDraft("西湖村", "村", "一般关注"))
        create_person(s, PersonDraft(a.id, "王五", "乡管"))
        create_person(s, PersonDraft(a.id, "赵六", "其他"))
        create_person(s, PersonDraft(b.id, "王小二", "乡管"))
    with vault.read() as s:
        assert list_persons(s, round_id=rid).total == 3
        assert list_persons(s, target_id=a.id).total == 2
        assert list_persons(s, level=CadreLevel.TOWNSHIP).total == 2
        assert [p.name for p in list_persons(s, name_contains="王").items] == ["王五", "王小二"]


def test_targets_and_persons_are_searchable(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, VILLAGE)
        p = create_person(s, PersonDraft(t.id, "欧阳建国", "乡管", "村委会主任"))
    with vault.read() as s:
        assert [h.record_id for h in search(s, "东风村", types=["target"])] == [t.id]
        assert [h.record_id for h in search(s, "欧阳建国", types=["person"])] == [p.id]
    with vault.session() as s:
        void_person(s, p.id, "录入错误")
    with vault.read() as s:
        assert search(s, "欧阳建国", types=["person"]) == []


def test_a_title_typed_with_half_width_brackets_names_the_kind(vault: Vault, rid: str) -> None:
    with vault.session() as s:
        t = create_target(s, rid, TargetDraft("某某街道党工委", "乡镇(街道)", "一般关注"))
    assert (t.kind, t.kind_title) == ("township", "乡镇（街道）")


@pytest.mark.parametrize("user", ["leader", "deputy", "member"])
def test_only_the_office_voids_targets_and_persons(team: Team, rid: str, user: str) -> None:
    with team("office").session() as s:
        t = create_target(s, rid, VILLAGE)
        p = create_person(s, PersonDraft(t.id, "李书记", "乡管"))
    for void, record_id in ((void_person, p.id), (void_target, t.id)):
        with team(user).session() as s, pytest.raises(PermissionDenied) as err:
            void(s, record_id, "录入错误")
        assert "巡察办" in err.value.message
    with team("office").read() as s:
        assert get_person(s, p.id).name == "李书记"
