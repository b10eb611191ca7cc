"""工作记录: briefings, forums, file reviews, field visits… — the work methods in action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models import Activity
from workbench.services.catalog import catalog
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
    void_record,
)
from workbench.services.rounds import check_version
from workbench.services.targets import optional_target, require_round, require_team
from workbench.vocab.enums import ActivityType
from workbench.vocab.labels import type_label

# What a method finds is recorded elsewhere for these kinds (WorkMethod.record_kind).
_OWN_RECORD = {kind: type_label(kind) for kind in ("interview", "letter")}


@dataclass(frozen=True)
class ActivityDraft:
    activity_type: ActivityType | str
    held_at: datetime
    title: str
    method_code: str = ""  # blank: the catalog's method for this activity type
    target_id: str | None = None
    team_id: str | None = None
    participants: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ActivityView:
    id: str
    round_id: str | None
    team_id: str | None
    activity_type: ActivityType
    method_code: str
    method_title: str
    held_at: datetime
    target_id: str | None
    title: str
    participants: tuple[str, ...]
    notes: str
    meta: RecordMeta


def _method_title(code: str) -> str:
    method = next((m for m in catalog().work_methods() if m.code == code), None)
    return method.title if method else code


def _activity_view(row: Activity) -> ActivityView:
    return ActivityView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        activity_type=row.activity_type,
        method_code=row.method_code,
        method_title=_method_title(row.method_code),
        held_at=row.held_at,
        target_id=row.target_id,
        title=row.title,
        participants=tuple(row.participants),
        notes=row.notes,
        meta=record_meta(row),
    )


def _method(code: str, activity_type: ActivityType) -> str:
    methods = catalog().work_methods()
    code = (code or "").strip().upper()
    if not code:
        # the catalog names its activity types by their Chinese label
        found = next((m for m in methods if m.activity_type == activity_type.label), None)
        if found is None:
            raise ValidationError("请选择工作方式", field="method_code")
        return found.code
    method = next((m for m in methods if m.code == code), None)
    if method is None:
        raise ValidationError(f"工作方式代码“{code}”不在工作方式目录中", field="method_code")
    if method.record_kind in _OWN_RECORD:
        raise ValidationError(
            f"“{method.title}”请登记为{_OWN_RECORD[method.record_kind]}，不作为工作记录",
            field="method_code",
        )
    return method.code


def _participants(names: tuple[str, ...]) -> list[str]:
    people = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if any(len(n) > 40 for n in people):
        raise ValidationError("参与人姓名不能超过 40 个字", field="participants")
    return people


def _apply(session: Session, row: Activity, round_id: str, draft: ActivityDraft) -> None:
    kind = parse_enum(ActivityType, draft.activity_type, "activity_type", "工作类型")
    if not isinstance(draft.held_at, datetime):
        raise ValidationError("请填写时间", field="held_at")
    not_in_future(draft.held_at, "held_at", "工作时间")
    row.activity_type = kind
    row.method_code = _method(draft.method_code, kind)
    row.held_at = draft.held_at
    row.title = required_text(draft.title, "title", "标题", 200)
    row.target_id = optional_target(session, draft.target_id, round_id)
    row.team_id = require_team(session, draft.team_id, round_id)
    row.participants = _participants(draft.participants)
    row.notes = optional_text(draft.notes, "notes", "记录")


def create_activity(session: Session, round_id: str, draft: ActivityDraft) -> ActivityView:
    require_round(session, round_id)
    row = Activity(round_id=round_id)
    _apply(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _activity_view(row)


def update_activity(
    session: Session, activity_id: str, draft: ActivityDraft, *, expected_version: int | None = None
) -> ActivityView:
    row = get_live(session, Activity, activity_id, "工作记录")
    check_version(row.version, expected_version)
    _apply(session, row, row.round_id or "", draft)
    session.flush()
    return _activity_view(row)


def get_activity(session: Session, activity_id: str) -> ActivityView:
    return _activity_view(get_live(session, Activity, activity_id, "工作记录"))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
ACTIVITY_ORDERS = {
    "held_at": Activity.held_at,
    "activity_type": enum_rank(Activity.activity_type, ActivityType),
    "title": Activity.title,
}


def list_activities(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    activity_type: ActivityType | str | None = None,
    method_code: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[ActivityView]:
    """Filters combine; ``date_from``/``date_to`` are inclusive days. Earliest first unless
    ``order`` names a key of ``ACTIVITY_ORDERS``; ``text`` searches the 标题 and 记录."""
    query = records(Activity, voided)
    if round_id is not None:
        query = query.where(Activity.round_id == round_id)
    if target_id is not None:
        query = query.where(Activity.target_id == target_id)
    if team_id is not None:
        query = query.where(Activity.team_id == team_id)
    if activity_type is not None:
        kind = parse_enum(ActivityType, activity_type, "activity_type", "工作类型")
        query = query.where(Activity.activity_type == kind)
    if method_code is not None:
        query = query.where(Activity.method_code == method_code.strip().upper())
    if date_from is not None:
        query = query.where(Activity.held_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        query = query.where(Activity.held_at < datetime.combine(date_to + timedelta(1), time.min))
    query = contains_text(query, text, Activity.title, Activity.notes)
    query = apply_order(query, order, ACTIVITY_ORDERS, (Activity.held_at, Activity.id))
    return page(session, query, _activity_view, offset, limit, total)


def void_activity(session: Session, activity_id: str, reason: str) -> Changes:
    """作废 a work record entered by mistake."""
    require_role(session, CASE_ROLES, "作废工作记录")
    void_record(session, get_live(session, Activity, activity_id, "工作记录"), reason)
    session.flush()
    return Changes.of("activity", activity_id)
