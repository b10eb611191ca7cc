"""The field rules of a 问题底稿, shared by the findings use cases, the sign-off chain and
evidence. The leading-cadre criterion (``check_not_leading_cadre``) is explained in the
``findings`` module docstring.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import ClueRequired, ValidationError, WorkflowError
from workbench.models import Finding, ListEntry, Person, Round
from workbench.services.catalog import catalog
from workbench.services.common import optional_text, parse_enum
from workbench.taxonomy import TaxonomyNotFound
from workbench.vocab.enums import CadreLevel, FindingStatus, ListKind, ResponsibilityType

LEADING_LEVELS = frozenset({CadreLevel.CITY, CadreLevel.COUNTY})


@dataclass(frozen=True)
class ResponsibleParty:
    """责任主体: a person (by name and/or linked ``Person``) or a unit, with the responsibility
    type; ``level`` flags the cadre level (needed when no ``Person`` record is linked)."""

    type: ResponsibilityType | str
    name: str = ""
    unit: str = ""
    person_id: str | None = None
    level: CadreLevel | str | None = None


def parse_method_code(value: str) -> str:
    """A work-method code such as ``FS-02``; its title (个别谈话) is accepted too."""
    text = (value or "").strip()
    if not text:
        raise ValidationError("请选择发现方式（问题是通过哪种工作方式发现的）", field="method_code")
    for method in catalog().work_methods():
        if text in (method.code, method.title):
            return method.code
    raise ValidationError(f"问题来源方式“{value}”不在工作方式目录中", field="method_code")


def taxonomy_code(rnd: Round, code: str) -> str:
    code = (code or "").strip()
    if not code:
        return ""
    try:
        catalog().classify(rnd.framework_id, int(rnd.framework_version), code)
    except (TaxonomyNotFound, ValueError):
        raise ValidationError(
            f"分类代码“{code}”不属于本轮监督框架 {rnd.framework_id}@{rnd.framework_version}",
            field="taxonomy_code",
        ) from None
    return code


def amount_fen(value: Decimal | int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError("涉及金额应为数字（元）", field="amount")
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError("涉及金额应为数字（元）", field="amount") from None
    if not amount.is_finite():
        raise ValidationError("涉及金额应为数字（元）", field="amount")
    if amount < 0:
        raise ValidationError("涉及金额不能为负数", field="amount")
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValidationError("涉及金额最多精确到分（两位小数）", field="amount")
    return int(fen)


def basis_ids(session: Session, ids: Iterable[str]) -> list[str]:
    out = list(dict.fromkeys(ids))
    for basis_id in out:
        row = session.get(ListEntry, basis_id)
        if row is None or row.deleted_at is not None or row.kind != ListKind.POLICY:
            raise ValidationError(f"定性依据须为政策清单中的条目（{basis_id}）", field="basis_ids")
    return out


def responsible_entries(
    session: Session, parties: Sequence[ResponsibleParty]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for party in parties:
        rtype = parse_enum(ResponsibilityType, party.type, "responsible", "责任类型")
        level = (
            None
            if party.level in (None, "")
            else parse_enum(CadreLevel, party.level, "responsible", "干部级别")
        )
        name = optional_text(party.name, "responsible", "责任人姓名", 40)
        unit = optional_text(party.unit, "responsible", "责任单位", 120)
        if party.person_id:
            person = session.get(Person, party.person_id)
            if person is None or person.deleted_at is not None:
                raise ValidationError("责任人不在干部名册中", field="responsible")
            name = name or person.name
            level = level or person.level
        if not name and not unit:
            raise ValidationError("责任主体需填写责任人或责任单位", field="responsible")
        out.append(
            {
                "name": name,
                "unit": unit,
                "person_id": party.person_id or None,
                "type": rtype.value,
                "level": level.value if level else None,
            }
        )
    return out


def check_not_leading_cadre(session: Session, responsible: Iterable[dict[str, Any]]) -> None:
    """Refuse a 底稿 that is really a leading cadre's own problem (see the module docstring)."""
    for entry in responsible:
        if entry.get("type") != ResponsibilityType.DIRECT.value:
            continue
        if not (entry.get("name") or entry.get("person_id")):
            continue  # a unit: the organisation's problem
        levels = {entry.get("level")}
        if entry.get("person_id"):
            person = session.get(Person, entry["person_id"])
            if person is not None:
                levels.add(person.level.value)
        leading = [CadreLevel.parse(v) for v in levels if v in LEADING_LEVELS]
        if leading:
            name = entry.get("name") or ""
            raise ClueRequired(
                f"“{name}”为{leading[0].label}干部且负直接责任，属领导干部问题，"
                "请登记为问题线索，不能形成底稿",
                field="responsible",
                person=name,
            )


def require_draft(row: Finding, action: str) -> None:
    """Only a draft may change: an approved 底稿 is locked, one under sign-off must be returned
    first so that what the signers saw is what they signed."""
    if row.status == FindingStatus.APPROVED:
        raise WorkflowError(
            f"底稿 {row.number} 已审签，已锁定，不能{action}",
            field="status",
            status=row.status.value,
        )
    if row.status != FindingStatus.DRAFT:
        raise WorkflowError(
            f"底稿 {row.number} 处于“{row.status.label}”状态，退回后才能{action}",
            field="status",
            status=row.status.value,
        )
