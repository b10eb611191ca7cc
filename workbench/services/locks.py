"""Which records the workflow has fixed, and why: one rule per record type.

The update services refuse a change to a locked record with the reason (``refuse_if_locked``);
the editors ask ``lock_reason`` and open such a record read-only with the same text at the top
(translated there like any core message).
Steps the workflow still allows on a locked record (a 线索's 接收/反馈/办结 and 处置结果, a 整改
事项's 评估等次) keep their own state checks in their services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from workbench.errors import WorkflowError
from workbench.i18n import N_
from workbench.models import Clue, Finding, Letter, Rectification
from workbench.models.base import Base, RecordMixin
from workbench.services.common import get_live
from workbench.services.reads import record_table
from workbench.vocab.enums import ClueStatus, FindingStatus, LetterStatus, RectificationStatus

# Fixed texts (no record number or date in them), so the English UI can translate them.
CLUE_TRANSFERRED = N_(
    "该线索已移交，移交的内容不能再修改；办理进展请用“接收”“处置”“反馈”“办结”和“处置结果”登记。"
)
CLUE_CLOSED = N_(
    "该线索已办结，已锁定，不能修改；如需更正，请由巡察办与接收单位核实后另行登记说明。"
)
LETTER_DISCUSSED = N_("该信访件已提交组务会研究，登记内容不能再修改；请按组务会意见分类处置。")
LETTER_DISPOSED = N_("该信访件已处置，已锁定，不能修改；如需更正，请提请组务会重新研究后另行登记。")
FINDING_IN_SIGNOFF = N_("该底稿正在复核审签中，内容不能修改；如需修改，请先退回。")
FINDING_APPROVED = N_("该底稿已审签，已锁定，不能修改；仅可调整是否纳入报告。")
RECTIFICATION_CLOSED = N_(
    "该整改事项已销号，已锁定，不能修改；仍可登记评估等次。如需更正，请由巡察办核实后另行登记。"
)


def clue_lock(row: Clue) -> str | None:
    """What was handed over at 移交 is what the receiving unit holds; after 办结 nothing moves."""
    if row.status is ClueStatus.REGISTERED:
        return None
    return CLUE_CLOSED if row.status is ClueStatus.CLOSED else CLUE_TRANSFERRED


def letter_lock(row: Letter) -> str | None:
    """登记 → 摘要 → 组务会研究 → 分类处置: the registration is corrected before the 组务会;
    a letter disposed of (or marked a 重复件) is closed."""
    if row.status in (LetterStatus.REGISTERED, LetterStatus.SUMMARIZED):
        return None
    return LETTER_DISPOSED if row.status is LetterStatus.DISPOSED else LETTER_DISCUSSED


def rectification_lock(row: Rectification) -> str | None:
    """销号 closes the item on its evidence: the ledger and the proof stay as they were judged.
    长期坚持 stays open to progress notes (its measures never end)."""
    return RECTIFICATION_CLOSED if row.status is RectificationStatus.DONE else None


def finding_lock(row: Finding) -> str | None:
    """What the 副组长 reviewed and the 组长 signed is what stands: a 底稿 under sign-off or
    approved does not change (``findings_rules.require_draft`` refuses it in the services)."""
    if row.status is FindingStatus.DRAFT:
        return None
    return FINDING_APPROVED if row.status is FindingStatus.APPROVED else FINDING_IN_SIGNOFF


# each locking type's rule, judged on the row's status alone (a conflict merge asks it of
# every version, exchange.to_office.conflicts)
LOCKS: dict[type[Base], Callable[[Any], str | None]] = {
    Clue: clue_lock,
    Letter: letter_lock,
    Rectification: rectification_lock,
    Finding: finding_lock,
}


VOIDED = N_("已作废")
VOIDED_BECAUSE = N_("已作废：%1")  # %1: the reason as typed (never translated)

# a lock's message, marked with N_, and what fills its %1 ("" for the fixed ones)
Notice = tuple[str, str]


def void_notice(session: Session, record_type: str, record_id: str) -> Notice | None:
    """“已作废：<理由>” for a voided record (it opens read-only under it), else ``None``."""
    table = record_table(record_type)
    model = next(
        (
            m.class_
            for m in Base.registry.mappers
            if getattr(m.class_, "__tablename__", None) == table
            and issubclass(m.class_, RecordMixin)
        ),
        None,
    )
    row = session.get(model, record_id) if model is not None else None
    if row is None or row.deleted_at is None:
        return None
    return (VOIDED_BECAUSE, row.void_reason) if row.void_reason else (VOIDED, "")


def lock_notice(session: Session, record_type: str, record_id: str) -> Notice | None:
    """Why the record cannot be edited now, or ``None`` when it can (also for the types that
    have no lock here), as the UI translates it. A voided record is fixed for good: its notice
    comes first."""
    voided = void_notice(session, record_type, record_id)
    if voided is not None:
        return voided
    fixed: str | None = None
    if record_type == "clue":
        fixed = clue_lock(get_live(session, Clue, record_id, "问题线索"))
    elif record_type == "letter":
        fixed = letter_lock(get_live(session, Letter, record_id, "信访件"))
    elif record_type == "rectification":
        fixed = rectification_lock(get_live(session, Rectification, record_id, "整改事项"))
    return (fixed, "") if fixed is not None else None


def lock_reason(session: Session, record_type: str, record_id: str) -> str | None:
    """``lock_notice`` as one Chinese sentence (the CLI's and the tests' reading)."""
    notice = lock_notice(session, record_type, record_id)
    return notice[0].replace("%1", notice[1]) if notice is not None else None


def refuse_if_locked(
    reason: str | None, error: type[WorkflowError] = WorkflowError, *, action: str = "修改"
) -> None:
    """Raise the lock's reason as a workflow refusal (exit 8)."""
    if reason is not None:
        raise error(reason, field="status", locked=True, action=action)
