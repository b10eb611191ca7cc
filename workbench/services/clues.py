"""问题线索: problems of (leading) cadres, transferred to 纪委监委 / 组织部 and tracked to closure.

登记 → 移交 → 接收 → 办理 → 反馈 → 办结. Each step is taken only from the state before it
(``WorkflowError`` otherwise) and its time may not precede the previous step's. Anyone on the team
or in the office may register a clue and edit it until it is transferred; the later steps are
recorded by the 组长 or the 巡察办, who hand clues over and hear back from the receiving unit.
Deadlines: a 移交 needs a 反馈期限, given or filled by the office's rule (``feedback_months``
from the transfer date, a store setting); ``overdue_clues`` lists clues not yet fed back whose
反馈期限 has passed (the 督办 reminder), ``due_soon`` those falling due within a few days.
Receiving units: a 双移交 names two different units, "其他" needs the unit's name. Outcomes
(谈话函询, 初核, 立案, 处分, 组织处理, 了结) are dated entries recorded after the 移交.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import Clue, Letter
from workbench.roles import Role
from workbench.services.authority import check_recusal
from workbench.services.clue_transfer import default_feedback_due, receiving_units
from workbench.services.common import (
    Page,
    RecordMeta,
    actor_name,
    apply_order,
    check_order,
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
from workbench.services.locks import clue_lock, refuse_if_locked
from workbench.services.rounds import check_version
from workbench.services.workflow import (
    TEAM_ROLES,
    SourceRef,
    check_number,
    check_sources,
    check_target,
    check_team,
    local_now,
    next_number,
    require_status,
    round_row,
    source_refs,
)
from workbench.store import audit
from workbench.vocab.enums import (
    CadreLevel,
    ClueHandling,
    ClueOutcomeKind,
    ClueStatus,
    ClueTransferUnit,
    TransferMode,
)

NUMBER_PREFIX = "XS"
CLUE_SOURCES = ("interview", "letter", "activity", "finding", "data_hit")
REGISTRARS: tuple[Role, ...] = (*TEAM_ROLES, Role.OFFICE)
TRACKERS: tuple[Role, ...] = (Role.TEAM_LEADER, Role.OFFICE)
OPEN_STATUSES = (
    ClueStatus.REGISTERED,
    ClueStatus.TRANSFERRED,
    ClueStatus.RECEIVED,
    ClueStatus.HANDLING,
)
# outcomes are recorded once the clue has left the round and until it is 办结
OUTCOME_STATUSES = (*OPEN_STATUSES[1:], ClueStatus.FED_BACK)


@dataclass(frozen=True)
class ClueDraft:
    round_id: str
    subject_name: str
    subject_level: CadreLevel | str
    problem: str
    transfer_unit: ClueTransferUnit | str
    transfer_mode: TransferMode | str
    subject_position: str = ""
    disciplines: tuple[str, ...] = ()
    category1: str = ""  # 一级分类
    category2: str = ""  # 二级分类
    feedback_due: date | None = None
    target_id: str | None = None
    team_id: str | None = None
    source_refs: tuple[SourceRef, ...] = ()
    number: str | None = None  # None: next XS-YEAR-NNNN of the round
    second_unit: ClueTransferUnit | str | None = None  # 双移交's second receiving unit
    other_unit: str = ""  # the unit's name when one of them is 其他


@dataclass(frozen=True)
class ClueOutcome:
    """One 处置结果 entry; ``unit``: the receiving unit that reported it."""

    kind: ClueOutcomeKind
    on: date
    detail: str
    unit: ClueTransferUnit


@dataclass(frozen=True)
class ClueView:
    id: str
    round_id: str | None
    team_id: str | None
    number: str
    target_id: str | None
    source_refs: tuple[SourceRef, ...]
    subject_name: str
    subject_position: str
    subject_level: CadreLevel
    problem: str
    disciplines: tuple[str, ...]
    category1: str
    category2: str
    transfer_unit: ClueTransferUnit
    transfer_mode: TransferMode
    second_unit: ClueTransferUnit | None
    other_unit: str
    transferred_by: str
    transferred_at: datetime | None
    received_by: str
    received_at: datetime | None
    handling: ClueHandling | None
    result: str
    feedback_due: date | None
    fed_back_at: datetime | None
    closed_at: datetime | None
    status: ClueStatus
    outcomes: tuple[ClueOutcome, ...]
    meta: RecordMeta

    def units(self) -> tuple[ClueTransferUnit, ...]:
        """The receiving units: one, or two for a 双移交."""
        return (self.transfer_unit,) + ((self.second_unit,) if self.second_unit else ())

    def units_text(self) -> str:
        """The receiving units as documents name them: 纪委监委、组织部, or the 其他 unit's name."""
        return "、".join(
            self.other_unit if u is ClueTransferUnit.OTHER and self.other_unit else u.label
            for u in self.units()
        )

    def overdue(self, today: date) -> bool:
        """Not fed back and past its 反馈期限."""
        return self.days_overdue(today) > 0

    def days_overdue(self, today: date) -> int:
        """Days past the 反馈期限 while not fed back (0: not overdue)."""
        if self.status not in OPEN_STATUSES or self.feedback_due is None:
            return 0
        return max(0, (today - self.feedback_due).days)


