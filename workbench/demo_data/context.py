"""What the generators share: the random stream, the catalog, the sink and light references to
what was already written (ids and names, never ORM objects, so memory stays flat)."""

from __future__ import annotations

import random
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from workbench.demo_data import files, names
from workbench.demo_data.plan import Plan
from workbench.demo_data.sink import Sink
from workbench.demo_data.text import Filler, Text, money
from workbench.demo_data.topics import Topic
from workbench.taxonomy import Catalog
from workbench.vocab.enums import CadreLevel, FindingStatus

T = TypeVar("T")

# Nothing is dated after this day: the demo reads as written on 2026-11-27 whenever it runs.
LATEST = date(2026, 11, 27)
# Shares of the plan's file budget; 整改销号 evidence is always attached (no budget).
FILE_SHARES = {"interview": 0.25, "letter": 0.25, "evidence": 0.4, "report": 0.1}


@dataclass(frozen=True)
class StaffUser:
    """A store user acting in the demo; ``linked`` when the user really is this team member
    (else the id is the user running the demo, standing in for sign-offs)."""

    id: str
    name: str  # as a team member
    linked: bool
    signer: str  # display name of the user behind ``id``


@dataclass(frozen=True)
class Staff:
    leader: StaffUser
    deputy: StaffUser
    member: StaffUser
    recorder: StaffUser


@dataclass
class RoundRef:
    id: str
    number: int
    year: int
    name: str
    start: date
    end: date
    feedback: date  # 反馈 to the targets, after the report


@dataclass
class TeamRef:
    id: str
    number: int
    round: RoundRef
    leader: str
    deputy: str
    recorder: str
    members: list[str] = field(default_factory=list)
    # who compiles and signs the team's 底稿: the store's users for 第一巡察组, the team's own
    # members (users of their own laptops, so not in this store) for the others
    signers: Staff | None = None


@dataclass
class PersonRef:
    id: str
    name: str
    position: str
    level: CadreLevel
    portfolio: str


@dataclass
class FindingRef:
    id: str
    number: str
    title: str
    summary: str
    topic: Topic
    code: str
    status: FindingStatus
    amount: int | None
    values: dict[str, str]  # what filled its text: the 整改 item reuses the same facts


@dataclass
class ClueRef:
    id: str
    topic: Topic
    subject: PersonRef


@dataclass
class LetterRef:
    id: str
    number: str
    summary: str
    reported: list[dict[str, str]]


@dataclass
class TargetRef:
    id: str
    round: RoundRef
    team: TeamRef
    org: str  # 青山镇党委
    unit: str  # 青山镇
    kind: str
    subtype: str | None
    depts: tuple[str, ...]
    villages: tuple[str, ...]
    topics: tuple[Topic, ...]
    parent: str  # 上级主管
    persons: list[PersonRef] = field(default_factory=list)
    interviews: list[tuple[str, str, bool]] = field(default_factory=list)  # id, number, critical
    activities: list[tuple[str, str]] = field(default_factory=list)  # (id, ActivityType code)
    findings: list[FindingRef] = field(default_factory=list)
    clues: list[ClueRef] = field(default_factory=list)
    letters: deque[LetterRef] = field(default_factory=lambda: deque(maxlen=6))

    @property
    def leader(self) -> PersonRef:
        return self.persons[0]


