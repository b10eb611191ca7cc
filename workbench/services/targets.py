"""被巡察对象 (targets) and the cadres and other people in them (persons).

Also the lookups every record service of a round shares: ``require_round``, ``require_team`` and
``require_target`` (a record may only point at a target of its own round).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.errors import Conflict, ValidationError
from workbench.models import (
    Activity,
    Clue,
    Finding,
    FocusItem,
    Interview,
    Letter,
    ListEntry,
    Person,
    Portrait,
    Rectification,
    Report,
    Round,
    Target,
    Team,
)
from workbench.models.base import RecordMixin
from workbench.services.catalog import catalog
from workbench.services.common import (
    Changes,
    Page,
    RecordMeta,
    check_order,
    get_live,
    live,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    required_text,
    text_matches,
    void_record,
)
from workbench.services.id_numbers import checked_id_number
from workbench.services.rounds import check_version
from workbench.services.setup_common import require_setup
from workbench.taxonomy import TargetKind
from workbench.vocab.enums import AttentionLevel, CadreLevel, FocusStatus

# -- lookups shared by the record services --------------------------------------------------------


def require_round(session: Session, round_id: str) -> Round:
    return get_live(session, Round, round_id, "巡察轮次")


def require_team(session: Session, team_id: str | None, round_id: str) -> str | None:
    """The team id if it is a live team of ``round_id`` (None passes through)."""
    if team_id is None:
        return None
    team = get_live(session, Team, team_id, "巡察组")
    if team.round_id != round_id:
        raise ValidationError("所选巡察组不属于本轮巡察", field="team_id")
    return team.id


def require_target(session: Session, target_id: str, round_id: str | None) -> Target:
    """A live target; when ``round_id`` is given the target must belong to that round."""
    target = get_live(session, Target, target_id, "被巡察对象")
    if round_id is not None and target.round_id not in (None, round_id):
        raise ValidationError("所选被巡察对象不属于本轮巡察", field="target_id")
    return target


def optional_target(session: Session, target_id: str | None, round_id: str) -> str | None:
    return None if target_id is None else require_target(session, target_id, round_id).id


def next_number(
    session: Session, column: InstrumentedAttribute[str], round_id: str, prefix: str
) -> str:
    """The round's next ``<prefix>-<year>-NNNN`` (see ``workflow.next_number``)."""
    from workbench.services.workflow import next_number as next_in_round

    model: type[RecordMixin] = column.class_  # type: ignore[assignment]
    return next_in_round(session, model, require_round(session, round_id), prefix)


def check_unique_number(
    session: Session,
    column: InstrumentedAttribute[str],
    round_id: str,
    number: str,
    own_id: str | None,
) -> None:
    """A typed number unique in the round, voided records included (``workflow.check_number``)."""
    from workbench.services.workflow import check_number

    model: type[RecordMixin] = column.class_  # type: ignore[assignment]
    check_number(session, model, round_id, number, own_id)


# -- targets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetDraft:
    name: str
    kind: str  # catalog code ("village") or title ("村")
    attention: AttentionLevel | str
    subtype: str | None = None  # code or title, only for a kind that has sub-types
    parent_org: str = ""
    overview: str = ""
    leader_name: str = ""
    team_id: str | None = None
    county: str = ""  # 所属县（区）


@dataclass(frozen=True)
class TargetView:
    id: str
    round_id: str | None
    team_id: str | None
    name: str
    kind: str
    kind_title: str
    subtype: str | None
    subtype_title: str | None
    attention: AttentionLevel
    parent_org: str
    overview: str
    leader_name: str
    county: str
    meta: RecordMeta


def _kind(code: str) -> TargetKind | None:
    return catalog().target_types().kind(code)


def _target_view(row: Target) -> TargetView:
    kind = _kind(row.kind)
    sub = kind.subtype(row.subtype) if kind and row.subtype else None
    return TargetView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        name=row.name,
        kind=row.kind,
        # a kind retired from a later catalog version still shows, by its code
        kind_title=kind.title if kind else row.kind,
        subtype=row.subtype,
        subtype_title=sub.title if sub else row.subtype,
        attention=row.attention,
        parent_org=row.parent_org,
        overview=row.overview,
        leader_name=row.leader_name,
        county=row.county,
        meta=record_meta(row),
    )


