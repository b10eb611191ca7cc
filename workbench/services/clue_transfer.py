"""Where a clue goes and when it must come back: the receiving units of a 移交 (单移交, 双移交,
"其他" by name) and the office's 反馈期限 rule (months from the 移交, kept in the store)."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.services.common import optional_text, parse_enum
from workbench.services.office_rules import MonthsRule, rule_months, set_rule_months
from workbench.vocab.enums import ClueTransferUnit, TransferMode

FEEDBACK_RULE = MonthsRule("clue_feedback_months", "feedback_months", "线索反馈期限", 3, 0, 24)
FEEDBACK_MONTHS_RANGE = (FEEDBACK_RULE.low, FEEDBACK_RULE.high)  # 0: no rule


# -- receiving units -----------------------------------------------------------------------------


def receiving_units(
    unit: ClueTransferUnit | str,
    mode: TransferMode | str,
    second: ClueTransferUnit | str | None,
    other_name: str | None,
) -> dict[str, Any]:
    """The one rule for who receives a clue: a 双移交 names two different units, a 单移交 one;
    "其他" needs the unit's name."""
    first = parse_enum(ClueTransferUnit, unit, "transfer_unit", "拟移交单位")
    how = parse_enum(TransferMode, mode, "transfer_mode", "移交方式")
    other = None if second in (None, "") else second
    second_unit = (
        None
        if other is None
        else parse_enum(ClueTransferUnit, other, "second_unit", "第二接收单位")
    )
    if how is TransferMode.DOUBLE and second_unit is None:
        raise ValidationError("双移交须写明两个接收单位（如纪委监委和组织部）", field="second_unit")
    if how is TransferMode.SINGLE and second_unit is not None:
        raise ValidationError("单移交只有一个接收单位；两个单位请选“双移交”", field="second_unit")
    if second_unit is first:
        raise ValidationError("双移交的两个接收单位不能相同", field="second_unit")
    name = optional_text(other_name, "other_unit", "其他接收单位名称", 120)
    if ClueTransferUnit.OTHER in (first, second_unit):
        if not name:
            raise ValidationError("移交“其他”单位须写明单位名称", field="other_unit")
    else:
        name = ""
    return {
        "transfer_unit": first,
        "transfer_mode": how,
        "second_unit": second_unit,
        "other_unit": name,
    }


# -- the 反馈期限 rule -----------------------------------------------------------------------------


def feedback_months(session: Session) -> int:
    """Months from the 移交 to the default 反馈期限 (0: no rule)."""
    return rule_months(session, FEEDBACK_RULE)


def set_feedback_months(session: Session, months: int) -> None:
    """The office's rule; 0 turns it off (every 移交 then names its own 反馈期限)."""
    set_rule_months(session, FEEDBACK_RULE, months)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_feedback_due(session: Session, transferred_on: date) -> date | None:
    months = feedback_months(session)
    return add_months(transferred_on, months) if months else None
