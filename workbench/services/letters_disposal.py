"""信访件 at the 组务会 and after: 研究 (category, 拟办意见), 分类处置, and duplicate links.

The 组长 decides at the 组务会, so ``discuss_letter`` and ``dispose_letter`` need 组长. The
meeting can't predate the letter; a later meeting may revise the decision until disposal.

Dispositions and the categories they fit:

- 转为线索 registers the linked ``Clue`` (through the clues service; the letter is its source);
- 纳入了解/底稿 links an existing 底稿 of the round or creates a draft one (the findings rules
  apply, so a leading cadre's own problem is refused there and must become a clue);
- 转交 names the unit it goes to; 留存备查 and 了结 close the letter.
- A 问题线索类 letter may not be kept or closed by the team: it becomes a clue, feeds a 底稿 or is
  transferred, so no clue is sat on. A 不属受理范围 letter can't feed a clue or a 底稿: it is
  transferred, kept or closed (re-categorise it at a meeting if it is in scope after all).
- 重复件 are filed by ``mark_duplicate`` before the meeting, never disposed on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import Finding, Letter
from workbench.roles import Role
from workbench.services.clues import ClueDraft, ClueView, register_clue
from workbench.services.common import (
    Changes,
    check_order,
    get_live,
    not_in_future,
    optional_text,
    parse_enum,
    require_role,
    required_text,
)
from workbench.services.findings import FindingDraft, FindingView, create_finding, finding_view
from workbench.services.letters import (
    BEFORE_MEETING,
    LetterView,
    check_letter_recusal,
    letter_view,
    original_of,
)
from workbench.services.rounds import check_version
from workbench.services.workflow import TEAM_ROLES, SourceRef, require_status
from workbench.vocab.enums import (
    CadreLevel,
    ClueTransferUnit,
    LetterCategory,
    LetterDisposition,
    LetterStatus,
    TransferMode,
)

LETTER_METHOD = "FS-03"  # 受理来信来电来访
_ALL = frozenset(LetterDisposition)
ALLOWED: dict[LetterCategory, frozenset[LetterDisposition]] = {
    LetterCategory.CLUE: frozenset(
        {LetterDisposition.TO_CLUE, LetterDisposition.TO_FINDING, LetterDisposition.TRANSFER}
    ),
    LetterCategory.GENERAL: _ALL,
    LetterCategory.SUGGESTION: _ALL,
    LetterCategory.OUT_OF_SCOPE: frozenset(
        {LetterDisposition.TRANSFER, LetterDisposition.KEEP, LetterDisposition.CLOSE}
    ),
    LetterCategory.DUPLICATE: frozenset(),
}


@dataclass(frozen=True)
class LetterDisposal:
    """The disposed letter and the clue or 底稿 it went into, if any."""

    letter: LetterView
    clue: ClueView | None
    finding: FindingView | None
    changes: Changes


def _load(session: Session, letter_id: str, expected_version: int | None) -> Letter:
    row = get_live(session, Letter, letter_id, "信访件")
    check_version(row.version, expected_version)
    check_letter_recusal(
        session,
        row.round_id,
        row.target_id,
        row.reported_persons,
        team_id=row.team_id,
        letter_id=row.id,
    )
    return row


def discuss_letter(
    session: Session,
    letter_id: str,
    *,
    meeting_date: date | None,
    category: LetterCategory | str,
    proposal: str = "",
    expected_version: int | None = None,
) -> LetterView:
    """组务会研究: the meeting date, the category and the 拟办意见."""
    require_role(session, (Role.TEAM_LEADER,), "组务会研究信访件")
    row = _load(session, letter_id, expected_version)
    require_status(row.status, (LetterStatus.SUMMARIZED, LetterStatus.DISCUSSED), "提交组务会研究")
    if meeting_date is None:
        raise ValidationError("请填写组务会日期", field="meeting_date")
    if isinstance(meeting_date, datetime):
        meeting_date = meeting_date.date()
    not_in_future(meeting_date, "meeting_date", "组务会日期")
    check_order(row.received_at.date(), meeting_date, "meeting_date", "组务会日期不能早于收到日期")
    chosen = parse_enum(LetterCategory, category, "category", "分类")
    if chosen == LetterCategory.DUPLICATE:
        raise ValidationError("重复件请用“标记重复”关联原件", field="category")
    row.proposal = optional_text(proposal, "proposal", "拟办意见", 2000)
    row.meeting_date = meeting_date
    row.category = chosen
    row.status = LetterStatus.DISCUSSED
    session.flush()
    return letter_view(row)


def clue_draft_from_letter(
    letter: LetterView,
    *,
    subject_level: CadreLevel | str | None = None,
    transfer_unit: ClueTransferUnit | str = ClueTransferUnit.DISCIPLINE_COMMISSION,
    transfer_mode: TransferMode | str = TransferMode.SINGLE,
) -> ClueDraft:
    """A clue prefilled from the letter (first reported person, summary, 纪律), to edit."""
    if not letter.reported_persons:
        raise ValidationError("信访件未填写被反映人，无法转为线索", field="reported_persons")
    person = letter.reported_persons[0]
    level = subject_level or person.level
    if level is None:
        raise ValidationError("请填写被反映人的干部级别", field="subject_level")
    assert letter.round_id is not None
    return ClueDraft(
        round_id=letter.round_id,
        subject_name=person.name,
        subject_position=person.position,
        subject_level=level,
        problem=letter.summary,
        transfer_unit=transfer_unit,
        transfer_mode=transfer_mode,
        disciplines=letter.disciplines,
        target_id=letter.target_id,
        team_id=letter.team_id,
        source_refs=(SourceRef("letter", letter.id),),
    )


def _finding_draft_from_letter(letter: LetterView) -> FindingDraft:
    assert letter.round_id is not None
    first_line = letter.summary.strip().splitlines()[0] if letter.summary.strip() else ""
    return FindingDraft(
        round_id=letter.round_id,
        title=first_line[:60] or f"信访件 {letter.number} 反映的问题",
        target_id=letter.target_id or "",
        method_code=LETTER_METHOD,
        summary=letter.summary,
        disciplines=letter.disciplines,
        team_id=letter.team_id,
        source_refs=(SourceRef("letter", letter.id),),
    )


def _with_source(refs: tuple[SourceRef, ...], letter_id: str) -> tuple[SourceRef, ...]:
    ref = SourceRef("letter", letter_id)
    return refs if ref in refs else (*refs, ref)


def dispose_letter(
    session: Session,
    letter_id: str,
    disposition: LetterDisposition | str,
    *,
    transfer_to: str = "",
    finding_id: str | None = None,
    finding: FindingDraft | None = None,
    clue: ClueDraft | None = None,
    expected_version: int | None = None,
) -> LetterDisposal:
    """分类处置 as decided at the 组务会 (see the module docstring for what each one does)."""
    require_role(session, (Role.TEAM_LEADER,), "处置信访件")
    row = _load(session, letter_id, expected_version)
    require_status(row.status, (LetterStatus.DISCUSSED,), "处置")
    chosen = parse_enum(LetterDisposition, disposition, "disposition", "处置方式")
    assert row.category is not None  # set by discuss_letter
    allowed = ALLOWED[row.category]
    if chosen not in allowed:
        options = "、".join(d.label for d in LetterDisposition if d in allowed)
        raise ValidationError(
            f"{row.category.label}信访件不能“{chosen.label}”，可选：{options}",
            field="disposition",
        )
    target_unit = ""
    if chosen == LetterDisposition.TRANSFER:
        target_unit = required_text(transfer_to, "transfer_to", "转交单位", 120)
    view = letter_view(row)
    assert row.round_id is not None
    changes = Changes.of("letter", row.id)
    new_clue: ClueView | None = None
    new_finding: FindingView | None = None
    if chosen == LetterDisposition.TO_CLUE:
        draft = clue or clue_draft_from_letter(view)
        draft = replace(
            draft, round_id=row.round_id, source_refs=_with_source(draft.source_refs, row.id)
        )
        new_clue = register_clue(session, draft)
        row.clue_id = new_clue.id
        changes |= Changes.of("clue", new_clue.id)
    elif chosen == LetterDisposition.TO_FINDING:
        if finding_id is not None:
            linked = get_live(session, Finding, finding_id, "问题底稿")
            if linked.round_id != row.round_id:
                raise ValidationError("只能纳入本轮的底稿", field="finding_id")
            new_finding = finding_view(linked)
        else:
            fdraft = finding or _finding_draft_from_letter(view)
            fdraft = replace(
                fdraft, round_id=row.round_id, source_refs=_with_source(fdraft.source_refs, row.id)
            )
            new_finding = create_finding(session, fdraft)
        row.finding_id = new_finding.id
        changes |= Changes.of("finding", new_finding.id)
    row.disposition = chosen
    row.transfer_to = target_unit
    row.status = LetterStatus.DISPOSED
    session.flush()
    return LetterDisposal(letter_view(row), new_clue, new_finding, changes)


def mark_duplicate(
    session: Session, letter_id: str, of_id: str, *, expected_version: int | None = None
) -> LetterView:
    """Link a letter to the one it repeats: 重复件, 留存备查, its own course ends there."""
    require_role(session, TEAM_ROLES, "标记重复件")
    row = _load(session, letter_id, expected_version)
    require_status(row.status, BEFORE_MEETING, "标记为重复件")
    if of_id == row.id:
        raise ValidationError("不能将信访件标记为自身的重复件", field="duplicate_of_id")
    original = original_of(session, get_live(session, Letter, of_id, "原信访件"))
    if original.id == row.id:
        raise ValidationError("所选原件本身是此件的重复件", field="duplicate_of_id")
    row.category = LetterCategory.DUPLICATE
    row.duplicate_of_id = original.id
    row.disposition = LetterDisposition.KEEP
    row.status = LetterStatus.DISPOSED
    session.flush()
    return letter_view(row)