def clue_view(row: Clue) -> ClueView:
    return ClueView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        number=row.number,
        target_id=row.target_id,
        source_refs=source_refs(row.source_refs),
        subject_name=row.subject_name,
        subject_position=row.subject_position,
        subject_level=row.subject_level,
        problem=row.problem,
        disciplines=tuple(row.disciplines),
        category1=row.category1,
        category2=row.category2,
        transfer_unit=row.transfer_unit,
        transfer_mode=row.transfer_mode,
        second_unit=row.second_unit,
        other_unit=row.other_unit,
        transferred_by=row.transferred_by,
        transferred_at=row.transferred_at,
        received_by=row.received_by,
        received_at=row.received_at,
        handling=row.handling,
        result=row.result,
        feedback_due=row.feedback_due,
        fed_back_at=row.fed_back_at,
        closed_at=row.closed_at,
        status=row.status,
        outcomes=tuple(_outcome(e) for e in row.outcomes or ()),
        meta=record_meta(row),
    )


def _outcome(entry: dict[str, Any]) -> ClueOutcome:
    return ClueOutcome(
        kind=ClueOutcomeKind.parse(entry["kind"]),
        on=date.fromisoformat(entry["date"]),
        detail=str(entry.get("detail") or ""),
        unit=ClueTransferUnit.parse(entry["unit"]),
    )


def _values(
    session: Session, draft: ClueDraft, round_id: str, exclude_id: str | None
) -> dict[str, Any]:
    """Every field checked before any is set, so a refused edit leaves the row untouched."""
    target_id = check_target(session, draft.target_id, round_id, required=False)
    values: dict[str, Any] = {
        "subject_name": required_text(draft.subject_name, "subject_name", "被反映人姓名", 40),
        "subject_position": optional_text(draft.subject_position, "subject_position", "职务", 80),
        "subject_level": parse_enum(CadreLevel, draft.subject_level, "subject_level", "干部级别"),
        "problem": required_text(draft.problem, "problem", "具体问题", 20000),
        "disciplines": list(dict.fromkeys(parse_disciplines(draft.disciplines))),
        "category1": optional_text(draft.category1, "category1", "一级分类", 64),
        "category2": optional_text(draft.category2, "category2", "二级分类", 64),
        **receiving_units(
            draft.transfer_unit, draft.transfer_mode, draft.second_unit, draft.other_unit
        ),
        "feedback_due": draft.feedback_due,
        "target_id": target_id,
        "team_id": check_team(session, draft.team_id, round_id),
        "source_refs": check_sources(session, draft.source_refs, CLUE_SOURCES),
    }
    if draft.number is not None:
        values["number"] = check_number(session, Clue, round_id, draft.number, exclude_id)
    return values


def register_clue(session: Session, draft: ClueDraft) -> ClueView:
    """登记."""
    require_role(session, REGISTRARS, "登记问题线索")
    rnd = round_row(session, draft.round_id)
    values = _values(session, draft, rnd.id, None)
    _check_recusal(session, rnd.id, values["target_id"], values["subject_name"], values["team_id"])
    values.setdefault("number", next_number(session, Clue, rnd, NUMBER_PREFIX))
    row = Clue(round_id=rnd.id, status=ClueStatus.REGISTERED, **values)
    session.add(row)
    session.flush()
    return clue_view(row)


