"""巡察工作方案: what 巡察办 plans for a round (or for one target of it) — 指导思想和巡察依据,
巡察对象, 时间安排 by phase, 组织领导和巡察组组成, 巡察重点, 方式方法 and 工作要求.

Built from the round's set-up only: its type and topic, the phase dates the office planned, its
teams and members, its targets and their 监督重点清单, and the framework it is classified by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.reports.context import (
    DocContext,
    DocRequest,
    F,
    Lookup,
    all_pages,
    bare_round,
    cn_number,
    doc_date,
    fmt_date,
)
from workbench.reports.gbt9704 import KAITI, OfficialDocument
from workbench.reports.round_start import (
    UNPLANNED,
    RoundSetup,
    TeamEntry,
    count,
    disciplines,
    office_name,
    party_body,
    round_kind,
    span,
    stationing,
)
from workbench.services import focus
from workbench.services.catalog import catalog
from workbench.services.rounds import RoundView
from workbench.services.targets import TargetView
from workbench.vocab.enums import RoundPhase

# what each phase is for, as a 方案 describes it (the phases the round records, in order)
PHASE_WORK = {
    RoundPhase.PREPARATION: (
        "准备阶段",
        "巡察办制定工作方案，组建巡察组并开展业务培训；向纪检监察机关、组织部门和审计、"
        "信访等单位了解被巡察党组织有关情况，形成“3+1”清单。",
    ),
    RoundPhase.STATIONING: (
        "进驻了解阶段",
        "巡察组进驻被巡察党组织，召开巡察工作动员会，公布信访渠道，通过个别谈话、受理信访、"
        "调阅资料、召开座谈会、下沉了解等方式深入了解情况，形成问题底稿。",
    ),
    RoundPhase.REPORTING: (
        "报告阶段",
        "巡察组撰写巡察报告，向巡察工作领导小组汇报；领导小组向书记专题会议报告巡察情况。",
    ),
    RoundPhase.FEEDBACK: (
        "反馈移交阶段",
        "巡察组向被巡察党组织反馈巡察意见；巡察办按规定移交问题线索和需要有关部门研究解决的问题。",
    ),
    RoundPhase.RECTIFICATION: (
        "整改阶段",
        "被巡察党组织落实整改主体责任，在反馈后2个月内报送整改情况报告；"
        "巡察办会同纪检监察机关、组织部门加强整改监督。",
    ),
    RoundPhase.ARCHIVING: (
        "立卷归档阶段",
        "巡察组和巡察办整理本轮巡察形成的文书材料，按规定立卷归档。",
    ),
}


@dataclass(frozen=True)
class PhaseEntry:
    name: str = F("阶段")
    dates: str = F("时间（未安排的写“时间另行通知”）")
    work: str = F("主要工作")


@dataclass(frozen=True)
class FocusEntry:
    heading: str = F("重点")
    text: str = F("内容")


@dataclass(frozen=True)
class WorkPlanDoc(DocContext):
    recipient: str = F("主送（各巡察组）")
    issuer: str = F("署名（巡察办）")
    basis: str = F("指导思想和巡察依据")
    scope: str = F("巡察对象和任务")
    period: str = F("巡察时间")
    phases: tuple[PhaseEntry, ...] = F("时间安排（按阶段）")
    leadership: str = F("组织领导")
    teams: tuple[TeamEntry, ...] = F("巡察组组成")
    focus: tuple[FocusEntry, ...] = F("巡察重点")
    methods: str = F("方式方法")
    requirements: str = F("工作要求")


def _basis(setup: RoundSetup) -> str:
    rnd = setup.round
    body = party_body(rnd)
    granted = f"根据{body}授权（{rnd.authorization_no}），" if rnd.authorization_no else ""
    return (
        "以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，"
        "坚持巡视巡察工作方针，深化政治巡察，推动全面从严治党向基层延伸。\n"
        f"依据《中国共产党巡视工作条例》和{body}巡察工作有关规定，{granted}"
        f"按照{body}统一部署，制定本方案。"
    )


def _phase_dates(rnd: RoundView, phase: RoundPhase) -> str:
    """A phase's planned dates; without them the 进驻 is the round's own dates and the 准备 ends
    before it; a phase nothing dates is 另行通知 (never guessed)."""
    planned = span(*rnd.phase_dates.get(phase, (None, None)))
    if planned:
        return planned
    start, end = stationing(rnd)
    if phase is RoundPhase.STATIONING and (start or end):
        return span(start, end)
    if phase is RoundPhase.PREPARATION and start:
        return f"{fmt_date(start)}前"
    return f"时间{UNPLANNED}"


def _phases(setup: RoundSetup) -> tuple[PhaseEntry, ...]:
    return tuple(
        PhaseEntry(name, _phase_dates(setup.round, phase), work)
        for phase, (name, work) in PHASE_WORK.items()
    )


def _period(setup: RoundSetup) -> str:
    """The round's own dates, else from the first to the last phase date planned."""
    rnd = setup.round
    planned = span(rnd.start_date, rnd.end_date)
    if not planned:
        known = sorted(d for pair in rnd.phase_dates.values() for d in pair if d)
        planned = span(known[0], known[-1]) if len(known) > 1 else ""
    if planned:
        return f"本轮巡察时间为{planned}，分以下阶段进行。"
    return f"本轮巡察的具体时间由{party_body(rnd)}巡察工作领导小组确定后{UNPLANNED}。"


def _scope(targets: list[TargetView], kind: str) -> str:
    if not targets:
        return f"本轮开展{kind}，巡察对象{UNPLANNED}。"
    names = "、".join(t.name for t in targets)
    if len(targets) == 1:
        return f"本轮对{names}开展{kind}。"
    return f"本轮对{names}等{count(len(targets))}个党组织开展{kind}。"


