"""The noise of the synthetic lists: every row a person of its own, so that no rule finds
anything in it. Relatives name the noise cadres and projects and contracts go to the noise firms,
as in real lists, without making a hit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from workbench.demo_data.list_files import Row
from workbench.demo_data.list_maker import Maker
from workbench.demo_data.list_rows import (
    assistance_row,
    business_rows,
    cadre_row,
    contract_row,
    death_row,
    project_row,
    relative_row,
    staff_row,
    subsidy_row,
)
from workbench.vocab.enums import DataListKind as Kind


def noise_rows(m: Maker, kind: Kind, count: int) -> Iterator[Row]:
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


def _assistance_noise(m: Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        yield assistance_row(m, m.person(), category=m.choice(_CATEGORIES))


def _subsidy_noise(m: Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        contract = m.randint(50, 2000)
        subsidy = contract if m.random() < 0.8 else m.randint(10, contract)
        yield subsidy_row(m, m.person(), contract=contract, subsidy=subsidy)


def _staff_noise(m: Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        yield staff_row(m, m.person())


def _cadres_noise(m: Maker, count: int) -> Iterator[Row]:
    for _ in range(count):
        cadre, place = m.person(), m.place()
        m.cadres.append((cadre, place))
        yield cadre_row(m, cadre, place)


def _relatives_noise(m: Maker, count: int) -> Iterator[Row]:
    cadres = m.cadres or [(m.person(), m.place())]
    for i in range(count):
        cadre, place = cadres[i % len(cadres)]
        yield relative_row(m, m.person(), cadre, place)


def _deaths_noise(m: Maker, count: int) -> Iterator[Row]:
    first = date(2023, 1, 1)
    for _ in range(count):
        yield death_row(m, m.person(), first + timedelta(days=m.randint(0, 1275)))


def _business_noise(m: Maker, count: int) -> Iterator[Row]:
    written = 0
    while written < count:
        firm = m.firm()
        m.firms.append(firm)
        people = [(m.person(), "") for _ in range(min(count - written, m.randint(1, 3)))]
        for row in business_rows(m, firm, people):
            written += 1
            yield row


def _projects_noise(m: Maker, count: int) -> Iterator[Row]:
    firms = m.firms or [m.firm()]
    for _ in range(count):
        yield project_row(m, m.place(), m.choice(firms))


def _contracts_noise(m: Maker, count: int) -> Iterator[Row]:
    firms = m.firms or [m.firm()]
    for _ in range(count):
        if m.random() < 0.7:
            yield contract_row(m, m.place(), m.person())
        else:
            yield contract_row(m, m.place(), None, m.choice(firms))
