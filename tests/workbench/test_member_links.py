"""Local links between store users and the 组员 they act as: set by the 系统管理员, audited, one
user per member, and what lets a field laptop's 组长 sign the 底稿 of their own team when the
office's member records name office users (or nobody)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.exchange_support import (
    WorldTemplate,
    add_finding,
    world_in,
)
from tests.workbench.findings_world import (
    World,
    make,
    step,
    world_fixture,  # noqa: F401 - the `world` fixture
)
from tests.workbench.team import Team
from workbench import exchange as ex
from workbench.cli import main
from workbench.errors import Conflict, NotFound, PermissionDenied, ValidationError
from workbench.models import AuditEntry, Finding, Member, User
from workbench.models import Team as TeamRow
from workbench.models.system import StoreMeta
from workbench.services import member_links, users
from workbench.services.findings_signoff import (
    approve_finding,
    can_sign,
    review_finding,
    submit_finding,
)
from workbench.services.member_links import LINKS_KEY
from workbench.vocab.enums import FindingStatus, ForceType, MemberRole

OFFICE_USER_ID = str(uuid.uuid4())  # a user of the office's store, unknown on this one


def leader_member(team: Team, w: World) -> str:
    """第一巡察组's 组长 as the office set it up: its user_id names an office store user."""
    with team().session() as s:
        uid = s.scalar(select(User.id).where(User.name == LEADER))
        row = s.scalars(
            select(Member).where(Member.team_id == w.team_id, Member.user_id == uid)
        ).one()
        row.user_id, row.name = OFFICE_USER_ID, "王组长"
        return row.id


def reviewed(team: Team, w: World) -> str:
    fid = make(team, w, "member")
    step(team, "member", submit_finding, fid)
    step(team, "deputy", review_finding, fid)
    return fid


def test_a_linked_leader_may_approve_and_unlinking_takes_it_back(team: Team, world: World) -> None:
    member_id = leader_member(team, world)
    fid = reviewed(team, world)
    with pytest.raises(PermissionDenied) as err:
        step(team, LEADER, approve_finding, fid)
    assert "请系统管理员在“用户管理”中把您的用户关联到组员" in err.value.message
    with team().session() as s:  # LEADER is also the store's 系统管理员
        view = member_links.link_member(s, LEADER, member_id)
    assert (view.user_name, view.member_name, view.team_name) == (LEADER, "王组长", "第一巡察组")
    assert view.role is MemberRole.LEADER and not view.by_office
    with team().read() as s:
        assert can_sign(s, fid, "approve") is None
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert entry is not None and entry.action == "user.member_link"
    assert entry.object_id == member_id and json.loads(entry.detail)["user"] == LEADER
    with team().session() as s:
        member_links.unlink_member(s, member_id, LEADER)
    with team().read() as s:
        assert can_sign(s, fid, "approve") is not None
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc())) == (
            "user.member_unlink"
        )
    with team().session() as s:
        member_links.link_member(s, LEADER, member_id)
    assert step(team, LEADER, approve_finding, fid).status == FindingStatus.APPROVED
    with team().read() as s:  # the office's record is untouched: nothing to travel back
        assert s.get_one(Member, member_id).user_id == OFFICE_USER_ID


@pytest.mark.parametrize("user", ["deputy", "office", "secadmin"])
def test_only_the_sysadmin_links(team: Team, world: World, user: str) -> None:
    member_id = leader_member(team, world)
    with pytest.raises(PermissionDenied, match="系统管理员"), team(user).session() as s:
        member_links.link_member(s, user, member_id)
    with team().read() as s:
        assert s.get(StoreMeta, LINKS_KEY) is None
        assert not s.scalars(select(AuditEntry).where(AuditEntry.action.like("user.member%"))).all()


def test_a_member_has_one_user_at_most(team: Team, world: World) -> None:
    member_id = leader_member(team, world)
    with team().session() as s:
        member_links.link_member(s, LEADER, member_id)
        member_links.link_member(s, LEADER, member_id)  # again: nothing changes
    with pytest.raises(Conflict, match="一名组员只能关联一个用户"), team().session() as s:
        member_links.link_member(s, "both", member_id)
    with team().read() as s:  # a member whose own user_id is a local user counts as linked
        deputy = s.scalar(select(User.id).where(User.name == "deputy"))
        theirs = s.scalars(select(Member.id).where(Member.user_id == deputy)).one()
    with pytest.raises(Conflict, match="deputy"), team().session() as s:
        member_links.link_member(s, "member", theirs)
    with pytest.raises(NotFound, match="只能由巡察办修改"), team().session() as s:
        member_links.unlink_member(s, theirs)
    with team().read() as s:
        links = member_links.list_links(s)
        assert json.loads(s.get_one(StoreMeta, LINKS_KEY).value) == {
            member_id: s.scalar(select(User.id).where(User.name == LEADER))
        }
    mine = [c for c in links if c.member_id in (member_id, theirs)]
    assert {(c.user_name, c.by_office) for c in mine} == {(LEADER, False), ("deputy", True)}


def test_a_user_acts_as_members_of_several_rounds(team: Team, world: World) -> None:
    member_id = leader_member(team, world)
    with team().session() as s:
        other_team = TeamRow(round_id=world.other_round_id, number=1, name="第一巡察组")
        s.add(other_team)
        s.flush()
        other = Member(
            round_id=world.other_round_id,
            team_id=other_team.id,
            name="王组长",
            role=MemberRole.LEADER,
            force_type=ForceType.FULL_TIME,
        )
        s.add(other)
        s.flush()
        for mid in (member_id, other.id):
            member_links.link_member(s, LEADER, mid)
        assert member_links.linked_member_ids(
            s, s.scalar(select(User.id).where(User.name == LEADER)) or ""
        ) == {
            member_id,
            other.id,
        }


