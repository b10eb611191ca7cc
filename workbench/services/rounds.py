"""Rounds, teams and members.

Who is on a team and what it inspects decide who may sign off its 底稿 (``authority``), so
changing a round's set-up — the round, a team, its targets, its members — is 巡察办's alone,
checked here and not only by ``office_setup``. Creating a round or an empty team is left to
the callers (a new store's fixtures, the first-use and self-test stores).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, PermissionDenied, ValidationError
from workbench.models import Member, Person, Round, Target, Team
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
    void_record,
)
from workbench.services.setup_common import require_setup
from workbench.taxonomy import TaxonomyNotFound
from workbench.vocab.enums import (
    ForceType,
    MemberRole,
    OrgLevel,
    PlanStatus,
    RoundPhase,
    RoundType,
)


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
    dispatch_level: OrgLevel | str = OrgLevel.CITY
    topic: str = ""  # 专项主题
    revisit_of: str | None = None  # 回头看: the earlier round's id
    # the planned dates of each phase; a phase left out has none
    phase_dates: Mapping[RoundPhase | str, tuple[date | None, date | None]] = field(
        default_factory=dict
    )


PhaseDates = dict[RoundPhase, tuple[date | None, date | None]]


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
    phase_dates: PhaseDates
    dispatch_level: OrgLevel
    topic: str
    plan_status: PlanStatus
    plan_note: str
    revisit_of: str | None
    meta: RecordMeta


def _stored_dates(raw: object) -> PhaseDates:
    """The JSON form back to dates; an entry the code does not know is skipped, not fatal."""
    dates: PhaseDates = {}
    if not isinstance(raw, dict):
        return dates
    for code, pair in raw.items():
        try:
            phase = RoundPhase.parse(str(code))
            start, end = (date.fromisoformat(v) if v else None for v in pair)
        except (ValueError, TypeError):
            continue
        dates[phase] = (start, end)
    return dates


def _parse_phase_dates(
    value: Mapping[RoundPhase | str, tuple[date | None, date | None]],
) -> dict[str, list[str | None]]:
    stored: dict[str, list[str | None]] = {}
    for key, (start, end) in value.items():
        phase = parse_enum(RoundPhase, key, "phase_dates", "巡察阶段")
        label = phase.label
        check_order(start, end, "phase_dates", f"“{label}”阶段的结束日期不能早于开始日期")
        stored[phase.value] = [d.isoformat() if d else None for d in (start, end)]
    return stored


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
        phase_dates=_stored_dates(row.phase_dates),
        dispatch_level=row.dispatch_level,
        topic=row.topic,
        plan_status=row.plan_status,
        plan_note=row.plan_note,
        revisit_of=row.revisit_of,
        meta=record_meta(row),
    )


def _apply_round(session: Session, row: Round, draft: RoundDraft) -> None:
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
    row.dispatch_level = parse_enum(OrgLevel, draft.dispatch_level, "dispatch_level", "派出层级")
    row.topic = optional_text(draft.topic, "topic", "专项主题", 200)
    if draft.revisit_of is not None:
        get_live(session, Round, draft.revisit_of, "回头看的原轮次")
    row.revisit_of = draft.revisit_of
    row.phase_dates = _parse_phase_dates(draft.phase_dates)


def create_round(session: Session, draft: RoundDraft) -> RoundView:
    row = Round()
    _apply_round(session, row, draft)
    session.add(row)
    session.flush()
    row.round_id = row.id  # a round belongs to itself, so round filters need no special case
    return _round_view(row)


def update_round(
    session: Session, round_id: str, draft: RoundDraft, *, expected_version: int | None = None
) -> RoundView:
    require_setup(session, "修改巡察轮次")
    row = get_live(session, Round, round_id, "巡察轮次")
    check_version(row.version, expected_version)
    _apply_round(session, row, draft)
    session.flush()
    return _round_view(row)


def get_round(session: Session, round_id: str) -> RoundView:
    return _round_view(get_live(session, Round, round_id, "巡察轮次"))


def list_rounds(
    session: Session, *, offset: int = 0, limit: int = 100, total: bool = True
) -> Page[RoundView]:
    query = live(Round).order_by(Round.year.desc(), Round.number.desc())
    return page(session, query, _round_view, offset, limit, total)


@dataclass(frozen=True)
class TeamContact:
    """A team's 信访渠道 as its 公告 publishes them; "" where the team has none."""

    phone: str = ""  # 值班电话
    mailbox: str = ""  # 邮政信箱, e.g. 云川县邮政局第18号信箱
    postcode: str = ""  # 邮编 of the 信箱
    email: str = ""  # 电子邮箱
    address: str = ""  # 来访地址
    hours: str = ""  # 受理时间
    qr: str = ""  # what its QR code carries: the reporting platform's URL, or a phone or mail text

    @classmethod
    def stored(cls, raw: object) -> TeamContact:
        """The JSON form back; a key the code does not know is skipped."""
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in raw.items() if k in known and v})


