"""进驻通知: 巡察办 tells the organisation to be inspected which team comes, when, and what to
prepare (动员会, 工作汇报, 资料, 工作条件), with the team's 信访渠道."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.reports.context import DocContext, DocRequest, F, cn_number, doc_date, fmt_date
from workbench.reports.gbt9704 import KAITI, OfficialDocument
from workbench.reports.round_start import (
    UNPLANNED,
    ContactLine,
    Point,
    Stationed,
    contact_lines,
    days,
    notice_date,
    office_name,
    party_body,
    round_kind,
    stationed,
    stationing,
)


@dataclass(frozen=True)
class EntryNoticeDoc(DocContext):
    recipient: str = F("主送（被巡察党组织）")
    issuer: str = F("署名（巡察办）")
    team: str = F("巡察组")
    target: str = F("被巡察党组织")
    intro: str = F("开头段")
    schedule: str = F("进驻时间和巡察时间")
    roster: str = F("巡察组组成（每行一种职务）")
    preparations: tuple[Point, ...] = F("需做好的准备工作")
    contacts: tuple[ContactLine, ...] = F("巡察组联系方式")
    contact_note: str = F("联系方式说明")


def _schedule(scope: Stationed) -> str:
    start, end = stationing(scope.setup.round)
    team = scope.team_name
    if start and end:
        return (
            f"{team}定于{fmt_date(start)}进驻，巡察时间为{scope.period}，"
            f"共{days(start, end)}天（含节假日）。"
        )
    if start:
        return f"{team}定于{fmt_date(start)}进驻，巡察结束时间{UNPLANNED}。"
    if end:
        return f"{team}进驻时间{UNPLANNED}，巡察工作于{fmt_date(end)}前结束。"
    return f"{team}进驻时间和巡察时间{UNPLANNED}。"


def _preparations(scope: Stationed) -> tuple[Point, ...]:
    leader = f"（{scope.target.leader_name}同志）" if scope.target.leader_name else ""
    return (
        Point(
            "召开巡察工作动员会",
            "巡察组进驻当日召开动员会。请你单位通知领导班子成员、内设机构和下属单位主要负责人、"
            f"党员和干部职工代表参加；巡察组组长作动员讲话，你单位党组织主要负责人{leader}"
            "作表态发言，会后开展民主测评。",
        ),
        Point(
            "准备工作汇报",
            "你单位党组织主要负责人向巡察组作专题汇报，内容包括贯彻落实党的路线方针政策和"
            "上级决策部署、落实全面从严治党“两个责任”、领导班子和干部队伍建设、"
            "巡视巡察和审计等监督发现问题整改等情况。书面汇报材料于进驻前报送巡察组。",
        ),
        Point(
            "准备有关资料",
            "按巡察组资料清单准备：领导班子成员名单、分工和联系方式，“三定”方案及内设机构、"
            "下属单位情况，近三年工作总结和计划，党委（党组）会议和“三重一大”决策会议记录，"
            "干部选拔任用资料，财务账簿和预决算资料，近年审计、督查发现问题及整改资料等。"
            "所提供资料应真实、完整。",
        ),
        Point(
            "提供工作条件",
            "安排巡察组办公和谈话用房，在醒目位置张贴巡察公告、设置巡察意见箱，"
            "明确一名联络员负责与巡察组的日常联系。",
        ),
    )


def context(session: Session, request: DocRequest) -> EntryNoticeDoc:
    scope = stationed(session, request.round_id or "", request.target_id or "")
    rnd, target, team = scope.setup.round, scope.target, scope.team
    lines = contact_lines(scope.contact)
    return EntryNoticeDoc(
        title=f"关于{scope.team_name}巡察{target.name}的通知",
        secrecy="工作秘密",
        copy_no=request.copy_no,
        date=doc_date(request, notice_date(rnd)),
        recipient=target.name,
        issuer=office_name(rnd),
        team=scope.team_name,
        target=target.name,
        intro=(
            f"根据{party_body(rnd)}统一部署，{scope.team_name}将对你单位开展{round_kind(rnd)}。"
            "现将有关事项通知如下。"
        ),
        schedule=_schedule(scope),
        roster=scope.setup.entry(team, target).roster if team else "",
        preparations=_preparations(scope),
        contacts=lines,
        contact_note=(
            "巡察期间，巡察组设立以下信访渠道，受理来信来电来访："
            if lines
            else "巡察组的值班电话、邮政信箱等信访渠道，在进驻时以巡察公告公布。"
        ),
    )


def render(ctx: EntryNoticeDoc) -> OfficialDocument:
    doc = OfficialDocument(title=ctx.title)
    doc.marks(copy_no=ctx.copy_no, secrecy=ctx.secrecy)
    doc.title(ctx.title)
    doc.recipient(ctx.recipient)
    doc.text(ctx.intro)
    doc.heading(1, "一、进驻时间")
    doc.text(ctx.schedule)
    doc.heading(1, "二、巡察组组成")
    doc.text(ctx.roster or f"巡察组组成人员{UNPLANNED}。")
    doc.heading(1, "三、需做好的准备工作")
    for no, point in enumerate(ctx.preparations, start=1):
        doc.text(point.text, lead=f"（{cn_number(no)}）{point.heading}。", lead_font=KAITI)
    doc.heading(1, "四、巡察组联系方式")
    doc.text(ctx.contact_note)
    for line in ctx.contacts:
        doc.text(f"{line.label}：{line.value}")
    doc.signature(ctx.issuer, ctx.date)
    return doc
