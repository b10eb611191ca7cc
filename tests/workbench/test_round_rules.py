"""What each round type means at set-up (services/round_rules.py through office_setup): one case
allowed and one refused per type, with the reason, and a refusal leaves the store as it was."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.workbench.team import Team
from workbench.errors import AmbiguousName, PermissionDenied, WorkbenchError, WorkflowError
from workbench.models import FocusItem, ListEntry, Member, Person, Round, Target
from workbench.models import Team as TeamRow
from workbench.services.focus import ListEntryDraft
from workbench.services.office_setup import (
    MemberChanges,
    RoundChanges,
    TargetChanges,
    TeamChanges,
    add_list_entry,
    add_person,
    add_round,
    add_target,
    add_team,
    add_team_member,
    assign_targets_to_team,
    edit_member,
    edit_round,
    edit_target,
    edit_team,
    move_round_phase,
    resolve_team,
)
from workbench.services.rounds import MemberDraft, RoundDraft, get_team
from workbench.services.targets import PersonDraft, TargetDraft
from workbench.store.separation import as_store_job
from workbench.store.vault import Vault
from workbench.vocab.enums import OrgLevel, PlanStatus, RoundPhase, RoundType

OFFICE = "office"


def _snapshot(vault: Vault) -> list[tuple[str, str, int, object]]:
    """Every set-up record with its version (and a team's target list): equal before and after
    a refusal means nothing was written."""
    rows: list[tuple[str, str, int, object]] = []
    with vault.read() as s:
        as_store_job(s)  # the 监督重点 are case content, kept from a 三员 who is refused here
        for model in (Round, TeamRow, Member, Target, Person, ListEntry, FocusItem):
            for row in s.scalars(select(model).order_by(model.id)):
                extra = getattr(row, "target_ids", None)
                rows.append((model.__tablename__, row.id, row.version, extra))
    return rows


def _refused(
    vault: Vault, error: type[WorkbenchError], match: str, change: Callable[[Session], Any]
) -> WorkbenchError:
    before = _snapshot(vault)
    with pytest.raises(error, match=match) as caught, vault.session() as s:
        change(s)
    assert _snapshot(vault) == before
    return caught.value


def _round(vault: Vault, name: str, kind: RoundType | str, number: int = 1, **extra: Any) -> str:
    draft = RoundDraft(name, 2026, number, kind, "sigjj", 2025, **extra)
    with vault.session() as s:
        return add_round(s, draft).id


def _target(name: str, kind: str = "party_gov", **extra: Any) -> TargetDraft:
    return TargetDraft(name, kind, "一般关注", **extra)


@pytest.fixture
def office(team: Team) -> Vault:
    return team(OFFICE)


# -- 交叉巡察 --------------------------------------------------------------------------------------


def test_cross_refuses_a_team_inspecting_its_own_county(office: Vault) -> None:
    rid = _round(office, "交叉巡察", RoundType.CROSS)
    _refused(
        office,
        WorkflowError,
        "交叉巡察的巡察组须填写所属县（区）：“第一组”未填写",
        lambda s: add_team(s, rid, "第一组"),
    )
    with office.session() as s:
        team = add_team(s, rid, "第一组", county="甲县").team
        other = add_team(s, rid, "第二组", county="乙县").team
        allowed = add_target(s, rid, _target("乙县教育局党组", county="乙县", team_id="第一组"))
        add_target(s, rid, _target("甲县教育局党组", county="甲县"))  # no team yet: no check
    assert allowed.target.team_id == team.id
    error = _refused(
        office,
        WorkflowError,
        "第一组所属县（区）为甲县，交叉巡察不能巡察本县单位“甲县教育局党组”",
        lambda s: assign_targets_to_team(s, team.id, ["甲县教育局党组"]),
    )
    assert error.code == "WB-WORKFLOW"
    _refused(
        office,
        WorkflowError,
        "交叉巡察不能巡察本县单位“甲县财政局党组”",
        lambda s: add_target(s, rid, _target("甲县财政局党组", county="甲县", team_id="第一组")),
    )
    _refused(
        office,
        WorkflowError,
        "须填写所属县（区）：“某单位”未填写",
        lambda s: add_target(s, rid, _target("某单位", team_id="第一组")),
    )
    # a change to either side is checked: the target's county, the team's county
    _refused(
        office,
        WorkflowError,
        "不能巡察本县单位“乙县教育局党组”",
        lambda s: edit_target(s, allowed.target.id, TargetChanges(county="甲县")),
    )
    _refused(
        office,
        WorkflowError,
        "第一组所属县（区）为乙县",
        lambda s: edit_team(s, team.id, TeamChanges(county="乙县")),
    )
    with office.session() as s:  # the other team may take it
        assigned = assign_targets_to_team(s, other.id, ["甲县教育局党组"])
    assert len(assigned.target_ids) == 1


def test_a_round_turned_cross_is_checked_against_its_teams(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        add_team(s, rid, "第一组", county="甲县")
        add_target(s, rid, _target("甲县教育局党组", county="甲县", team_id="第一组"))
    _refused(
        office,
        WorkflowError,
        "交叉巡察不能巡察本县单位“甲县教育局党组”",
        lambda s: edit_round(s, rid, RoundChanges(round_type="交叉")),
    )


def test_moving_a_target_keeps_both_team_links_in_step(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        one = add_team(s, rid, "第一组").team
        two = add_team(s, rid, "第二组").team
        target = add_target(s, rid, _target("县教育局党组", team_id="第一组")).target
        person = add_person(s, rid, PersonDraft("县教育局党组", "张三", "县管"))
        assign_targets_to_team(s, two.id, [target.name])
    with office.read() as s:
        assert get_team(s, one.id).target_ids == ()
        assert get_team(s, two.id).target_ids == (target.id,)
        assert s.get(Target, target.id).team_id == two.id  # type: ignore[union-attr]
        assert s.get(Person, person.id).team_id == two.id  # type: ignore[union-attr]
        items = s.scalars(select(FocusItem).where(FocusItem.target_id == target.id)).all()
        assert items and {i.team_id for i in items} == {two.id}
    with office.session() as s:  # and off any team
        assert edit_target(s, target.id, TargetChanges(team="")).team_id is None
        assert get_team(s, two.id).target_ids == ()


# -- 提级巡察 (1托N) -------------------------------------------------------------------------------


def test_elevated_is_dispatched_by_the_city(office: Vault) -> None:
    _refused(
        office,
        WorkflowError,
        "提级巡察由市级派出，派出层级不能为“县级”",
        lambda s: add_round(
            s, RoundDraft("提级巡察", 2026, 1, "提级", "sigjj", 2025, dispatch_level="county")
        ),
    )
    rid = _round(office, "提级巡察", RoundType.ELEVATED)
    _refused(
        office,
        WorkflowError,
        "提级巡察由市级派出",
        lambda s: edit_round(s, rid, RoundChanges(dispatch_level=OrgLevel.COUNTY)),
    )


def test_one_city_team_leads_county_groups(office: Vault) -> None:
    rid = _round(office, "提级巡察", RoundType.ELEVATED)
    with office.session() as s:
        city = add_team(s, rid, "市第一组", leader="市组长").team
        led = add_team(s, rid, "甲县组", level="county", county="甲县", lead_team="市第一组")
        add_team(s, rid, "乙县组", level="county", county="乙县", lead_team=city.id)
    assert led.team.lead_team_id == city.id and led.team.level is OrgLevel.COUNTY
    assert led.leader is None
    _refused(
        office,
        WorkflowError,
        "提级巡察的县级组由本轮的市级组牵头（1托N）：“丙县组”须指定牵头组",
        lambda s: add_team(s, rid, "丙县组", level="county", county="丙县"),
    )
    _refused(
        office,
        WorkflowError,
        "牵头组“甲县组”是县级组，牵头组须是市级组",
        lambda s: add_team(s, rid, "丙县组", level="county", lead_team="甲县组"),
    )
    _refused(
        office,
        WorkflowError,
        "“市第二组”是市级组，只有县级组由牵头组带领",
        lambda s: add_team(s, rid, "市第二组", lead_team="市第一组"),
    )
    # no chains: a led group (county) leads nobody, a leading team (city) is not led
    with office.session() as s:
        add_team(s, rid, "市第二组")
    _refused(
        office,
        WorkflowError,
        "“市第一组”是市级组，只有县级组由牵头组带领",
        lambda s: edit_team(s, city.id, TeamChanges(lead_team="市第二组")),
    )
    _refused(
        office,
        WorkflowError,
        "“市第一组”正牵头“(甲|乙)县组”、“(甲|乙)县组”，须是市级组",
        lambda s: edit_team(s, city.id, TeamChanges(level="county")),
    )
    _refused(
        office,
        WorkflowError,
        "只有提级巡察、联动巡察的巡察组可以有牵头组（本轮为常规巡察）",
        lambda s: edit_round(s, rid, RoundChanges(round_type=RoundType.REGULAR)),
    )


def test_a_lead_team_only_in_elevated_and_linked_rounds(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        add_team(s, rid, "市第一组")
    _refused(
        office,
        WorkflowError,
        "只有提级巡察、联动巡察的巡察组可以有牵头组（本轮为常规巡察）",
        lambda s: add_team(s, rid, "甲县组", level="county", lead_team="市第一组"),
    )


# -- 联动巡察 --------------------------------------------------------------------------------------


def test_linked_lets_a_city_deputy_lead_a_county_group(office: Vault) -> None:
    rid = _round(office, "联动巡察", RoundType.LINKED)
    with office.session() as s:
        tid = add_team(s, rid, "联动组", level="county", county="甲县", leader="县组长").team.id
        deputy = add_team_member(
            s, tid, MemberDraft("市副组长", "副组长", "专职", home_level=OrgLevel.CITY)
        )
    assert deputy.home_level is OrgLevel.CITY


def test_elsewhere_a_county_group_is_led_by_county_cadres(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        tid = add_team(s, rid, "甲县组", level="county", county="甲县", leader="县组长").team.id
        leader = s.scalars(select(Member).where(Member.team_id == tid)).one()
        assert (leader.home_level, leader.home_county) == (OrgLevel.COUNTY, "甲县")
        member = add_team_member(s, tid, MemberDraft("市干部", "组员", "抽调"))  # not leading
    message = (
        "“甲县组”是县级组，副组长须来自县级，市副组长来自市级（只有联动巡察可由市级干部带领县级组）"
    )
    _refused(
        office,
        WorkflowError,
        message,
        lambda s: add_team_member(s, tid, MemberDraft("市副组长", "副组长", "专职")),
    )
    _refused(
        office,
        WorkflowError,
        "副组长须来自县级",
        lambda s: edit_member(s, member.id, MemberChanges(role="副组长")),
    )
    _refused(  # the team's own level change is checked against its leaders too
        office,
        WorkflowError,
        "“乙县组”是县级组，组长须来自县级",
        lambda s: (
            add_team(s, rid, "乙县组", leader="市组长"),
            edit_team(s, resolve_team(s, "乙县组", rid), TeamChanges(level="county")),
        ),
    )


# -- 专项巡察 --------------------------------------------------------------------------------------


def test_special_needs_a_topic_and_an_approved_plan_to_leave_preparation(office: Vault) -> None:
    _refused(
        office,
        WorkflowError,
        "专项巡察须填写专项主题",
        lambda s: add_round(s, RoundDraft("专项巡察", 2026, 1, "专项", "sigjj", 2025)),
    )
    rid = _round(office, "专项巡察", RoundType.SPECIAL, topic="乡村振兴资金")
    with office.read() as s:
        assert s.get(Round, rid).plan_status is PlanStatus.DRAFT  # type: ignore[union-attr]
    error = _refused(
        office,
        WorkflowError,
        "专项巡察的工作方案须先审核通过（当前：草拟），才能离开准备阶段",
        lambda s: move_round_phase(s, rid, RoundPhase.STATIONING),
    )
    assert error.details["field"] == "plan_status"
    with office.session() as s:  # round_plan.py's 审核, set directly here
        s.get(Round, rid).plan_status = PlanStatus.APPROVED  # type: ignore[union-attr]
    with office.session() as s:
        assert move_round_phase(s, rid, "进驻").phase is RoundPhase.STATIONING


def test_only_a_special_round_has_a_plan(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        assert edit_round(s, rid, RoundChanges(name="常规巡察一")).plan_status is PlanStatus.NONE
        turned = edit_round(s, rid, RoundChanges(round_type="专项", topic="选人用人"))
        assert turned.plan_status is PlanStatus.DRAFT
        back = edit_round(s, rid, RoundChanges(round_type="常规"))
        assert back.plan_status is PlanStatus.NONE
        assert move_round_phase(s, rid, "进驻").phase is RoundPhase.STATIONING


# -- 对村巡察 --------------------------------------------------------------------------------------


def test_village_rounds_inspect_villages_and_communities_only(office: Vault) -> None:
    rid = _round(office, "对村巡察", RoundType.VILLAGE)
    with office.session() as s:
        village = add_target(s, rid, _target("东山村党总支", "村")).target
        add_target(s, rid, _target("幸福社区党委", "community"))
    _refused(
        office,
        WorkflowError,
        "对村巡察只巡察村、社区，“县第一中学党委”是公立院校",
        lambda s: add_target(s, rid, _target("县第一中学党委", "school")),
    )
    regular = _round(office, "常规巡察", RoundType.REGULAR, number=2)
    with office.session() as s:
        school = add_target(s, regular, _target("县第一中学党委", "school")).target
    _refused(
        office,
        WorkflowError,
        "是公立院校",
        lambda s: edit_round(s, regular, RoundChanges(round_type=RoundType.VILLAGE)),
    )
    _refused(
        office,
        WorkflowError,
        "对村巡察只巡察村、社区，“东山村党总支”是乡镇（街道）",
        lambda s: edit_target(s, village.id, TargetChanges(kind="township")),
    )
    assert school.kind == "school"


# -- 回头看 ----------------------------------------------------------------------------------------


def test_revisit_looks_back_on_an_earlier_round(office: Vault) -> None:
    first = _round(office, "2026年第一轮巡察", RoundType.REGULAR)
    _refused(
        office,
        WorkflowError,
        "回头看须指明所回看的原轮次",
        lambda s: add_round(s, RoundDraft("回头看", 2026, 2, "回头看", "sigjj", 2025)),
    )
    rid = _round(office, "回头看", RoundType.REVISIT, number=2, revisit_of="2026年第一轮巡察")
    with office.read() as s:
        assert s.get(Round, rid).revisit_of == first  # type: ignore[union-attr]
    _refused(
        office,
        WorkflowError,
        "回头看的原轮次不能是本轮",
        lambda s: edit_round(s, rid, RoundChanges(revisit_of="回头看")),
    )
    later = _round(office, "2026年第三轮巡察", RoundType.REGULAR, number=3)
    _refused(
        office,
        WorkflowError,
        "回头看的原轮次“2026年第三轮巡察”（2026年第3轮）须早于本轮（2026年第2轮）",
        lambda s: edit_round(s, rid, RoundChanges(revisit_of=later)),
    )
    _refused(
        office,
        WorkflowError,
        "只有回头看关联原轮次（本轮为常规巡察）",
        lambda s: edit_round(s, later, RoundChanges(revisit_of=first)),
    )
    _refused(
        office,
        WorkflowError,
        "回头看须指明所回看的原轮次",
        lambda s: edit_round(s, rid, RoundChanges(revisit_of="")),
    )
    with office.session() as s:  # another type drops the link, which means nothing there
        assert edit_round(s, rid, RoundChanges(round_type="常规")).revisit_of is None


# -- 常规、机动 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [RoundType.REGULAR, RoundType.MOBILE])
def test_regular_and_mobile_add_no_rule(office: Vault, kind: RoundType) -> None:
    rid = _round(office, "某轮巡察", kind, dispatch_level="county")
    with office.session() as s:
        add_team(s, rid, "第一组", level="county")  # no county, no lead team: allowed
        add_target(s, rid, _target("县第一中学党委", "school", team_id="第一组"))


# -- who, and 回避 by name -------------------------------------------------------------------------


def test_only_the_office_sets_a_round_up(team: Team, office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        tid = add_team(s, rid, "第一组").team.id
        add_target(s, rid, _target("县教育局党组"))
        mid = add_team_member(s, tid, MemberDraft("张三", "组员", "抽调")).id
    changes: list[Callable[[Session], Any]] = [
        lambda s: add_team(s, rid, "第二组"),
        lambda s: edit_team(s, tid, TeamChanges(county="甲县")),
        lambda s: add_team_member(s, tid, MemberDraft("李四", "组员", "抽调")),
        lambda s: edit_member(s, mid, MemberChanges(recusal_targets=["县教育局党组"])),
        lambda s: add_person(s, rid, PersonDraft("县教育局党组", "王五", "县管")),
        lambda s: add_list_entry(s, rid, ListEntryDraft("问题清单", "某问题")),
        lambda s: assign_targets_to_team(s, tid, ["县教育局党组"]),
        lambda s: edit_round(s, rid, RoundChanges(topic="x")),
    ]
    for user in ("leader", "secadmin"):
        for change in changes:
            _refused(team(user), PermissionDenied, "需要巡察办角色", change)


def test_recusal_is_declared_by_name_and_changed_later(office: Vault) -> None:
    rid = _round(office, "常规巡察", RoundType.REGULAR)
    with office.session() as s:
        tid = add_team(s, rid, "第一组").team.id
        edu = add_target(s, rid, _target("县教育局党组")).target
        add_target(s, rid, _target("县财政局党组"))
        zhang = add_person(s, rid, PersonDraft("县教育局党组", "张三", "县管", position="局长"))
        li = add_person(s, rid, PersonDraft(edu.id, "李四", "县管"))
        member = add_team_member(
            s,
            tid,
            MemberDraft("王五", "组员", "抽调", recusal="曾在该局任职"),
            recusal_targets=["县教育局党组"],
            recusal_persons=["张三"],
        )
    assert member.recusal_target_ids == (edu.id,) and member.recusal_person_ids == (zhang.id,)
    with office.session() as s:
        add_person(s, rid, PersonDraft("县财政局党组", "张三", "县管", position="副局长"))
    error = _refused(
        office,
        AmbiguousName,
        "“张三”对应多个人员",
        lambda s: edit_member(s, member.id, MemberChanges(recusal_persons=["张三"])),
    )
    assert "张三（县教育局党组·局长）" in error.message
    assert "张三（县财政局党组·副局长）" in error.message
    with office.session() as s:
        changed = edit_member(
            s, member.id, MemberChanges(recusal_targets=(), recusal_persons=[li.id])
        )
    assert changed.recusal_target_ids == () and changed.recusal_person_ids == (li.id,)
    assert changed.recusal == "曾在该局任职"
    with office.session() as s:
        entry = add_list_entry(
            s, rid, ListEntryDraft("政策清单", "某规定", "县教育局党组", content="…")
        )
    assert entry.target_id == edu.id
