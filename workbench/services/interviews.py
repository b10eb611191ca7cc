"""个别谈话: the record, its question/answer transcript and the subject's signed confirmation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from workbench.errors import ValidationError, WorkflowError
from workbench.i18n import N_
from workbench.models import Attachment, Interview, InterviewTurn
from workbench.roles import Role
from workbench.services.authority import check_recusal
from workbench.services.common import (
    CASE_ROLES,
    Changes,
    Page,
    RecordMeta,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    not_in_future,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    text_matches,
    void_record,
)
from workbench.services.rounds import check_version
from workbench.services.targets import (
    check_unique_number,
    next_number,
    optional_target,
    require_round,
    require_team,
)
from workbench.vocab.enums import InterviewType
from workbench.vocab.labels import type_label

NUMBER_PREFIX = "TH"  # 谈话

_INTERVIEW = type_label("interviews")  # the type's one name, in "not found" messages


class InterviewStateError(WorkflowError):
    """A step the interview's state does not allow."""


@dataclass(frozen=True)
class InterviewDraft:
    interview_type: InterviewType | str
    held_at: datetime
    interviewers: tuple[str, ...]  # ≥2 names: one asks, one records
    recorder: str  # must be one of the interviewers
    subject_name: str
    number: str = ""  # blank: TH-<year>-NNN on create, unchanged on update
    place: str = ""
    target_id: str | None = None
    team_id: str | None = None
    subject_unit: str = ""
    subject_position: str = ""
    subject_political_status: str = ""
    outline: str = ""  # 提纲
    summary: str = ""  # 摘要


@dataclass(frozen=True)
class Turn:
    question: str
    answer: str = ""


@dataclass(frozen=True)
class InterviewView:
    id: str
    round_id: str | None
    team_id: str | None
    number: str
    interview_type: InterviewType
    held_at: datetime
    place: str
    target_id: str | None
    interviewers: tuple[str, ...]
    recorder: str
    subject_name: str
    subject_unit: str
    subject_position: str
    subject_political_status: str
    outline: str
    summary: str
    turns: tuple[Turn, ...]
    confirmed_on: date | None
    confirmation_sha256: str | None
    meta: RecordMeta

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None


def _interview_view(row: Interview) -> InterviewView:
    return InterviewView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        number=row.number,
        interview_type=row.interview_type,
        held_at=row.held_at,
        place=row.place,
        target_id=row.target_id,
        interviewers=tuple(row.interviewers),
        recorder=row.recorder,
        subject_name=row.subject_name,
        subject_unit=row.subject_unit,
        subject_position=row.subject_position,
        subject_political_status=row.subject_political_status,
        outline=row.outline,
        summary=row.summary,
        turns=tuple(Turn(t.question, t.answer) for t in sorted(row.turns, key=lambda t: t.seq)),
        confirmed_on=row.confirmed_on,
        confirmation_sha256=row.confirmation_sha256,
        meta=record_meta(row),
    )


def _interviewers(names: Sequence[str], recorder: str) -> tuple[list[str], str]:
    people = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if len(people) < 2:
        raise ValidationError("谈话人至少两人（一人谈话、一人记录）", field="interviewers")
    if any(len(n) > 40 for n in people):
        raise ValidationError("谈话人姓名不能超过 40 个字", field="interviewers")
    rec = required_text(recorder, "recorder", "记录人", 40)
    if rec not in people:
        raise ValidationError("记录人必须是谈话人之一", field="recorder")
    return people, rec


