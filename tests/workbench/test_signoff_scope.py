"""Scope of authority: a 底稿 is signed off only by the leaders of its own team, never by a
member who declared 回避 for its unit or a person it names (unless the 组长 overrides it, with a
reason, audited); 回避 also keeps members off interviews, letters and clues; only 已审签 底稿
reach the 巡察报告 and the 反馈意见, except in a 征求意见稿, which is marked on every page."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from sqlalchemy import select

import workbench.services
from tests.conftest import LEADER, PASSPHRASE
from tests.workbench.findings_world import (
    World,
    make,
    step,
    world_fixture,  # noqa: F401 - the `world` fixture
)
from tests.workbench.team import Team
from workbench.cli import main
from workbench.errors import PermissionDenied, ValidationError
from workbench.models import AuditEntry, Member, Target, User
from workbench.models import Team as TeamRow
from workbench.reports import DocRequest, install_template, starter_template, write_document
from workbench.reports.gbt9704 import DRAFT_MARK
from workbench.reports.grouping import left_out_findings
from workbench.services.clues import ClueDraft, register_clue
from workbench.services.findings import ResponsibleParty
from workbench.services.findings_signoff import (
    approve_finding,
    can_sign,
    override_offers,
    return_finding,
    review_finding,
    set_finding_in_report,
    submit_finding,
)
from workbench.services.interviews import InterviewDraft, create_interview
from workbench.services.letters import LetterDraft, ReportedPerson, register_letter
from workbench.vocab.enums import AttentionLevel, FindingStatus, ForceType, MemberRole

# -- helpers --------------------------------------------------------------------------------------


def second_team(team: Team, w: World) -> tuple[str, str]:
    """第二巡察组 with its own target (县交通运输局) and its own leaders, none of them the store's
    组长: returns (team id, target id)."""
    with team().session() as s:
        target = Target(
            round_id=w.round_id,
            name="县交通运输局党组",
            kind="party_gov",
            attention=AttentionLevel.KEY,
        )
        s.add(target)
        s.flush()
        row = TeamRow(round_id=w.round_id, number=2, name="第二巡察组", target_ids=[target.id])
        s.add(row)
        s.flush()
        return row.id, target.id


def reviewed(team: Team, w: World, **changes: Any) -> str:
    fid = make(team, w, "member", **changes)
    step(team, "member", submit_finding, fid)
    step(team, "deputy", review_finding, fid)
    return fid


def declare(team: Team, user: str, *, targets: tuple[str, ...] = (), persons: tuple[str, ...] = ()):
    """The user's member rows in 第一巡察组 declare 回避 for ``targets`` / ``persons``."""
    with team().session() as s:
        uid = s.scalar(select(User.id).where(User.name == user))
        for member in s.scalars(select(Member).where(Member.user_id == uid)):
            member.recusal_target_ids = list(targets)
            member.recusal_person_ids = list(persons)


def unlink(team: Team, user: str) -> None:
    with team().session() as s:
        uid = s.scalar(select(User.id).where(User.name == user))
        for member in s.scalars(select(Member).where(Member.user_id == uid)):
            member.user_id = None


# -- team ---------------------------------------------------------------------------------------


def test_a_leader_of_another_team_may_not_sign(team: Team, world: World) -> None:
    other_team, other_target = second_team(team, world)
    with team().session() as s:  # 第二巡察组's own 副组长 and 组长 are not store users
        for name, role in (("赵副组长", MemberRole.DEPUTY), ("钱组长", MemberRole.LEADER)):
            s.add(
                Member(
                    round_id=world.round_id,
                    team_id=other_team,
                    name=name,
                    role=role,
                    force_type=ForceType.FULL_TIME,
                )
            )
    fid = make(team, world, "member", target_id=other_target, team_id=other_team)
    step(team, "member", submit_finding, fid)
    with pytest.raises(PermissionDenied) as err:
        step(team, "deputy", review_finding, fid)
    assert "您不是该组（第二巡察组）的副组长" in err.value.message
    assert err.value.details["reason"] == "team"
    with team("deputy").read() as s:
        refusal = can_sign(s, fid, "review")
    assert refusal is not None and refusal.kind == "team" and "第二巡察组" in refusal.message
    with team().read() as s:
        assert can_sign(s, fid, "approve") is not None  # not reviewed yet: a state refusal
    with team().session() as s:  # as if 第二组's deputy had reviewed it on their laptop
        s.get_one(workbench.models.Finding, fid).status = FindingStatus.REVIEWED
    with pytest.raises(PermissionDenied) as err:  # 王建国 approving a 第二组 底稿
        step(team, LEADER, approve_finding, fid)
    assert "您不是该组（第二巡察组）的组长" in err.value.message
    with pytest.raises(PermissionDenied, match="第二巡察组"):
        step(team, LEADER, return_finding, fid, "退回")
    with pytest.raises(PermissionDenied, match="第二巡察组"):
        step(team, LEADER, set_finding_in_report, fid, False)
    with team().read() as s:
        row = s.get_one(workbench.models.Finding, fid)
        assert row.status == FindingStatus.REVIEWED and row.include_in_report


