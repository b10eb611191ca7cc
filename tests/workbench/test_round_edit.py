"""Editing a round (the wizard's 编辑本轮, ``rounds edit``) changes what is given and keeps the rest
of its set-up: topic, dispatch level, the round looked back on, the phase dates."""

from __future__ import annotations

from datetime import date

from tests.workbench.team import Team
from workbench.services.office_setup import DEFAULT_FRAMEWORK, RoundChanges, add_round, edit_round
from workbench.services.round_names import chinese_number, suggested_round_name
from workbench.services.rounds import RoundDraft
from workbench.vocab.enums import OrgLevel, RoundPhase, RoundType

MARCH = (date(2026, 3, 1), date(2026, 3, 10))


def test_an_edit_keeps_what_it_does_not_name(team: Team) -> None:
    with team("office").session() as s:
        first = add_round(s, RoundDraft("第一轮", 2026, 1, RoundType.REGULAR, *DEFAULT_FRAMEWORK))
        draft = RoundDraft(
            "回头看",
            2026,
            2,
            RoundType.REVISIT,
            *DEFAULT_FRAMEWORK,
            dispatch_level=OrgLevel.COUNTY,
            topic="整改落实",
            revisit_of=first.id,
            phase_dates={RoundPhase.PREPARATION: MARCH},
        )
        rid = add_round(s, draft).id
    with team("office").session() as s:
        view = edit_round(s, rid, RoundChanges(authorization_no="市巡办〔2026〕3号"))
    assert (view.topic, view.dispatch_level, view.revisit_of) == (
        "整改落实",
        OrgLevel.COUNTY,
        first.id,
    )
    assert view.phase_dates == {RoundPhase.PREPARATION: MARCH}
    stationing = (date(2026, 3, 11), None)
    with team("office").session() as s:
        view = edit_round(
            s, rid, RoundChanges(phase_dates={RoundPhase.STATIONING: stationing}, topic="")
        )
    assert view.phase_dates == {RoundPhase.STATIONING: stationing}
    assert (view.topic, view.authorization_no) == ("", "市巡办〔2026〕3号")


def test_names_are_suggested_with_chinese_numbers() -> None:
    numbers = [chinese_number(n) for n in (1, 10, 12, 20, 35, 100)]
    assert numbers == ["一", "十", "十二", "二十", "三十五", "100"]
    assert suggested_round_name(2026, 2, RoundType.REVISIT) == "2026年第二轮巡察“回头看”"
    assert suggested_round_name(2026, 3, RoundType.CROSS) == "2026年第三轮交叉巡察"
    assert suggested_round_name(2026, 3, None) == "2026年第三轮巡察"
