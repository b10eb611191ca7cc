"""What the documents a round sends out at its start share: who sends them, the teams with their
members and targets, the planned dates in words, and a team's 信访渠道.

These documents (工作方案, 进驻通知, 巡察公告, 小信封) are written before anything is found, so
they read only the round's set-up: the round with its phase dates, its teams and members, its
targets and their 监督重点清单. A date the office has not planned is said to be 另行通知, never
guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from workbench.reports.context import F, all_pages, cn_number, fmt_date, issuer_body
from workbench.reports.frame import team_signature
from workbench.reports.frame_settings import frame_settings
from workbench.services import rounds, targets
from workbench.services.rounds import RoundView, TeamContact, TeamView
from workbench.services.targets import TargetView
from workbench.vocab.enums import Discipline, MemberRole, RoundPhase, RoundType

UNPLANNED = "另行通知"

# what each kind of round is called in a sentence ("对……开展常规巡察")
ROUND_KINDS = {
    RoundType.REGULAR: "常规巡察",
    RoundType.SPECIAL: "专项巡察",
    RoundType.MOBILE: "机动巡察",
    RoundType.ELEVATED: "提级巡察",
    RoundType.CROSS: "交叉巡察",
    RoundType.LINKED: "联动巡察",
    RoundType.REVISIT: "巡察“回头看”",
    RoundType.VILLAGE: "巡察",
}


def party_body(rnd: RoundView) -> str:
    """The Party committee that sends the round: 十五届县委 → 县委 (县委 when none is recorded)."""
    return issuer_body(rnd.term) or "县委"


def office_name(rnd: RoundView) -> str:
    """巡察办 as it signs: 县委巡察工作领导小组办公室."""
    return f"{party_body(rnd)}巡察工作领导小组办公室"


def round_kind(rnd: RoundView) -> str:
    kind = ROUND_KINDS.get(rnd.round_type, "巡察")
    if rnd.round_type is RoundType.SPECIAL and rnd.topic:
        return f"{rnd.topic}专项巡察"
    return kind


def span(start: date | None, end: date | None) -> str:
    """2025年3月10日至5月30日 (the year once when both fall in it); one end alone as 起/至; "" when
    neither is known."""
    if start and end:
        tail = fmt_date(end).split("年", 1)[1] if start.year == end.year else fmt_date(end)
        return f"{fmt_date(start)}至{tail}"
    if start:
        return f"{fmt_date(start)}起"
    if end:
        return f"至{fmt_date(end)}"
    return ""


def stationing(rnd: RoundView) -> tuple[date | None, date | None]:
    """The planned 进驻 dates, else the round's own start and end."""
    start, end = rnd.phase_dates.get(RoundPhase.STATIONING, (None, None))
    if start is None and end is None:
        return rnd.start_date, rnd.end_date
    return start, end


def notice_date(rnd: RoundView) -> date | None:
    """The default 成文日期 of what announces the 进驻 (进驻通知, 巡察公告): the end of the 准备
    phase, else the 进驻 date itself — never after the 进驻 it announces."""
    _, prepared = rnd.phase_dates.get(RoundPhase.PREPARATION, (None, None))
    return prepared or stationing(rnd)[0]


def days(start: date | None, end: date | None) -> int | None:
    return (end - start).days + 1 if start and end else None


@dataclass(frozen=True)
class TeamEntry:
    """A team of the round as the documents list it."""

    name: str = F("巡察组")
    targets: str = F("巡察对象")
    roster: str = F("组成人员（每行一种职务）")


def roster(members: tuple[rounds.MemberView, ...]) -> str:
    """组长：王某（县纪委监委）\\n副组长：… — one line per role, in the order of MemberRole."""
    lines = []
    for role in MemberRole:
        names = [
            f"{m.name}（{m.original_unit}）" if m.original_unit else m.name
            for m in members
            if m.role is role
        ]
        if names:
            lines.append(f"{role.label}：{'、'.join(names)}")
    return "\n".join(lines)


class RoundSetup:
    """A round's teams, members and targets, read once per document."""

    def __init__(self, session: Session, round_id: str) -> None:
        self.round = rounds.get_round(session, round_id)
        self.teams = rounds.list_teams(session, round_id)
        self.members = {t.id: tuple(rounds.list_members(session, t.id)) for t in self.teams}
        self.targets = list(all_pages(targets.list_targets, session, round_id=round_id))
        self.settings = frame_settings(session)

    def team_title(self, team_name: str) -> str:
        """A team as it is addressed outside the office: 第一巡察组 → 县委第一巡察组."""
        return team_signature(self.settings, self.round.term, team_name)

    def team_of(self, target: TargetView) -> TeamView | None:
        """The team assigned the target (its list of targets first, then the target's own)."""
        found = next((t for t in self.teams if target.id in t.target_ids), None)
        if found is None and target.team_id:
            found = next((t for t in self.teams if t.id == target.team_id), None)
        return found

    def targets_of(self, team: TeamView) -> list[TargetView]:
        return [t for t in self.targets if (mine := self.team_of(t)) and mine.id == team.id]

    def entry(self, team: TeamView, only: TargetView | None = None) -> TeamEntry:
        names = [only.name] if only else [t.name for t in self.targets_of(team)]
        return TeamEntry(
            name=self.team_title(team.name),
            targets="、".join(names),
            roster=roster(self.members.get(team.id, ())),
        )


@dataclass(frozen=True)
class ContactLine:
    label: str = F("渠道")
    value: str = F("内容")


def contact_lines(contact: TeamContact) -> tuple[ContactLine, ...]:
    """The channels a team has, in the order a 公告 lists them."""
    mailbox = contact.mailbox
    if mailbox and contact.postcode:
        mailbox = f"{mailbox}（邮编：{contact.postcode}）"
    pairs = (
        ("值班电话", contact.phone),
        ("电子邮箱", contact.email),
        ("邮政信箱", mailbox),
        ("来访地址", contact.address),
        ("受理时间", contact.hours),
    )
    return tuple(ContactLine(label, value) for label, value in pairs if value)


@dataclass(frozen=True)
class Stationed:
    """One target of a round with the team sent to it."""

    setup: RoundSetup
    target: TargetView
    team: TeamView | None

    @property
    def team_name(self) -> str:
        """The team as addressed outside the office; the round's teams when none is assigned."""
        if self.team is None:
            return f"{party_body(self.setup.round)}巡察组"
        return self.setup.team_title(self.team.name)

    @property
    def contact(self) -> TeamContact:
        return self.team.contact if self.team else TeamContact()

    @property
    def period(self) -> str:
        """巡察时间 in words, e.g. 2025年3月10日至5月30日; "" when not planned."""
        return span(*stationing(self.setup.round))


def stationed(session: Session, round_id: str, target_id: str) -> Stationed:
    setup = RoundSetup(session, round_id)
    target = next(t for t in setup.targets if t.id == target_id)
    return Stationed(setup, target, setup.team_of(target))


@dataclass(frozen=True)
class Point:
    """A numbered point of a notice: its run-in heading and its text."""

    heading: str = F("小标题")
    text: str = F("内容")


def disciplines() -> str:
    """政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律."""
    labels = [d.label for d in Discipline]
    return f"{'、'.join(labels[:-1])}和{labels[-1]}"


def count(n: int) -> str:
    """A count in words as 公文 write it: 两个, not 二个."""
    return "两" if n == 2 else cn_number(n)