def _apply(session: Session, row: Interview, round_id: str, draft: InterviewDraft) -> None:
    row.interview_type = parse_enum(InterviewType, draft.interview_type, "type", "谈话类型")
    if not isinstance(draft.held_at, datetime):
        raise ValidationError("请填写谈话时间", field="held_at")
    not_in_future(draft.held_at, "held_at", "谈话时间")
    if row.confirmed_on is not None and row.confirmed_on < draft.held_at.date():
        raise ValidationError("谈话时间不能晚于对象确认日期", field="held_at")
    row.interviewers, row.recorder = _interviewers(draft.interviewers, draft.recorder)
    row.subject_name = required_text(draft.subject_name, "subject_name", "谈话对象姓名", 40)
    number = optional_text(draft.number, "number", "编号", 40)
    if number:
        check_unique_number(session, Interview.number, round_id, number, row.id)
        row.number = number
    elif not row.number:
        row.number = next_number(session, Interview.number, round_id, NUMBER_PREFIX)
    row.held_at = draft.held_at
    row.place = optional_text(draft.place, "place", "谈话地点", 120)
    row.target_id = optional_target(session, draft.target_id, round_id)
    row.team_id = require_team(session, draft.team_id, round_id)
    row.subject_unit = optional_text(draft.subject_unit, "subject_unit", "对象单位", 120)
    row.subject_position = optional_text(draft.subject_position, "subject_position", "对象职务", 80)
    row.subject_political_status = optional_text(
        draft.subject_political_status, "subject_political_status", "政治面貌", 40
    )
    row.outline = optional_text(draft.outline, "outline", "谈话提纲")
    row.summary = optional_text(draft.summary, "summary", "谈话摘要")


def _check_recusal(session: Session, row: Interview) -> None:
    """A member who declared 回避 for the unit or the person talked to does not record the talk."""
    check_recusal(
        session,
        row.round_id,
        target_id=row.target_id,
        names=(row.subject_name,),
        action="记录",
        noun="谈话",
        team_id=row.team_id,
        record=("interviews", row.id),
    )


def create_interview(session: Session, round_id: str, draft: InterviewDraft) -> InterviewView:
    require_round(session, round_id)
    row = Interview(round_id=round_id, number="", confirmed_on=None)
    _apply(session, row, round_id, draft)
    _check_recusal(session, row)
    session.add(row)
    session.flush()
    return _interview_view(row)


def update_interview(
    session: Session,
    interview_id: str,
    draft: InterviewDraft,
    *,
    expected_version: int | None = None,
) -> InterviewView:
    row = get_live(session, Interview, interview_id, _INTERVIEW)
    check_version(row.version, expected_version)
    _check_recusal(session, row)
    _apply(session, row, row.round_id or "", draft)
    _check_recusal(session, row)
    session.flush()
    return _interview_view(row)


def get_interview(session: Session, interview_id: str) -> InterviewView:
    return _interview_view(get_live(session, Interview, interview_id, _INTERVIEW))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
INTERVIEW_ORDERS = {
    "number": Interview.number,
    "held_at": Interview.held_at,
    "interview_type": enum_rank(Interview.interview_type, InterviewType),
    "subject_name": Interview.subject_name,
    "subject_position": Interview.subject_position,
    "confirmed_on": Interview.confirmed_on,
}


