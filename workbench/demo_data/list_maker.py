"""The maker of synthetic list rows: made-up people and firms, drawn from one seeded random
source, and cell text in the forms real lists use (``messy``) or plain.

Every call of ``Maker.person`` is somebody new (a distinct, valid 身份证号), so that a hit exists
only where one was planted.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from workbench.datacheck.normalize import id_check_digit
from workbench.demo_data import names
from workbench.demo_data.list_files import Row
from workbench.vocab.enums import DataListKind as Kind

T = TypeVar("T")


@dataclass(frozen=True)
class Scale:
    """Rows of each list (planted rows included) and how many of each planted case."""

    assistance: int
    subsidy: int
    staff: int
    cadres: int
    relatives: int
    deaths: int
    business: int
    projects: int
    contracts: int
    villages: int  # places made up when the caller gives none
    planted: int  # of each planted hit and of each near miss


@dataclass(frozen=True)
class NearMiss:
    rule_id: str  # the rule it must not trip
    id_number: str
    why: str


# Born 1940-01-01 … 2002-12-31, three-digit sequence: every index a distinct 身份证号.
_BIRTH_FROM = date(1940, 1, 1).toordinal()
_BIRTH_DAYS = date(2003, 1, 1).toordinal() - _BIRTH_FROM
_ID_SPACE = _BIRTH_DAYS * 1000
_ID_STEP = 2_654_435_761  # a prime: i ↦ i·step mod space is a permutation
_REGIONS = ("532621", "532622", "532623", "532624", "532625", "532626")
_FIRM_WORDS = "宏达鑫源天成恒信顺发博文润丰康泰仁和金鼎万通兴隆永盛华丰瑞祥昌隆汇通利民盛世金诚" + (
    "鸿运嘉禾福顺同心聚源明德浩然"
)
_TRADES = (
    "建筑工程",
    "建材",
    "路桥建设",
    "园林绿化",
    "劳务服务",
    "水利工程",
    "商贸",
    "农业开发",
    "装饰工程",
    "物流",
)


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str  # 18 characters

    @property
    def old_id(self) -> str:
        """The same person's 15-digit number (people born before 2000 had one)."""
        return self.id_number[:6] + self.id_number[8:17]


@dataclass(frozen=True)
class Firm:
    name: str
    code: str


@dataclass
class PlantedRows:
    """The rows being planted, by kind, and what they should make a run report."""

    rows: dict[Kind, list[Row]] = field(default_factory=lambda: {kind: [] for kind in Kind})
    truth: set[tuple[str, str]] = field(default_factory=set)
    near: list[NearMiss] = field(default_factory=list)


class Maker:
    """People, places, firms and cell text, all drawn from one seeded random source."""

    def __init__(self, scale: Scale, seed: int, places: Sequence[str], messy: bool) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.random = self.rng.random
        self.places = list(places)
        self.towns = {p: names.TOWNS[i % len(names.TOWNS)] for i, p in enumerate(self.places)}
        self.messy = messy
        self.cadres: list[tuple[Person, str]] = []  # the noise cadres, whom noise relatives name
        self.firms: list[Firm] = []  # the noise firms, which win noise projects and contracts
        self._next_person = 0
        self._next_firm = 0

    # random.Random's own choice and randint cost several times random() itself: a list of a
    # million rows makes a dozen draws a row
    def choice(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    # --- people, places, firms -------------------------------------------------------------

    def person(self) -> Person:
        index = (self._next_person * _ID_STEP + 7_777_777) % _ID_SPACE
        self._next_person += 1
        born = date.fromordinal(_BIRTH_FROM + index // 1000)
        seq = index % 1000
        first17 = f"{_REGIONS[seq % len(_REGIONS)]}{born:%Y%m%d}{seq:03d}"
        given = names.GIVEN_MALE if seq % 2 else names.GIVEN_FEMALE
        name = self.choice(names.SURNAMES) + self.choice(given)
        if self.random() < 0.6:
            name += self.choice(given)
        return Person(name, first17 + id_check_digit(first17))

    def old_person(self) -> Person:
        """A person born before 2000, who had a 15-digit number."""
        while (person := self.person()).id_number[6:8] != "19":
            pass
        return person

    def namesake(self, other: Person) -> Person:
        """Someone else with the same name."""
        return Person(other.name, self.person().id_number)

    def place(self) -> str:
        return self.choice(self.places)

    def other_place(self, place: str) -> str:
        return self.choice([p for p in self.places if p != place])

    def firm(self) -> Firm:
        i = self._next_firm
        self._next_firm += 1
        words, trades = len(_FIRM_WORDS), len(_TRADES)
        word = _FIRM_WORDS[i % words] + _FIRM_WORDS[(i // words) % words]
        trade = _TRADES[(i // words // words) % trades]
        serial = i // (words * words * trades)
        return Firm(f"云川县{word}{trade}{serial or ''}有限公司", _credit_code(i))

    # --- cell text ---------------------------------------------------------------------------

    def day(self, value: date) -> str:
        if not self.messy:
            return value.isoformat()
        forms = (
            value.isoformat(),
            f"{value.year}/{value.month}/{value.day}",
            f"{value.year}年{value.month}月{value.day}日",
            f"{value:%Y%m%d}",
            f"{value.year}.{value.month}.{value.day}",
        )
        return self.choice(forms)

    def money(self, fen: int) -> str:
        yuan = f"{fen // 100}.{fen % 100:02d}"
        if not self.messy:
            return yuan
        forms = (yuan, f"{fen // 100:,}.{fen % 100:02d}", f"¥{yuan}", f"{yuan}元")
        return self.choice(forms)

    def area(self, centi: int) -> str:
        text = f"{centi // 100}.{centi % 100:02d}"
        return text + "亩" if self.messy and self.random() < 0.2 else text

    def pay_day(self) -> date:
        return date(2026, self.randint(1, 6), 10)


def _credit_code(index: int) -> str:
    """A 统一社会信用代码 (GB 32100) with a valid 组织机构代码 (GB 11714) inside."""
    body = f"{(index * 7_919 + 1_000_003) % 100_000_000:08d}"
    check = 11 - sum(int(d) * w for d, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    org = body + {10: "X", 11: "0"}.get(check, str(check))
    first17 = "91" + _REGIONS[index % len(_REGIONS)] + org
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + alphabet[(31 - total % 31) % 31]
