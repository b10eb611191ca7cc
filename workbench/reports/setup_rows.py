"""One row of a set-up template, checked and turned into the call that adds its record.

What a row can be checked for before anything is written is checked here: required cells, dates,
身份证号 (GB 11643), kinds and sub-types as the drop-downs list them, the names it gives of the
round's targets, teams and persons, and duplicates within the file or with the round's records.
Every problem of a row is listed, each with its column. What the services check themselves (enum
labels, lengths, the round's rules) they check when the row is tried, and their refusal names its
column through ``COLUMNS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.i18n import N_, Wording
from workbench.models import ListEntry, Member, Person, Target, Team
from workbench.reports.setup_templates import NAMES_SEPARATOR
from workbench.reports.xlsx_rows import UNCOMPUTED, RowError, date_cell, text_of
from workbench.services import office_setup
from workbench.services.catalog import catalog
from workbench.services.focus import ListEntryDraft, create_list_entry
from workbench.services.id_numbers import id_number_problem
from workbench.services.rounds import MemberDraft
from workbench.services.targets import PersonDraft, TargetDraft, create_person
from workbench.vocab.enums import ListKind, OrgLevel

# the services' field names → the template's column, for the refusals they raise
COLUMNS: dict[str, dict[str, str]] = {
    "targets": {
        "name": "名称",
        "kind": "类型",
        "subtype": "子类型",
        "attention": "关注等级",
        "county": "所属县（区）",
        "leader_name": "一把手",
        "parent_org": "上级主管",
        "overview": "基本情况",
        "team_id": "巡察组",
        "team": "巡察组",
    },
    "persons": {
        "name": "姓名",
        "id_number": "身份证号",
        "target_id": "所在被巡察单位",
        "unit": "工作单位",
        "position": "职务",
        "level": "干部管理权限",
        "portfolio": "分管工作",
        "term_start": "任职开始",
        "term_end": "任职结束",
    },
    "members": {
        "team": "巡察组",
        "team_id": "巡察组",
        "name": "姓名",
        "role": "组内职务",
        "force_type": "力量类型",
        "original_unit": "原单位",
        "home_level": "来源层级",
        "home_county": "来源县（区）",
        "recusal_target_ids": "回避单位",
        "recusal_person_ids": "回避人员",
        "recusal": "回避事由",
    },
    "lists": {
        "kind": "清单类型",
        "target_id": "被巡察单位",
        "title": "标题",
        "document_no": "文号",
        "clause": "条款",
        "content": "内容",
        "source": "来源单位",
    },
}

# a name the round does not know, in a cell that names a team, a target or persons
_NO_TEAM = N_("本轮没有名为“{name}”的巡察组")
_NO_TARGET = N_("本轮没有名为“{name}”的被巡察单位")
_NO_PERSON = N_("本轮没有名为“{name}”的人员")
_SAME_NAMES = N_("本轮有 {count} 名叫“{name}”的人员，请在工作台中申报回避")


@dataclass(frozen=True)
class Refusal:
    row: int  # as Excel numbers it
    column: str  # the template's header; "" when the reason is the row as a whole
    reason: str  # Chinese; a ``Wording`` the UI translates where the row checks refuse it


@dataclass(frozen=True)
class Plan:
    """A row that passed its checks: ``apply`` adds its record."""

    row: int
    apply: Callable[[Session], object]


@dataclass
class RoundNames:
    """The round's names and keys, read before the write transaction."""

    id: str
    targets: dict[str, str] = field(default_factory=dict)  # name → id
    teams: dict[str, str] = field(default_factory=dict)
    persons: dict[str, list[str]] = field(default_factory=dict)  # name → ids (names repeat)
    id_numbers: set[str] = field(default_factory=set)
    person_keys: set[tuple[str, str]] = field(default_factory=set)  # (target id, name)
    member_keys: set[tuple[str, str]] = field(default_factory=set)  # (team id, name)
    entry_keys: set[tuple[str, str, str]] = field(default_factory=set)  # (kind, target, title)

    @classmethod
    def load(cls, session: Session, round_id: str) -> RoundNames:
        r = cls(round_id)

        def rows(model: Any, *columns: Any) -> Any:
            live = (model.round_id == round_id, model.deleted_at.is_(None))
            return session.execute(select(*columns).where(*live))

        r.targets = {name: tid for tid, name in rows(Target, Target.id, Target.name)}
        r.teams = {name: tid for tid, name in rows(Team, Team.id, Team.name)}
        persons = rows(Person, Person.id, Person.name, Person.target_id, Person.id_number)
        for pid, name, target_id, number in persons:
            r.persons.setdefault(name, []).append(pid)
            r.person_keys.add((target_id or "", name))
            if number:
                r.id_numbers.add(number)
        for team_id, name in rows(Member, Member.team_id, Member.name):
            r.member_keys.add((team_id or "", name))
        entries = rows(ListEntry, ListEntry.kind, ListEntry.target_id, ListEntry.title)
        r.entry_keys = {(str(k), target_id or "", title) for k, target_id, title in entries}
        return r