def _parse_kind(kind_text: str, subtype_text: str | None) -> tuple[str, str | None]:
    kinds = catalog().target_kinds()
    text = (kind_text or "").strip()
    kind = next((k for k in kinds if k.named(text)), None)
    if kind is None:
        options = "、".join(f"{k.title}（{k.code}）" for k in kinds)
        raise ValidationError(f"对象类型“{text}”无效，可选：{options}", field="kind")
    sub_text = (subtype_text or "").strip()
    if not sub_text:
        return kind.code, None
    if not kind.subtypes:
        raise ValidationError(f"对象类型“{kind.title}”没有子类型", field="subtype")
    sub = next((s for s in kind.subtypes if s.named(sub_text)), None)
    if sub is None:
        options = "、".join(f"{s.title}（{s.code}）" for s in kind.subtypes)
        raise ValidationError(
            f"“{sub_text}”不是“{kind.title}”的子类型，可选：{options}", field="subtype"
        )
    return kind.code, sub.code


def _apply_target(session: Session, row: Target, round_id: str, draft: TargetDraft) -> None:
    row.kind, row.subtype = _parse_kind(draft.kind, draft.subtype)
    row.name = required_text(draft.name, "name", "对象名称", 120)
    row.attention = parse_enum(AttentionLevel, draft.attention, "attention", "关注等级")
    row.parent_org = optional_text(draft.parent_org, "parent_org", "上级主管", 120)
    row.overview = optional_text(draft.overview, "overview", "基本情况")
    row.leader_name = optional_text(draft.leader_name, "leader_name", "一把手", 40)
    row.county = optional_text(draft.county, "county", "所属县（区）", 60)
    row.team_id = require_team(session, draft.team_id, round_id)