def _leadership(rnd: RoundView, teams: int) -> str:
    lead = f"本轮巡察在{party_body(rnd)}巡察工作领导小组领导下开展，巡察办负责统筹协调、组织实施"
    if not teams:
        return f"{lead}。巡察组组成{UNPLANNED}。"
    return f"{lead}和服务保障。本轮派出{count(teams)}个巡察组，组长实行“一次一授权”。"


def _focus(
    session: Session, setup: RoundSetup, targets: list[TargetView]
) -> tuple[FocusEntry, ...]:
    """The topic, the framework's 方面 with their 类, then the 监督重点清单 seeded for the targets:
    one entry per kind of target (their lists are the catalog's for that kind), or the
    target's own when the 方案 is for one."""
    rnd = setup.round
    entries = []
    if rnd.topic:
        entries.append(FocusEntry(f"围绕“{rnd.topic}”", "聚焦专项巡察主题开展监督检查。"))
    framework = Lookup(session).framework(rnd.id)
    for aspect in framework.aspects if framework else ():
        kinds = "、".join(c.title for c in aspect.categories)
        entries.append(FocusEntry(aspect.title, f"重点了解{kinds}方面的情况。" if kinds else ""))
    by_kind: dict[str, dict[str, None]] = {}
    for target in targets:
        kind = target.name if len(targets) == 1 else target.subtype_title or target.kind_title
        items = all_pages(focus.list_focus_items, session, round_id=rnd.id, target_id=target.id)
        by_kind.setdefault(kind, {}).update(dict.fromkeys(i.title for i in items))
    entries += [
        FocusEntry(f"{kind}监督重点", f"{'、'.join(titles)}。")
        for kind, titles in by_kind.items()
        if titles
    ]
    return tuple(entries)


def _methods() -> str:
    titles = [m.title for m in catalog().work_methods() if not m.title.startswith("其他")]
    return (
        f"巡察组综合运用{'、'.join(titles)}等方式开展工作，"
        "必要时经批准采取其他方式。巡察组不干预被巡察党组织的正常工作，不履行执纪审查职责。"
    )


def _requirements() -> str:
    rules = disciplines()
    return (
        "提高政治站位。各巡察组要坚持政治巡察定位，把“两个维护”作为根本任务，"
        "发现问题、形成震慑，推动改革、促进发展。\n"
        f"严守纪律规矩。巡察干部要严格遵守{rules}，严格执行中央八项规定及其实施细则精神，"
        "严格落实回避制度，严守保密纪律，不得泄露巡察工作秘密。\n"
        "加强协作配合。纪检监察机关、组织部门和有关单位要按规定提供情况、予以协助；"
        "被巡察党组织要主动接受监督，如实提供材料，不得干扰、阻挠巡察工作。"
    )


def _planned_on(rnd: RoundView) -> date | None:
    """A plan is made before the round: dated the 准备 phase's start, else the round's start."""
    start, _ = rnd.phase_dates.get(RoundPhase.PREPARATION, (None, None))
    return start or rnd.start_date


def context(session: Session, request: DocRequest) -> WorkPlanDoc:
    setup = RoundSetup(session, request.round_id or "")
    rnd = setup.round
    only = next((t for t in setup.targets if t.id == request.target_id), None)
    targets = [only] if only else setup.targets
    teams = [t for t in setup.teams if only is None or setup.team_of(only) == t]
    name = bare_round(rnd.name)
    title = f"{name}巡察{only.name}工作方案" if only else f"{name}巡察工作方案"
    return WorkPlanDoc(
        title=title,
        secrecy="工作秘密",
        copy_no=request.copy_no,
        date=doc_date(request, _planned_on(rnd)),
        recipient="各巡察组",
        issuer=office_name(rnd),
        basis=_basis(setup),
        scope=_scope(targets, round_kind(rnd)),
        period=_period(setup),
        phases=_phases(setup),
        leadership=_leadership(rnd, len(teams)),
        teams=tuple(setup.entry(t, only) for t in teams),
        focus=_focus(session, setup, targets),
        methods=_methods(),
        requirements=_requirements(),
    )


def render(ctx: WorkPlanDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.basis)
    doc.heading(1, "一、巡察对象")
    doc.text(ctx.scope)
    doc.heading(1, "二、时间安排")
    doc.text(ctx.period)
    for no, phase in enumerate(ctx.phases, start=1):
        doc.text(
            phase.work, lead=f"（{cn_number(no)}）{phase.name}（{phase.dates}）。", lead_font=KAITI
        )
    doc.heading(1, "三、组织领导和巡察组组成")
    doc.text(ctx.leadership)
    for no, team in enumerate(ctx.teams, start=1):
        doc.heading(2, f"（{cn_number(no)}）{team.name}")
        doc.text(f"巡察对象：{team.targets or UNPLANNED}")
        doc.text(team.roster or f"组成人员{UNPLANNED}")
    doc.heading(1, "四、巡察重点")
    for no, item in enumerate(ctx.focus, start=1):
        doc.text(item.text, lead=f"（{cn_number(no)}）{item.heading}。", lead_font=KAITI)
    doc.heading(1, "五、方式方法")
    doc.text(ctx.methods)
    doc.heading(1, "六、工作要求")
    for no, line in enumerate(ctx.requirements.split("\n"), start=1):
        head, _, rest = line.partition("。")
        doc.text(rest, lead=f"（{cn_number(no)}）{head}。", lead_font=KAITI)
    doc.signature(ctx.issuer, ctx.date)
    return doc
