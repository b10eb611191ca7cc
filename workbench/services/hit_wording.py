"""What a hit says: one plain Chinese sentence per rule template, naming the person, the lists
and the facts that matched (the hit's summary), and how a typed value reads in it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.datacheck.kinds import ValueType
from workbench.models.datalists import DataRow, DataSource
from workbench.vocab.enums import DataListKind as Kind


def display_value(type_: ValueType, value: Any) -> str:
    if value is None or value == "":
        return ""
    if type_ is ValueType.AMOUNT:
        return f"{value / 100:,.2f} 元"
    if type_ is ValueType.AREA:
        return f"{value / 100:.2f} 亩"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class MatchedRow:
    kind: Kind
    source: DataSource
    row: DataRow


def _list_name(item: MatchedRow) -> str:
    label = item.source.label.strip()
    if label.endswith(("名单", "清单", "信息", "合同", "表", "台账", "记录")):
        return f"《{label}》"
    return f"《{item.kind.label}（{label}）》" if label else f"《{item.kind.label}》"


def _who(row: DataRow, *about: str) -> str:
    """``张三（县教育局，身份证号 …1234）``."""
    notes = [a for a in about if a]
    if row.id_number:
        notes.append(f"身份证号 …{row.id_number[-4:]}")
    name = row.name or "（无姓名）"
    return f"{name}（{'，'.join(notes)}）" if notes else name


def _lists(items: Iterable[MatchedRow]) -> str:
    return "和".join(dict.fromkeys(_list_name(i) for i in items))


ByKind = dict[Kind, list[MatchedRow]]


def _in_lists(subject: DataRow, rows: ByKind) -> str:
    received = rows.get(Kind.ASSISTANCE, [])
    roster = rows.get(Kind.STAFF, []) + rows.get(Kind.CADRES, [])
    if own := [i for i in roster if i.row.id_number == subject.id_number]:
        return f"{_who(subject)}同时在{_lists(received)}和{_lists(own)}中"
    officials = "、".join(dict.fromkeys(f"{i.row.name}（{_lists([i])}）" for i in roster))
    relation = "、".join(dict.fromkeys(r.row.category for r in rows.get(Kind.RELATIVES, [])))
    return f"{_who(subject)}是{officials}的{relation or '近亲属'}，在{_lists(received)}中"


def _after_death(subject: DataRow, rows: ByKind) -> str:
    death = rows[Kind.DEATHS][0]
    paid = [i for k in (Kind.ASSISTANCE, Kind.SUBSIDY) for i in rows.get(k, [])]
    last = max((i.row.date1 for i in paid if i.row.date1), default=None)
    died = display_value(ValueType.DATE, death.row.date1)
    latest = f"，最晚一笔发放于 {last.isoformat()}" if last else ""
    return (
        f"{_who(subject)}于 {died} 死亡（{_lists([death])}），"
        f"此后在{_lists(paid)}中仍有 {len(paid)} 笔发放{latest}"
    )


def _duplicates(subject: DataRow, rows: ByKind) -> str:
    items = rows[Kind.ASSISTANCE]
    months: dict[str, int] = {}
    for i in items:
        if i.row.date1:
            month = f"{i.row.date1.year}年{i.row.date1.month}月"
            months[month] = months.get(month, 0) + 1
    found = [f"{m}领取 {n} 次" for m, n in months.items() if n > 1]
    places = sorted({i.row.place for i in items if i.row.place})
    if len(places) > 1:
        found.append(f"于{'、'.join(places)}多地领取")
    said = "，".join(found) or f"出现 {len(items)} 次"
    return f"{_who(subject)}在{_lists(items)}中{said}"


def _relative_deals(subject: DataRow, rows: ByKind) -> str:
    cadre = rows[Kind.CADRES][0].row
    post = f"{cadre.place}{cadre.category}"
    kin = [i.row for i in rows.get(Kind.RELATIVES, [])]
    who = (
        f"村干部{cadre.name}（{post}）的{kin[0].category or '近亲属'}{_who(kin[0])}"
        if kin
        else f"村干部{_who(cadre, post)}本人"
    )
    deals = [f"签订本村“三资”合同《{i.row.category}》" for i in rows.get(Kind.CONTRACTS, [])]
    companies = "、".join(
        dict.fromkeys(f"{i.row.org}{i.row.category}" for i in rows.get(Kind.BUSINESS, []))
    )
    won = "、".join(dict.fromkeys(f"《{i.row.category}》" for i in rows.get(Kind.PROJECTS, [])))
    if won:
        deals.append(f"为{companies}，该企业中标本村项目{won}")
    return f"{who}{'；'.join(deals)}"


def _in_business(subject: DataRow, rows: ByKind) -> str:
    staff = rows[Kind.STAFF][0].row
    roles = "、".join(
        dict.fromkeys(f"{i.row.org}{i.row.category}" for i in rows.get(Kind.BUSINESS, []))
    )
    return f"财政供养人员{_who(staff, staff.org)}在工商登记中为{roles}"


def _area(subject: DataRow, rows: ByKind) -> str:
    item = rows[Kind.SUBSIDY][0]
    row = item.row
    over = (row.area1_centi or 0) - (row.area2_centi or 0)
    claimed, held = (display_value(ValueType.AREA, a) for a in (row.area1_centi, row.area2_centi))
    return (
        f"{_who(row)}在{_lists([item])}中补贴面积 {claimed}，"
        f"承包面积 {held}，超出 {over / 100:.2f} 亩"
    )


# what each template's hit says, in one plain sentence
_SAY: dict[str, Callable[[DataRow, ByKind], str]] = {
    "person_in_lists": _in_lists,
    "paid_after_death": _after_death,
    "duplicate_receipt": _duplicates,
    "relative_contracts": _relative_deals,
    "staff_in_business": _in_business,
    "area_exceeds": _area,
}


def say_hit(match: str, subject: str, items: Sequence[MatchedRow]) -> tuple[str, str]:
    """(the name of the person the hit is about, what it found)."""
    rows: ByKind = {}
    for item in items:
        rows.setdefault(item.kind, []).append(item)
    person = next((i.row for i in items if i.row.id_number == subject), items[0].row)
    return person.name, _SAY[match](person, rows)