def create_target(session: Session, round_id: str, draft: TargetDraft) -> TargetView:
    require_round(session, round_id)
    row = Target(round_id=round_id)
    _apply_target(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _target_view(row)


def update_target(
    session: Session, target_id: str, draft: TargetDraft, *, expected_version: int | None = None
) -> TargetView:
    row = get_live(session, Target, target_id, "被巡察对象")
    check_version(row.version, expected_version)
    _apply_target(session, row, row.round_id or "", draft)
    session.flush()
    return _target_view(row)


def get_target(session: Session, target_id: str) -> TargetView:
    return _target_view(get_live(session, Target, target_id, "被巡察对象"))


def list_targets(
    session: Session,
    *,
    round_id: str | None = None,
    team_id: str | None = None,
    kind: str | None = None,
    subtype: str | None = None,
    attention: AttentionLevel | str | None = None,
    name_contains: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[TargetView]:
    query = records(Target, voided)
    if round_id is not None:
        query = query.where(Target.round_id == round_id)
    if team_id is not None:
        query = query.where(Target.team_id == team_id)
    if kind is not None:
        query = query.where(Target.kind == kind)
    if subtype is not None:
        query = query.where(Target.subtype == subtype)
    if attention is not None:
        level = parse_enum(AttentionLevel, attention, "attention", "关注等级")
        query = query.where(Target.attention == level)
    if name_contains:
        query = query.where(text_matches(Target.name, name_contains.strip()))
    return page(session, query.order_by(Target.name, Target.id), _target_view, offset, limit, total)


# Records whose target_id makes them the target's work: deleting the target would orphan them.
_DEPENDENTS: tuple[tuple[type[RecordMixin], InstrumentedAttribute[str | None], str], ...] = (
    (Person, Person.target_id, "干部"),
    (Interview, Interview.target_id, "谈话"),
    (Activity, Activity.target_id, "工作记录"),
    (Letter, Letter.target_id, "信访件"),
    (Finding, Finding.target_id, "问题底稿"),
    (Clue, Clue.target_id, "问题线索"),
    (ListEntry, ListEntry.target_id, "清单条目"),
    (Portrait, Portrait.target_id, "政治画像"),
    (Rectification, Rectification.target_id, "整改事项"),
    (Report, Report.target_id, "报告"),
)


def void_target(session: Session, target_id: str, reason: str) -> Changes:
    """Refused while live records point at the target. Focus items nobody has worked on yet are
    scaffolding seeded from the catalog, so they go with the target; worked ones block."""
    require_setup(session, "作废被巡察对象")
    row = get_live(session, Target, target_id, "被巡察对象")
    held: list[str] = []
    for model, column, label in _DEPENDENTS:
        count = session.scalar(
            select(func.count()).where(column == target_id, model.deleted_at.is_(None))
        )
        if count:
            held.append(f"{label} {count} 条")
    focus = session.scalars(live(FocusItem).where(FocusItem.target_id == target_id)).all()
    worked = [f for f in focus if f.status != FocusStatus.NOT_STARTED or f.notes or f.finding_ids]
    if worked:
        held.append(f"已开展的监督重点 {len(worked)} 条")
    if held:
        raise Conflict(f"该对象下仍有{'、'.join(held)}，不能作废", target_id=target_id)
    for item in focus:
        void_record(session, item, reason)
    void_record(session, row, reason)
    session.flush()
    return Changes.of("target", target_id) | Changes.of("focus_item", *(f.id for f in focus))


# -- persons ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonDraft:
    target_id: str
    name: str
    level: CadreLevel | str
    position: str = ""
    portfolio: str = ""  # 分管
    term_start: date | None = None
    term_end: date | None = None
    unit: str = ""  # 工作单位, when it is not the target itself
    id_number: str = ""  # 身份证号 (GB 11643), for cross-checking lists


@dataclass(frozen=True)
class PersonView:
    id: str
    round_id: str | None
    target_id: str | None
    name: str
    position: str
    level: CadreLevel
    portfolio: str
    term_start: date | None
    term_end: date | None
    unit: str
    id_number: str
    meta: RecordMeta


def _person_view(row: Person) -> PersonView:
    return PersonView(
        id=row.id,
        round_id=row.round_id,
        target_id=row.target_id,
        name=row.name,
        position=row.position,
        level=row.level,
        portfolio=row.portfolio,
        term_start=row.term_start,
        term_end=row.term_end,
        unit=row.unit,
        id_number=row.id_number,
        meta=record_meta(row),
    )


def _apply_person(session: Session, row: Person, draft: PersonDraft) -> None:
    target = require_target(session, draft.target_id, None)
    check_order(draft.term_start, draft.term_end, "term_end", "任职结束日期不能早于开始日期")
    row.target_id = target.id
    row.round_id = target.round_id  # a person is known through the target inspected
    row.team_id = target.team_id
    row.name = required_text(draft.name, "name", "姓名", 40)
    row.level = parse_enum(CadreLevel, draft.level, "level", "干部级别")
    row.position = optional_text(draft.position, "position", "职务", 80)
    row.portfolio = optional_text(draft.portfolio, "portfolio", "分管工作", 200)
    row.term_start = draft.term_start
    row.term_end = draft.term_end
    row.unit = optional_text(draft.unit, "unit", "工作单位", 120)
    row.id_number = checked_id_number(draft.id_number) if draft.id_number.strip() else ""


def create_person(session: Session, draft: PersonDraft) -> PersonView:
    row = Person()
    _apply_person(session, row, draft)
    session.add(row)
    session.flush()
    return _person_view(row)


def update_person(
    session: Session, person_id: str, draft: PersonDraft, *, expected_version: int | None = None
) -> PersonView:
    row = get_live(session, Person, person_id, "人员")
    check_version(row.version, expected_version)
    _apply_person(session, row, draft)
    session.flush()
    return _person_view(row)


def get_person(session: Session, person_id: str) -> PersonView:
    return _person_view(get_live(session, Person, person_id, "人员"))


def list_persons(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    level: CadreLevel | str | None = None,
    name_contains: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[PersonView]:
    query = records(Person, voided)
    if round_id is not None:
        query = query.where(Person.round_id == round_id)
    if target_id is not None:
        query = query.where(Person.target_id == target_id)
    if level is not None:
        query = query.where(Person.level == parse_enum(CadreLevel, level, "level", "干部级别"))
    if name_contains:
        query = query.where(text_matches(Person.name, name_contains.strip()))
    return page(session, query.order_by(Person.name, Person.id), _person_view, offset, limit, total)


def void_person(session: Session, person_id: str, reason: str) -> Changes:
    require_setup(session, "作废人员")
    void_record(session, get_live(session, Person, person_id, "人员"), reason)
    session.flush()
    return Changes.of("person", person_id)