def _check_recusal(
    session: Session,
    round_id: str | None,
    target_id: str | None,
    name: str,
    team_id: str | None,
    clue_id: str | None = None,
) -> None:
    """A member who declared 回避 for the clue's unit or its subject does not handle it (the
    team's 组长 may, inside ``authority.recusal_override``)."""
    check_recusal(
        session,
        round_id,
        target_id=target_id,
        names=(name,),
        noun="问题线索",
        team_id=team_id,
        record=("clues", clue_id),
    )


def _load(session: Session, clue_id: str, expected_version: int | None) -> Clue:
    row = get_live(session, Clue, clue_id, "问题线索")
    check_version(row.version, expected_version)
    _check_recusal(session, row.round_id, row.target_id, row.subject_name, row.team_id, row.id)
    return row


def update_clue(
    session: Session, clue_id: str, draft: ClueDraft, *, expected_version: int | None = None
) -> ClueView:
    """Only before 移交: what was handed over is what the receiving unit holds."""
    require_role(session, REGISTRARS, "修改问题线索")
    row = _load(session, clue_id, expected_version)
    refuse_if_locked(clue_lock(row))
    if draft.round_id != row.round_id:
        raise ValidationError("线索不能改到其他巡察轮次", field="round_id")
    values = _values(session, draft, draft.round_id, row.id)
    _check_recusal(
        session,
        row.round_id,
        values["target_id"],
        values["subject_name"],
        values["team_id"],
        row.id,
    )
    for name, value in values.items():
        setattr(row, name, value)
    session.flush()
    return clue_view(row)


def get_clue(session: Session, clue_id: str) -> ClueView:
    return clue_view(get_live(session, Clue, clue_id, "问题线索"))


def void_clue(session: Session, clue_id: str, reason: str) -> None:
    """作废 only before 移交 (what was handed over stays on record), and not while a letter was
    disposed into it."""
    require_role(session, REGISTRARS, "作废问题线索")
    row = get_live(session, Clue, clue_id, "问题线索")
    _check_recusal(session, row.round_id, row.target_id, row.subject_name, row.team_id, row.id)
    require_status(row.status, (ClueStatus.REGISTERED,), "作废")
    linked = session.scalar(
        select(Letter.number).where(Letter.clue_id == row.id, Letter.deleted_at.is_(None))
    )
    if linked is not None:
        raise Conflict(f"信访件 {linked} 已转为此线索，不能作废", clue_id=row.id)
    void_record(session, row, reason)
    session.flush()


# -- the steps ---------------------------------------------------------------------------------


def _when(value: datetime | None, field_name: str, label: str) -> datetime:
    at = value or local_now()
    not_in_future(at, field_name, label)
    return at


def transfer_clue(
    session: Session,
    clue_id: str,
    *,
    transferred_by: str = "",
    transferred_at: datetime | None = None,
    feedback_due: date | None = None,
    to: ClueTransferUnit | str | None = None,
    second_to: ClueTransferUnit | str | None = None,
    other_unit: str | None = None,
    expected_version: int | None = None,
) -> ClueView:
    """移交: 经办人 (default: the current user) and time. ``to`` (with ``second_to`` for a
    双移交, ``other_unit`` for 其他) replaces the planned receiving units; the 反馈期限 is the one
    given, else the one planned, else the office's rule; without any the 移交 is refused."""
    require_role(session, TRACKERS, "移交问题线索")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, (ClueStatus.REGISTERED,), "移交")
    if to is not None:
        mode = TransferMode.DOUBLE if second_to not in (None, "") else TransferMode.SINGLE
        units = receiving_units(to, mode, second_to, other_unit)
    else:
        units = receiving_units(
            row.transfer_unit,
            row.transfer_mode,
            row.second_unit,
            row.other_unit if other_unit is None else other_unit,
        )
    by = required_text(transferred_by or actor_name(session), "transferred_by", "移交经办人", 40)
    at = _when(transferred_at, "transferred_at", "移交时间")
    due = feedback_due or row.feedback_due or default_feedback_due(session, at.date())
    if due is None:
        raise ValidationError(
            "移交须有反馈期限：请填写，或由巡察办在“设置”中设定默认期限", field="feedback_due"
        )
    check_order(at.date(), due, "feedback_due", "反馈期限不能早于移交日期")
    for name, value in units.items():
        setattr(row, name, value)
    row.transferred_by, row.transferred_at, row.feedback_due = by, at, due
    row.status = ClueStatus.TRANSFERRED
    session.flush()
    return clue_view(row)


