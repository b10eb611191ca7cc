"""How much to make: the sizes of the demo round and the summary of what was made."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

Range = tuple[int, int]

# (kind, subtype, how many) of the first round's targets.
SMALL_TARGETS: tuple[tuple[str, str | None, int], ...] = (
    ("party_gov", None, 2),
    ("mass_org", None, 1),
    ("school", None, 1),
    ("hospital", None, 1),
    ("soe", None, 1),
    ("institution", None, 1),
    ("township", None, 2),
    ("village", "complex", 1),
    ("village", "resource_rich", 1),
    ("village", "economic", 1),
    ("village", "lagging", 1),
    ("community", "commercial", 1),
    ("community", "suburban", 1),
)
LARGE_TARGETS: tuple[tuple[str, str | None, int], ...] = (
    ("party_gov", None, 14),
    ("mass_org", None, 5),
    ("school", None, 7),
    ("hospital", None, 5),
    ("soe", None, 6),
    ("institution", None, 7),
    ("township", None, 10),
    *(("village", sub, 4) for sub in ("complex", "resource_rich", "economic")),
    *(("village", sub, 4) for sub in ("resettlement", "lagging", "stable")),
    *(("community", sub, 3) for sub in ("commercial", "work_unit", "suburban", "economic")),
)


@dataclass(frozen=True)
class Plan:
    targets: tuple[tuple[str, str | None, int], ...]
    village_round: int = 0  # villages of a second, 对村 round (0: no second round)
    staff: Range = (0, 0)  # persons beyond the standard positions, per target
    interviews: Range = (1, 3)  # per target
    activities: Range = (1, 3)
    clues: Range = (1, 2)
    findings: Range = (1, 3)
    functions: Range = (2, 3)  # 职能清单 entries per target
    supervision: Range = (1, 2)
    problems: Range = (1, 2)
    letters: int = 60  # letters besides those behind clues and findings
    total: int | None = None  # when set, more letters are added until this many records
    portraits: int = 3  # of 一把手, plus one unit and one 班子 portrait
    attachments: int = 24  # at most this many real files
    data_lists: bool = True  # the first round's 碰撞比对 lists, run and three hits decided

    def scaled(self, total: int) -> Plan:
        """This plan shrunk to ``total`` records (tests use the large plan at a few thousand).

        Target counts shrink (at least one of each kind and sub-type) and the per-target ranges
        shrink so that the non-letter records keep their share; letters fill up the rest. A total
        smaller than the records the targets alone need is exceeded, never cut short.
        """
        base = self.total or total
        factor = total / base
        targets = tuple((k, s, max(1, round(n * factor))) for k, s, n in self.targets)
        villages = max(1, round(self.village_round * factor)) if self.village_round else 0
        before = sum(n for *_, n in self.targets) + self.village_round
        after = sum(n for *_, n in targets) + villages
        ratio = factor * before / after

        def shrink(bounds: Range, floor: int = 1) -> Range:
            low = max(floor, round(bounds[0] * ratio))
            return low, max(low, round(bounds[1] * ratio))

        return replace(
            self,
            targets=targets,
            village_round=villages,
            staff=shrink(self.staff, 0),
            interviews=shrink(self.interviews),
            activities=shrink(self.activities),
            clues=shrink(self.clues),
            findings=shrink(self.findings),
            letters=round(self.letters * factor),
            total=total,
            portraits=max(1, round(self.portraits * factor)),
            attachments=max(8, round(self.attachments * factor)),
        )


SIZES: dict[str, Plan] = {
    "small": Plan(targets=SMALL_TARGETS),
    "large": Plan(
        targets=LARGE_TARGETS,
        village_round=60,
        staff=(14, 40),
        interviews=(30, 50),
        activities=(16, 26),
        clues=(6, 12),
        findings=(14, 24),
        functions=(3, 5),
        supervision=(2, 4),
        problems=(3, 5),
        letters=0,
        total=100_000,
        portraits=40,
        attachments=300,
        data_lists=False,
    ),
}


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind ``populate_demo`` wrote."""

    rounds: int = 0
    teams: int = 0
    members: int = 0
    targets: int = 0
    persons: int = 0
    focus_items: int = 0
    list_entries: int = 0
    interviews: int = 0
    interview_turns: int = 0
    letters: int = 0
    clues: int = 0
    findings: int = 0
    finding_signoffs: int = 0
    evidence: int = 0
    activities: int = 0
    portraits: int = 0
    portrait_items: int = 0
    rectifications: int = 0
    rectification_documents: int = 0
    rectification_supervisions: int = 0
    rectification_assessments: int = 0
    reminder_letters: int = 0
    reports: int = 0
    archive_items: int = 0
    data_hits: int = 0
    attachments: int = 0

    @property
    def records(self) -> int:
        """Inspection records (the aggregates that travel in packages), without children."""
        children = {"interview_turns", "finding_signoffs", "portrait_items", "attachments"}
        return sum(v for k, v in asdict(self).items() if k not in children)

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> DemoSummary:
        return cls(**{f.name: counts.get(f.name, 0) for f in fields(cls)})