class Row:
    """One row's cells and the problems found in them."""

    def __init__(self, number: int, cells: dict[str, Any]) -> None:
        self.number = number
        self.cells = cells
        self.refusals: list[Refusal] = []

    def refuse(self, column: str, reason: str) -> None:
        self.refusals.append(Refusal(self.number, column, reason))

    def raw(self, header: str) -> Any:
        return self.cells.get(header)

    def text(self, header: str, *, required: bool = False) -> str:
        value = self.cells.get(header)
        if value is UNCOMPUTED:
            self.refuse(
                header, Wording(N_("是公式且没有计算结果，请在 Excel 中重新计算并保存后再导入"))
            )
            return ""
        text = text_of(value)
        if required and not text:
            self.refuse(header, Wording(N_("必填，不能为空")))
        return text

    def date_of(self, header: str) -> date | None:
        value = self.cells.get(header)
        if value is UNCOMPUTED:
            self.text(header)
            return None
        try:
            return date_cell(value, header)
        except RowError as exc:
            self.refuse(header, exc.reason)
            return None

    def name_of(self, header: str, known: dict[str, str], missing: str, *, required: bool) -> str:
        """The id of the round's record the cell names (exactly); none refuses with ``missing``
        (a template naming it ``{name}``)."""
        text = self.text(header, required=required)
        if text and text not in known:
            self.refuse(header, Wording(missing, name=text))
        return known.get(text, "")

    def once(self, seen: dict[Any, int], key: Any, column: str, repeated: str) -> None:
        """Refuse a key an earlier row of the file already gave, with ``repeated`` (a template
        naming that row ``{row}``)."""
        if key in seen:
            self.refuse(column, Wording(repeated, row=str(seen[key])))
        else:
            seen[key] = self.number


Planner = Callable[[Row, RoundNames, dict[Any, int]], Callable[[Session], object]]


def _kind(row: Row) -> tuple[str, str | None]:
    """类型 and 子类型 as the drop-downs list them (by title; a code passes too), refused in those
    words: the service's own refusal lists the codes as well, for the command line."""
    kind_text, sub_text = row.text("类型", required=True), row.text("子类型")
    kinds = catalog().target_kinds()
    kind = next((k for k in kinds if k.named(kind_text)), None)
    if kind_text and kind is None:
        options = "、".join(k.title for k in kinds)
        reason = Wording(
            N_("“{value}”不是可选的类型，可选：{options}"), value=kind_text, options=options
        )
        row.refuse("类型", reason)
    elif kind is not None and sub_text:
        if not kind.subtypes:
            row.refuse("子类型", Wording(N_("“{kind}”没有子类型，请留空"), kind=kind.title))
        elif not any(s.named(sub_text) for s in kind.subtypes):
            options = "、".join(s.title for s in kind.subtypes)
            template = N_("“{value}”不是“{kind}”的子类型，可选：{options}")
            reason = Wording(template, value=sub_text, kind=kind.title, options=options)
            row.refuse("子类型", reason)
    return kind_text, sub_text or None


def _target(row: Row, r: RoundNames, seen: dict[Any, int]) -> Callable[[Session], object]:
    name = row.text("名称", required=True)
    kind, subtype = _kind(row)
    if name in r.targets:
        row.refuse("名称", Wording(N_("本轮已有名为“{name}”的被巡察单位"), name=name))
    elif name:
        row.once(seen, name, "名称", N_("与第 {row} 行重复（同名被巡察单位）"))
    team_id = row.name_of("巡察组", r.teams, _NO_TEAM, required=False) or None
    draft = TargetDraft(
        name=name,
        kind=kind,
        subtype=subtype,
        attention=row.text("关注等级", required=True),
        county=row.text("所属县（区）"),
        leader_name=row.text("一把手"),
        parent_org=row.text("上级主管"),
        overview=row.text("基本情况"),
        team_id=team_id,
    )
    return lambda s: office_setup.add_target(s, r.id, draft)


def _id_number(row: Row) -> str:
    value = row.raw("身份证号")
    if isinstance(value, int | float) and not isinstance(value, bool):
        reason = N_("被 Excel 存成了数字，末几位可能已经丢失；请把本列设为文本格式后重新填写")
        row.refuse("身份证号", Wording(reason))
        return ""
    number = row.text("身份证号").upper()
    if number and (problem := id_number_problem(number)) is not None:
        row.refuse("身份证号", problem)
    return number


