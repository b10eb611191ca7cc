"""Which records the workflow has fixed, and why: one rule per record type.

The update services refuse a change to a locked record with the reason (``refuse_if_locked``);
the editors ask ``lock_reason`` and open such a record read-only with the same text at the top.
Steps the workflow still allows on a locked record (a 线索's 接收/反馈/办结 and 处置结果, a 整改
事项's 评估等次) keep their own state checks in their services.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.errors import WorkflowError
from workbench.models import Clue, Letter, Rectification
from workbench.models.enums import ClueStatus, LetterStatus, RectificationStatus
from workbench.services.common import get_live


def clue_lock(row: Clue) -> str | None:
    """What was handed over at 移交 is what the receiving unit holds; after 办结 nothing moves."""
    if row.status is ClueStatus.REGISTERED:
        return None
    if row.status is ClueStatus.CLOSED:
        return (
            f"线索 {row.number} 已办结，已锁定，不能修改；"
            "如需更正，请由巡察办与接收单位核实后另行登记说明。"
        )
    return (
        f"线索 {row.number} 已移交（{row.status.label}），移交的内容不能再修改；"
        "办理进展请用“接收”“处置”“反馈”“办结”和“处置结果”登记。"
    )


def letter_lock(row: Letter) -> str | None:
    """登记 → 摘要 → 组务会研究 → 分类处置: the registration is corrected before the 组务会."""
    if row.status in (LetterStatus.REGISTERED, LetterStatus.SUMMARIZED):
        return None
    if row.status is LetterStatus.DISPOSED:
        how = "处置"
        if row.duplicate_of_id:
            how = "标记为重复件"
        elif row.disposition is not None:
            how = f"处置（{row.disposition.label}）"
        return (
            f"信访件 {row.number} 已{how}，已锁定，不能修改；"
            "如需更正，请提请组务会重新研究后另行登记。"
        )
    return f"信访件 {row.number} 已提交组务会研究，登记内容不能再修改；请按组务会意见分类处置。"


def rectification_lock(row: Rectification) -> str | None:
    """销号 closes the item on its evidence: the ledger and the proof stay as they were judged.
    长期坚持 stays open to progress notes (its measures never end)."""
    if row.status is not RectificationStatus.DONE:
        return None
    closed = f"（{row.closed_on.isoformat()}）" if row.closed_on else ""
    return (
        f"整改事项 {row.number} 已销号{closed}，已锁定，不能修改；仍可登记评估等次。"
        "如需更正，请由巡察办核实后另行登记。"
    )


def lock_reason(session: Session, record_type: str, record_id: str) -> str | None:
    """Why the record cannot be edited now, or ``None`` when it can (also for the types that
    have no lock here)."""
    if record_type == "clue":
        return clue_lock(get_live(session, Clue, record_id, "问题线索"))
    if record_type == "letter":
        return letter_lock(get_live(session, Letter, record_id, "信访件"))
    if record_type == "rectification":
        return rectification_lock(get_live(session, Rectification, record_id, "整改事项"))
    return None


def refuse_if_locked(
    reason: str | None, error: type[WorkflowError] = WorkflowError, *, action: str = "修改"
) -> None:
    """Raise the lock's reason as a workflow refusal (exit 8)."""
    if reason is not None:
        raise error(reason, field="status", locked=True, action=action)
