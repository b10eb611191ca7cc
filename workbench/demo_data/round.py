"""The round itself: rounds, teams and members, targets with their cadres, and the "3+1" lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from workbench.demo_data import names, phrases, policies
from workbench.demo_data.context import (
    Context,
    PersonRef,
    RoundRef,
    Staff,
    StaffUser,
    TargetRef,
    TeamRef,
)
from workbench.demo_data.positions import CHIEF, CHIEF_BY_UNIT, LEADER_OVERRIDE, POSITIONS, STAFF
from workbench.demo_data.text import money
from workbench.demo_data.topics import topics_for
from workbench.models import ListEntry, Member, Person, Round, Target, Team
from workbench.models.base import new_id
from workbench.vocab.enums import (
    AttentionLevel,
    CadreLevel,
    ForceType,
    ListKind,
    MemberRole,
    RoundType,
)

_TEAM_NAMES = ("第一巡察组", "第二巡察组", "第三巡察组")
_FUNCTION_SOURCES = {
    "mass_org": "单位章程",
    "soe": "公司章程",
    "village": "村级组织工作职责清单",
    "community": "社区工作职责清单",
}


def make_round(
    ctx: Context, number: int, kind: RoundType, start: date, end: date, doc_no: int
) -> RoundRef:
    suffix = "（对村巡察）" if kind is RoundType.VILLAGE else ""
    name = f"十五届县委第{names.cn_number(number)}轮巡察{suffix}"
    ref = RoundRef(new_id(), number, start.year, name, start, end, end + timedelta(days=42))
    ctx.sink.add(
        Round(
            id=ref.id,
            round_id=ref.id,  # a round belongs to itself (as services.rounds does)
            name=name,
            term="十五届县委",
            year=start.year,
            number=number,
            round_type=kind,
            start_date=start,
            end_date=end,
            authorization_no=f"{names.COUNTY_SHORT}巡办〔{start.year}〕{doc_no}号",
            framework_id="sgjj",
            framework_version="2020",
        )
    )
    return ref


def _contact(number: int) -> dict[str, str]:
    """A demo team's 信访渠道 (fictional: example.org addresses, no real number)."""
    return {
        "phone": f"0870-55501{number:02d}",
        "mailbox": f"{names.COUNTY}邮政局第{number}号信箱",
        "postcode": "657000",
        "email": f"xcz{number}@example.org",
        "address": f"{names.COUNTY}行政中心4号楼",
        "hours": "工作日8:30-12:00、14:30-17:30",
        "qr": f"https://example.org/xuncha/jb?zu={number}",
    }


def make_teams(ctx: Context, rnd: RoundRef, target_ids: list[list[str]]) -> list[TeamRef]:
    """Three teams of six; the store's demo users are 第一巡察组."""
    text, staff = ctx.text, ctx.staff
    teams = []
    for index, team_name in enumerate(_TEAM_NAMES):
        team = TeamRef(new_id(), index + 1, rnd, "", "", "")
        ctx.sink.add(
            Team(
                id=team.id,
                round_id=rnd.id,
                team_id=team.id,
                number=index + 1,
                name=team_name,
                target_ids=target_ids[index],
                contact=_contact(index + 1),
            )
        )
        crew: list[tuple[str, MemberRole, ForceType, str | None]]
        if index == 0:
            crew = [
                (user.name, role, force, user.id if user.linked else None)
                for user, role, force in (
                    (staff.leader, MemberRole.LEADER, ForceType.FULL_TIME),
                    (staff.deputy, MemberRole.DEPUTY, ForceType.FULL_TIME),
                    (staff.member, MemberRole.MEMBER, ForceType.FIXED),
                    (staff.recorder, MemberRole.RECORDER, ForceType.FIXED),
                )
            ]
        else:
            crew = [
                (text.name(), MemberRole.LEADER, ForceType.FULL_TIME, None),
                (text.name(), MemberRole.DEPUTY, ForceType.FIXED, None),
                (text.name(), MemberRole.MEMBER, ForceType.SECONDED, None),
                (text.name(True), MemberRole.RECORDER, ForceType.FIXED, None),
            ]
        crew += [
            (text.name(), MemberRole.MEMBER, ForceType.SECONDED, None),
            (text.name(True), MemberRole.LETTERS, ForceType.SECONDED, None),
        ]
        for name, role, force, user_id in crew:
            unit = names.TEAM_UNITS[0] if role is MemberRole.LEADER else ctx.pick(names.TEAM_UNITS)
            other, suffix = ctx.pick(names.UNITS["party_gov"])
            recusal = text.fill(ctx.pick(phrases.RECUSALS), unit=other, org=other + suffix)
            ctx.sink.add(
                Member(
                    round_id=rnd.id,
                    team_id=team.id,
                    name=name,
                    original_unit=unit,
                    role=role,
                    force_type=force,
                    recusal=recusal,
                    user_id=user_id,
                )
            )
            team.members.append(name)
            if role is MemberRole.LEADER:
                team.leader = name
            elif role is MemberRole.DEPUTY:
                team.deputy = name
            elif role is MemberRole.RECORDER:
                team.recorder = name
        team.signers = staff if index == 0 else _own_signers(crew)
        teams.append(team)
    return teams