def receive_clue(
    session: Session,
    clue_id: str,
    *,
    received_by: str,
    received_at: datetime | None = None,
    expected_version: int | None = None,
) -> ClueView:
    """接收: the receiving unit's 经办人 and time, not before the 移交."""
    require_role(session, TRACKERS, "登记线索接收")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, (ClueStatus.TRANSFERRED,), "登记接收")
    by = required_text(received_by, "received_by", "接收经办人", 40)
    at = _when(received_at, "received_at", "接收时间")
    check_order(row.transferred_at, at, "received_at", "接收时间不能早于移交时间")
    row.received_by, row.received_at = by, at
    row.status = ClueStatus.RECEIVED
    session.flush()
    return clue_view(row)


def handle_clue(
    session: Session,
    clue_id: str,
    handling: ClueHandling | str,
    *,
    expected_version: int | None = None,
) -> ClueView:
    """办理: how the receiving unit disposes of it (谈话函询, 初步核实, 暂存待查, 予以了结)."""
    require_role(session, TRACKERS, "登记线索办理方式")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, (ClueStatus.RECEIVED,), "登记办理方式")
    row.handling = parse_enum(ClueHandling, handling, "handling", "处置方式")
    row.status = ClueStatus.HANDLING
    session.flush()
    return clue_view(row)


def feedback_clue(
    session: Session,
    clue_id: str,
    *,
    result: str,
    fed_back_at: datetime | None = None,
    expected_version: int | None = None,
) -> ClueView:
    """反馈: the 办理结果 as reported back, not before the clue was received."""
    require_role(session, TRACKERS, "登记线索反馈")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, (ClueStatus.HANDLING,), "登记反馈")
    text = required_text(result, "result", "办理结果", 20000)
    at = _when(fed_back_at, "fed_back_at", "反馈时间")
    check_order(row.received_at, at, "fed_back_at", "反馈时间不能早于接收时间")
    row.result, row.fed_back_at = text, at
    row.status = ClueStatus.FED_BACK
    session.flush()
    return clue_view(row)


def close_clue(
    session: Session,
    clue_id: str,
    *,
    closed_at: datetime | None = None,
    expected_version: int | None = None,
) -> ClueView:
    """办结."""
    require_role(session, TRACKERS, "办结问题线索")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, (ClueStatus.FED_BACK,), "办结")
    at = _when(closed_at, "closed_at", "办结时间")
    check_order(row.fed_back_at, at, "closed_at", "办结时间不能早于反馈时间")
    row.closed_at = at
    row.status = ClueStatus.CLOSED
    session.flush()
    return clue_view(row)


def record_outcome(
    session: Session,
    clue_id: str,
    kind: ClueOutcomeKind | str,
    on: date,
    *,
    detail: str = "",
    unit: ClueTransferUnit | str | None = None,
    expected_version: int | None = None,
) -> ClueView:
    """A 处置结果 entry from a receiving unit (default: the first), dated not before the 移交
    and not in the future; 组织处理 names its measure (诫勉, 调整岗位…)."""
    require_role(session, TRACKERS, "登记线索处置结果")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, OUTCOME_STATUSES, "登记处置结果")
    what = parse_enum(ClueOutcomeKind, kind, "kind", "处置结果")
    text = optional_text(detail, "detail", "处置结果说明", 500)
    if what is ClueOutcomeKind.ORGANIZATIONAL and not text:
        raise ValidationError("组织处理须写明具体方式（如诫勉、调整岗位）", field="detail")
    not_in_future(on, "date", "处置结果日期")
    transferred = row.transferred_at.date() if row.transferred_at else None
    check_order(transferred, on, "date", "处置结果日期不能早于移交日期")
    units = (row.transfer_unit,) + ((row.second_unit,) if row.second_unit else ())
    by = units[0] if unit in (None, "") else parse_enum(ClueTransferUnit, unit, "unit", "处置单位")
    if by not in units:
        names = "、".join(u.label for u in units)
        raise ValidationError(f"处置单位须为线索的接收单位：{names}", field="unit")
    entry = {"kind": what.value, "date": on.isoformat(), "detail": text, "unit": by.value}
    row.outcomes = [*(row.outcomes or ()), entry]  # a new list: the JSON column sees the change
    session.flush()
    return clue_view(row)