def test_the_team_is_taken_from_the_target_when_the_finding_names_none(
    team: Team, world: World
) -> None:
    fid = reviewed(team, world)  # no team_id: 第一巡察组 inspects world.target
    assert step(team, LEADER, approve_finding, fid).status == FindingStatus.APPROVED
    _team2, lone = second_team(team, world)
    with team().session() as s:  # a target no team inspects, and no team named
        s.get_one(TeamRow, _team2).target_ids = []
    orphan = make(team, world, "member", title="无组底稿", target_id=lone)
    step(team, "member", submit_finding, orphan)
    with pytest.raises(PermissionDenied, match="未确定所属巡察组"):
        step(team, "deputy", review_finding, orphan)


def test_an_unlinked_leader_may_not_sign(team: Team, world: World) -> None:
    fid = reviewed(team, world)
    unlink(team, LEADER)  # the store's 组长 is no member of any team
    with pytest.raises(PermissionDenied) as err:
        step(team, LEADER, approve_finding, fid)
    assert "您不是该组（第一巡察组）的组长" in err.value.message
    assert "关联" in err.value.message  # says how to fix it


@pytest.mark.parametrize(
    ("user", "action", "allowed"),
    [
        ("deputy", "review", True),
        ("deputy2", "review", True),
        ("member", "review", False),
        (LEADER, "review", False),
        ("office", "review", False),  # DOMAIN.md gives 巡察办 no step in the 三审
        ("office", "return", False),
        ("secadmin", "review", False),
    ],
)
def test_can_sign_answers_by_role(
    team: Team, world: World, user: str, action: str, allowed: bool
) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    with team(user).read() as s:
        refusal = can_sign(s, fid, action)
    assert (refusal is None) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied):
            step(
                team,
                user,
                review_finding if action == "review" else return_finding,
                fid,
                *(() if action == "review" else ("理由",)),
            )


# -- 回避 ---------------------------------------------------------------------------------------


def test_recused_deputy_may_not_review_the_unit(team: Team, world: World) -> None:
    fid = make(team, world, "member")
    step(team, "member", submit_finding, fid)
    declare(team, "deputy", targets=(world.target_id,))
    with pytest.raises(PermissionDenied) as err:
        step(team, "deputy", review_finding, fid)
    assert err.value.message == "您已申报回避“某某镇党委”，不能复核该单位的底稿"
    assert err.value.code == "WB-PERMISSION" and err.value.exit_code == 6
    with team("deputy").read() as s:
        refusal = can_sign(s, fid, "review")
    assert refusal is not None and refusal.kind == "recusal" and refusal.recused == "某某镇党委"
    # a deputy only the 组长 could let through: the override is refused to the deputy
    with pytest.raises(PermissionDenied, match="组长决定"):
        step(team, "deputy", review_finding, fid, override_reason="无其他副组长")
    assert step(team, "deputy2", review_finding, fid).status == FindingStatus.REVIEWED


def test_recusal_of_a_person_the_finding_names(team: Team, world: World) -> None:
    named = ResponsibleParty("直接责任", person_id=world.township_id)
    fid = make(team, world, "member", responsible=(named,))
    step(team, "member", submit_finding, fid)
    declare(team, "deputy", persons=(world.township_id,))
    with pytest.raises(PermissionDenied, match="您已申报回避“李乡管”，不能复核涉及该人员的底稿"):
        step(team, "deputy", review_finding, fid)
    other = make(team, world, "member", title="不涉及李乡管的问题")
    step(team, "member", submit_finding, other)
    assert step(team, "deputy", review_finding, other).status == FindingStatus.REVIEWED