def test_a_disabled_unknown_or_3yuan_only_user_is_refused(team: Team, world: World) -> None:
    member_id = leader_member(team, world)
    users.disable_user(team(), "both")
    with pytest.raises(ValidationError, match="已停用"), team().session() as s:
        member_links.link_member(s, "both", member_id)
    with pytest.raises(ValidationError, match="只担任三员角色"), team().session() as s:
        member_links.link_member(s, "secadmin", member_id)
    with pytest.raises(NotFound, match="没有名为“nobody”的用户"), team().session() as s:
        member_links.link_member(s, "nobody", member_id)
    with pytest.raises(NotFound, match="未找到组员"), team().session() as s:
        member_links.link_member(s, LEADER, str(uuid.uuid4()))


def test_proposals_match_the_exact_name_within_a_team(team: Team, world: World) -> None:
    member_id = leader_member(team, world)  # "王组长": the fixture's LEADER's 姓名
    with team().read() as s:
        proposals = member_links.propose_links(s)
    assert [(p.user_name, p.member.member_id) for p in proposals] == [(LEADER, member_id)]
    with team().session() as s:  # a namesake in the same team: nothing is proposed
        s.add(
            Member(
                round_id=world.round_id,
                team_id=world.team_id,
                name="王组长",
                role=MemberRole.MEMBER,
                force_type=ForceType.FULL_TIME,
            )
        )
    with team().read() as s:
        assert member_links.propose_links(s) == []
        assert s.get(StoreMeta, LINKS_KEY) is None  # proposing links nothing


# -- a field laptop briefed by the office -------------------------------------------------------


def test_a_briefed_field_leader_signs_once_linked(
    tmp_path: Path, exchange_world_template: WorldTemplate
) -> None:
    """The office names its own users (or nobody) as the members; on the laptop the 组长 (zu1,
    组长 and 系统管理员 of the field store) is refused until linked, then may approve."""
    template = exchange_world_template
    with world_in(template, tmp_path / "w") as w:
        with w.office.session() as s:
            office_uid = s.scalar(select(User.id))
            team_id = s.scalar(select(TeamRow.id).where(TeamRow.round_id == w.round_id))
            s.get_one(TeamRow, team_id).target_ids = [template.target_ids[0]]
            for name, role, uid in (
                ("组员a", MemberRole.LEADER, office_uid),
                ("李副组长", MemberRole.DEPUTY, None),
            ):
                s.add(
                    Member(
                        round_id=w.round_id,
                        team_id=team_id,
                        name=name,
                        role=role,
                        force_type=ForceType.FULL_TIME,
                        user_id=uid,
                    )
                )
        brief = tmp_path / "brief.wbp"
        ex.build_briefing(w.office, w.round_id, [template.device_a], brief)
        ex.import_package(w.a, brief)
        fid = add_finding(w.a, w.round_id, target_id=template.target_ids[0])
        with w.a.session() as s:  # as if 李副组长 had reviewed it
            s.get_one(Finding, fid).status = FindingStatus.REVIEWED
        with pytest.raises(PermissionDenied, match="关联到组员"), w.a.session() as s:
            approve_finding(s, fid)
        with w.a.read() as s:
            proposals = member_links.propose_links(s, w.round_id)
        assert [(p.user_name, p.member.member_name) for p in proposals] == [("zu1", "组员a")]
        with w.a.session() as s:
            member_links.link_member(s, proposals[0].user_name, proposals[0].member.member_id)
        with w.a.session() as s:
            assert approve_finding(s, fid).status == FindingStatus.APPROVED
        with w.a.read() as s:
            assert s.scalars(select(Member.user_id).where(Member.name == "组员a")).one() == (
                office_uid
            )


# -- the command line ---------------------------------------------------------------------------


def _cli(monkeypatch: pytest.MonkeyPatch, team: Team, user: str, argv: list[str]) -> int:
    monkeypatch.setenv("WORKBENCH_STORE", str(team.directory))
    monkeypatch.setenv("WORKBENCH_USER", user)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return main(argv)


def test_cli_links_by_names(
    team: Team, world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    member_id = leader_member(team, world)
    fid = reviewed(team, world)
    link = ["user", "link", LEADER, "--member", "王组长", "--team", "第一巡察组"]
    assert _cli(monkeypatch, team, "deputy", link) == 6  # not the 系统管理员
    assert _cli(monkeypatch, team, LEADER, [*link[:-2], "--team", "第九巡察组"]) == 5
    capsys.readouterr()
    assert _cli(monkeypatch, team, LEADER, [*link, "--round", "2026年第一轮巡察", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["member_id"] == member_id and shown["role"] == "leader"
    assert shown["user_name"] == LEADER and shown["round_name"] == "2026年第一轮巡察"
    assert step(team, LEADER, approve_finding, fid).status == FindingStatus.APPROVED
    taken = ["user", "link", "both", "--member", "王组长", "--team", "第一巡察组"]
    assert _cli(monkeypatch, team, LEADER, taken) == 7  # one member, one user
    assert _cli(monkeypatch, team, LEADER, ["user", "links"]) == 0
    out = capsys.readouterr().out
    assert f"{LEADER}\t王组长\t2026年第一轮巡察·第一巡察组·王组长（组长）" in out
    assert "deputy\tdeputy\t2026年第一轮巡察·第一巡察组·deputy（副组长）\t巡察办指定" in out
    assert _cli(monkeypatch, team, LEADER, ["user", "unlink", *link[2:]]) == 0
    assert _cli(monkeypatch, team, LEADER, ["user", "unlink", *link[2:]]) == 5
    capsys.readouterr()
    assert _cli(monkeypatch, team, LEADER, ["user", "links", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert member_id not in {r["member_id"] for r in rows}
