"""The planted hits and near misses: for each shipped rule, rows across the lists that the rule
must report (the truth: rule id and the subject's 身份证号) and rows beside them that look alike
but must not be reported. Messy lists spell some of them the way real lists do (繁体, full-width
digits, an old 15-digit number, a space inside a name): a correct run finds them all the same.
"""

from __future__ import annotations

from datetime import date

from workbench.demo_data.list_maker import Maker, NearMiss, Person, PlantedRows
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


_TRADITIONAL = str.maketrans("陈刘国华张王李杨黄赵吴周孙马", "陳劉國華張王李楊黃趙吳周孫馬")


def plant(m: Maker, out: PlantedRows, marker: str) -> None:
    for n in range(m.scale.planted):
        _person_in_lists(m, out, marker if n == 0 else "")
        _paid_after_death(m, out)
        _duplicate_receipt(m, out)
        _relative_contracts(m, out)
        _staff_in_business(m, out)
        _area_exceeds(m, out)


def _person_in_lists(m: Maker, out: PlantedRows, marker: str) -> None:
    rows = out.rows
    # a 公职人员 on 低保, listed under the 繁体 form of the name (matched by the number)
    staff = m.person()
    if marker:
        staff = Person(marker, staff.id_number)
    listed = staff.name if marker else staff.name.translate(_TRADITIONAL)
    rows[Kind.STAFF].append(staff_row(m, staff, name=listed))
    rows[Kind.ASSISTANCE].append(assistance_row(m, staff))
    out.truth.add((PERSON_IN_LISTS, staff.id_number))
    # a village cadre in 特困供养, with the number in full-width digits in the cadre list
    cadre, place = m.person(), m.place()
    entry = cadre_row(m, cadre, place)
    entry["id_number"] = _fullwidth(cadre.id_number) if m.messy else cadre.id_number
    rows[Kind.CADRES].append(entry)
    rows[Kind.ASSISTANCE].append(assistance_row(m, cadre, place=place, category="特困供养"))
    out.truth.add((PERSON_IN_LISTS, cadre.id_number))
    # a cadre's 近亲属 on 低保
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(relative_row(m, relative, cadre, place))
    rows[Kind.ASSISTANCE].append(assistance_row(m, relative, place=place))
    out.truth.add((PERSON_IN_LISTS, relative.id_number))
    # near misses: a namesake of a 公职人员 (another number), a relative of somebody who is not
    # a cadre (nor on the staff list)
    staff = m.person()
    namesake = m.namesake(staff)
    rows[Kind.STAFF].append(staff_row(m, staff))
    rows[Kind.ASSISTANCE].append(assistance_row(m, namesake))
    out.near.append(NearMiss(PERSON_IN_LISTS, namesake.id_number, "同名不同身份证号的公职人员"))
    nobody, relative = m.person(), m.person()
    place = m.place()
    rows[Kind.RELATIVES].append(relative_row(m, relative, nobody, place))
    rows[Kind.ASSISTANCE].append(assistance_row(m, relative, place=place))
    out.near.append(NearMiss(PERSON_IN_LISTS, relative.id_number, "非干部人员的亲属"))


def _paid_after_death(m: Maker, out: PlantedRows) -> None:
    rows = out.rows
    # 低保 paid months after the death
    dead = m.person()
    died = date(2025, m.randint(6, 11), m.randint(1, 28))
    rows[Kind.DEATHS].append(death_row(m, dead, died))
    rows[Kind.ASSISTANCE].append(assistance_row(m, dead, paid_on=date(2026, 3, 10)))
    out.truth.add((PAID_AFTER_DEATH, dead.id_number))
    # a subsidy paid after the death
    dead = m.person()
    rows[Kind.DEATHS].append(death_row(m, dead, date(2025, 12, m.randint(1, 28))))
    contract = m.randint(200, 1500)
    rows[Kind.SUBSIDY].append(subsidy_row(m, dead, contract=contract, subsidy=contract))
    out.truth.add((PAID_AFTER_DEATH, dead.id_number))
    # near miss: paid, then died months later
    alive = m.person()
    rows[Kind.ASSISTANCE].append(assistance_row(m, alive, paid_on=date(2026, 2, 10)))
    rows[Kind.DEATHS].append(death_row(m, alive, date(2026, 4, m.randint(1, 28))))
    out.near.append(NearMiss(PAID_AFTER_DEATH, alive.id_number, "死亡日期在发放日期之后"))