def test_the_leader_overrides_own_recusal_with_a_reason_audited(team: Team, world: World) -> None:
    fid = reviewed(team, world)
    declare(team, LEADER, targets=(world.target_id,))
    with pytest.raises(PermissionDenied, match="不能审签该单位的底稿"):
        step(team, LEADER, approve_finding, fid)
    view = step(
        team, LEADER, approve_finding, fid, comment="同意", override_reason="经领导小组同意"
    )
    assert view.status == FindingStatus.APPROVED
    assert view.signoffs[-1].comment == "同意（回避例外：经领导小组同意）"
    with team().read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "recusal.override")).one()
    assert entry.object_id == fid
    detail = json.loads(entry.detail)
    assert detail["reason"] == "经领导小组同意" and detail["recusal"] == "某某镇党委"


def test_an_override_without_a_reason_is_refused_and_offers_say_who_may(
    team: Team, world: World
) -> None:
    fid = reviewed(team, world)
    declare(team, LEADER, targets=(world.target_id,))
    with pytest.raises(ValidationError, match="回避例外理由不能为空") as err:
        step(team, LEADER, approve_finding, fid, override_reason="  ")
    assert err.value.details["field"] == "override_reason" and err.value.exit_code == 8
    with team().read() as s:
        offers = override_offers(s, fid)
        assert (
            s.scalars(select(AuditEntry).where(AuditEntry.action == "recusal.override")).all() == []
        )
    assert [(o.step, o.recused, o.blocked) for o in offers] == [
        ("approve", "某某镇党委", ""),
        ("return", "某某镇党委", ""),
    ]
    assert "组长" in offers[0].member

    other = make(team, world, "member", title="待复核的问题")
    step(team, "member", submit_finding, other)
    declare(team, "deputy", targets=(world.target_id,))
    with team("deputy").read() as s:
        offers = override_offers(s, other)
        assert override_offers(s, fid) == []  # the 审签 step is not the deputy's anyway
    assert [o.step for o in offers] == ["review", "return"]
    assert all("回避例外须由该组组长决定" in o.blocked for o in offers)


def test_recusal_keeps_members_off_interviews_letters_and_clues(team: Team, world: World) -> None:
    declare(team, "member", targets=(world.target_id,), persons=(world.county_id,))
    talk = InterviewDraft(
        "必谈",
        datetime.now() - timedelta(days=1),
        ("甲", "乙"),
        "乙",
        "王某",
        target_id=world.target_id,
    )
    with (
        team("member").session() as s,
        pytest.raises(PermissionDenied, match="不能记录该单位的谈话"),
    ):
        create_interview(s, world.round_id, talk)
    elsewhere = InterviewDraft(
        "必谈", datetime.now() - timedelta(days=1), ("甲", "乙"), "乙", "张县管"
    )
    with team("member").session() as s, pytest.raises(PermissionDenied, match="张县管"):
        create_interview(s, world.round_id, elsewhere)  # the person, by name
    with team("recorder").session() as s:
        create_interview(s, world.round_id, talk)  # no 回避: allowed
    letter = LetterDraft(
        world.round_id,
        "来信",
        datetime.now() - timedelta(days=1),
        summary="反映张县管违规收受礼品",
        reported_persons=(ReportedPerson("张县管"),),
    )
    with (
        team("member").session() as s,
        pytest.raises(PermissionDenied, match="不能办理涉及该人员的信访件"),
    ):
        register_letter(s, letter)
    clue = ClueDraft(
        world.round_id, "孙某", "乡管", "问题", "纪委监委", "单移交", target_id=world.target_id
    )
    with (
        team("member").session() as s,
        pytest.raises(PermissionDenied, match="不能办理该单位的问题线索"),
    ):
        register_clue(s, clue)
    with team("recorder").session() as s:
        register_letter(s, letter)
        register_clue(s, clue)


# -- documents ----------------------------------------------------------------------------------


def _doc(team: Team, request: DocRequest) -> Any:
    buf = io.BytesIO()
    with team().read() as s:
        write_document(s, request, buf, "docx", use_template=False)
    return Document(io.BytesIO(buf.getvalue()))