def _person(row: Row, r: RoundNames, seen: dict[Any, int]) -> Callable[[Session], object]:
    name = row.text("姓名", required=True)
    number = _id_number(row)
    target_id = row.name_of("所在被巡察单位", r.targets, _NO_TARGET, required=True)
    if number and number in r.id_numbers:
        row.refuse("身份证号", Wording(N_("本轮已有此身份证号的人员")))
    elif number:
        row.once(seen, ("id", number), "身份证号", N_("与第 {row} 行重复（同一身份证号）"))
    if name and target_id and (target_id, name) in r.person_keys:
        row.refuse("姓名", Wording(N_("该被巡察单位已有名为“{name}”的人员"), name=name))
    elif name and target_id:
        row.once(seen, (target_id, name), "姓名", N_("与第 {row} 行重复（同一单位的同名人员）"))
    draft = PersonDraft(
        target_id=target_id,
        name=name,
        level=row.text("干部管理权限", required=True),
        position=row.text("职务"),
        portfolio=row.text("分管工作"),
        term_start=row.date_of("任职开始"),
        term_end=row.date_of("任职结束"),
        unit=row.text("工作单位"),
        id_number=number,
    )
    return lambda s: create_person(s, draft)


def _names(row: Row, header: str, known: dict[str, list[str]], missing: str) -> tuple[str, ...]:
    """The ids of the records a cell names, separated by 、 (or a comma or semicolon); a name
    not found refuses with ``missing`` (as ``Row.name_of``), one several persons bear with
    ``_SAME_NAMES`` (the targets' names are unique)."""
    text = row.text(header)
    for sep in ("，", ",", "；", ";"):
        text = text.replace(sep, NAMES_SEPARATOR)
    ids: list[str] = []
    for name in (n.strip() for n in text.split(NAMES_SEPARATOR)):
        found = known.get(name, []) if name else []
        if name and not found:
            row.refuse(header, Wording(missing, name=name))
        elif len(found) > 1:
            row.refuse(header, Wording(_SAME_NAMES, count=str(len(found)), name=name))
        elif found and found[0] not in ids:
            ids.append(found[0])
    return tuple(ids)


def _member(row: Row, r: RoundNames, seen: dict[Any, int]) -> Callable[[Session], object]:
    team_id = row.name_of("巡察组", r.teams, _NO_TEAM, required=True)
    name = row.text("姓名", required=True)
    if team_id and name and (team_id, name) in r.member_keys:
        row.refuse("姓名", Wording(N_("该巡察组已有成员“{name}”"), name=name))
    elif team_id and name:
        row.once(seen, (team_id, name), "姓名", N_("与第 {row} 行重复（同组同名成员）"))
    targets = {k: [v] for k, v in r.targets.items()}
    draft = MemberDraft(
        name=name,
        role=row.text("组内职务", required=True),
        force_type=row.text("力量类型", required=True),
        original_unit=row.text("原单位"),
        home_level=row.text("来源层级") or OrgLevel.CITY,
        home_county=row.text("来源县（区）"),
        recusal_target_ids=_names(row, "回避单位", targets, _NO_TARGET),
        recusal_person_ids=_names(row, "回避人员", r.persons, _NO_PERSON),
        recusal=row.text("回避事由"),
    )
    return lambda s: office_setup.add_team_member(s, team_id, draft)


_LIST_LABELS = frozenset(k.label for k in ListKind)


def _list_kind(text: str) -> str:
    """清单类型 as the template lists it, or without its 清单 (政策 → 政策清单)."""
    listed = f"{text}清单"
    return listed if text and text not in _LIST_LABELS and listed in _LIST_LABELS else text


def _entry(row: Row, r: RoundNames, seen: dict[Any, int]) -> Callable[[Session], object]:
    kind = _list_kind(row.text("清单类型", required=True))
    target_id = row.name_of("被巡察单位", r.targets, _NO_TARGET, required=False)
    title = row.text("标题", required=True)
    code = next((k.value for k in ListKind if kind in (k.value, k.label)), kind)
    if title and (code, target_id, title) in r.entry_keys:
        named = Wording(kind) if kind in _LIST_LABELS else kind or Wording(N_("清单"))
        reason = Wording(N_("本轮已有此{kind}条目“{title}”"), kind=named, title=title)
        row.refuse("标题", reason)
    elif title:
        row.once(
            seen, (code, target_id, title), "标题", N_("与第 {row} 行重复（同一清单的同名条目）")
        )
    draft = ListEntryDraft(
        kind=kind,
        title=title,
        target_id=target_id or None,
        document_no=row.text("文号"),
        clause=row.text("条款"),
        content=row.text("内容"),
        source=row.text("来源单位"),
    )
    return lambda s: create_list_entry(s, r.id, draft)


PLANNERS: dict[str, Planner] = {
    "targets": _target,
    "persons": _person,
    "members": _member,
    "lists": _entry,
}


def plan_row(
    kind: str, number: int, cells: dict[str, Any], r: RoundNames, seen: dict[Any, int]
) -> Plan | list[Refusal]:
    """The row's plan, or every problem found in it."""
    row = Row(number, cells)
    apply = PLANNERS[kind](row, r, seen)
    return row.refusals or Plan(number, apply)
