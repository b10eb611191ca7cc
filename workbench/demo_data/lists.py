"""Synthetic lists for 大数据碰撞比对, with the hits a correct run must find.

``write_lists(folder)`` writes the nine kinds of list an office collects (as departments send
them: .xlsx with or without a title row, .csv in UTF-8 or GB18030) and returns them with the
truth: every planted hit as (rule id, subject's 身份证号), and the near misses planted beside
them, which no rule may report. The same seed writes the same files.

Everybody is made up: names from the demo's surname and given-name pools, 身份证号 unique and
valid (GB 11643 check digit), each noise row a person of its own, so that a hit exists only
where one was planted. ``messy`` lists (the default for the small scale) also carry what real
lists carry: 15-digit old numbers, full-width digits, a 繁体 name, spaces inside names, dates
and amounts in the forms Chinese spreadsheets use. The bench scale writes plain CSV in UTF-8 so
that a baseline engine reads the same values.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

from workbench.datacheck.normalize import id_check_digit
from workbench.demo_data import names
from workbench.demo_data.list_files import LAYOUTS, Row, write_list
from workbench.models.enums import DataListKind as Kind

T = TypeVar("T")

# The shipped rules (resources/datacheck/rules.json), in the order.
PERSON_IN_LISTS = "DC01"  # 公职人员、村（社区）干部及其近亲属 享受低保/特困
PAID_AFTER_DEATH = "DC02"  # 死亡后仍领取低保或补贴
DUPLICATE_RECEIPT = "DC03"  # 同一身份证号 重复或多地领取
RELATIVE_CONTRACTS = "DC04"  # 村干部近亲属 承接本村工程或签订三资合同 (subject: the cadre)
STAFF_IN_BUSINESS = "DC05"  # 财政供养人员 在企业担任法定代表人或股东
AREA_EXCEEDS = "DC06"  # 补贴面积超过承包面积
RULE_IDS = (
    PERSON_IN_LISTS,
    PAID_AFTER_DEATH,
    DUPLICATE_RECEIPT,
    RELATIVE_CONTRACTS,
    STAFF_IN_BUSINESS,
    AREA_EXCEEDS,
)


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


SCALES: dict[str, Scale] = {
    "small": Scale(120, 60, 40, 16, 64, 24, 30, 10, 16, villages=8, planted=1),
    "bench": Scale(
        1_000_000, 100_000, 50_000, 40_000, 200_000, 50_000, 50_000, 5_000, 20_000, 2_000, 10
    ),
}


@dataclass(frozen=True)
class ListFile:
    kind: Kind
    path: Path
    label: str  # 数据来源
    source_date: date
    mapping: dict[str, int]  # field key → column index
    rows: int


@dataclass(frozen=True)
class NearMiss:
    rule_id: str  # the rule it must not trip
    id_number: str
    why: str


@dataclass(frozen=True)
class SyntheticLists:
    files: tuple[ListFile, ...]
    truth: frozenset[tuple[str, str]]  # (rule id, subject 身份证号) of every planted hit
    near_misses: tuple[NearMiss, ...]

    def file(self, kind: Kind) -> ListFile:
        return next(f for f in self.files if f.kind is kind)


SOURCE_DATE = date(2026, 6, 30)  # 数据截止日期 of every list

# Born 1940-01-01 … 2002-12-31, three-digit sequence: every index a distinct 身份证号.
_BIRTH_FROM = date(1940, 1, 1).toordinal()
_BIRTH_DAYS = date(2003, 1, 1).toordinal() - _BIRTH_FROM
_ID_SPACE = _BIRTH_DAYS * 1000
_ID_STEP = 2_654_435_761  # a prime: i ↦ i·step mod space is a permutation
_REGIONS = ("532621", "532622", "532623", "532624", "532625", "532626")

_CLOSE = ("配偶", "父亲", "母亲", "儿子", "女儿", "兄弟", "姐妹")
_POSTS = ("党支部书记", "村委会主任", "村委会副主任", "村委委员", "村务监督委员会主任", "文书")
_STAFF_KINDS = ("行政编制", "事业编制", "参照公务员法管理", "财政供养")
_UNITS = tuple(unit for units in names.UNITS.values() for unit, _ in units)
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
_CONTRACTS = (
    "集体土地承包合同",
    "鱼塘承包合同",
    "集体厂房租赁合同",
    "林地承包合同",
    "门面租赁合同",
)
_TRADITIONAL = str.maketrans("陈刘国华张王李杨黄赵吴周孙马", "陳劉國華張王李楊黃趙吳周孫馬")


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
class _Lists:
    """The rows being planted, by kind, and what they should make a run report."""

    rows: dict[Kind, list[Row]] = field(default_factory=lambda: {kind: [] for kind in Kind})
    truth: set[tuple[str, str]] = field(default_factory=set)
    near: list[NearMiss] = field(default_factory=list)


class _Maker:
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


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "X" else c for c in text)


def _spaced(name: str) -> str:
    return name[0] + " " + name[1:]


def default_places(count: int) -> list[str]:
    """Village names: the demo's pool first, then made-up ones prefixed by a town."""
    places = list(names.VILLAGE_NAMES[:count])
    surnames = list(dict.fromkeys(names.SURNAMES))
    words = names.VILLAGE_PLACE_WORDS
    for i in range(count - len(places)):
        surname, word = surnames[i % len(surnames)], words[(i // len(surnames)) % len(words)]
        town = names.TOWNS[(i // len(surnames) // len(words)) % len(names.TOWNS)]
        places.append(f"{town}{surname}家{word}村")
    return places


def write_lists(
    folder: Path,
    *,
    scale: str | Scale = "small",
    seed: int = 2026,
    places: Sequence[str] = (),
    messy: bool | None = None,
    marker: str = "",
) -> SyntheticLists:
    """Write the nine lists into ``folder`` and return them with the truth.

    ``places``: the round's villages (at least three; made up when fewer). ``messy``: the forms
    of real lists (default: only at the small scale). ``marker``: the name of one planted
    person, who then appears in several lists and in a hit (the disk-scan test looks for it).
    """
    size = SCALES[scale] if isinstance(scale, str) else scale
    if messy is None:
        messy = size.assistance <= 10_000
    if len(set(places)) < 3:
        places = default_places(size.villages)
    maker = _Maker(size, seed, list(dict.fromkeys(places)), messy)
    lists = _Lists()
    _plant(maker, lists, marker)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for kind in Kind:
        layout = LAYOUTS[kind]
        total = max(getattr(size, kind.value), len(lists.rows[kind]))
        rows = _mixed(lists.rows[kind], total, _noise(maker, kind, total - len(lists.rows[kind])))
        form = layout.form if messy else "csv-utf8"
        path = write_list(folder, layout, rows, form=form)
        files.append(ListFile(kind, path, layout.label, SOURCE_DATE, layout.mapping, total))
    return SyntheticLists(tuple(files), frozenset(lists.truth), tuple(lists.near))


def _mixed(planted: list[Row], total: int, noise: Iterator[Row]) -> Iterator[Row]:
    """The planted rows spread evenly among the noise."""
    step = max(1, total // (len(planted) + 1))
    queue = iter(planted)
    for position in range(1, total + 1):
        row = next(queue, None) if position % step == 0 else None
        yield row if row is not None else next(noise)


# --- planted hits and near misses ------------------------------------------------------------


def _plant(m: _Maker, out: _Lists, marker: str) -> None:
    for n in range(m.scale.planted):
        _person_in_lists(m, out, marker if n == 0 else "")
        _paid_after_death(m, out)
        _duplicate_receipt(m, out)
        _relative_contracts(m, out)
        _staff_in_business(m, out)
        _area_exceeds(m, out)


def _staff_row(m: _Maker, person: Person, name: str = "", id_text: str = "") -> Row:
    return {
        "name": name or person.name,
        "id_number": id_text or person.id_number,
        "org": m.choice(_UNITS),
        "category": m.choice(_STAFF_KINDS),
        "place": m.choice(names.TOWNS),
    }


def _cadre_row(m: _Maker, person: Person, place: str) -> Row:
    since = date(m.randint(2012, 2021), m.randint(1, 12), 1)
    return {
        "name": person.name,
        "id_number": person.id_number,
        "place": place,
        "category": m.choice(_POSTS),
        "since": m.day(since),
    }


def _relative_row(m: _Maker, person: Person, of: Person, place: str, name: str = "") -> Row:
    return {
        "related_name": of.name,
        "related_id": of.id_number,
        "name": name or person.name,
        "id_number": person.id_number,
        "category": m.choice(_CLOSE),
        "place": place,
    }


def _assistance_row(
    m: _Maker,
    person: Person,
    *,
    place: str = "",
    category: str = "农村低保",
    paid_on: date | None = None,
    id_text: str = "",
    name: str = "",
) -> Row:
    paid = paid_on or m.pay_day()
    since = date(m.randint(2016, 2025), m.randint(1, 12), 1)
    place = place or m.place()
    return {
        "name": name or person.name,
        "id_number": id_text or person.id_number,
        "town": m.towns[place],
        "place": place,
        "category": category,
        "amount": m.money(m.randint(450, 980) * 100),
        "paid_on": m.day(paid),
        "since": m.day(min(since, paid)),
    }


def _subsidy_row(
    m: _Maker, person: Person, *, contract: int, subsidy: int, paid_on: date | None = None
) -> Row:
    return {
        "name": person.name,
        "id_number": person.id_number,
        "place": m.place(),
        "category": "耕地地力保护补贴",
        "subsidy_area": m.area(subsidy),
        "contract_area": m.area(contract),
        "amount": m.money(subsidy * 125),
        "paid_on": m.day(paid_on or date(2026, 4, 20)),
    }


def _death_row(m: _Maker, person: Person, died_on: date) -> Row:
    return {
        "name": person.name,
        "id_number": person.id_number,
        "died_on": m.day(died_on),
        "place": m.place(),
    }


def _business_rows(m: _Maker, firm: Firm, people: list[tuple[Person, str]]) -> list[Row]:
    return [
        {
            "org": firm.name,
            "org_code": firm.code,
            "name": name or person.name,
            "id_number": person.id_number,
            "category": "法定代表人" if i == 0 else "股东",
        }
        for i, (person, name) in enumerate(people)
    ]


def _contract_row(m: _Maker, place: str, person: Person | None, firm: Firm | None = None) -> Row:
    return {
        "contract": place + m.choice(_CONTRACTS),
        "place": place,
        "name": person.name if person else "",
        "id_number": person.id_number if person else "",
        "org": firm.name if firm else "",
        "amount": m.money(m.randint(20, 800) * 100_000),
        "signed_on": m.day(date(2025, m.randint(1, 12), m.randint(1, 28))),
    }


def _project_row(m: _Maker, place: str, firm: Firm) -> Row:
    return {
        "project": place + m.choice(names.PROJECTS["village"]),
        "place": place,
        "org": firm.name,
        "org_code": firm.code,
        "amount": m.money(m.randint(5, 300) * 1_000_000),
        "awarded_on": m.day(date(2025, m.randint(1, 12), m.randint(1, 28))),
    }


def _person_in_lists(m: _Maker, out: _Lists, marker: str) -> None:
    rows = out.rows
    # a 公职人员 on 低保, listed under the 繁体 form of the name (matched by the number)
    staff = m.person()
    if marker:
        staff = Person(marker, staff.id_number)
    listed = staff.name if marker else staff.name.translate(_TRADITIONAL)
    rows[Kind.STAFF].append(_staff_row(m, staff, name=listed))
    rows[Kind.ASSISTANCE].append(_assistance_row(m, staff))
    out.truth.add((PERSON_IN_LISTS, staff.id_number))
    # a village cadre in 特困供养, with the number in full-width digits in the cadre list
    cadre, place = m.person(), m.place()
    cadre_row = _cadre_row(m, cadre, place)
    cadre_row["id_number"] = _fullwidth(cadre.id_number) if m.messy else cadre.id_number
    rows[Kind.CADRES].append(cadre_row)
    rows[Kind.ASSISTANCE].append(_assistance_row(m, cadre, place=place, category="特困供养"))
    out.truth.add((PERSON_IN_LISTS, cadre.id_number))
    # a cadre's 近亲属 on 低保
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(_cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(_relative_row(m, relative, cadre, place))
    rows[Kind.ASSISTANCE].append(_assistance_row(m, relative, place=place))
    out.truth.add((PERSON_IN_LISTS, relative.id_number))
    # near misses: a namesake of a 公职人员 (another number), a relative of somebody who is not
    # a cadre (nor on the staff list)
    staff = m.person()
    namesake = m.namesake(staff)
    rows[Kind.STAFF].append(_staff_row(m, staff))
    rows[Kind.ASSISTANCE].append(_assistance_row(m, namesake))
    out.near.append(NearMiss(PERSON_IN_LISTS, namesake.id_number, "同名不同身份证号的公职人员"))
    nobody, relative = m.person(), m.person()
    place = m.place()
    rows[Kind.RELATIVES].append(_relative_row(m, relative, nobody, place))
    rows[Kind.ASSISTANCE].append(_assistance_row(m, relative, place=place))
    out.near.append(NearMiss(PERSON_IN_LISTS, relative.id_number, "非干部人员的亲属"))


def _paid_after_death(m: _Maker, out: _Lists) -> None:
    rows = out.rows
    # 低保 paid months after the death
    dead = m.person()
    died = date(2025, m.randint(6, 11), m.randint(1, 28))
    rows[Kind.DEATHS].append(_death_row(m, dead, died))
    rows[Kind.ASSISTANCE].append(_assistance_row(m, dead, paid_on=date(2026, 3, 10)))
    out.truth.add((PAID_AFTER_DEATH, dead.id_number))
    # a subsidy paid after the death
    dead = m.person()
    rows[Kind.DEATHS].append(_death_row(m, dead, date(2025, 12, m.randint(1, 28))))
    contract = m.randint(200, 1500)
    rows[Kind.SUBSIDY].append(_subsidy_row(m, dead, contract=contract, subsidy=contract))
    out.truth.add((PAID_AFTER_DEATH, dead.id_number))
    # near miss: paid, then died months later
    alive = m.person()
    rows[Kind.ASSISTANCE].append(_assistance_row(m, alive, paid_on=date(2026, 2, 10)))
    rows[Kind.DEATHS].append(_death_row(m, alive, date(2026, 4, m.randint(1, 28))))
    out.near.append(NearMiss(PAID_AFTER_DEATH, alive.id_number, "死亡日期在发放日期之后"))


def _duplicate_receipt(m: _Maker, out: _Lists) -> None:
    rows = out.rows[Kind.ASSISTANCE]
    # one number in two villages, once as the old 15-digit number
    twice = m.old_person()
    place = m.place()
    rows.append(_assistance_row(m, twice, place=place))
    old = twice.old_id if m.messy else twice.id_number
    rows.append(_assistance_row(m, twice, place=m.other_place(place), id_text=old))
    out.truth.add((DUPLICATE_RECEIPT, twice.id_number))
    # one number twice in the same village's roster, the name once with a space inside
    twice, place = m.person(), m.place()
    paid = m.pay_day()
    rows.append(_assistance_row(m, twice, place=place, paid_on=paid))
    spaced = _spaced(twice.name) if m.messy else ""
    rows.append(_assistance_row(m, twice, place=place, paid_on=paid, name=spaced))
    out.truth.add((DUPLICATE_RECEIPT, twice.id_number))
    # near miss: the same name in two villages, two different people
    first = m.person()
    second = m.namesake(first)
    place = m.place()
    rows.append(_assistance_row(m, first, place=place))
    rows.append(_assistance_row(m, second, place=m.other_place(place)))
    out.near.append(NearMiss(DUPLICATE_RECEIPT, second.id_number, "同名不同身份证号"))


def _relative_contracts(m: _Maker, out: _Lists) -> None:
    rows = out.rows
    # a cadre's relative signs a 三资 contract of the cadre's own village
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(_cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(_relative_row(m, relative, cadre, place))
    rows[Kind.CONTRACTS].append(_contract_row(m, place, relative))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # a cadre's relative holds shares in the firm that won the village's project
    cadre, place, relative = m.person(), m.place(), m.person()
    firm = m.firm()
    rows[Kind.CADRES].append(_cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(_relative_row(m, relative, cadre, place))
    rows[Kind.BUSINESS].extend(_business_rows(m, firm, [(m.person(), ""), (relative, "")]))
    rows[Kind.PROJECTS].append(_project_row(m, place, firm))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # the cadre himself signs one (the rule counts the cadre as well as the relatives)
    cadre, place = m.person(), m.place()
    rows[Kind.CADRES].append(_cadre_row(m, cadre, place))
    rows[Kind.CONTRACTS].append(_contract_row(m, place, cadre))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # near misses: a cadre's relative contracting in another village; the relative of somebody
    # who is no cadre contracting in that person's village
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(_cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(_relative_row(m, relative, cadre, place))
    rows[Kind.CONTRACTS].append(_contract_row(m, m.other_place(place), relative))
    out.near.append(NearMiss(RELATIVE_CONTRACTS, cadre.id_number, "干部亲属在外村签订合同"))
    nobody, place, relative = m.person(), m.place(), m.person()
    rows[Kind.RELATIVES].append(_relative_row(m, relative, nobody, place))
    rows[Kind.CONTRACTS].append(_contract_row(m, place, relative))
    out.near.append(NearMiss(RELATIVE_CONTRACTS, nobody.id_number, "非干部人员的亲属"))


def _staff_in_business(m: _Maker, out: _Lists) -> None:
    rows = out.rows
    for role in range(2):  # 法定代表人, then 股东
        staff = m.person()
        staff_id = _fullwidth(staff.id_number) if m.messy and role == 0 else ""
        rows[Kind.STAFF].append(_staff_row(m, staff, id_text=staff_id))
        people = [(staff, "")] if role == 0 else [(m.person(), ""), (staff, "")]
        rows[Kind.BUSINESS].extend(_business_rows(m, m.firm(), people))
        out.truth.add((STAFF_IN_BUSINESS, staff.id_number))
    # near miss: a namesake of a 公职人员 runs a firm
    staff = m.person()
    namesake = m.namesake(staff)
    rows[Kind.STAFF].append(_staff_row(m, staff))
    rows[Kind.BUSINESS].extend(_business_rows(m, m.firm(), [(namesake, "")]))
    out.near.append(NearMiss(STAFF_IN_BUSINESS, namesake.id_number, "同名不同身份证号"))


def _area_exceeds(m: _Maker, out: _Lists) -> None:
    rows = out.rows[Kind.SUBSIDY]
    farmer = m.person()
    contract = m.randint(300, 1200)
    rows.append(_subsidy_row(m, farmer, contract=contract, subsidy=contract + 350))
    out.truth.add((AREA_EXCEEDS, farmer.id_number))
    farmer = m.person()
    rows.append(_subsidy_row(m, farmer, contract=contract, subsidy=contract))
    out.near.append(NearMiss(AREA_EXCEEDS, farmer.id_number, "补贴面积等于承包面积"))


# --- noise: every row a person of its own ---------------------------------------------------


def _noise(m: _Maker, kind: Kind, count: int) -> Iterator[Row]:
    return {
        Kind.ASSISTANCE: _assistance_noise,
        Kind.SUBSIDY: _subsidy_noise,
        Kind.STAFF: _staff_noise,
        Kind.CADRES: _cadres_noise,
        Kind.RELATIVES: _relatives_noise,
        Kind.DEATHS: _deaths_noise,
        Kind.BUSINESS: _business_noise,
        Kind.PROJECTS: _projects_noise,
        Kind.CONTRACTS: _contracts_noise,
    }[kind](m, count)


_CATEGORIES = ("农村低保",) * 6 + ("城市低保",) * 2 + ("特困供养", "临时救助")


def _assistance_noise(m: _Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        yield _assistance_row(m, m.person(), category=m.choice(_CATEGORIES))


def _subsidy_noise(m: _Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        contract = m.randint(50, 2000)
        subsidy = contract if m.random() < 0.8 else m.randint(10, contract)
        yield _subsidy_row(m, m.person(), contract=contract, subsidy=subsidy)


def _staff_noise(m: _Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        yield _staff_row(m, m.person())


def _cadres_noise(m: _Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        cadre, place = m.person(), m.place()
        m.cadres.append((cadre, place))
        yield _cadre_row(m, cadre, place)


def _relatives_noise(m: _Maker, count: int) -> Iterator[Row]:
    cadres = m.cadres or [(m.person(), m.place())]
    for i in range(count):
        cadre, place = cadres[i % len(cadres)]
        yield _relative_row(m, m.person(), cadre, place)


def _deaths_noise(m: _Maker, count: int) -> Iterator[Row]:
    first = date(2023, 1, 1)
    for _ in range(count):
        yield _death_row(m, m.person(), first + timedelta(days=m.randint(0, 1275)))


def _business_noise(m: _Maker, count: int) -> Iterator[Row]:
    written = 0
    while written < count:
        firm = m.firm()
        m.firms.append(firm)
        people = [(m.person(), "") for _ in range(min(count - written, m.randint(1, 3)))]
        for row in _business_rows(m, firm, people):
            written += 1
            yield row


def _projects_noise(m: _Maker, count: int) -> Iterator[Row]:
    firms = m.firms or [m.firm()]
    for _ in range(count):
        yield _project_row(m, m.place(), m.choice(firms))


def _contracts_noise(m: _Maker, count: int) -> Iterator[Row]:
    firms = m.firms or [m.firm()]
    for _ in range(count):
        if m.random() < 0.7:
            yield _contract_row(m, m.place(), m.person())
        else:
            yield _contract_row(m, m.place(), None, m.choice(firms))
