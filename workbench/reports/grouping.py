"""What the 巡察报告, the 反馈意见 and the clue 专题报告 share: the scope of a round (or one target
of it) and the findings grouped by the round's framework 方面 → 类, in framework order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.reports.context import (
    DocRequest,
    F,
    Lookup,
    all_pages,
    bare_round,
    cn_number,
    fmt_amount,
    fmt_date,
    issuer_body,
    yes_no,
)
from workbench.reports.frame import team_signature
from workbench.reports.frame_settings import frame_settings
from workbench.services import findings
from workbench.services.findings import FindingView
from workbench.services.rounds import RoundView
from workbench.services.targets import TargetView, list_targets
from workbench.vocab.enums import FindingStatus

OTHER_ASPECT = "其他问题"
UNCLASSIFIED = "未分类问题"


@dataclass(frozen=True)
class FindingBrief:
    no: str = F("序号，如“（1）”")
    number: str = F("底稿编号")
    title: str = F("问题名称")
    summary: str = F("问题概述")
    amount: str = F("涉及金额（元）")
    immediate_fix: str = F("立行立改（是/否）")
    target: str = F("被巡察单位")


@dataclass(frozen=True)
class CategoryGroup:
    no: str = F("序号，如“1.”")
    title: str = F("类")
    count: str = F("问题数")
    findings: tuple[FindingBrief, ...] = F("问题（列表）")


@dataclass(frozen=True)
class AspectGroup:
    no: str = F("序号，如“（一）”")
    title: str = F("方面")
    count: str = F("问题数")
    categories: tuple[CategoryGroup, ...] = F("类（列表）")


@dataclass(frozen=True)
class Suggestion:
    no: str = F("序号，如“（一）”")
    title: str = F("小标题")
    text: str = F("建议内容")


@dataclass(frozen=True)
class Scope:
    """A round, or one target of it: names, who signs and to whom it goes."""

    round: RoundView
    target: TargetView | None
    name: str  # the target's name, or the round's without a trailing 巡察
    issuer: str  # who signs: the team, or the office for a round of several teams
    actor: str  # who inspected: the team, or all teams of the round
    recipient: str
    period: str  # 2026年3月9日至5月29日; 2026年3月9日起 without an end; blank when undated

    @property
    def subject(self) -> str:
        return self.target.name if self.target else "各被巡察党组织"

    @property
    def during(self) -> str:
        """``于2026年3月9日至5月29日`` (``自2026年3月9日起``) before 对…巡察; blank when the
        round's dates are not recorded, so that the sentence still reads."""
        if not self.period:
            return ""
        return f"自{self.period}" if self.period.endswith("起") else f"于{self.period}"


def scope_of(session: Session, request: DocRequest, names: Lookup) -> Scope:
    rnd = names.round(request.round_id or "")
    target = names.target(request.target_id)
    body = issuer_body(rnd.term) or "县委"
    teams = names.teams(rnd.id)
    team = next((t for t in teams if target and target.id in t.target_ids), None)
    if team is None and target is not None and target.team_id:
        team = next((t for t in teams if t.id == target.team_id), None)
    if team is None and len(teams) == 1:
        team = teams[0]
    signed = team_signature(frame_settings(names.session), rnd.term, team.name) if team else ""
    issuer = signed or f"{body}巡察工作领导小组办公室"
    actor = signed or f"{body}各巡察组"
    start, end = fmt_date(rnd.start_date), fmt_date(rnd.end_date)
    if start and end and rnd.start_date and rnd.end_date:
        if rnd.start_date.year == rnd.end_date.year:
            end = end.split("年", 1)[1]
        period = f"{start}至{end}"
    else:
        period = f"{start}起" if start else ""
    return Scope(
        round=rnd,
        target=target,
        name=target.name if target else bare_round(rnd.name),
        issuer=issuer,
        actor=actor,
        recipient=f"{body}巡察工作领导小组",
        period=period,
    )


def target_names(session: Session, scope: Scope) -> list[str]:
    if scope.target is not None:
        return [scope.target.name]
    return [t.name for t in all_pages(list_targets, session, round_id=scope.round.id)]


