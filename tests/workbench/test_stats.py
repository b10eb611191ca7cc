"""Round statistics against records whose counts are known."""

from __future__ import annotations

from datetime import date, datetime

from workbench.models import Clue, Finding, Interview, Letter, Rectification
from workbench.services import rounds
from workbench.services.stats import round_stats
from workbench.store.vault import Vault
from workbench.vocab.enums import (
    CadreLevel,
    ClueStatus,
    ClueTransferUnit,
    FindingStatus,
    InterviewType,
    LetterCategory,
    LetterChannel,
    LetterStatus,
    RectificationStatus,
    TransferMode,
)


def _seed(vault: Vault) -> tuple[str, str]:
    with vault.session() as s:
        r1 = rounds.create_round(s, rounds.RoundDraft("第六轮", 2026, 6, "常规", "sgjj", 2020)).id
        r2 = rounds.create_round(s, rounds.RoundDraft("第七轮", 2026, 7, "对村", "sgjj", 2020)).id
        at = datetime(2026, 10, 1, 9)
        for name in ("李明", "李明", "赵强"):  # two talks with 李明: one interviewee
            s.add(
                Interview(
                    round_id=r1,
                    number="T",
                    interview_type=InterviewType.REQUIRED,
                    held_at=at,
                    interviewers=["甲", "乙"],
                    recorder="乙",
                    subject_name=name,
                )
            )
        for channel, category in [
            (LetterChannel.SMALL_ENVELOPE, LetterCategory.CLUE),
            (LetterChannel.QR_CODE, LetterCategory.CLUE),
            (LetterChannel.PHONE, LetterCategory.SUGGESTION),
            (LetterChannel.LETTER, None),
        ]:
            s.add(
                Letter(
                    round_id=r1,
                    number="X",
                    channel=channel,
                    received_at=at,
                    category=category,
                    status=LetterStatus.REGISTERED,
                )
            )
        s.add(
            Letter(
                round_id=r2,
                number="Y",
                channel=LetterChannel.VISIT,
                received_at=at,
                status=LetterStatus.REGISTERED,
            )
        )
        deleted = Letter(
            round_id=r1,
            number="Z",
            channel=LetterChannel.EMAIL,
            received_at=at,
            status=LetterStatus.REGISTERED,
            deleted_at=at,
        )
        s.add(deleted)
        approved = FindingStatus.APPROVED
        for code, fix, fen, status in [
            ("SGJJ-2020.2.1.1", True, 120_000, approved),
            ("SGJJ-2020.2.1.3", False, 0, approved),
            ("SGJJ-2020.2.3.1", False, 5_000_00, approved),
            ("SGJJ-2020.3.1.1", True, None, approved),
            ("", False, None, approved),
            # not yet signed: counted apart, in none of the figures of problems
            ("SGJJ-2020.2.1.1", True, 90_000, FindingStatus.REVIEWED),
        ]:
            s.add(
                Finding(
                    round_id=r1,
                    number="D",
                    title="底稿",
                    compiled_on=date(2026, 10, 2),
                    method_code="FS-02",
                    taxonomy_code=code,
                    immediate_fix=fix,
                    amount_fen=fen,
                    status=status,
                )
            )
        for status, due in [
            (ClueStatus.REGISTERED, date(2026, 12, 1)),
            (ClueStatus.TRANSFERRED, date(2026, 11, 1)),  # overdue on 2026-11-20
            (ClueStatus.CLOSED, date(2026, 11, 1)),
        ]:
            s.add(
                Clue(
                    round_id=r1,
                    number="C",
                    subject_name="某",
                    subject_level=CadreLevel.COUNTY,
                    problem="问题",
                    transfer_unit=ClueTransferUnit.DISCIPLINE_COMMISSION,
                    transfer_mode=TransferMode.SINGLE,
                    status=status,
                    feedback_due=due,
                )
            )
        for status, due in (
            (RectificationStatus.DONE, date(2026, 1, 1)),  # 销号: never overdue
            (RectificationStatus.LONG_TERM, date(2026, 1, 1)),
            (RectificationStatus.IN_PROGRESS, date(2026, 11, 19)),  # overdue on 2026-11-20
            (RectificationStatus.NOT_STARTED, date(2026, 11, 20)),  # due that very day
        ):
            s.add(
                Rectification(round_id=r1, number="Z", problem="问题", status=status, due_date=due)
            )
    return r1, r2


def test_round_statistics(vault: Vault) -> None:
    r1, _r2 = _seed(vault)
    with vault.read() as s:
        stats = round_stats(s, r1, today=date(2026, 11, 20))
        whole = round_stats(s, None, today=date(2026, 11, 20))
    assert (stats.interviews, stats.interviewees) == (3, 2)
    assert stats.letters == 4 and whole.letters == 5  # the tombstoned letter is not counted
    assert stats.letters_by_category == {"clue": 2, "suggestion": 1, "": 1}
    assert stats.letters_by_channel["small_envelope"] == 1
    assert stats.findings == 5 and stats.immediate_fixes == 2  # 已审签 only
    assert stats.findings_unsigned == 1
    aspects = {c.title: c.count for c in stats.findings_by_aspect}
    assert aspects["聚焦群众身边腐败问题和不正之风"] == 3
    assert aspects["未分类"] == 1
    categories = {c.title: c.count for c in stats.findings_by_category}
    assert categories["惠民惠农资金管理使用"] == 2 and categories["工程项目"] == 1
    assert (stats.clues, stats.clues_transferred, stats.clues_overdue) == (3, 2, 1)
    assert (stats.rectifications, stats.rectifications_done) == (4, 2)
    assert stats.rectifications_overdue == 1  # the 督办 figure of the dashboard
    assert stats.rectification_rate == 0.5
    assert stats.amount_fen == 620_000