def _own_signers(crew: list[tuple[str, MemberRole, ForceType, str | None]]) -> Staff:
    """A team of another laptop signs its own 底稿: its members, under ids of users this store
    does not have (so no store user can act as them here)."""
    first: dict[MemberRole, str] = {}
    for name, role, _force, _user in crew:
        first.setdefault(role, name)

    def user(role: MemberRole) -> StaffUser:
        return StaffUser(new_id(), first[role], False, first[role])

    return Staff(
        leader=user(MemberRole.LEADER),
        deputy=user(MemberRole.DEPUTY),
        member=user(MemberRole.MEMBER),
        recorder=user(MemberRole.RECORDER),
    )


class Namer:
    """Unique target names per kind: from the corpora first, then made up."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.used: set[str] = set()

    def _take(self, pool: tuple[str, ...], invent: Callable[[int], str]) -> str:
        free = [p for p in pool if p not in self.used]
        n = 0
        while not free:
            n += 1
            free = [name for name in (invent(n),) if name not in self.used]
        choice = self.ctx.pick(free)
        self.used.add(choice)
        return choice

    def unit(self, kind: str, subtype: str | None) -> tuple[str, str]:
        """(short name, Party organisation name)."""
        text, pick = self.ctx.text, self.ctx.pick
        if kind == "village":
            unit = self._take(
                names.VILLAGE_NAMES,
                lambda _n: (
                    text.pick(names.SURNAMES) + "家" + text.pick(names.VILLAGE_PLACE_WORDS) + "村"
                ),
            )
            return unit, unit + pick(("党支部", "党支部", "党总支"))
        if kind == "community":
            pool = names.COMMUNITY_NAMES.get(subtype or "", ())
            unit = self._take(pool, lambda n: f"{pick(names.TOWNS)[:2]}第{names.cn_number(n)}社区")
            return unit, unit + pick(("党委", "党总支"))
        if kind == "township":
            unit = self._take(
                names.TOWNS + names.STREETS, lambda n: f"新区第{names.cn_number(n)}街道"
            )
            return unit, unit + ("党工委" if unit.endswith("街道") else "党委")
        units: tuple[tuple[str, str], ...] = names.UNITS[kind]
        suffixes = dict(units)
        first, first_suffix = units[0]
        unit = self._take(tuple(suffixes), lambda n: f"{first}第{names.cn_number(n + 1)}分部")
        return unit, unit + suffixes.get(unit, first_suffix)


def _chief(kind: str, unit: str) -> str:
    if kind == "township":
        return "办事处主任" if unit.endswith("街道") else unit[-1] + "长"
    return CHIEF_BY_UNIT.get(unit, CHIEF.get(kind, "主任"))


def make_target(
    ctx: Context, namer: Namer, team: TeamRef, kind: str, subtype: str | None, target_id: str
) -> TargetRef:
    text = ctx.text
    unit, org = namer.unit(kind, subtype)
    depts = names.DEPARTMENTS[kind]
    if kind == "township":
        villages = tuple(ctx.pick(names.VILLAGE_NAMES) for _ in range(4))
        parent = names.COUNTY_PARTY
    elif kind in ("village", "community"):
        villages = (unit,)
        town = ctx.pick(names.TOWNS if kind == "village" else names.STREETS)
        parent = town + ("党工委" if town.endswith("街道") else "党委")
    else:
        villages = tuple(ctx.pick(names.TOWNS) for _ in range(3))
        parent = names.PARENT_ORGS[kind]
    target = TargetRef(
        target_id,
        team.round,
        team,
        org,
        unit,
        kind,
        subtype,
        depts,
        villages,
        topics_for(kind),
        parent,
    )
    _persons(ctx, target)
    kind_def = ctx.catalog.target_types().kind(kind)
    sub = kind_def.subtype(subtype) if kind_def and subtype else None
    overview = text.fill(
        phrases.OVERVIEWS[kind],
        unit=unit,
        org=org,
        parent=parent,
        subtype=sub.title if sub else "",
        about=sub.description if sub else "",
        **_figures(ctx, kind, subtype),
    )
    if kind == "soe" or subtype in ("complex", "resource_rich", "suburban"):
        attention = AttentionLevel.SPECIAL
    else:
        attention = ctx.cover("attention", list(AttentionLevel), (1, 3, 3))
    ctx.sink.add(
        Target(
            id=target.id,
            round_id=team.round.id,
            team_id=team.id,
            name=org,
            kind=kind,
            subtype=subtype,
            attention=attention,
            parent_org=parent,
            overview=overview,
            leader_name=target.leader.name,
        )
    )
    _lists(ctx, target)
    return target


# Plausible sizes by kind: (staff, party members, amount in 元 for the overview's money figure).
_SIZES: dict[str, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] = {
    "party_gov": ((25, 120), (18, 90), (5_000_000, 300_000_000)),
    "mass_org": ((6, 25), (5, 20), (500_000, 6_000_000)),
    "school": ((60, 280), (25, 120), (2_000_000, 15_000_000)),
    "hospital": ((80, 900), (30, 300), (30_000_000, 500_000_000)),
    "soe": ((40, 400), (15, 120), (200_000_000, 8_000_000_000)),
    "township": ((40, 90), (600, 2500), (20_000_000, 200_000_000)),
    "village": ((5, 9), (25, 90), (50_000, 1_200_000)),
    "community": ((5, 12), (80, 400), (100_000, 2_000_000)),
    "institution": ((10, 80), (6, 45), (3_000_000, 50_000_000)),
}


def _figures(ctx: Context, kind: str, subtype: str | None) -> dict[str, str]:
    staff, party, money_span = _SIZES[kind]
    if subtype == "economic":
        money_span = (800_000, 6_000_000)
    households = ctx.span((300, 1500) if kind == "village" else (1500, 6000))
    span = ctx.span
    return {
        "staff": str(span(staff)),
        "members": str(span((5, 9))),
        "party": str(span(party)),
        "amount": money(ctx.text.amount(money_span)),
        "k": str(span((3, 12))),
        "n": str(span((3, 9))),
        "prev": str(span((2019, 2022))),
        "issues": str(span((12, 36))),
        "students": str(span((600, 3800))),
        "grade": ctx.pick(phrases.HOSPITAL_GRADES),
        "beds": str(span((60, 620))),
        "founded": str(span((2009, 2019))),
        "villages": str(span((9, 26))),
        "acre": str(span((8000, 76000))),
        "pop": str(span((12000, 60000)) if kind == "township" else int(households * 3.1)),
        "groups": str(span((4, 14))),
        "households": str(households),
        "m": str(span((12, 60))),
    }


def _branch_title(text: str, branch: str) -> str:
    for body in ("党委", "党支部", "党总支"):
        text = text.replace(body, branch)
    return text.replace("纪委书记", "纪检委员")


def _persons(ctx: Context, target: TargetRef) -> None:
    text, kind, rnd = ctx.text, target.kind, target.round
    chief = _chief(kind, target.unit)
    rows = [(p.format(chief=chief, n="一"), lv, f) for p, lv, f in POSITIONS[kind]]
    if target.unit.endswith("街道"):
        rows = [(p.replace("党委", "党工委"), lv, f) for p, lv, f in rows]
    branch = next((b for b in ("党总支", "党支部") if target.org.endswith(b)), None)
    if branch is not None:  # a 党支部/党总支 has a 书记 of its own, not a 党委书记
        rows = [(_branch_title(p, branch), lv, _branch_title(f, branch)) for p, lv, f in rows]
    if target.unit in LEADER_OVERRIDE:
        rows[0] = (*LEADER_OVERRIDE[target.unit], rows[0][2])
    for i in range(ctx.span(ctx.plan.staff)):
        dept = ctx.pick(target.depts)
        pattern, portfolio = ctx.pick(STAFF)
        if kind == "village":  # more 村民小组组长 (the first is a standard position)
            pattern, portfolio = f"第{names.cn_number(i + 2)}村民小组组长", "负责本组生产和群众事务"
        elif kind == "community":
            pattern, portfolio = f"第{names.cn_number(i + 2)}网格网格员", "负责网格内服务管理"
        rows.append((pattern.format(dept=dept), "other", portfolio.format(dept=dept)))
    if ctx.text.chance(0.25):  # a former head: letters often concern predecessors
        rows.append(("原" + rows[0][0], rows[0][1], "已调离，曾主持全面工作"))
    head_start = date(rnd.year - 1, 1, 1)
    for index, (position, level, portfolio) in enumerate(rows):
        start = date(ctx.span((2015, 2024)), ctx.span((1, 12)), ctx.span((1, 28)))
        end = None
        if index == 0:
            head_start = start
        elif position.startswith("原"):  # the predecessor left when the head arrived
            end = head_start
            start = date(end.year - ctx.span((3, 6)), start.month, start.day)
        person = PersonRef(
            new_id(), text.name(text.chance(0.3)), position, CadreLevel.parse(level), portfolio
        )
        ctx.sink.add(
            Person(
                id=person.id,
                round_id=rnd.id,
                team_id=target.team.id,
                target_id=target.id,
                name=person.name,
                position=position,
                level=person.level,
                portfolio=portfolio,
                term_start=start,
                term_end=end,
            )
        )
        target.persons.append(person)


def make_policies(ctx: Context, rnd: RoundRef) -> None:
    """The round's 政策清单 (shared by its teams): every policy document, for findings to cite."""
    ids: dict[str, str] = {}
    for key, (title, doc_no, clause, excerpt, issuer, local) in policies.POLICIES.items():
        extra: dict[str, object] = {
            "key": key,
            "issuer": issuer,
            "level": "县级" if local else "中央",
        }
        if not local:
            extra["note"] = policies.PARAPHRASE_NOTE
        entry = ListEntry(
            id=new_id(),
            round_id=rnd.id,
            kind=ListKind.POLICY,
            title=f"《{title}》",
            document_no=doc_no,
            clause=clause,
            content=excerpt,
            source=issuer,
            extra=extra,
        )
        ids[key] = entry.id
        ctx.sink.add(entry)
    ctx.policy_ids[rnd.id] = ids


