"""What a round is set up with, stored and read back: phase dates, levels and counties, 回避 as
links to records of the member's own round, a person's unit and checked 身份证号."""

from __future__ import annotations

from datetime import date

import pytest

from tests.workbench.team import Team
from workbench.errors import ValidationError
from workbench.services.id_numbers import check_character, id_number_problem
from workbench.services.rounds import (
    MemberDraft,
    RoundDraft,
    add_member,
    create_round,
    create_team,
    get_round,
)
from workbench.services.targets import PersonDraft, TargetDraft, create_person, create_target
from workbench.store.vault import Vault
from workbench.vocab.enums import OrgLevel, RoundPhase


def _round(vault: Vault, number: int, **extra: object) -> str:
    draft = RoundDraft(f"2026年第{number}轮巡察", 2026, number, "交叉", "sgjj", 2020, **extra)  # type: ignore[arg-type]
    with vault.session() as s:
        return create_round(s, draft).id


def test_phase_dates_level_and_topic_are_stored(vault: Vault) -> None:
    dates = {"准备": (date(2026, 3, 1), date(2026, 3, 10)), RoundPhase.STATIONING: (None, None)}
    rid = _round(vault, 1, phase_dates=dates, dispatch_level="county", topic="乡村振兴")
    with vault.read() as s:
        view = get_round(s, rid)
    assert view.phase_dates == {
        RoundPhase.PREPARATION: (date(2026, 3, 1), date(2026, 3, 10)),
        RoundPhase.STATIONING: (None, None),
    }
    assert (view.dispatch_level, view.topic) == (OrgLevel.COUNTY, "乡村振兴")


def test_phase_dates_out_of_order_are_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="进驻"):
        _round(vault, 1, phase_dates={"进驻": (date(2026, 4, 2), date(2026, 4, 1))})


def test_recusal_links_must_name_records_of_the_round(team: Team) -> None:
    vault = team("office")  # members are 巡察办's to set up
    rid, other = _round(vault, 1), _round(vault, 2)
    with vault.session() as s:
        group = create_team(s, rid, 1, "第一组", level="county", county="甲县")
        mine = create_target(
            s, rid, TargetDraft("乙县教育局党组", "party_gov", "一般关注", county="乙县")
        )
        foreign = create_target(s, other, TargetDraft("丙县教育局党组", "party_gov", "一般关注"))
        person = create_person(s, PersonDraft(mine.id, "张三", "县管", unit="乙县教育局"))
        member = add_member(
            s,
            group.id,
            MemberDraft(
                "李四",
                "组员",
                "抽调",
                recusal="曾在该单位任职",
                home_level="county",
                home_county="甲县",
                recusal_target_ids=(mine.id,),
                recusal_person_ids=(person.id,),
            ),
        )
    assert (group.level, group.county, mine.county) == (OrgLevel.COUNTY, "甲县", "乙县")
    assert member.recusal_target_ids == (mine.id,) and member.recusal_person_ids == (person.id,)
    assert member.home_county == "甲县"
    with pytest.raises(ValidationError, match="回避单位不属于本轮巡察"), vault.session() as s:
        add_member(
            s, group.id, MemberDraft("王五", "组员", "抽调", recusal_target_ids=(foreign.id,))
        )


def test_id_number_checksum_per_gb_11643(vault: Vault) -> None:
    assert id_number_problem("11010519491231002X") is None  # the standard's own example
    assert check_character("11010519491231002") == "X"
    assert "校验位" in (id_number_problem("110105194912310021") or "")
    assert "出生日期" in (id_number_problem("11010519491331002X") or "")
    assert "18 位" in (id_number_problem("1101051949123100") or "")
    rid = _round(vault, 1)
    with vault.session() as s:
        target = create_target(s, rid, TargetDraft("县教育局党组", "party_gov", "一般关注"))
        person = create_person(
            s, PersonDraft(target.id, "张三", "县管", id_number="11010519491231002x")
        )
    assert person.id_number == "11010519491231002X"
    with pytest.raises(ValidationError, match="校验位"), vault.session() as s:
        create_person(s, PersonDraft(target.id, "李四", "县管", id_number="110105194912310021"))
