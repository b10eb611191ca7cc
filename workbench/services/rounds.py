"""Rounds, teams and members."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import Member, Round, Team
from workbench.models.enums import ForceType, MemberRole, RoundPhase, RoundType
from workbench.services.catalog import catalog
from workbench.services.common import (
    Page,
    RecordMeta,
    check_order,
    get_live,
    live,
    optional_text,
    page,
    parse_enum,
    record_meta,
    required_text,
    soft_delete,
)
from workbench.taxonomy import TaxonomyNotFound


def check_version(row_version: int, expected: int | None) -> None:
    """Optimistic concurrency: an editor saves only over the version it loaded."""
    if expected is not None and row_version != expected:
        raise Conflict("该记录已被他人修改，请刷新后再编辑", version=row_version)


@dataclass(frozen=True)
class RoundDraft:
    name: str
    year: int
    number: int
    round_type: RoundType | str
    framework_id: str
    framework_version: str | int
    term: str = ""
    start_date: date | None = None
    end_date: date | None = None
    authorization_no: str = ""


@dataclass(frozen=True)
class RoundView:
    id: str
    name: str
    term: str
    year: int
    number: int
    round_type: RoundType
    start_date: date | None
    end_date: date | None
    authorization_no: str
    framework_id: str
    framework_version: str
    phase: RoundPhase
    meta: RecordMeta


def _round_view(row: Round) -> RoundView:
    return RoundView(
        id=row.id,
        name=row.name,
        term=row.term,
        year=row.year,
        number=row.number,
        round_type=row.round_type,
        start_date=row.start_date,
        end_date=row.end_date,
        authorization_no=row.authorization_no,
        framework_id=row.framework_id,
        framework_version=row.framework_version,
        phase=row.phase,
        meta=record_meta(row),
    )


def _apply_round(row: Round, draft: RoundDraft) -> None:
    if not 2000 <= draft.year <= 2100:
        raise ValidationError("年度应为四位年份", field="year")
    if draft.number < 1:
        raise ValidationError("轮次应为正整数", field="number")
    check_order(draft.start_date, draft.end_date, "end_date", "结束日期不能早于开始日期")
    try:
        catalog().framework(draft.framework_id, int(draft.framework_version))
    except (TaxonomyNotFound, ValueError):
        raise ValidationError(
            f"未找到监督框架 {draft.framework_id}@{draft.framework_version}", field="framework"
        ) from None
    row.name = required_text(draft.name, "name", "轮次名称", 120)
    row.term = optional_text(draft.term, "term", "届次", 40)
    row.year = draft.year
    row.number = draft.number
    row.round_type = parse_enum(RoundType, draft.round_type, "round_type", "巡察类型")
    row.start_date = draft.start_date
    row.end_date = draft.end_date
    row.authorization_no = optional_text(draft.authorization_no, "authorization_no", "授权文号", 80)
    row.framework_id = draft.framework_id
    row.framework_version = str(draft.framework_version)


def create_round(session: Session, draft: RoundDraft) -> RoundView:
    row = Round()
    _apply_round(row, draft)
    session.add(row)
    session.flush()
    row.round_id = row.id  # a round belongs to itself, so round filters need no special case
    return _round_view(row)


def update_round(
    session: Session, round_id: str, draft: RoundDraft, *, expected_version: int | None = None
) -> RoundView:
    row = get_live(session, Round, round_id, "巡察轮次")
    check_version(row.version, expected_version)
    _apply_round(row, draft)
    session.flush()
    return _round_view(row)


def get_round(session: Session, round_id: str) -> RoundView:
    return _round_view(get_live(session, Round, round_id, "巡察轮次"))


def list_rounds(session: Session, *, offset: int = 0, limit: int = 100) -> Page[RoundView]:
    query = live(Round).order_by(Round.year.desc(), Round.number.desc())
    return page(session, query, _round_view, offset, limit)


@dataclass(frozen=True)
class TeamView:
    id: str
    round_id: str | None
    number: int
    name: str
    target_ids: tuple[str, ...]
    meta: RecordMeta


def _team_view(row: Team) -> TeamView:
    return TeamView(
        row.id, row.round_id, row.number, row.name, tuple(row.target_ids), record_meta(row)
    )


def create_team(
    session: Session, round_id: str, number: int, name: str, target_ids: tuple[str, ...] = ()
) -> TeamView:
    get_live(session, Round, round_id, "巡察轮次")
    if number < 1:
        raise ValidationError("组号应为正整数", field="number")
    row = Team(
        round_id=round_id,
        number=number,
        name=required_text(name, "name", "巡察组名称", 80),
        target_ids=list(target_ids),
    )
    session.add(row)
    session.flush()
    row.team_id = row.id
    return _team_view(row)


def assign_targets(session: Session, team_id: str, target_ids: tuple[str, ...]) -> TeamView:
    row = get_live(session, Team, team_id, "巡察组")
    row.target_ids = list(dict.fromkeys(target_ids))
    session.flush()
    return _team_view(row)


def list_teams(session: Session, round_id: str) -> list[TeamView]:
    query = live(Team).where(Team.round_id == round_id).order_by(Team.number)
    return [_team_view(r) for r in session.scalars(query)]


@dataclass(frozen=True)
class MemberDraft:
    name: str
    role: MemberRole | str
    force_type: ForceType | str
    original_unit: str = ""
    recusal: str = ""
    user_id: str | None = None


@dataclass(frozen=True)
class MemberView:
    id: str
    team_id: str | None
    name: str
    original_unit: str
    role: MemberRole
    force_type: ForceType
    recusal: str
    user_id: str | None
    meta: RecordMeta


def _member_view(row: Member) -> MemberView:
    return MemberView(
        row.id,
        row.team_id,
        row.name,
        row.original_unit,
        row.role,
        row.force_type,
        row.recusal,
        row.user_id,
        record_meta(row),
    )


def add_member(session: Session, team_id: str, draft: MemberDraft) -> MemberView:
    team = get_live(session, Team, team_id, "巡察组")
    row = Member(
        round_id=team.round_id,
        team_id=team.id,
        name=required_text(draft.name, "name", "姓名", 40),
        original_unit=optional_text(draft.original_unit, "original_unit", "原单位", 120),
        role=parse_enum(MemberRole, draft.role, "role", "组内职务"),
        force_type=parse_enum(ForceType, draft.force_type, "force_type", "力量类型"),
        recusal=optional_text(draft.recusal, "recusal", "回避申报", 2000),
        user_id=draft.user_id,
    )
    session.add(row)
    session.flush()
    return _member_view(row)


def list_members(session: Session, team_id: str) -> list[MemberView]:
    query = live(Member).where(Member.team_id == team_id).order_by(Member.created_at)
    return [_member_view(r) for r in session.scalars(query)]


def remove_member(session: Session, member_id: str) -> None:
    soft_delete(session, get_live(session, Member, member_id, "组员"))