def _body(doc: Any) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_only_signed_findings_reach_the_report_and_the_feedback(team: Team, world: World) -> None:
    signed = reviewed(team, world, title="已审签的问题")
    step(team, LEADER, approve_finding, signed)
    waiting = reviewed(team, world, title="待审签的问题")
    drafted = make(team, world, "member", title="编制中的问题")
    for code, scope in (
        ("inspection-report", {"round_id": world.round_id}),
        ("feedback", {"target_id": world.target_id}),
    ):
        body = _body(_doc(team, DocRequest(code, **scope)))
        assert "已审签的问题" in body
        assert "待审签的问题" not in body and "编制中的问题" not in body
        assert DRAFT_MARK not in body
    with team().read() as s:
        left = left_out_findings(s, DocRequest("inspection-report", round_id=world.round_id))
    assert {(x.id, x.reason) for x in left} == {
        (waiting, "状态：待审签，未经组长审签"),
        (drafted, "状态：编制中，未经组长审签"),
    }


def _header_texts(doc: Any) -> list[str]:
    out = []
    for section in doc.sections:
        for header in (section.header, section.even_page_header, section.first_page_header):
            out.append("".join(p.text for p in header.paragraphs))
    return out


def test_a_draft_for_comments_takes_every_finding_and_is_marked_on_every_page(
    team: Team, world: World
) -> None:
    make(team, world, "member", title="编制中的问题")
    doc = _doc(team, DocRequest("inspection-report", round_id=world.round_id, draft=True))
    assert "编制中的问题" in _body(doc)
    headers = _header_texts(doc)
    assert headers and all(DRAFT_MARK in h for h in headers)  # odd, even and first pages
    assert doc.settings.odd_and_even_pages_header_footer
    signed = _doc(team, DocRequest("inspection-report", round_id=world.round_id))
    assert not any(DRAFT_MARK in h for h in _header_texts(signed))
    with pytest.raises(Exception, match="没有征求意见稿"):
        _doc(team, DocRequest("interview", record_id=world.interview_id, draft=True))


# -- command line -------------------------------------------------------------------------------


def _cli(team: Team, monkeypatch: pytest.MonkeyPatch, user: str, *argv: str) -> int:
    monkeypatch.setenv("WORKBENCH_STORE", str(team.directory))
    monkeypatch.setenv("WORKBENCH_USER", user)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASSPHRASE)
    return main(list(argv))


def test_cli_signoff_exit_codes(
    team: Team, world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fid = make(team, world, "member")
    with team().read() as s:
        number = s.get_one(workbench.models.Finding, fid).number
    assert _cli(team, monkeypatch, "member", "findings", "submit", number) == 0
    assert _cli(team, monkeypatch, LEADER, "findings", "review", fid) == 6  # not 副组长
    assert _cli(team, monkeypatch, "deputy", "findings", "return", fid) == 8  # no --reason
    declare(team, "deputy", targets=(world.target_id,))
    capsys.readouterr()
    assert _cli(team, monkeypatch, "deputy", "findings", "review", fid) == 6
    assert "您已申报回避“某某镇党委”" in capsys.readouterr().err
    assert _cli(team, monkeypatch, "deputy2", "findings", "review", fid, "--comment", "同意") == 0
    assert "待审签" in capsys.readouterr().out
    assert _cli(team, monkeypatch, LEADER, "findings", "approve", fid) == 0


def test_cli_report_names_the_findings_left_out(
    team: Team,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    make(team, world, "member", title="编制中的问题")
    out = tmp_path / "报告.docx"
    argv = ("report", "inspection-report", "--round", world.round_id, "--out", str(out))
    assert _cli(team, monkeypatch, LEADER, *argv) == 0
    err = capsys.readouterr().err
    assert "未审签、未纳入本文书的底稿 1 份" in err and "状态：编制中" in err
    assert _cli(team, monkeypatch, LEADER, *argv, "--draft", "--force") == 0
    assert "未审签" not in capsys.readouterr().err
    assert all(DRAFT_MARK in h for h in _header_texts(Document(str(out))))


def test_the_draft_mark_is_added_over_an_office_template(
    team: Team, world: World, tmp_path: Path
) -> None:
    starter = tmp_path / "模板.docx"
    starter_template("inspection-report", starter)
    install_template(starter, "inspection-report")
    buf = io.BytesIO()
    with team().read() as s:
        written = write_document(
            s, DocRequest("inspection-report", round_id=world.round_id, draft=True), buf
        )
    assert written.template is not None  # the office's layout was used
    doc = Document(io.BytesIO(buf.getvalue()))
    assert all(DRAFT_MARK in h for h in _header_texts(doc))