class Context:
    def __init__(
        self, rng: random.Random, catalog: Catalog, plan: Plan, sink: Sink, staff: Staff
    ) -> None:
        self.rng = rng
        self.text = Text(rng)
        self.catalog = catalog
        self.plan = plan
        self.sink = sink
        self.staff = staff
        self.policy_ids: dict[str, dict[str, str]] = {}  # round id → policy key → entry id
        self._seq: Counter[tuple[str, str, int]] = Counter()
        self._cover: Counter[str] = Counter()
        # Real files per use, out of the plan's budget.
        self._files = {
            use: max(1, int(plan.attachments * share)) for use, share in FILE_SHARES.items()
        }
        self.office_clerk = self.text.name(True)  # 巡察办 staff who hands clues over

    # -- choices -------------------------------------------------------------------------

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def cover(self, name: str, values: Sequence[T], weights: Sequence[float]) -> T:
        """Each value once first (so even a small store shows all of them), then by weight."""
        index = self._cover[name]
        self._cover[name] += 1
        if index < len(values):
            return values[index]
        return self.rng.choices(values, weights)[0]

    def span(self, bounds: tuple[int, int]) -> int:
        return self.rng.randint(*bounds)

    def fields(self, target: TargetRef, topic: Topic | None = None, **more: str) -> Filler:
        """A template filler that knows the target (its names, people, projects, suppliers)
        and, given the topic, draws {amount} from the topic's range."""
        kind = target.kind
        base = {
            "unit": target.unit,
            "org": target.org,
            "leader": target.leader.name,
            "dept": self.pick(target.depts),
            "village": self.pick(target.villages),
            "project": self.pick(names.PROJECTS[kind]),
            "company": self.pick(names.COMPANIES.get(kind, names.COMPANIES["default"])),
            # a village's own 村务, a community's 居务: "杏花村村（居）务" reads wrong
            "cun": {"village": "村", "community": "居"}.get(kind, "村（居）"),
            "this_year": str(target.round.year),  # meetings held during the round
        }
        if topic is not None and topic.amount is not None:
            base["amount"] = money(self.text.amount(topic.amount))
        return self.text.filler(**{**base, **more})

    # -- attachments -----------------------------------------------------------------------

    def _budget(self, use: str, p: float) -> bool:
        left = self._files.get(use)
        if (left is not None and left <= 0) or self.rng.random() >= p:
            return False
        if left is not None:
            self._files[use] = left - 1
        return True

    def scan(self, use: str, title: str, p: float = 0.5) -> str | None:
        """The SHA-256 of a new "scan" (PNG) for ``use``, or None when out of budget or luck."""
        if not self._budget(use, p):
            return None
        return self.sink.attach(files.scan_png(title, self.rng), f"{title}.png", "image/png")

    def note(self, use: str, title: str, lines: list[str], p: float = 0.5) -> str | None:
        if not self._budget(use, p):
            return None
        data = files.note_text(title, lines)
        return self.sink.attach(data, f"{title}.txt", "text/plain; charset=utf-8")

    # -- numbers and dates -----------------------------------------------------------------

    def number(self, prefix: str, target: TargetRef, width: int = 4) -> str:
        """``XF-2026-61-0012``: kind, year, round and team number, running number."""
        key = (prefix, target.round.id, target.team.number)
        self._seq[key] += 1
        r = target.round
        return f"{prefix}-{r.year}-{r.number}{target.team.number}-{self._seq[key]:0{width}d}"

    def day(self, first: date, last: date) -> date:
        """A working day between ``first`` and ``last``."""
        span = max((last - first).days, 0)
        for _ in range(10):
            value = first + timedelta(days=self.rng.randint(0, span))
            if value.weekday() < 5:
                return value
        return first

    def later(self, moment: datetime, days: tuple[int, int]) -> datetime:
        """Some days after ``moment`` (in office hours; the same day a little later), never
        after LATEST."""
        wait = self.span(days)
        if wait == 0:
            value = moment + timedelta(minutes=self.span((20, 150)))
        else:
            minutes = self.span((8 * 60 + 30, 17 * 60 + 30))
            value = datetime.combine(
                moment.date() + timedelta(days=wait), time(minutes // 60, minutes % 60)
            )
        return min(value, datetime.combine(LATEST, time(17, 0)))

    def moment(self, first: date, last: date) -> datetime:
        minutes = self.rng.randint(8 * 60 + 30, 17 * 60 + 30)
        return datetime.combine(self.day(first, last), time(minutes // 60, minutes % 60))

    def in_round(self, target: TargetRef, early: float = 0.0, late: float = 1.0) -> datetime:
        """A working moment within the part [early, late] of the target's round."""
        r = target.round
        days = (r.end - r.start).days
        first = r.start + timedelta(days=int(days * early))
        last = r.start + timedelta(days=int(days * late))
        return self.moment(first, last)