@dataclass(frozen=True)
class TeamView:
    id: str
    round_id: str | None
    number: int
    name: str
    target_ids: tuple[str, ...]
    level: OrgLevel
    county: str
    lead_team_id: str | None
    contact: TeamContact
    meta: RecordMeta


def _team_view(row: Team) -> TeamView:
    return TeamView(
        id=row.id,
        round_id=row.round_id,
        number=row.number,
        name=row.name,
        target_ids=tuple(row.target_ids),
        level=row.level,
        county=row.county,
        lead_team_id=row.lead_team_id,
        contact=TeamContact.stored(row.contact),
        meta=record_meta(row),
    )


def _apply_team(
    session: Session,
    row: Team,
    round_id: str,
    name: str,
    level: OrgLevel | str,
    county: str,
    lead_team_id: str | None,
) -> None:
    if lead_team_id is not None:
        lead = get_live(session, Team, lead_team_id, "牵头组")
        if lead.round_id != round_id:
            raise ValidationError("牵头组不属于本轮巡察", field="lead_team_id")
        if row.id is not None and lead.id == row.id:
            raise ValidationError("巡察组不能牵头自己", field="lead_team_id")
    row.name = required_text(name, "name", "巡察组名称", 80)
    row.level = parse_enum(OrgLevel, level, "level", "层级")
    row.county = optional_text(county, "county", "所属县（区）", 60)
    row.lead_team_id = lead_team_id


def create_team(
    session: Session,
    round_id: str,
    number: int,
    name: str,
    target_ids: tuple[str, ...] = (),
    *,
    level: OrgLevel | str = OrgLevel.CITY,
    county: str = "",
    lead_team_id: str | None = None,
) -> TeamView:
    get_live(session, Round, round_id, "巡察轮次")
    if number < 1:
        raise ValidationError("组号应为正整数", field="number")
    row = Team(round_id=round_id, number=number, target_ids=list(target_ids))
    _apply_team(session, row, round_id, name, level, county, lead_team_id)
    session.add(row)
    session.flush()
    row.team_id = row.id
    return _team_view(row)


def update_team(
    session: Session,
    team_id: str,
    *,
    name: str,
    level: OrgLevel | str,
    county: str,
    lead_team_id: str | None,
    expected_version: int | None = None,
) -> TeamView:
    require_setup(session, "修改巡察组")
    row = get_live(session, Team, team_id, "巡察组")
    check_version(row.version, expected_version)
    _apply_team(session, row, row.round_id or "", name, level, county, lead_team_id)
    session.flush()
    return _team_view(row)


def get_team(session: Session, team_id: str) -> TeamView:
    return _team_view(get_live(session, Team, team_id, "巡察组"))


# (label, longest) of each 信访渠道 field; 300 characters make a QR code of at most 93 modules
CONTACT_ACTION = "设置巡察组信访渠道"
_CONTACT_FIELDS = {
    "phone": ("值班电话", 80),
    "mailbox": ("邮政信箱", 80),
    "postcode": ("邮编", 6),
    "email": ("电子邮箱", 120),
    "address": ("来访地址", 120),
    "hours": ("受理时间", 80),
    "qr": ("二维码内容", 300),
}


def set_team_contact(
    session: Session, team_id: str, contact: TeamContact, *, expected_version: int | None = None
) -> TeamView:
    """The team's 信访渠道, all of them at once (a field left "" is removed)."""
    require_setup(session, CONTACT_ACTION)
    row = get_live(session, Team, team_id, "巡察组")
    check_version(row.version, expected_version)
    stored = {}
    for name, (label, longest) in _CONTACT_FIELDS.items():
        text = optional_text(getattr(contact, name), name, label, longest)
        if "\n" in text:
            raise ValidationError(f"{label}应为一行文字", field=name)
        if text:
            stored[name] = text
    postcode = stored.get("postcode", "")
    if postcode and not (len(postcode) == 6 and postcode.isascii() and postcode.isdigit()):
        raise ValidationError("邮编应为 6 位数字", field="postcode")
    if stored.get("email") and "@" not in stored["email"]:
        raise ValidationError(f"电子邮箱“{stored['email']}”无效", field="email")
    row.contact = stored
    session.flush()
    return _team_view(row)


