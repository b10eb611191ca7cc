"""The office's period rules kept in the store (``store_meta``): how many months after an event a
due date falls when nobody typed one — the clue 反馈期限 after 移交, the 整改方案 and 整改报告
after 反馈. Reading falls back to the rule's default; only the 巡察办 changes a rule, and each
change is written to the audit log (which rule, from what, to what), since it moves deadlines."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.models.system import StoreMeta
from workbench.roles import Role
from workbench.services.common import require_role
from workbench.store import audit


@dataclass(frozen=True)
class MonthsRule:
    key: str  # the store_meta key
    field: str  # the field a refusal names (the CLI's and the settings dialog's)
    label: str  # what the months fill in, e.g. 线索反馈期限
    default: int
    low: int  # 0 allowed: no rule, every record names its own due date
    high: int


def rule_months(session: Session, rule: MonthsRule) -> int:
    meta = session.get(StoreMeta, rule.key)
    return int(meta.value) if meta else rule.default


def set_rule_months(session: Session, rule: MonthsRule, months: int) -> None:
    require_role(session, (Role.OFFICE,), f"设定{rule.label}规则")
    if not rule.low <= months <= rule.high:
        off = "（0 表示不设默认）" if rule.low == 0 else ""
        raise ValidationError(
            f"默认{rule.label}须为 {rule.low}–{rule.high} 个月{off}", field=rule.field
        )
    before = rule_months(session, rule)
    meta = session.get(StoreMeta, rule.key)
    if meta is None:
        session.add(StoreMeta(key=rule.key, value=str(months)))
    else:
        meta.value = str(months)
    if months != before:
        change = {"rule": rule.label, "from": before, "to": months}
        audit.record(session, "setting.change", "store_meta", rule.key, change)
    session.flush()
