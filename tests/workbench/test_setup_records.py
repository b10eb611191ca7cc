"""The office's set-up functions that the 轮次配置 page calls beyond office_setup: a team's level,
county and 牵头组, editing teams, members and targets with the teams' lists kept in step, persons
and list entries — 巡察办 only, each refusal leaving the store as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.workbench.team import Team
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.models import Person
from workbench.services import setup_records as records
from workbench.services.focus import (
    ListEntryDraft,
    list_focus_items,
    list_list_entries,
    void_focus_item,
    void_list_entry,
)
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_target
from workbench.services.rounds import (
    MemberDraft,
    RoundDraft,
    add_member,
    list_members,
    list_teams,
    remove_member,
)
from workbench.services.targets import PersonDraft, TargetDraft, get_target, list_persons
from workbench.vocab.enums import ListKind, OrgLevel

OFFICE = "office"


def _round(team: Team, number: int = 1) -> str:
    framework, version = DEFAULT_FRAMEWORK
    draft = RoundDraft(f"2026年第{number}轮巡察", 2026, number, "联动", framework, version)
    with team(OFFICE).session() as s:
        return add_round(s, draft).id


def _target(team: Team, round_id: str, name: str) -> str:
    with team(OFFICE).session() as s:
        return add_target(s, round_id, TargetDraft(name, "party_gov", "一般关注")).target.id


def test_a_team_gets_its_level_county_and_lead_team(team: Team) -> None:
    rid = _round(team)
    with team(OFFICE).session() as s:
        lead = records.add_team(s, rid, records.TeamFields("第一组"), leader="周组长")
        county = records.add_team(
            s, rid, records.TeamFields("甲县联动组", "county", "甲县", lead.team.id)
        )
    assert (county.team.number, county.team.level, county.team.county) == (
        2,
        OrgLevel.COUNTY,
        "甲县",
    )
    assert county.team.lead_team_id == lead.team.id and lead.leader is not None
    with team(OFFICE).session() as s:
        edited = records.edit_team(
            s, county.team.id, records.TeamFields("甲县联动组", "county", "乙县", lead.team.id)
        )
    assert edited.county == "乙县"
    refusals = [
        (ValidationError, records.TeamFields("第一组", lead_team_id=lead.team.id)),  # itself
        (Conflict, records.TeamFields("甲县联动组")),  # the other team's name
    ]
    for error, fields in refusals:
        with pytest.raises(error), team(OFFICE).session() as s:
            records.edit_team(s, lead.team.id, fields)
    with team(OFFICE).read() as s:
        assert [(t.name, t.lead_team_id) for t in list_teams(s, rid)] == [
            ("第一组", None),
            ("甲县联动组", lead.team.id),
        ]


def test_a_target_belongs_to_one_team_and_the_lists_follow(team: Team) -> None:
    rid = _round(team)
    village, bureau = _target(team, rid, "东山村党总支"), _target(team, rid, "县教育局党组")
    with team(OFFICE).session() as s:
        first = records.add_team(s, rid, records.TeamFields("第一组")).team
        second = records.add_team(s, rid, records.TeamFields("第二组")).team
        records.add_person(s, rid, PersonDraft(village, "赵书记", "其他"))
        records.set_team_targets(s, first.id, [village, bureau])
        records.set_team_targets(s, second.id, [village])  # moves it from the first team
    with team(OFFICE).read() as s:
        teams = {t.name: t.target_ids for t in list_teams(s, rid)}
        assert teams == {"第一组": (bureau,), "第二组": (village,)}
        assert get_target(s, village).team_id == second.id
        # its cadres and 监督重点 (seeded before any team) went along
        assert s.scalars(select(Person.team_id).where(Person.target_id == village)).all() == [
            second.id
        ]
        items = list_focus_items(s, target_id=village).items
        assert items and {i.team_id for i in items} == {second.id}
        assert list_focus_items(s, team_id=second.id).total == len(items)
    with team(OFFICE).session() as s:
        view = get_target(s, bureau)
        draft = TargetDraft(view.name, view.kind, view.attention, team_id=second.id)
        records.edit_target(s, bureau, draft)  # the target's own team changes: lists follow
        records.set_team_targets(s, second.id, [bureau])  # the village is left without a team
    with team(OFFICE).read() as s:
        teams = {t.name: t.target_ids for t in list_teams(s, rid)}
        assert teams == {"第一组": (), "第二组": (bureau,)}
        assert get_target(s, village).team_id is None


def test_a_member_edit_keeps_recusal_within_the_round(team: Team) -> None:
    rid, other = _round(team, 1), _round(team, 2)
    mine, foreign = _target(team, rid, "县教育局党组"), _target(team, other, "县卫健委党组")
    with team(OFFICE).session() as s:
        group = records.add_team(s, rid, records.TeamFields("第一组")).team
        person = records.add_person(s, rid, PersonDraft(mine, "钱局长", "县管"))
        member = add_member(s, group.id, MemberDraft("周组员", "组员", "抽调"))
    with pytest.raises(NotFound, match="未找到被巡察对象"), team(OFFICE).session() as s:
        records.edit_member(
            s, member.id, MemberDraft("周组员", "组员", "抽调", recusal_target_ids=(foreign,))
        )
    draft = MemberDraft(
        "周组员",
        "组员",
        "抽调",
        recusal="曾在该局任职",
        recusal_target_ids=(mine,),
        recusal_person_ids=(person.id,),
    )
    with team(OFFICE).session() as s:
        records.edit_member(s, member.id, draft, expected_version=member.meta.version)
    with team(OFFICE).read() as s:
        stored = list_members(s, group.id)[0]
    assert (stored.recusal_target_ids, stored.recusal_person_ids) == ((mine,), (person.id,))


def test_persons_and_entries_go_through_the_record_rules(team: Team) -> None:
    rid, other = _round(team, 1), _round(team, 2)
    foreign = _target(team, other, "县卫健委党组")
    with pytest.raises(NotFound, match="未找到被巡察对象"), team(OFFICE).session() as s:
        records.add_person(s, rid, PersonDraft(foreign, "吴主任", "县管"))
    mine = _target(team, rid, "县教育局党组")
    with pytest.raises(ValidationError, match="校验位"), team(OFFICE).session() as s:
        records.add_person(
            s, rid, PersonDraft(mine, "钱局长", "县管", id_number="110105194912310021")
        )
    with pytest.raises(ValidationError, match="原文摘录"), team(OFFICE).session() as s:
        records.add_list_entry(s, rid, ListEntryDraft(ListKind.POLICY, "某办法"))
    with team(OFFICE).read() as s:
        assert list_persons(s, round_id=rid).total == 0
        assert list_list_entries(s, round_id=rid).total == 0


def test_only_the_office_sets_up(team: Team) -> None:
    rid = _round(team)
    target = _target(team, rid, "县教育局党组")
    with team(OFFICE).session() as s:
        group = records.add_team(s, rid, records.TeamFields("第一组")).team
        member = add_member(s, group.id, MemberDraft("周组员", "组员", "抽调"))
    view_target = TargetDraft("县教育局党组", "party_gov", "一般关注")
    attempts = [
        lambda s: records.add_team(s, rid, records.TeamFields("第二组")),
        lambda s: records.edit_team(s, group.id, records.TeamFields("改名")),
        lambda s: records.set_team_targets(s, group.id, [target]),
        lambda s: records.edit_member(s, member.id, MemberDraft("改名", "组员", "抽调")),
        lambda s: records.edit_target(s, target, view_target),
        lambda s: records.add_person(s, rid, PersonDraft(target, "钱局长", "县管")),
        lambda s: records.add_list_entry(s, rid, ListEntryDraft(ListKind.PROBLEM, "某问题")),
    ]
    for attempt in attempts:  # the fixture's leader is 组长 and 系统管理员, not 巡察办
        with pytest.raises(PermissionDenied), team().session() as s:
            attempt(s)
    with team(OFFICE).read() as s:
        assert [(t.name, t.target_ids) for t in list_teams(s, rid)] == [("第一组", ())]
        assert list_persons(s, round_id=rid).total == 0


@pytest.mark.parametrize("user", ["leader", "deputy", "member"])
def test_only_the_office_voids_set_up_records(team: Team, user: str) -> None:
    """A team's roles, the 组长 included, cannot void what the office set up: members, focus
    items and the office's lists; the team's own 问题清单 entries stay theirs."""
    rid = _round(team)
    village = _target(team, rid, "县教育局党组")
    with team(OFFICE).session() as s:
        group = records.add_team(s, rid, records.TeamFields("第一组")).team
        member = add_member(s, group.id, MemberDraft("周组员", "组员", "抽调"))
        policy = records.add_list_entry(
            s, rid, ListEntryDraft("政策清单", "会计法", content="第一条")
        )
        problem = records.add_list_entry(
            s, rid, ListEntryDraft("问题清单", "三公经费", content="超标准接待")
        )
        focus = list_focus_items(s, round_id=rid, target_id=village).items[0]
    refused = (
        (remove_member, member.id),
        (void_list_entry, policy.id),
        (void_focus_item, focus.id),
    )
    for void, record_id in refused:
        with team(user).session() as s, pytest.raises(PermissionDenied) as err:
            void(s, record_id, "录入错误")
        assert "巡察办" in err.value.message
    with team("deputy").session() as s:  # entered by another: a 组员 voids only their own
        void_list_entry(s, problem.id, "录入错误")
    with team(OFFICE).session() as s:
        remove_member(s, member.id, "借调结束")
        void_focus_item(s, focus.id, "不适用")
        void_list_entry(s, policy.id, "录入错误")
    with team(OFFICE).read() as s:
        assert list_members(s, group.id) == []
        assert list_list_entries(s, round_id=rid).total == 0