def contact_refusal(session: Session) -> str | None:
    """Why the current user may not set a team's 信访渠道 (what ``set_team_contact`` would say),
    or None: for the UI to show the fields read-only with the reason."""
    try:
        require_setup(session, CONTACT_ACTION)
    except PermissionDenied as refused:
        return refused.message
    return None


def assign_targets(session: Session, team_id: str, target_ids: tuple[str, ...]) -> TeamView:
    require_setup(session, "分配被巡察对象")
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
    recusal: str = ""  # 回避事由
    user_id: str | None = None
    home_level: OrgLevel | str = OrgLevel.CITY
    home_county: str = ""
    recusal_target_ids: tuple[str, ...] = ()  # 回避: targets of the team's round
    recusal_person_ids: tuple[str, ...] = ()  # 回避: persons of the team's round


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
    home_level: OrgLevel
    home_county: str
    recusal_target_ids: tuple[str, ...]
    recusal_person_ids: tuple[str, ...]
    meta: RecordMeta


def _member_view(row: Member) -> MemberView:
    return MemberView(
        id=row.id,
        team_id=row.team_id,
        name=row.name,
        original_unit=row.original_unit,
        role=row.role,
        force_type=row.force_type,
        recusal=row.recusal,
        user_id=row.user_id,
        home_level=row.home_level,
        home_county=row.home_county,
        recusal_target_ids=tuple(row.recusal_target_ids),
        recusal_person_ids=tuple(row.recusal_person_ids),
        meta=record_meta(row),
    )


def _recusal_links(
    session: Session, model: type[Target] | type[Person], ids: tuple[str, ...], round_id: str | None
) -> list[str]:
    """回避 points at records of the member's own round; anything else is refused by name."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = set(
        session.scalars(
            select(model.id).where(
                model.id.in_(wanted), model.round_id == round_id, model.deleted_at.is_(None)
            )
        )
    )
    missing = [i for i in wanted if i not in found]
    if missing:
        what = "回避单位" if model is Target else "回避人员"
        raise ValidationError(f"{what}不属于本轮巡察：{'、'.join(missing)}", field=what)
    return wanted


def _apply_member(session: Session, row: Member, draft: MemberDraft) -> None:
    row.name = required_text(draft.name, "name", "姓名", 40)
    row.original_unit = optional_text(draft.original_unit, "original_unit", "原单位", 120)
    row.role = parse_enum(MemberRole, draft.role, "role", "组内职务")
    row.force_type = parse_enum(ForceType, draft.force_type, "force_type", "力量类型")
    row.recusal = optional_text(draft.recusal, "recusal", "回避申报", 2000)
    row.user_id = draft.user_id
    row.home_level = parse_enum(OrgLevel, draft.home_level, "home_level", "来源层级")
    row.home_county = optional_text(draft.home_county, "home_county", "来源县（区）", 60)
    row.recusal_target_ids = _recusal_links(session, Target, draft.recusal_target_ids, row.round_id)
    row.recusal_person_ids = _recusal_links(session, Person, draft.recusal_person_ids, row.round_id)


def add_member(session: Session, team_id: str, draft: MemberDraft) -> MemberView:
    require_setup(session, "添加组员")
    team = get_live(session, Team, team_id, "巡察组")
    row = Member(round_id=team.round_id, team_id=team.id)
    _apply_member(session, row, draft)
    session.add(row)
    session.flush()
    return _member_view(row)


def update_member(
    session: Session, member_id: str, draft: MemberDraft, *, expected_version: int | None = None
) -> MemberView:
    """The member with every field of ``draft`` (its team stays)."""
    require_setup(session, "修改组员")
    row = get_live(session, Member, member_id, "组员")
    check_version(row.version, expected_version)
    _apply_member(session, row, draft)
    session.flush()
    return _member_view(row)


def get_member(session: Session, member_id: str) -> MemberView:
    return _member_view(get_live(session, Member, member_id, "组员"))


def list_members(session: Session, team_id: str) -> list[MemberView]:
    query = live(Member).where(Member.team_id == team_id).order_by(Member.created_at)
    return [_member_view(r) for r in session.scalars(query)]


def remove_member(session: Session, member_id: str, reason: str) -> None:
    """A member leaves the team as a voided record with the reason (their past steps name them)."""
    require_setup(session, "移除组员")
    void_record(session, get_live(session, Member, member_id, "组员"), reason)
