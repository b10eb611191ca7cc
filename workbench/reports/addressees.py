"""Who sends and who receives the round's outgoing letters, named as a county's documents name
them: the standing body from the round's 届次 (十五届县委 → 县委), its 巡察办 and 领导小组, and
the units a clue goes to (县纪委监委案件监督管理室, 县委组织部, or the 其他 unit by name)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.reports.context import issuer_body
from workbench.services.clues import ClueView
from workbench.services.rounds import RoundView
from workbench.vocab.enums import ClueTransferUnit, SupervisionAgency

DEFAULT_BODY = "县委"


@dataclass(frozen=True)
class Bodies:
    """The names one round's letters use."""

    body: str  # 县委

    @classmethod
    def of(cls, rnd: RoundView) -> Bodies:
        return cls(issuer_body(rnd.term) or DEFAULT_BODY)

    @property
    def place(self) -> str:
        """县委 → 县, 市委 → 市: the level 纪委监委 is named by."""
        return self.body[:-1] if self.body.endswith("委") and len(self.body) > 1 else self.body

    @property
    def office(self) -> str:
        return f"{self.body}巡察工作领导小组办公室"

    @property
    def leading_group(self) -> str:
        return f"{self.body}巡察工作领导小组"

    @property
    def commission(self) -> str:
        return f"{self.place}纪委监委"

    @property
    def organization(self) -> str:
        return f"{self.body}组织部"

    @property
    def supervisors(self) -> str:
        """The 抄送 of a letter on rectification: who supervises it besides the office."""
        return f"{self.commission}、{self.organization}"

    def agency(self, agency: SupervisionAgency) -> str:
        """Who supervised a rectification, by name (县纪委监委, 县委组织部)."""
        if agency is SupervisionAgency.DISCIPLINE_COMMISSION:
            return self.commission
        return self.organization

    def unit(self, unit: ClueTransferUnit, other: str = "") -> str:
        """A receiving unit as a letter names it; 纪委监委 takes clues at its 案件监督管理室."""
        if unit is ClueTransferUnit.DISCIPLINE_COMMISSION:
            return f"{self.commission}案件监督管理室"
        if unit is ClueTransferUnit.ORGANIZATION_DEPT:
            return self.organization
        return other or unit.label

    def addressee(self, unit: str) -> str:
        """The 主送 of a letter to a receiving unit: the 纪委监委 itself, not its 室."""
        room = f"{self.commission}案件监督管理室"
        return self.commission if unit == room else unit

    def clue_units(self, view: ClueView) -> tuple[str, ...]:
        """The clue's receiving units (two for a 双移交)."""
        return tuple(self.unit(u, view.other_unit) for u in view.units())
