"""Deterministic, realistic demo data for a whole inspection round.

``populate_demo(vault, size="small")`` fills an open store with one round of 十五届县委 (three
teams, targets of every kind, interviews, letters, clues, 底稿, 整改台账…) in a few seconds;
``size="large"`` writes exactly 100,000 records, mostly letters, for benchmarks. The same seed
gives the same text, numbers and dates; record ids are fresh UUIDs every time.

Rows go through the ORM in batches, so the flush hooks stamp, audit and index them for search
just as for records made through the services.
"""

from __future__ import annotations

import random
import re
from datetime import date

from sqlalchemy import select

import workbench.services  # noqa: F401 - registers the search-index hook
from workbench import search
from workbench.demo_data import cases, followup, letters, work
from workbench.demo_data.context import Context, Staff, StaffUser, TargetRef
from workbench.demo_data.datacheck import make_datacheck
from workbench.demo_data.names import COUNTY_PARTY
from workbench.demo_data.plan import SIZES, DemoSummary, Plan
from workbench.demo_data.round import Namer, make_policies, make_round, make_target, make_teams
from workbench.demo_data.sink import Sink
from workbench.errors import ValidationError
from workbench.jobs import NEVER_CANCELLED, CancelToken, ProgressSink, no_progress
from workbench.models import Member, Target, User
from workbench.models.base import new_id
from workbench.models.system import StoreMeta
from workbench.reports.frame_settings import setting_named
from workbench.roles import Role
from workbench.services.catalog import catalog
from workbench.store.vault import Vault
from workbench.vocab.enums import PortraitSubject, RoundType

__all__ = ["SIZES", "DemoSummary", "Plan", "populate_demo"]

# (role in the demo, store role, display name of the demo user in workbench.demo)
_STAFF = (
    ("leader", Role.TEAM_LEADER, "王建国"),
    ("deputy", Role.DEPUTY_LEADER, "李慧敏"),
    ("member", Role.MEMBER, "张伟"),
    ("recorder", Role.RECORDER, "陈静"),
)


# The rounds: 轮次, type, 进驻 and end dates, number of the 授权文号 (云巡办〔2026〕N号).
_REGULAR = (6, RoundType.REGULAR, date(2026, 3, 9), date(2026, 5, 29), 12)
_VILLAGE = (7, RoundType.VILLAGE, date(2026, 8, 31), date(2026, 10, 30), 21)


