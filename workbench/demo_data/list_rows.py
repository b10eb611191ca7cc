"""One row of each kind of list, as a department writes it, for the planted hits and the noise
alike: who or what the row is about comes from the caller, the rest is drawn."""

from __future__ import annotations

from datetime import date

from workbench.demo_data import names
from workbench.demo_data.list_files import Row
from workbench.demo_data.list_maker import Firm, Maker, Person

_CLOSE = ("配偶", "父亲", "母亲", "儿子", "女儿", "兄弟", "姐妹")
_POSTS = ("党支部书记", "村委会主任", "村委会副主任", "村委委员", "村务监督委员会主任", "文书")
_STAFF_KINDS = ("行政编制", "事业编制", "参照公务员法管理", "财政供养")
_UNITS = tuple(unit for units in names.UNITS.values() for unit, _ in units)
_CONTRACTS = (
    "集体土地承包合同",
    "鱼塘承包合同",
    "集体厂房租赁合同",
    "林地承包合同",
    "门面租赁合同",
)


def staff_row(m: Maker, person: Person, name: str = "", id_text: str = "") -> Row:
    return {
        "name": name or person.name,
        "id_number": id_text or person.id_number,
        "org": m.choice(_UNITS),
        "category": m.choice(_STAFF_KINDS),
        "place": m.choice(names.TOWNS),
    }


def cadre_row(m: Maker, person: Person, place: str) -> Row:
    since = date(m.randint(2012, 2021), m.randint(1, 12), 1)
    return {
        "name": person.name,
        "id_number": person.id_number,
        "place": place,
        "category": m.choice(_POSTS),
        "since": m.day(since),
    }


def relative_row(m: Maker, person: Person, of: Person, place: str, name: str = "") -> Row:
    return {
        "related_name": of.name,
        "related_id": of.id_number,
        "name": name or person.name,
        "id_number": person.id_number,
        "category": m.choice(_CLOSE),
        "place": place,
    }


def assistance_row(
    m: Maker,
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


def subsidy_row(
    m: Maker, person: Person, *, contract: int, subsidy: int, paid_on: date | None = None
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


def death_row(m: Maker, person: Person, died_on: date) -> Row:
    return {
        "name": person.name,
        "id_number": person.id_number,
        "died_on": m.day(died_on),
        "place": m.place(),
    }


def business_rows(m: Maker, firm: Firm, people: list[tuple[Person, str]]) -> list[Row]:
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


def contract_row(m: Maker, place: str, person: Person | None, firm: Firm | None = None) -> Row:
    return {
        "contract": place + m.choice(_CONTRACTS),
        "place": place,
        "name": person.name if person else "",
        "id_number": person.id_number if person else "",
        "org": firm.name if firm else "",
        "amount": m.money(m.randint(20, 800) * 100_000),
        "signed_on": m.day(date(2025, m.randint(1, 12), m.randint(1, 28))),
    }


def project_row(m: Maker, place: str, firm: Firm) -> Row:
    return {
        "project": place + m.choice(names.PROJECTS["village"]),
        "place": place,
        "org": firm.name,
        "org_code": firm.code,
        "amount": m.money(m.randint(5, 300) * 1_000_000),
        "awarded_on": m.day(date(2025, m.randint(1, 12), m.randint(1, 28))),
    }
