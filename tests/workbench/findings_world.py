"""The round, target, people and policy basis that the finding tests work in."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.conftest import LEADER
from tests.workbench.team import Team
from workbench.models import Interview, ListEntry, Member, Person, Target, User
from workbench.models import Team as TeamRow
from workbench.services.findings import (
    FindingDraft,
    ResponsibleParty,
    create_finding,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.services.workflow import SourceRef
from workbench.vocab.enums import (
    AttentionLevel,
    CadreLevel,
    ForceType,
    InterviewType,
    ListKind,
    MemberRole,
    ResponsibilityType,
)

TAXON = "SGJJ-2020.1.1"
KEY = AttentionLevel.KEY
SHA = "ab" * 32


@dataclass(frozen=True)
class World:
    round_id: str
    other_round_id: str
    target_id: str
    target2_id: str
    other_target_id: str
    county_id: str  # 县管 person
    township_id: str  # 乡管 person
    policy_id: str
    function_id: str
    interview_id: str
    team_id: str  # 第一巡察组: inspects target and target2; the store's users are its members


# Which store user works as which member of 第一巡察组 ("both" holds both leader offices).
CREW: tuple[tuple[str, MemberRole], ...] = (
    (LEADER, MemberRole.LEADER),
    ("deputy", MemberRole.DEPUTY),
    ("deputy2", MemberRole.DEPUTY),
    ("member", MemberRole.MEMBER),
    ("recorder", MemberRole.RECORDER),
    ("both", MemberRole.LEADER),
    ("both", MemberRole.DEPUTY),
)


def link_crew(s: Session, round_id: str, team_id: str) -> None:
    """Make the fixture's users members of ``team_id`` (Member.user_id → the store user)."""
    ids = {u.name: u.id for u in s.scalars(select(User))}
    for name, role in CREW:
        s.add(
            Member(
                round_id=round_id,
                team_id=team_id,
                name=name,
                role=role,
                force_type=ForceType.FULL_TIME,
                user_id=ids[name],
            )
        )
    s.flush()


@pytest.fixture(name="world")
def world_fixture(team: Team) -> World:
    """Imported by the finding test modules (pytest finds it by its name, ``world``)."""
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        other = create_round(s, RoundDraft("2026年第二轮巡察", 2026, 2, "常规", "sgjj", 2020))
        rows: dict[str, Any] = {
            "target": Target(round_id=rnd.id, name="某某镇党委", kind="township", attention=KEY),
            "target2": Target(round_id=rnd.id, name="某某村党支部", kind="village", attention=KEY),
            "other_target": Target(
                round_id=other.id, name="某某局党组", kind="party_gov", attention=KEY
            ),
            "county": Person(
                round_id=rnd.id, name="张县管", position="镇党委书记", level=CadreLevel.COUNTY
            ),
            "township": Person(
                round_id=rnd.id, name="李乡管", position="村书记", level=CadreLevel.TOWNSHIP
            ),
            "policy": ListEntry(round_id=rnd.id, kind=ListKind.POLICY, title="惠农补贴管理办法"),
            "function": ListEntry(round_id=rnd.id, kind=ListKind.FUNCTION, title="三定方案"),
            "interview": Interview(
                round_id=rnd.id,
                number="TH-1",
                interview_type=InterviewType.REQUIRED,
                held_at=datetime.now() - timedelta(days=3),
                interviewers=["甲", "乙"],
                recorder="乙",
                subject_name="王某",
            ),
        }
        s.add_all(rows.values())
        s.flush()
        team_row = TeamRow(
            round_id=rnd.id,
            number=1,
            name="第一巡察组",
            target_ids=[rows["target"].id, rows["target2"].id],
        )
        s.add(team_row)
        s.flush()
        link_crew(s, rnd.id, team_row.id)
        return World(
            rnd.id,
            other.id,
            rows["target"].id,
            rows["target2"].id,
            rows["other_target"].id,
            rows["county"].id,
            rows["township"].id,
            rows["policy"].id,
            rows["function"].id,
            rows["interview"].id,
            team_row.id,
        )


def draft(w: World, **changes: Any) -> FindingDraft:
    base = FindingDraft(
        round_id=w.round_id,
        title="惠农补贴发放审核把关不严",
        target_id=w.target_id,
        method_code="FS-02",
        summary="2025年度惠农补贴存在虚报冒领情况",
        discovery="个别谈话中反映，经调阅台账核实",
        source_refs=(SourceRef("interview", w.interview_id),),
        basis_ids=(w.policy_id,),
        responsible=(ResponsibleParty(ResponsibilityType.MAIN, unit="某某镇党委"),),
        amount=Decimal("12345.67"),
        taxonomy_code=TAXON,
        disciplines=("廉洁纪律", "JL-5"),
    )
    return replace(base, **changes)


def make(team: Team, w: World, user: str = LEADER, **changes: Any) -> str:
    with team(user).session() as s:
        return create_finding(s, draft(w, **changes)).id


def step(team: Team, user: str, fn: Any, finding_id: str, *args: Any, **kw: Any) -> Any:
    with team(user).session() as s:
        return fn(s, finding_id, *args, **kw)