def _lists(ctx: Context, target: TargetRef) -> None:
    """职能清单, 综合监督信息清单 and 问题清单 of one target."""
    text, plan = ctx.text, ctx.plan
    base = {"round_id": target.round.id, "team_id": target.team.id, "target_id": target.id}
    functions = policies.FUNCTIONS[target.kind]
    source = _FUNCTION_SOURCES.get(target.kind, "三定方案")
    for function in ctx.rng.sample(functions, min(ctx.span(plan.functions), len(functions))):
        ctx.sink.add(
            ListEntry(
                kind=ListKind.FUNCTION,
                title=function,
                source=source,
                content=f"依据{source}，{target.unit}{function}。",
                extra={"dept": ctx.pick(target.depts)},
                **base,
            )
        )
    for _ in range(ctx.span(plan.supervision)):
        source, template = ctx.pick(policies.SUPERVISION)
        topic = ctx.pick(target.topics)
        content = text.fill(template, unit=target.unit, key=topic.key)
        ctx.sink.add(
            ListEntry(
                kind=ListKind.SUPERVISION,
                title=f"{source}提供的{target.unit}有关情况",
                content=content,
                source=source,
                **base,
            )
        )
    for topic in ctx.rng.sample(target.topics, min(ctx.span(plan.problems), len(target.topics))):
        how = ctx.pick(("调阅会计凭证和合同", "个别谈话", "实地走访核实", "数据比对", "专项检查"))
        ctx.sink.add(
            ListEntry(
                kind=ListKind.PROBLEM,
                title=f"重点了解{topic.key}问题",
                content=f"结合巡前通报和前期了解，重点了解{target.unit}是否存在{topic.key}问题，"
                f"主要通过{how}核实。",
                source="巡察组",
                extra={"taxonomy_code": topic.codes[0]},
                **base,
            )
        )