def remove_outcome(
    session: Session, clue_id: str, index: int, *, expected_version: int | None = None
) -> ClueView:
    """Takes back a mistaken entry (0-based, in the order recorded). The audit log names the entry
    taken back (kind, date, unit) but not its wording: the 安全审计员 reads no case content."""
    require_role(session, TRACKERS, "删除线索处置结果")
    row = _load(session, clue_id, expected_version)
    require_status(row.status, OUTCOME_STATUSES, "删除处置结果")
    entries = list(row.outcomes or ())
    if not 0 <= index < len(entries):
        raise ValidationError(f"没有第 {index + 1} 条处置结果", field="index")
    removed = entries.pop(index)
    row.outcomes = entries
    kept = {k: removed.get(k) for k in ("kind", "date", "unit")}
    audit.record(session, "clue.outcome_remove", "clues", row.id, {"index": index, **kept})
    session.flush()
    return clue_view(row)


# -- lists -------------------------------------------------------------------------------------


# the sortable columns of the list (``order``: a key, "-" in front for descending)
CLUE_ORDERS = {
    "number": Clue.number,
    "created_at": Clue.created_at,
    "subject_name": Clue.subject_name,
    "subject_position": Clue.subject_position,
    "subject_level": enum_rank(Clue.subject_level, CadreLevel),
    "status": enum_rank(Clue.status, ClueStatus),
    "feedback_due": Clue.feedback_due,
}


def list_clues(
    session: Session,
    round_id: str | None = None,
    *,
    status: ClueStatus | str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    transfer_unit: ClueTransferUnit | str | None = None,
    subject_level: CadreLevel | str | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    overdue_on: date | None = None,
    overdue: bool = False,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[ClueView]:
    """Newest registered first unless ``order`` names a key of ``CLUE_ORDERS``;
    ``due_from``/``due_to`` bound the 反馈期限 (inclusive); ``overdue_on``: only the clues
    overdue on that day (督办); ``overdue``: overdue today; ``text`` searches the number, the
    person reported on and the 具体问题."""
    if overdue and overdue_on is None:
        overdue_on = date.today()
    query: Select[Clue] = records(Clue, voided)
    if round_id is not None:
        query = query.where(Clue.round_id == round_id)
    if status is not None:
        query = query.where(Clue.status == parse_enum(ClueStatus, status, "status", "线索状态"))
    if target_id is not None:
        query = query.where(Clue.target_id == target_id)
    if team_id is not None:
        query = query.where(Clue.team_id == team_id)
    if transfer_unit is not None:
        unit = parse_enum(ClueTransferUnit, transfer_unit, "transfer_unit", "拟移交单位")
        query = query.where(Clue.transfer_unit == unit)
    if subject_level is not None:
        level = parse_enum(CadreLevel, subject_level, "subject_level", "干部级别")
        query = query.where(Clue.subject_level == level)
    if due_from is not None:
        query = query.where(Clue.feedback_due >= due_from)
    if due_to is not None:
        query = query.where(Clue.feedback_due <= due_to)
    if overdue_on is not None:
        query = query.where(Clue.status.in_(OPEN_STATUSES), Clue.feedback_due < overdue_on)
    query = contains_text(
        query, text, Clue.number, Clue.subject_name, Clue.subject_position, Clue.problem
    )
    newest = (Clue.created_at.desc(), Clue.number.desc(), Clue.id)
    query = apply_order(query, order, CLUE_ORDERS, newest)
    return page(session, query, clue_view, offset, limit, total)


def _open_due(round_id: str | None) -> Select[Clue]:
    query = live(Clue).where(Clue.status.in_(OPEN_STATUSES), Clue.feedback_due.is_not(None))
    if round_id is not None:
        query = query.where(Clue.round_id == round_id)
    return query.order_by(Clue.feedback_due, Clue.number, Clue.id)


def overdue_clues(session: Session, round_id: str | None, today: date) -> list[ClueView]:
    """Not fed back and past the 反馈期限, most overdue first; ``round_id`` None: every round."""
    query = _open_due(round_id).where(Clue.feedback_due < today)
    return [clue_view(r) for r in session.scalars(query)]


def due_soon(session: Session, round_id: str | None, today: date, days: int = 7) -> list[ClueView]:
    """Not fed back and due from ``today`` to ``today + days`` inclusive (not yet overdue)."""
    if days < 0:
        raise ValidationError("提前提醒天数不能为负数", field="days")
    until = today + timedelta(days=days)
    query = _open_due(round_id).where(Clue.feedback_due >= today, Clue.feedback_due <= until)
    return [clue_view(r) for r in session.scalars(query)]
