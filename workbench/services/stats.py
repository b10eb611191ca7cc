"""Round statistics: the figures an office reports for a round (谈话人数, 信访件数, 问题数 by
framework class, 线索数, 移交数, 立行立改数, 整改完成率).

The figures of problems (问题数, by class, 立行立改, 涉及金额) count 已审签 底稿 only: a 底稿 still
编制中 or under sign-off is not yet a finding of the team; ``findings_unsigned`` says how many
are on their way.

All counts are SQL aggregates over live records (tombstones excluded), so a 100,000-record store
answers in milliseconds; framework class titles come from the round's pinned framework version.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from workbench.models import Clue, Finding, Interview, Letter, Rectification, Round
from workbench.models.base import RecordMixin
from workbench.services.catalog import catalog
from workbench.services.clue_stats import ClueStats, clue_stats
from workbench.services.common import get_live
from workbench.services.rectification import OPEN
from workbench.taxonomy import Framework, TaxonomyNotFound
from workbench.vocab.enums import ClueStatus, FindingStatus, RectificationStatus

UNCLASSIFIED = "未分类"


@dataclass(frozen=True)
class ClassCount:
    code: str
    title: str
    count: int


@dataclass(frozen=True)
class RoundStats:
    round_id: str | None
    interviews: int
    interviewees: int  # 谈话人数: distinct people talked to
    letters: int
    letters_by_category: dict[str, int]  # category code (or "") → count
    letters_by_channel: dict[str, int]
    findings: int  # 已审签 底稿
    findings_unsigned: int  # 底稿 编制中, 待复核 or 待审签: not counted in the figures
    findings_by_aspect: tuple[ClassCount, ...]  # 方面
    findings_by_category: tuple[ClassCount, ...]  # 类
    immediate_fixes: int  # 立行立改数
    clues: int
    clues_transferred: int  # 移交数
    clues_overdue: int
    rectifications: int
    rectifications_done: int
    rectifications_overdue: int  # past 整改时限 and not 销号 (督办)
    rectification_rate: float  # 整改完成率 0..1 (已完成 + 长期坚持 over all)
    amount_fen: int  # 涉及金额 of findings
    clue_figures: ClueStats  # 立案数… by outcome, unit, team and target


def _live_in_round(model: type[RecordMixin], round_id: str | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [model.deleted_at.is_(None)]
    if round_id is not None:
        conditions.append(model.round_id == round_id)
    return conditions


def _count(session: Session, model: type[RecordMixin], round_id: str | None, *extra: Any) -> int:
    query = select(func.count()).select_from(model).where(*_live_in_round(model, round_id), *extra)
    return int(session.scalar(query) or 0)


def _signed(round_id: str | None) -> list[ColumnElement[bool]]:
    return [*_live_in_round(Finding, round_id), Finding.status == FindingStatus.APPROVED]


def _frameworks(session: Session) -> dict[str | None, Framework]:
    """Each round's pinned framework version (rounds whose version is unknown are left out)."""
    found: dict[str | None, Framework] = {}
    for row in session.scalars(select(Round)):
        try:
            found[row.id] = catalog().framework(row.framework_id, int(row.framework_version))
        except (TaxonomyNotFound, ValueError):
            continue
    return found


def _framework_classes(
    session: Session, round_id: str | None
) -> tuple[tuple[ClassCount, ...], tuple[ClassCount, ...]]:
    """Fold taxonomy codes up to 方面 and 类, with the titles of each finding's own round's
    framework version (so whole-store figures classify every round correctly)."""
    aspects: Counter[tuple[str, str]] = Counter()
    categories: Counter[tuple[str, str]] = Counter()
    frameworks = _frameworks(session)
    query = (
        select(Finding.round_id, Finding.taxonomy_code, func.count())
        .where(*_signed(round_id))
        .group_by(Finding.round_id, Finding.taxonomy_code)
    )
    for owner, code, n in session.execute(query):
        framework = frameworks.get(owner)
        path = framework.lookup(code) if framework and code else None
        if not path:
            aspects[("", UNCLASSIFIED)] += n
            categories[("", UNCLASSIFIED)] += n
            continue
        aspects[(path[0].code, path[0].title)] += n
        node = path[1] if len(path) > 1 else path[0]
        categories[(node.code, node.title)] += n

    def ordered(counter: Counter[tuple[str, str]]) -> tuple[ClassCount, ...]:
        return tuple(ClassCount(code, title, n) for (code, title), n in sorted(counter.items()))

    return ordered(aspects), ordered(categories)


def round_stats(
    session: Session, round_id: str | None = None, *, today: date | None = None
) -> RoundStats:
    """Statistics of one round (``None``: the whole store)."""
    if round_id is not None:
        get_live(session, Round, round_id, "巡察轮次")
    today = today or date.today()
    interviewees = session.scalar(
        select(func.count(func.distinct(Interview.subject_name))).where(
            *_live_in_round(Interview, round_id)
        )
    )
    aspects, categories = _framework_classes(session, round_id)
    amount = session.scalar(
        select(func.coalesce(func.sum(Finding.amount_fen), 0)).where(*_signed(round_id))
    )
    transferred_states = [s for s in ClueStatus if s is not ClueStatus.REGISTERED]
    by_category: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    # one pass over the covering partial index (round_id, category, channel) of live letters
    letter_groups = (
        select(Letter.category, Letter.channel, func.count())
        .where(*_live_in_round(Letter, round_id))
        .group_by(Letter.category, Letter.channel)
    )
    for category, channel, n in session.execute(letter_groups):
        by_category["" if category is None else category.value] += n
        by_channel[channel.value] += n
    rect_total = _count(session, Rectification, round_id)
    rect_done = _count(
        session,
        Rectification,
        round_id,
        Rectification.status.in_([RectificationStatus.DONE, RectificationStatus.LONG_TERM]),
    )
    return RoundStats(
        round_id=round_id,
        interviews=_count(session, Interview, round_id),
        interviewees=int(interviewees or 0),
        letters=sum(by_category.values()),
        letters_by_category=dict(by_category),
        letters_by_channel=dict(by_channel),
        findings=_count(session, Finding, round_id, Finding.status == FindingStatus.APPROVED),
        findings_unsigned=_count(
            session, Finding, round_id, Finding.status != FindingStatus.APPROVED
        ),
        findings_by_aspect=aspects,
        findings_by_category=categories,
        immediate_fixes=_count(
            session,
            Finding,
            round_id,
            Finding.immediate_fix.is_(True),
            Finding.status == FindingStatus.APPROVED,
        ),
        clues=_count(session, Clue, round_id),
        clues_transferred=_count(session, Clue, round_id, Clue.status.in_(transferred_states)),
        clues_overdue=_count(
            session,
            Clue,
            round_id,
            Clue.feedback_due < today,
            Clue.status.in_(
                [
                    ClueStatus.REGISTERED,
                    ClueStatus.TRANSFERRED,
                    ClueStatus.RECEIVED,
                    ClueStatus.HANDLING,
                ]
            ),
        ),
        rectifications=rect_total,
        rectifications_done=rect_done,
        rectifications_overdue=_count(
            session,
            Rectification,
            round_id,
            Rectification.due_date < today,
            Rectification.status.in_(OPEN),
        ),
        rectification_rate=(rect_done / rect_total) if rect_total else 0.0,
        amount_fen=int(amount or 0),
        clue_figures=clue_stats(session, round_id, today),
    )