def _duplicate_receipt(m: Maker, out: PlantedRows) -> None:
    rows = out.rows[Kind.ASSISTANCE]
    # one number in two villages, once as the old 15-digit number
    twice = m.old_person()
    place = m.place()
    rows.append(assistance_row(m, twice, place=place))
    old = twice.old_id if m.messy else twice.id_number
    rows.append(assistance_row(m, twice, place=m.other_place(place), id_text=old))
    out.truth.add((DUPLICATE_RECEIPT, twice.id_number))
    # one number twice in the same village's roster, the name once with a space inside
    twice, place = m.person(), m.place()
    paid = m.pay_day()
    rows.append(assistance_row(m, twice, place=place, paid_on=paid))
    spaced = _spaced(twice.name) if m.messy else ""
    rows.append(assistance_row(m, twice, place=place, paid_on=paid, name=spaced))
    out.truth.add((DUPLICATE_RECEIPT, twice.id_number))
    # near miss: the same name in two villages, two different people
    first = m.person()
    second = m.namesake(first)
    place = m.place()
    rows.append(assistance_row(m, first, place=place))
    rows.append(assistance_row(m, second, place=m.other_place(place)))
    out.near.append(NearMiss(DUPLICATE_RECEIPT, second.id_number, "同名不同身份证号"))


def _relative_contracts(m: Maker, out: PlantedRows) -> None:
    rows = out.rows
    # a cadre's relative signs a 三资 contract of the cadre's own village
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(relative_row(m, relative, cadre, place))
    rows[Kind.CONTRACTS].append(contract_row(m, place, relative))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # a cadre's relative holds shares in the firm that won the village's project
    cadre, place, relative = m.person(), m.place(), m.person()
    firm = m.firm()
    rows[Kind.CADRES].append(cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(relative_row(m, relative, cadre, place))
    rows[Kind.BUSINESS].extend(business_rows(m, firm, [(m.person(), ""), (relative, "")]))
    rows[Kind.PROJECTS].append(project_row(m, place, firm))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # the cadre himself signs one (the rule counts the cadre as well as the relatives)
    cadre, place = m.person(), m.place()
    rows[Kind.CADRES].append(cadre_row(m, cadre, place))
    rows[Kind.CONTRACTS].append(contract_row(m, place, cadre))
    out.truth.add((RELATIVE_CONTRACTS, cadre.id_number))
    # near misses: a cadre's relative contracting in another village; the relative of somebody
    # who is no cadre contracting in that person's village
    cadre, place, relative = m.person(), m.place(), m.person()
    rows[Kind.CADRES].append(cadre_row(m, cadre, place))
    rows[Kind.RELATIVES].append(relative_row(m, relative, cadre, place))
    rows[Kind.CONTRACTS].append(contract_row(m, m.other_place(place), relative))
    out.near.append(NearMiss(RELATIVE_CONTRACTS, cadre.id_number, "干部亲属在外村签订合同"))
    nobody, place, relative = m.person(), m.place(), m.person()
    rows[Kind.RELATIVES].append(relative_row(m, relative, nobody, place))
    rows[Kind.CONTRACTS].append(contract_row(m, place, relative))
    out.near.append(NearMiss(RELATIVE_CONTRACTS, nobody.id_number, "非干部人员的亲属"))


def _staff_in_business(m: Maker, out: PlantedRows) -> None:
    rows = out.rows
    for role in range(2):  # 法定代表人, then 股东
        staff = m.person()
        staff_id = _fullwidth(staff.id_number) if m.messy and role == 0 else ""
        rows[Kind.STAFF].append(staff_row(m, staff, id_text=staff_id))
        people = [(staff, "")] if role == 0 else [(m.person(), ""), (staff, "")]
        rows[Kind.BUSINESS].extend(business_rows(m, m.firm(), people))
        out.truth.add((STAFF_IN_BUSINESS, staff.id_number))
    # near miss: a namesake of a 公职人员 runs a firm
    staff = m.person()
    namesake = m.namesake(staff)
    rows[Kind.STAFF].append(staff_row(m, staff))
    rows[Kind.BUSINESS].extend(business_rows(m, m.firm(), [(namesake, "")]))
    out.near.append(NearMiss(STAFF_IN_BUSINESS, namesake.id_number, "同名不同身份证号"))


def _area_exceeds(m: Maker, out: PlantedRows) -> None:
    rows = out.rows[Kind.SUBSIDY]
    farmer = m.person()
    contract = m.randint(300, 1200)
    rows.append(subsidy_row(m, farmer, contract=contract, subsidy=contract + 350))
    out.truth.add((AREA_EXCEEDS, farmer.id_number))
    farmer = m.person()
    rows.append(subsidy_row(m, farmer, contract=contract, subsidy=contract))
    out.near.append(NearMiss(AREA_EXCEEDS, farmer.id_number, "补贴面积等于承包面积"))


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() or c == "X" else c for c in text)


def _spaced(name: str) -> str:
    return name[0] + " " + name[1:]