@dataclass(frozen=True)
class LeftOut:
    """A 底稿 marked 纳入报告 that a signed document leaves out, and why (its state)."""

    id: str
    number: str
    title: str
    status: FindingStatus

    @property
    def reason(self) -> str:
        return f"状态：{self.status.label}，未经组长审签"


def _marked(session: Session, request: DocRequest) -> list[FindingView]:
    views = all_pages(
        findings.list_findings,
        session,
        round_id=request.round_id,
        target_id=request.target_id,
        in_report=True,
    )
    return sorted(views, key=lambda v: v.number)


def report_findings(session: Session, request: DocRequest) -> list[FindingView]:
    """The findings marked 纳入报告 in the scope, by number: only 已审签 ones, unless the request
    is for a 征求意见稿 (``request.draft``), which takes them in whatever their state."""
    views = _marked(session, request)
    if request.draft:
        return views
    return [v for v in views if v.status is FindingStatus.APPROVED]


def left_out_findings(session: Session, request: DocRequest) -> list[LeftOut]:
    """The 底稿 marked 纳入报告 in the scope that a signed document leaves out (编制中, 待复核,
    待审签), by number — for the document dialog and the command line to name."""
    return [
        LeftOut(v.id, v.number, v.title, v.status)
        for v in _marked(session, request)
        if v.status is not FindingStatus.APPROVED
    ]


def group_findings(
    views: Iterable[FindingView], names: Lookup, round_id: str
) -> tuple[AspectGroup, ...]:
    """方面 → 类 → findings, in the framework's order; codes the framework lacks come last."""
    framework = names.framework(round_id)
    order: dict[str, int] = {}
    titles: dict[str, str] = {}
    if framework is not None:
        for index, nodes in enumerate(framework.walk()):
            if len(nodes) <= 2:
                order[nodes[-1].code] = index
                titles[nodes[-1].code] = nodes[-1].title
    buckets: dict[tuple[str, str], list[FindingView]] = {}
    for view in views:
        path = framework.lookup(view.taxonomy_code) if framework and view.taxonomy_code else None
        key = (path[0].code, path[1].code if len(path) > 1 else "") if path else ("", "")
        buckets.setdefault(key, []).append(view)

    def rank(code: str) -> tuple[int, str]:
        return (order.get(code, len(order) + 1), code)

    aspects: list[AspectGroup] = []
    for aspect_code in sorted({a for a, _ in buckets}, key=lambda c: (c == "", rank(c))):
        cats = sorted((c for a, c in buckets if a == aspect_code), key=lambda c: (c == "", rank(c)))
        groups: list[CategoryGroup] = []
        for cat_no, cat_code in enumerate(cats, start=1):
            items = buckets[(aspect_code, cat_code)]
            briefs = tuple(
                FindingBrief(
                    no=f"（{n}）",
                    number=v.number,
                    title=v.title,
                    summary=v.summary,
                    amount=fmt_amount(v.amount),
                    immediate_fix=yes_no(v.immediate_fix),
                    target=names.target_name(v.target_id),
                )
                for n, v in enumerate(items, start=1)
            )
            title = titles.get(cat_code) or (OTHER_ASPECT if aspect_code else UNCLASSIFIED)
            groups.append(CategoryGroup(f"{cat_no}.", title, str(len(items)), briefs))
        aspects.append(
            AspectGroup(
                no=f"（{cn_number(len(aspects) + 1)}）",
                title=titles.get(aspect_code, OTHER_ASPECT),
                count=str(sum(int(g.count) for g in groups)),
                categories=tuple(groups),
            )
        )
    return tuple(aspects)


def suggestions(groups: tuple[AspectGroup, ...], scope: Scope) -> tuple[Suggestion, ...]:
    """A draft recommendation per 方面 that had problems, for the team to sharpen."""
    out = []
    for n, group in enumerate(groups, start=1):
        categories = "、".join(c.title for c in group.categories)
        out.append(
            Suggestion(
                no=f"（{cn_number(n)}）",
                title=f"针对{group.title}方面的问题",
                text=(
                    f"{scope.subject}要针对{categories}等方面存在的问题，认真落实整改主体责任，"
                    "逐项制定整改措施，明确责任领导、责任部门和完成时限，举一反三、标本兼治，"
                    "健全完善相关制度，确保问题整改到位。"
                ),
            )
        )
    return tuple(out)
