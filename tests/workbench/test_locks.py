"""Locked records: a 问题线索 after 移交 and 办结, a 信访件 after the 组务会 and 处置, a 整改事项
after 销号 refuse an update with the reason the editors show (``lock_reason``); the steps the
workflow still allows go on, and the states before the lock still save."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import pytest

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.workbench.team import Team
from tests.workbench.test_clues import STEPS, clue
from tests.workbench.test_letters import dispose, letter, to_meeting
from tests.workbench.test_rectification import DRAFT, _sha
from tests.workbench.test_rectification import _item as rectification_item
from workbench.errors import NotFound, WorkflowError
from workbench.models import Interview, Target
from workbench.services.clues import get_clue, record_outcome, register_clue, update_clue
from workbench.services.letters import get_letter, register_letter, update_letter
from workbench.services.locks import lock_reason
from workbench.services.rectification import (
    RectificationStateError,
    add_rectification_evidence,
    get_rectification,
    grade_rectification,
    remove_rectification_evidence,
    update_rectification,
)
from workbench.services.rounds import RoundDraft, create_round
from workbench.vocab.enums import (
    AttentionLevel,
    ClueOutcomeKind,
    ClueStatus,
    Grade,
    InterviewType,
    LetterCategory,
    LetterDisposition,
    RectificationStatus,
)

NOW = datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class World:
    round_id: str
    target_id: str
    interview_id: str


@pytest.fixture
def world(team: Team) -> World:
    with team().session() as s:
        rnd = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020))
        target = Target(
            round_id=rnd.id, name="某某镇党委", kind="township", attention=AttentionLevel.KEY
        )
        interview = Interview(
            round_id=rnd.id,
            number="TH-1",
            interview_type=InterviewType.REQUIRED,
            held_at=NOW - timedelta(days=30),
            interviewers=["甲", "乙"],
            recorder="乙",
            subject_name="王某",
        )
        s.add_all([target, interview])
        s.flush()
        return World(rnd.id, target.id, interview.id)


def _walk_clue(team: Team, clue_id: str, to: ClueStatus, after: ClueStatus | None = None) -> None:
    """Take the workflow steps after ``after`` (from 登记 when ``None``) up to ``to``."""
    statuses = [status for status, _ in STEPS]
    first = 0 if after is None else statuses.index(after) + 1
    with team("office").session() as s:
        for status, step in STEPS[first:]:
            step(s, clue_id)
            if status is to:
                return


def test_a_clue_is_fixed_at_transfer_and_locked_at_closing(team: Team, world: World) -> None:
    with team("member").session() as s:
        cid = register_clue(s, clue(world)).id  # type: ignore[arg-type]
        assert lock_reason(s, "clue", cid) is None
        update_clue(s, cid, clue(world, problem="更正后的问题"))  # type: ignore[arg-type]

    _walk_clue(team, cid, ClueStatus.RECEIVED)
    with team("member").session() as s, pytest.raises(WorkflowError) as err:
        update_clue(s, cid, clue(world, problem="移交后改写"))  # type: ignore[arg-type]
    assert err.value.exit_code == 8 and err.value.details["locked"] is True
    assert "已移交" in err.value.message and "移交的内容不能再修改" in err.value.message
    with team("office").session() as s:
        assert lock_reason(s, "clue", cid) == err.value.message
        # what the workflow still allows: the outcomes the receiving unit reports
        record_outcome(s, cid, ClueOutcomeKind.PRELIMINARY, date.today())

    _walk_clue(team, cid, ClueStatus.CLOSED, after=ClueStatus.RECEIVED)
    with team("member").session() as s, pytest.raises(WorkflowError) as err:
        update_clue(s, cid, clue(world, problem="办结后改写"))  # type: ignore[arg-type]
    assert "已办结" in err.value.message and "如需更正" in err.value.message
    with team("office").session() as s:
        assert lock_reason(s, "clue", cid) == err.value.message
        assert get_clue(s, cid).problem == "更正后的问题"  # the store kept what it had


def test_a_letter_is_fixed_at_the_meeting_and_locked_when_disposed(
    team: Team, world: World
) -> None:
    with team("recorder").session() as s:
        lid = register_letter(s, letter(world)).id  # type: ignore[arg-type]
        assert lock_reason(s, "letter", lid) is None
        update_letter(s, lid, letter(world, summary="更正后的摘要"))  # type: ignore[arg-type]

    to_meeting(team, lid, LetterCategory.GENERAL)
    with team("member").session() as s, pytest.raises(WorkflowError) as err:
        update_letter(s, lid, letter(world))  # type: ignore[arg-type]
    assert "组务会" in err.value.message
    assert err.value.details["locked"] is True

    dispose(team, lid, LetterDisposition.KEEP)
    with team("member").session() as s, pytest.raises(WorkflowError) as err:
        update_letter(s, lid, letter(world, summary="处置后改写"))  # type: ignore[arg-type]
    assert "已处置" in err.value.message and "如需更正" in err.value.message
    with team("member").session() as s:
        assert lock_reason(s, "letter", lid) == err.value.message
        assert get_letter(s, lid).summary == "反映张三优亲厚友"  # as summarized before


def test_a_rectification_is_locked_by_closing_but_can_still_be_graded(team: Team) -> None:
    vault = team()
    with vault.session() as s:
        rid = create_round(s, RoundDraft("2026年第一轮巡察", 2026, 1, "常规", "sgjj", 2020)).id
    open_item = rectification_item(vault, rid, RectificationStatus.IN_PROGRESS)
    long_term = rectification_item(vault, rid, RectificationStatus.LONG_TERM)
    done = rectification_item(vault, rid, RectificationStatus.DONE)
    changed = replace(DRAFT, measures="改写的整改措施")
    with vault.session() as s:
        for item in (open_item, long_term):  # still open to changes
            assert lock_reason(s, "rectification", item) is None
            assert update_rectification(s, item, changed).measures == "改写的整改措施"
    with vault.session() as s, pytest.raises(RectificationStateError) as err:
        update_rectification(s, done, changed)
    assert err.value.exit_code == 8
    assert "已销号" in err.value.message and "评估等次" in err.value.message
    proof = _sha(vault, b"more proof")
    with vault.session() as s:
        assert lock_reason(s, "rectification", done) == err.value.message
        kept = get_rectification(s, done)
        with pytest.raises(RectificationStateError):
            add_rectification_evidence(s, done, [proof])
        with pytest.raises(RectificationStateError):
            remove_rectification_evidence(s, done, kept.evidence_sha256[0])
        assert grade_rectification(s, done, Grade.GOOD).grade is Grade.GOOD
        after = get_rectification(s, done)
    assert (after.measures, after.evidence_sha256) == (kept.measures, kept.evidence_sha256)


def test_lock_reason_of_other_and_missing_records(team: Team) -> None:
    with team().session() as s:
        assert lock_reason(s, "activity", "whatever") is None  # no lock for this type
        with pytest.raises(NotFound):
            lock_reason(s, "clue", "no-such-clue")
