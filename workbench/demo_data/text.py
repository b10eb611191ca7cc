"""Deterministic Chinese text: names, phone numbers, amounts and template filling.

Everything draws from one ``random.Random`` so the same seed gives the same text.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from workbench.demo_data import names

T = TypeVar("T")


def money(yuan: int) -> str:
    """``123456`` → ``12.35万元``; small sums stay in 元."""
    return f"{yuan / 10000:.2f}万元" if yuan >= 10000 else f"{yuan}元"


class Text:
    """Generators of realistic Chinese fragments over one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used_names: set[str] = set()

    def pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def name(self, female: bool | None = None) -> str:
        """A two- or three-character name; mostly unique within one run."""
        rng = self.rng
        for _ in range(8):
            if female is None:
                female = rng.random() < 0.4
            chars = names.GIVEN_FEMALE if female else names.GIVEN_MALE
            given = self.pick(chars) if rng.random() < 0.3 else self.pick(chars) + self.pick(chars)
            full = self.pick(names.SURNAMES) + given
            if full not in self._used_names:
                break
        self._used_names.add(full)
        return full

    def phone(self) -> str:
        prefix = self.pick(("139", "138", "137", "135", "136", "150", "151", "158", "187", "189"))
        return prefix + "".join(str(self.rng.randrange(10)) for _ in range(8))

    def amount(self, span: tuple[int, int]) -> int:
        """A sum in 元 within ``span``, rounded like real ledgers (to 10 元 above 10,000)."""
        value = self.rng.randint(*span)
        return value - value % 10 if value >= 10000 else value

    def fill(self, template: str, **fixed: str) -> str:
        return template.format_map(Filler(self, fixed))

    def filler(self, **fixed: str) -> Filler:
        """A mapping to fill several templates that must agree (same person, same amount)."""
        return Filler(self, fixed)


class Filler(dict[str, str]):
    """A format mapping that draws a value on first use of each field, then keeps it, so a
    template that says {person} twice names the same person twice."""

    def __init__(self, text: Text, fixed: dict[str, str]) -> None:
        super().__init__(fixed)
        self.text = text

    def __missing__(self, key: str) -> str:
        make = _FIELDS.get(key)
        if make is None:
            raise KeyError(key)
        value = make(self.text)
        self[key] = value
        return value


def _village(t: Text) -> str:
    return t.pick(names.VILLAGE_NAMES)


_FIELDS: dict[str, Callable[[Text], str]] = {
    "relative": lambda t: t.pick(names.RELATIVES),
    "company": lambda t: t.pick(names.COMPANIES["default"]),
    "project": lambda t: t.pick(names.PROJECTS["township"]),
    "year": lambda t: str(t.rng.randint(2023, 2025)),
    "n": lambda t: str(t.rng.randint(2, 9)),
    "m": lambda t: str(t.rng.randint(12, 68)),
    "amount": lambda t: money(t.amount((20000, 300000))),
    "month": lambda t: str(t.rng.randint(1, 12)),
    "pct": lambda t: f"{t.rng.uniform(82, 98):.1f}",
    "share": lambda t: str(t.rng.randint(30, 90)),
    "person": lambda t: t.name(),
    "leader": lambda t: t.name(),
    "position": lambda t: "工作人员",
    "village": _village,
    "dept": lambda t: "财务室",
    "unit": lambda t: "该单位",
    "org": lambda t: "该单位党组织",
    "key": lambda t: "财务管理",
}
