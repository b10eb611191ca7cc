"""信访件: 登记 → 摘要 → 组务会研究 → 分类处置 (the last two in ``letters_disposal``).

- 登记 by anyone on the team (记录员/信访专员 included). Numbers run per round as
  ``XF-YEAR-NNNN`` unless typed. A named (实名) letter needs the reporter's name and contact, so
  that the team can answer; an anonymous one carries no name (a contact left by an anonymous
  reporter is kept).
- 摘要 by anyone on the team, before the 组务会; the registered facts may be corrected until then.
- Duplicates are linked, not re-registered: ``find_possible_duplicates`` shows letters of the round
  naming the same reported person or with a near-identical summary, and ``mark_duplicate`` links a
  letter to the original (always the first of a chain), files it as 重复件 and 留存备查, which ends
  its own course: the original carries the case to the 组务会.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import Letter
from workbench.services.authority import check_recusal
from workbench.services.common import (
    Page,
    RecordMeta,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    live,
    not_in_future,
    optional_text,
    page,
    parse_disciplines,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.locks import letter_lock, refuse_if_locked
from workbench.services.rounds import check_version
from workbench.services.workflow import (
    TEAM_ROLES,
    check_attachment,
    check_number,
    check_target,
    check_team,
    next_number,
    require_status,
    round_row,
)
from workbench.vocab.enums import (
    CadreLevel,
    LetterCategory,
    LetterChannel,
    LetterDisposition,
    LetterStatus,
)

NUMBER_PREFIX = "XF"
BEFORE_MEETING = (LetterStatus.REGISTERED, LetterStatus.SUMMARIZED)
WHAT_IT_REPORTS = "请填写信访件摘要，或被反映人、被反映单位（至少一项）"
SIMILAR_SUMMARY = 0.8  # SequenceMatcher ratio from which two summaries count as the same case


@dataclass(frozen=True)
class ReportedPerson:
    """被反映人; ``level`` (if known) prefills the clue a letter may become."""

    name: str
    position: str = ""
    unit: str = ""
    level: CadreLevel | str | None = None


@dataclass(frozen=True)
class LetterDraft:
    round_id: str
    channel: LetterChannel | str
    received_at: datetime
    anonymous: bool = True
    reporter_name: str = ""
    reporter_contact: str = ""
    reported_persons: tuple[ReportedPerson, ...] = ()
    summary: str = ""
    target_id: str | None = None
    team_id: str | None = None
    original_sha256: str | None = None  # 原件扫描
    disciplines: tuple[str, ...] = ()
    number: str | None = None  # None: next XF-YEAR-NNNN of the round


@dataclass(frozen=True)
class LetterView:
    id: str
    round_id: str | None
    team_id: str | None
    number: str
    channel: LetterChannel
    received_at: datetime
    target_id: str | None
    anonymous: bool
    reporter_name: str
    reporter_contact: str
    reported_persons: tuple[ReportedPerson, ...]
    summary: str
    original_sha256: str | None
    disciplines: tuple[str, ...]
    category: LetterCategory | None
    disposition: LetterDisposition | None
    transfer_to: str
    proposal: str
    meeting_date: date | None
    status: LetterStatus
    duplicate_of_id: str | None
    clue_id: str | None
    finding_id: str | None
    meta: RecordMeta


def letter_view(row: Letter) -> LetterView:
    return LetterView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        number=row.number,
        channel=row.channel,
        received_at=row.received_at,
        target_id=row.target_id,
        anonymous=row.anonymous,
        reporter_name=row.reporter_name,
        reporter_contact=row.reporter_contact,
        reported_persons=tuple(
            ReportedPerson(
                str(p.get("name") or ""),
                str(p.get("position") or ""),
                str(p.get("unit") or ""),
                CadreLevel.parse(p["level"]) if p.get("level") else None,
            )
            for p in row.reported_persons
        ),
        summary=row.summary,
        original_sha256=row.original_sha256,
        disciplines=tuple(row.disciplines),
        category=row.category,
        disposition=row.disposition,
        transfer_to=row.transfer_to,
        proposal=row.proposal,
        meeting_date=row.meeting_date,
        status=row.status,
        duplicate_of_id=row.duplicate_of_id,
        clue_id=row.clue_id,
        finding_id=row.finding_id,
        meta=record_meta(row),
    )


# -- validation --------------------------------------------------------------------------------


def _persons(persons: Iterable[ReportedPerson]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in persons:
        level = (
            None
            if p.level in (None, "")
            else parse_enum(CadreLevel, p.level, "reported_persons", "干部级别")
        )
        out.append(
            {
                "name": required_text(p.name, "reported_persons", "被反映人姓名", 40),
                "position": optional_text(p.position, "reported_persons", "职务", 80),
                "unit": optional_text(p.unit, "reported_persons", "单位", 120),
                "level": level.value if level else None,
            }
        )
    return out


def _values(
    session: Session, draft: LetterDraft, round_id: str, exclude_id: str | None
) -> dict[str, Any]:
    """Every field checked before any is set, so a refused edit leaves the row untouched."""
    channel = parse_enum(LetterChannel, draft.channel, "channel", "来源渠道")
    if draft.received_at is None:
        raise ValidationError("请填写收到时间", field="received_at")
    received_at = draft.received_at
    if not isinstance(received_at, datetime):  # a bare date from a date-only form field
        received_at = datetime.combine(received_at, time.min)
    not_in_future(received_at, "received_at", "收到时间")
    anonymous = bool(draft.anonymous)
    name = optional_text(draft.reporter_name, "reporter_name", "反映人姓名", 40)
    contact = optional_text(draft.reporter_contact, "reporter_contact", "联系方式", 80)
    if anonymous and name:
        raise ValidationError("匿名件不应填写反映人姓名；如为实名，请取消“匿名”", field="anonymous")
    if not anonymous and not name:
        raise ValidationError("实名件请填写反映人姓名", field="reporter_name")
    if not anonymous and not contact:
        raise ValidationError("实名件请填写反映人联系方式，以便反馈", field="reporter_contact")
    target_id = check_target(session, draft.target_id, round_id, required=False)
    persons = _persons(draft.reported_persons)
    summary = optional_text(draft.summary, "summary", "摘要")
    if not (summary or persons or target_id):  # a letter about nothing and no one is no letter
        raise ValidationError(WHAT_IT_REPORTS, field="summary")
    values: dict[str, Any] = {
        "channel": channel,
        "received_at": received_at,
        "anonymous": anonymous,
        "reporter_name": name,
        "reporter_contact": contact,
        "reported_persons": persons,
        "summary": summary,
        "target_id": target_id,
        "team_id": check_team(session, draft.team_id, round_id),
        "original_sha256": check_attachment(session, draft.original_sha256, "original_sha256"),
        "disciplines": list(dict.fromkeys(parse_disciplines(draft.disciplines))),
    }
    if draft.number is not None:
        values["number"] = check_number(session, Letter, round_id, draft.number, exclude_id)
    return values


# -- use cases ---------------------------------------------------------------------------------


def check_letter_recusal(
    session: Session,
    round_id: str | None,
    target_id: str | None,
    reported: Iterable[dict[str, Any]],
    *,
    team_id: str | None = None,
    letter_id: str | None = None,
) -> None:
    """A member who declared 回避 for the letter's unit or a person it reports won't handle it
    (the team's 组长 may, inside ``authority.recusal_override``)."""
    names = [str(p.get("name") or "") for p in reported]
    check_recusal(
        session,
        round_id,
        target_id=target_id,
        names=names,
        noun="信访件",
        team_id=team_id,
        record=("letters", letter_id),
    )


def register_letter(session: Session, draft: LetterDraft) -> LetterView:
    """登记."""
    require_role(session, TEAM_ROLES, "登记信访件")
    rnd = round_row(session, draft.round_id)
    values = _values(session, draft, rnd.id, None)
    check_letter_recusal(
        session,
        rnd.id,
        values["target_id"],
        values["reported_persons"],
        team_id=values.get("team_id"),
    )
    values.setdefault("number", next_number(session, Letter, rnd, NUMBER_PREFIX))
    row = Letter(round_id=rnd.id, status=LetterStatus.REGISTERED, **values)
    session.add(row)
    session.flush()
    return letter_view(row)


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


def update_letter(
    session: Session, letter_id: str, draft: LetterDraft, *, expected_version: int | None = None
) -> LetterView:
    """Correct the registration, until the 组务会 has discussed it."""
    require_role(session, TEAM_ROLES, "修改信访件")
    row = _load(session, letter_id, expected_version)
    refuse_if_locked(letter_lock(row))
    if draft.round_id != row.round_id:
        raise ValidationError("信访件不能改到其他巡察轮次", field="round_id")
    values = _values(session, draft, draft.round_id, row.id)
    check_letter_recusal(
        session,
        row.round_id,
        values["target_id"],
        values["reported_persons"],
        team_id=values.get("team_id", row.team_id),
        letter_id=row.id,
    )
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    return letter_view(row)


def summarize_letter(
    session: Session,
    letter_id: str,
    *,
    summary: str,
    disciplines: tuple[str, ...] = (),
    expected_version: int | None = None,
) -> LetterView:
    """摘要: what the letter reports and which 纪律 it touches."""
    require_role(session, TEAM_ROLES, "摘要信访件")
    row = _load(session, letter_id, expected_version)
    require_status(row.status, BEFORE_MEETING, "摘要")
    text = required_text(summary, "summary", "摘要", 20000)
    row.disciplines = list(dict.fromkeys(parse_disciplines(disciplines)))
    row.summary = text
    row.status = LetterStatus.SUMMARIZED
    session.flush()
    return letter_view(row)


def get_letter(session: Session, letter_id: str) -> LetterView:
    return letter_view(get_live(session, Letter, letter_id, "信访件"))


# the letters list's sortable columns (``order``: a key, "-" in front for descending)
UNCLASSIFIED = "unclassified"  # ``category`` of the letters without one

LETTER_ORDERS = {
    "number": Letter.number,
    "received_at": Letter.received_at,
    "channel": enum_rank(Letter.channel, LetterChannel),
    "category": enum_rank(Letter.category, LetterCategory),
    "status": enum_rank(Letter.status, LetterStatus),
}


def list_letters(
    session: Session,
    round_id: str | None = None,
    *,
    status: LetterStatus | str | None = None,
    category: LetterCategory | str | None = None,
    channel: LetterChannel | str | None = None,
    disposition: LetterDisposition | str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    duplicate_of_id: str | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[LetterView]:
    """Newest received first unless ``order`` names a key of ``LETTER_ORDERS``; the date range
    on the day received is inclusive; ``category`` ``UNCLASSIFIED`` keeps the letters not yet
    classified; ``text`` searches the number, the people named and the
    摘要."""
    query: Select[Letter] = records(Letter, voided)
    if round_id is not None:
        query = query.where(Letter.round_id == round_id)
    if status is not None:
        query = query.where(Letter.status == parse_enum(LetterStatus, status, "status", "状态"))
    if category == UNCLASSIFIED:  # not yet classified: what the dashboard counts as 未分类
        query = query.where(Letter.category.is_(None))
    elif category is not None:
        query = query.where(
            Letter.category == parse_enum(LetterCategory, category, "category", "分类")
        )
    if channel is not None:
        query = query.where(
            Letter.channel == parse_enum(LetterChannel, channel, "channel", "来源渠道")
        )
    if disposition is not None:
        value = parse_enum(LetterDisposition, disposition, "disposition", "处置方式")
        query = query.where(Letter.disposition == value)
    if target_id is not None:
        query = query.where(Letter.target_id == target_id)
    if team_id is not None:
        query = query.where(Letter.team_id == team_id)
    if date_from is not None:
        query = query.where(Letter.received_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        query = query.where(Letter.received_at < end)
    if duplicate_of_id is not None:
        query = query.where(Letter.duplicate_of_id == duplicate_of_id)
    query = contains_text(
        query,
        text,
        Letter.number,
        Letter.reporter_name,
        Letter.reported_persons,
        Letter.summary,
        Letter.transfer_to,
    )
    newest = (Letter.received_at.desc(), Letter.number.desc(), Letter.id)
    query = apply_order(query, order, LETTER_ORDERS, newest)
    return page(session, query, letter_view, offset, limit, total)


def void_letter(session: Session, letter_id: str, reason: str) -> None:
    """作废 before the 组务会 (or a linked duplicate), never an original others link to."""
    require_role(session, TEAM_ROLES, "作废信访件")
    row = get_live(session, Letter, letter_id, "信访件")
    check_letter_recusal(
        session,
        row.round_id,
        row.target_id,
        row.reported_persons,
        team_id=row.team_id,
        letter_id=row.id,
    )
    if row.category != LetterCategory.DUPLICATE:
        require_status(row.status, BEFORE_MEETING, "作废")
    copies = session.scalar(
        select(Letter.number).where(Letter.duplicate_of_id == row.id, Letter.deleted_at.is_(None))
    )
    if copies is not None:
        raise Conflict(f"信访件 {copies} 是此件的重复件，不能作废原件", letter_id=row.id)
    void_record(session, row, reason)
    session.flush()


# -- duplicates --------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _text_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)  # CJK characters are word characters; punctuation is not


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= SIMILAR_SUMMARY and matcher.ratio() >= SIMILAR_SUMMARY


def original_of(session: Session, row: Letter) -> Letter:
    """The first letter of a duplicate chain (links are kept flat, this guards old data)."""
    seen = {row.id}
    while row.duplicate_of_id and row.duplicate_of_id not in seen:
        parent = session.get(Letter, row.duplicate_of_id)
        if parent is None or parent.deleted_at is not None:
            break
        seen.add(parent.id)
        row = parent
    return row


def find_possible_duplicates(
    session: Session, draft: LetterDraft, *, exclude_id: str | None = None, limit: int = 10
) -> list[LetterView]:
    """Letters of the draft's round naming one of the same reported persons, or whose summary
    is near-identical; a match that is itself a duplicate is shown as its original."""
    names = {_name_key(p.name) for p in draft.reported_persons} - {""}
    summary = _text_key(draft.summary)
    query = live(Letter).where(Letter.round_id == draft.round_id)
    query = query.order_by(Letter.received_at.desc(), Letter.number.desc(), Letter.id)
    found: dict[str, Letter] = {}
    for row in session.scalars(query):
        if row.id == exclude_id:
            continue
        theirs = {_name_key(str(p.get("name") or "")) for p in row.reported_persons}
        if names & theirs or _similar(summary, _text_key(row.summary)):
            original = original_of(session, row)
            if original.id != exclude_id:
                found.setdefault(original.id, original)
        if len(found) >= limit:
            break
    return [letter_view(r) for r in found.values()]
