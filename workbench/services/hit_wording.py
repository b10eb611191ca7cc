"""What a hit says: one plain Chinese sentence per rule template, naming the person, the lists
and the facts that matched (the hit's summary), and how a typed value reads in it. Each is a
``Wording`` of ``N_`` templates, stored with the hit (``wording_nodes``), so the UI shows it in
its own language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from workbench.datacheck.kinds import ValueType
from workbench.i18n import N_, Wording
from workbench.models.datalists import DataRow, DataSource
from workbench.vocab.enums import DataListKind as Kind


def display_value(type_: ValueType, value: Any) -> str:
    if value is None or value == "":
        return ""
    if type_ is ValueType.AMOUNT:
        return Wording(N_("{amount} 元"), amount=f"{value / 100:,.2f}")
    if type_ is ValueType.AREA:
        return Wording(N_("{area} 亩"), area=f"{value / 100:.2f}")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class MatchedRow:
    kind: Kind
    source: DataSource
    row: DataRow


def _join(parts: Iterable[str], template: str) -> str:
    """The parts, each after the one before as ``template`` (``{a}、{b}``) puts them."""
    joined = ""
    for part in dict.fromkeys(parts):
        joined = Wording(template, a=joined, b=part) if joined else part
    return joined


def _list_name(item: MatchedRow) -> str:
    label = item.source.label.strip()
    if label.endswith(("名单", "清单", "信息", "合同", "表", "台账", "记录")):
        return Wording(N_("《{list}》"), list=label)
    kind = Wording(item.kind.label)
    if label:
        return Wording(N_("《{kind}（{list}）》"), kind=kind, list=label)
    return Wording(N_("《{list}》"), list=kind)


def _who(row: DataRow, *about: str) -> str:
    """``张三（县教育局，身份证号 …1234）``."""
    notes: list[str] = [a for a in about if a]
    if row.id_number:
        notes.append(Wording(N_("身份证号 …{digits}"), digits=row.id_number[-4:]))
    name = row.name or Wording(N_("（无姓名）"))
    return (
        Wording(N_("{name}（{notes}）"), name=name, notes=_join(notes, N_("{a}，{b}")))
        if notes
        else name
    )


def _lists(items: Iterable[MatchedRow]) -> str:
    return _join((_list_name(i) for i in items), N_("{a}和{b}"))


ByKind = dict[Kind, list[MatchedRow]]


def _in_lists(subject: DataRow, rows: ByKind) -> str:
    received = rows.get(Kind.ASSISTANCE, [])
    roster = rows.get(Kind.STAFF, []) + rows.get(Kind.CADRES, [])
    if own := [i for i in roster if i.row.id_number == subject.id_number]:
        return Wording(
            N_("{who}同时在{received}和{own}中"),
            who=_who(subject),
            received=_lists(received),
            own=_lists(own),
        )
    officials = _join(
        (Wording(N_("{name}（{list}）"), name=i.row.name, list=_lists([i])) for i in roster),
        N_("{a}、{b}"),
    )
    relation = _join((r.row.category for r in rows.get(Kind.RELATIVES, [])), N_("{a}、{b}"))
    return Wording(
        N_("{who}是{officials}的{relation}，在{received}中"),
        who=_who(subject),
        officials=officials,
        relation=relation or Wording(N_("近亲属")),
        received=_lists(received),
    )


def _after_death(subject: DataRow, rows: ByKind) -> str:
    death = rows[Kind.DEATHS][0]
    paid = [i for k in (Kind.ASSISTANCE, Kind.SUBSIDY) for i in rows.get(k, [])]
    last = max((i.row.date1 for i in paid if i.row.date1), default=None)
    fillers = {
        "who": _who(subject),
        "died": display_value(ValueType.DATE, death.row.date1),
        "deaths": _lists([death]),
        "paid": _lists(paid),
        "count": str(len(paid)),
    }
    if last:
        return Wording(
            N_(
                "{who}于 {died} 死亡（{deaths}），此后在{paid}中仍有 {count} 笔发放，"
                "最晚一笔发放于 {last}"
            ),
            last=last.isoformat(),
            **fillers,
        )
    return Wording(
        N_("{who}于 {died} 死亡（{deaths}），此后在{paid}中仍有 {count} 笔发放"), **fillers
    )


def _duplicates(subject: DataRow, rows: ByKind) -> str:
    items = rows[Kind.ASSISTANCE]
    months: dict[tuple[int, int], int] = {}
    for i in items:
        if i.row.date1:
            month = (i.row.date1.year, i.row.date1.month)
            months[month] = months.get(month, 0) + 1
    found: list[str] = [
        Wording(N_("{year}年{month}月领取 {count} 次"), year=str(y), month=str(m), count=str(n))
        for (y, m), n in months.items()
        if n > 1
    ]
    places = sorted({i.row.place for i in items if i.row.place})
    if len(places) > 1:
        found.append(Wording(N_("于{places}多地领取"), places=_join(places, N_("{a}、{b}"))))
    said = _join(found, N_("{a}，{b}")) or Wording(N_("出现 {count} 次"), count=str(len(items)))
    return Wording(N_("{who}在{lists}中{said}"), who=_who(subject), lists=_lists(items), said=said)


def _relative_deals(subject: DataRow, rows: ByKind) -> str:
    cadre = rows[Kind.CADRES][0].row
    post = f"{cadre.place}{cadre.category}"
    kin = [i.row for i in rows.get(Kind.RELATIVES, [])]
    who = (
        Wording(
            N_("村干部{cadre}（{post}）的{relation}{who}"),
            cadre=cadre.name,
            post=post,
            relation=kin[0].category or Wording(N_("近亲属")),
            who=_who(kin[0]),
        )
        if kin
        else Wording(N_("村干部{who}本人"), who=_who(cadre, post))
    )
    deals: list[str] = [
        Wording(N_("签订本村“三资”合同《{contract}》"), contract=i.row.category)
        for i in rows.get(Kind.CONTRACTS, [])
    ]
    companies = _join(
        (f"{i.row.org}{i.row.category}" for i in rows.get(Kind.BUSINESS, [])), N_("{a}、{b}")
    )
    won = _join(
        (Wording(N_("《{list}》"), list=i.row.category) for i in rows.get(Kind.PROJECTS, [])),
        N_("{a}、{b}"),
    )
    if won:
        deals.append(
            Wording(N_("为{companies}，该企业中标本村项目{won}"), companies=companies, won=won)
        )
    return Wording(N_("{who}{deals}"), who=who, deals=_join(deals, N_("{a}；{b}")))


def _in_business(subject: DataRow, rows: ByKind) -> str:
    staff = rows[Kind.STAFF][0].row
    roles = _join(
        (f"{i.row.org}{i.row.category}" for i in rows.get(Kind.BUSINESS, [])), N_("{a}、{b}")
    )
    return Wording(
        N_("财政供养人员{who}在工商登记中为{roles}"), who=_who(staff, staff.org), roles=roles
    )


def _area(subject: DataRow, rows: ByKind) -> str:
    item = rows[Kind.SUBSIDY][0]
    row = item.row
    over = (row.area1_centi or 0) - (row.area2_centi or 0)
    claimed, held = (display_value(ValueType.AREA, a) for a in (row.area1_centi, row.area2_centi))
    return Wording(
        N_("{who}在{list}中补贴面积 {claimed}，承包面积 {held}，超出 {over}"),
        who=_who(row),
        list=_lists([item]),
        claimed=claimed,
        held=held,
        over=display_value(ValueType.AREA, over),
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