def list_interviews(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    interview_type: InterviewType | str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    confirmed: bool | None = None,
    subject_contains: str | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[InterviewView]:
    """Filters combine; ``date_from``/``date_to`` are inclusive days. Earliest first unless
    ``order`` names a key of ``INTERVIEW_ORDERS``; ``text`` searches the number, the person
    talked to (name, unit, position) and the 摘要."""
    query = records(Interview, voided)
    if round_id is not None:
        query = query.where(Interview.round_id == round_id)
    if target_id is not None:
        query = query.where(Interview.target_id == target_id)
    if team_id is not None:
        query = query.where(Interview.team_id == team_id)
    if interview_type is not None:
        kind = parse_enum(InterviewType, interview_type, "type", "谈话类型")
        query = query.where(Interview.interview_type == kind)
    if date_from is not None:
        query = query.where(Interview.held_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        query = query.where(Interview.held_at < datetime.combine(date_to + timedelta(1), time.min))
    if confirmed is not None:
        column = Interview.confirmed_on
        query = query.where(column.is_not(None) if confirmed else column.is_(None))
    if subject_contains:
        needle = subject_contains.strip()
        query = query.where(text_matches(Interview.subject_name, needle))
    query = contains_text(
        query,
        text,
        Interview.number,
        Interview.subject_name,
        Interview.subject_unit,
        Interview.subject_position,
        Interview.summary,
    )
    earliest = (Interview.held_at, Interview.number, Interview.id)
    query = apply_order(query, order, INTERVIEW_ORDERS, earliest)
    return page(session, query, _interview_view, offset, limit, total)


def void_interview(session: Session, interview_id: str, reason: str) -> Changes:
    """作废 a talk recorded by mistake; one whose 笔录 the person talked to has confirmed is a
    signed record: the 组长 revokes the confirmation first (``unconfirm_interview``)."""
    require_role(session, CASE_ROLES, "作废谈话记录")
    row = get_live(session, Interview, interview_id, _INTERVIEW)
    _check_recusal(session, row)
    if row.confirmed_on is not None:
        raise WorkflowError(
            N_("该谈话笔录已经谈话对象确认，不能作废；如确需作废，请先由组长撤销确认。"),
            field="confirmed_on",
            action="作废",
        )
    void_record(session, row, reason)
    session.flush()
    return Changes.of("interview", interview_id)


# -- transcript ---------------------------------------------------------------------------------


def _editable(session: Session, interview_id: str, expected_version: int | None) -> Interview:
    row = get_live(session, Interview, interview_id, _INTERVIEW)
    check_version(row.version, expected_version)
    _check_recusal(session, row)
    if row.confirmed_on is not None:
        # the subject signed this wording; changing it would make the signature meaningless
        raise InterviewStateError("笔录已经谈话对象签字确认，不能再修改", field="turns")
    return row


def _turn(question: str, answer: str, seq: int) -> InterviewTurn:
    return InterviewTurn(
        seq=seq,
        question=optional_text(question, "turns", f"第 {seq} 问"),
        answer=optional_text(answer, "turns", f"第 {seq} 答"),
    )


def set_transcript(
    session: Session,
    interview_id: str,
    turns: Sequence[Turn | tuple[str, str]],
    *,
    expected_version: int | None = None,
) -> InterviewView:
    """Replace the whole transcript. Fully blank rows (an editor's empty last line) are dropped."""
    row = _editable(session, interview_id, expected_version)
    pairs = [(t.question, t.answer) if isinstance(t, Turn) else (t[0], t[1]) for t in turns]
    kept = [(q, a) for q, a in pairs if (q or "").strip() or (a or "").strip()]
    row.turns = [_turn(q, a, seq) for seq, (q, a) in enumerate(kept, start=1)]
    session.flush()
    return _interview_view(row)


def append_turn(
    session: Session, interview_id: str, question: str, answer: str = ""
) -> InterviewView:
    """Add one question (and its answer) at the end: the quick path while recording."""
    row = _editable(session, interview_id, None)
    if not (question or "").strip() and not (answer or "").strip():
        raise ValidationError("问和答不能都为空", field="turns")
    row.turns.append(_turn(question, answer, max((t.seq for t in row.turns), default=0) + 1))
    session.flush()
    return _interview_view(row)


# -- confirmation -------------------------------------------------------------------------------


def confirm_interview(
    session: Session, interview_id: str, confirmed_on: date, scan_sha256: str
) -> InterviewView:
    """Record the subject's signed transcript: an attachment already in the store, dated on or
    after the interview. Confirming again replaces the scan (e.g. a clearer copy)."""
    row = get_live(session, Interview, interview_id, _INTERVIEW)
    if not isinstance(confirmed_on, date) or isinstance(confirmed_on, datetime):
        raise ValidationError("请填写确认日期", field="confirmed_on")
    if confirmed_on < row.held_at.date():
        raise ValidationError("确认日期不能早于谈话日期", field="confirmed_on")
    not_in_future(confirmed_on, "confirmed_on", "确认日期")
    sha = (scan_sha256 or "").strip().lower()
    if not sha or session.get(Attachment, sha) is None:
        raise ValidationError("请先上传谈话对象签字确认的笔录扫描件", field="scan_sha256")
    row.confirmed_on = confirmed_on
    row.confirmation_sha256 = sha
    session.flush()
    return _interview_view(row)


def revoke_confirmation(session: Session, interview_id: str) -> InterviewView:
    """组长 only: reopens the transcript for correction; the scan must then be signed again."""
    require_role(session, [Role.TEAM_LEADER], "撤销谈话笔录确认")
    row = get_live(session, Interview, interview_id, _INTERVIEW)
    if row.confirmed_on is None:
        raise InterviewStateError("该笔录尚未确认", field="confirmed_on")
    row.confirmed_on = None
    row.confirmation_sha256 = None
    session.flush()
    return _interview_view(row)