def populate_demo(
    vault: Vault,
    *,
    size: str = "small",
    seed: int = 2026,
    progress: ProgressSink | None = None,
    cancel: CancelToken | None = None,
    plan: Plan | None = None,
) -> DemoSummary:
    """Write the demo round(s) into ``vault``; ``plan`` overrides ``size`` (tests scale the large
    plan down with ``SIZES["large"].scaled(n)``). Cancelling keeps the batches already written."""
    if plan is None:
        if size not in SIZES:
            raise ValidationError(f"演示数据规模应为 {'、'.join(SIZES)}", field="size")
        plan = SIZES[size]
    sink = Sink(vault, progress or no_progress, cancel or NEVER_CANCELLED, _estimate(plan))
    ctx = Context(random.Random(seed), catalog(), plan, sink, _staff(vault))
    targets = _round(ctx, *_REGULAR, _expand(ctx, plan.targets), plan.portraits)
    first_round = list(targets)
    if plan.village_round:
        village = ctx.catalog.target_types().kind("village")
        subtypes = [s.code for s in village.subtypes] if village else [None]
        villages = [("village", ctx.pick(subtypes)) for _ in range(plan.village_round)]
        targets += _round(ctx, *_VILLAGE, villages, max(1, plan.portraits // 4))
    sink.label = "信访件"
    weights = [3 if t.kind in ("village", "township", "community") else 2 for t in targets]
    if plan.total is None:
        for _ in range(plan.letters):
            letters.other_letter(ctx, ctx.rng.choices(targets, weights)[0])
    else:
        while sink.records < plan.total:
            letters.other_letter(ctx, ctx.rng.choices(targets, weights)[0])
    sink.total = max(sink.total, sink.records)
    sink.flush()
    if plan.data_lists:
        sink.counts.update(make_datacheck(vault, first_round, seed))
    _link_recusals(vault)
    _frame_settings(vault)
    with vault.session() as s:  # one merge of the index segments after the bulk load
        search.optimize(s)
    return DemoSummary.from_counts(dict(sink.counts))


# the 公文 frame as 云川县's 巡察办 set it (reports/frame_settings.py), come to the laptop with the
# office's rules: its 标志, its teams' prefix, the 代字 of its authorizations (云巡办〔2026〕12号)
_FRAME = {
    "office_mark": f"{COUNTY_PARTY}巡察工作领导小组办公室",
    "team_prefix": COUNTY_PARTY,
    "office_code": "云巡办",
    "team_code": "云巡",
    "printer": f"{COUNTY_PARTY}巡察工作领导小组办公室",
}


def _frame_settings(vault: Vault) -> None:
    with vault.session() as s:
        for name, value in _FRAME.items():
            s.merge(StoreMeta(key=setting_named(name).key, value=value))


def _expand(
    ctx: Context, mix: tuple[tuple[str, str | None, int], ...]
) -> list[tuple[str, str | None]]:
    specs = [(kind, subtype) for kind, subtype, n in mix for _ in range(n)]
    ctx.rng.shuffle(specs)
    return specs


def _round(
    ctx: Context,
    number: int,
    kind: RoundType,
    start: date,
    end: date,
    doc_no: int,
    specs: list[tuple[str, str | None]],
    portraits: int,
) -> list[TargetRef]:
    sink = ctx.sink
    sink.label = "巡察轮次和被巡察对象"
    rnd = make_round(ctx, number, kind, start, end, doc_no)
    ids: list[list[str]] = [[], [], []]
    planned = [(new_id(), spec) for spec in specs]
    for index, (target_id, _) in enumerate(planned):
        ids[index % 3].append(target_id)
    teams = make_teams(ctx, rnd, ids)
    make_policies(ctx, rnd)
    namer = Namer(ctx)
    targets = [
        make_target(ctx, namer, teams[i % 3], k, s, tid) for i, (tid, (k, s)) in enumerate(planned)
    ]
    sink.label = "个别谈话和工作记录"
    for target in targets:
        work.make_interviews(ctx, target)
        work.make_activities(ctx, target)
    sink.label = "问题线索"
    for target in targets:
        cases.make_clues(ctx, target)
    sink.label = "问题底稿"
    for target in targets:
        cases.make_findings(ctx, target)
    sink.label = "监督重点和整改台账"
    for target in targets:
        followup.make_focus_items(ctx, target)
        followup.make_rectifications(ctx, target)
    sink.label = "政治画像和报告"
    _portraits(ctx, targets, portraits)
    for index, target in enumerate(targets, 1):
        report_ids = followup.make_reports(ctx, target) if ctx.text.chance(0.6) else []
        followup.make_archive(ctx, target, report_ids, index)
    followup.make_round_reports(ctx, rnd, targets)
    return targets


def _portraits(ctx: Context, targets: list[TargetRef], count: int) -> None:
    """Portraits of 一把手 (SOEs, townships and agencies first), one unit and one 班子."""
    ranked = sorted(targets, key=lambda t: t.kind not in ("soe", "township", "party_gov"))
    for target in ranked[:count]:
        followup.make_portrait(ctx, target, PortraitSubject.PERSON)
    followup.make_portrait(ctx, ranked[0], PortraitSubject.UNIT)
    followup.make_portrait(ctx, ranked[-1], PortraitSubject.LEADERSHIP)


_RECUSED_UNIT = re.compile(r"在(\S+?)(?:任职|工作)")


def _link_recusals(vault: Vault) -> None:
    """The 回避 each member declared in words also as links to the round's targets it names
    (本人曾于2024年在县交通运输局任职… → 县交通运输局党组), so the demo's 回避 are enforced."""
    with vault.session() as s:
        targets = s.scalars(select(Target).where(Target.deleted_at.is_(None))).all()
        for member in s.scalars(select(Member).where(Member.deleted_at.is_(None))):
            units = {m.group(1) for m in _RECUSED_UNIT.finditer(member.recusal)}
            linked = [
                t.id
                for t in targets
                if t.round_id == member.round_id and any(t.name.startswith(u) for u in units)
            ]
            if linked:
                member.recusal_target_ids = linked


def _staff(vault: Vault) -> Staff:
    """The store users who act as 第一巡察组: by display name, else by role, else whoever runs
    the demo (who then signs in their place)."""
    with vault.read() as s:
        users = list(
            s.scalars(
                select(User).where(User.disabled.is_(False)).order_by(User.created_at, User.name)
            )
        )
    found: dict[str, StaffUser] = {}
    for key, role, name in _STAFF:
        row = next((u for u in users if u.display_name == name), None) or next(
            (u for u in users if role.value in u.roles), None
        )
        if row is not None:
            found[key] = StaffUser(row.id, row.display_name, True, row.display_name)
        else:
            found[key] = StaffUser(vault.user.id, name, False, vault.user.display_name)
    return Staff(**found)


def _mean(bounds: tuple[int, int]) -> float:
    return sum(bounds) / 2


def _estimate(plan: Plan) -> int:
    """Records a plan will make (exact for plans with a total; close otherwise)."""
    if plan.total is not None:
        return plan.total
    targets = sum(n for *_, n in plan.targets) + plan.village_round
    lists = _mean(plan.functions) + _mean(plan.supervision) + _mean(plan.problems)
    per_target = (
        10
        + _mean(plan.staff)  # persons
        + 13
        + lists  # focus items, "3+1" lists
        + _mean(plan.interviews)
        + _mean(plan.activities)
        + _mean(plan.clues) * 1.7  # with the letters behind them
        + _mean(plan.findings) * 3.7  # with letters, evidence and 整改 items
        + 4  # reports and archive items
    )
    return int(targets * per_target) + plan.letters + 60  # + round, teams, policies
