"""What each kind of list holds: its fields, which ``DataRow`` column each is stored in, and how
its value is read. The import, the column mapping, the rules and the hit view all read this."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workbench.i18n import N_
from workbench.vocab.enums import DataListKind as Kind


class ValueType(StrEnum):
    """How a cell is normalised before it is stored (``workbench.datacheck.normalize``)."""

    ID_NUMBER = "id_number"  # GB 11643 check digit; 15 digits → 18
    NAME = "name"  # a person's name: full-width → half, spaces out, 繁体 → 简体
    TEXT = "text"  # a place, unit or category: the same, keeping inner words
    ORG_CODE = "org_code"  # 统一社会信用代码, 18 characters, upper case
    DATE = "date"
    AMOUNT = "amount"  # 元 → fen
    AREA = "area"  # 亩 → 亩 × 100


@dataclass(frozen=True)
class Field:
    key: str  # stable, used by mappings and rules
    label: str  # Chinese, as a user would title the column
    column: str  # the DataRow column it is stored in
    type: ValueType
    required: bool = False


def _f(key: str, label: str, column: str, type_: ValueType, required: bool = False) -> Field:
    return Field(key, label, column, type_, required)


_T = ValueType
PERSON = (
    _f("name", N_("姓名"), "name", _T.NAME, True),
    _f("id_number", N_("身份证号"), "id_number", _T.ID_NUMBER, True),
)

FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.ASSISTANCE: (
        *PERSON,
        _f("place", N_("村（社区）"), "place", _T.TEXT),
        _f("category", N_("救助类别"), "category", _T.TEXT),
        _f("amount", N_("发放金额"), "amount_fen", _T.AMOUNT),
        _f("paid_on", N_("发放日期"), "date1", _T.DATE),
        _f("since", N_("享受起始日期"), "date2", _T.DATE),
    ),
    Kind.SUBSIDY: (
        *PERSON,
        _f("place", N_("村（社区）"), "place", _T.TEXT),
        _f("category", N_("补贴项目"), "category", _T.TEXT),
        _f("amount", N_("补贴金额"), "amount_fen", _T.AMOUNT),
        _f("paid_on", N_("发放日期"), "date1", _T.DATE),
        _f("subsidy_area", N_("补贴面积（亩）"), "area1_centi", _T.AREA),
        _f("contract_area", N_("承包面积（亩）"), "area2_centi", _T.AREA),
    ),
    Kind.STAFF: (
        *PERSON,
        _f("org", N_("工作单位"), "org", _T.TEXT),
        _f("category", N_("人员类别"), "category", _T.TEXT),
        _f("place", N_("所在地"), "place", _T.TEXT),
    ),
    Kind.CADRES: (
        *PERSON,
        _f("place", N_("村（社区）"), "place", _T.TEXT, True),
        _f("category", N_("职务"), "category", _T.TEXT),
        _f("since", N_("任职日期"), "date1", _T.DATE),
        _f("until", N_("离任日期"), "date2", _T.DATE),
    ),
    Kind.RELATIVES: (
        *PERSON,
        _f("related_name", N_("干部姓名"), "related_name", _T.NAME),
        _f("related_id", N_("干部身份证号"), "related_id", _T.ID_NUMBER, True),
        _f("category", N_("关系"), "category", _T.TEXT, True),
        _f("place", N_("村（社区）"), "place", _T.TEXT),
    ),
    Kind.DEATHS: (
        *PERSON,
        _f("died_on", N_("死亡日期"), "date1", _T.DATE, True),
        _f("place", N_("户籍地"), "place", _T.TEXT),
    ),
    Kind.BUSINESS: (
        _f("org", N_("企业名称"), "org", _T.TEXT, True),
        _f("org_code", N_("统一社会信用代码"), "org_code", _T.ORG_CODE),
        *PERSON,
        _f("category", N_("身份"), "category", _T.TEXT),  # 法定代表人 / 股东
    ),
    Kind.PROJECTS: (
        _f("project", N_("项目名称"), "category", _T.TEXT, True),
        _f("org", N_("中标单位"), "org", _T.TEXT, True),
        _f("org_code", N_("统一社会信用代码"), "org_code", _T.ORG_CODE),
        _f("place", N_("项目所在村（社区）"), "place", _T.TEXT, True),
        _f("amount", N_("中标金额"), "amount_fen", _T.AMOUNT),
        _f("awarded_on", N_("中标日期"), "date1", _T.DATE),
    ),
    Kind.CONTRACTS: (
        _f("contract", N_("合同名称"), "category", _T.TEXT, True),
        _f("place", N_("村（社区）"), "place", _T.TEXT, True),
        _f("name", N_("承包方姓名"), "name", _T.NAME),
        _f("id_number", N_("承包方身份证号"), "id_number", _T.ID_NUMBER),
        _f("org", N_("承包单位"), "org", _T.TEXT),
        _f("amount", N_("合同金额"), "amount_fen", _T.AMOUNT),
        _f("signed_on", N_("签订日期"), "date1", _T.DATE),
    ),
}


def field(kind: Kind, key: str) -> Field:
    for candidate in FIELDS[kind]:
        if candidate.key == key:
            return candidate
    raise KeyError(f"{kind.value}.{key}")
