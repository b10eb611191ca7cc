"""A 专项巡察's 工作方案: the office 报备s it to the higher office and records the 审核 (approved,
or returned with a reason and filed again once revised).

Only a 专项 round has a 方案; only 巡察办 moves it (office_setup.SETUP_ROLES), and every move goes
to the audit log with the status it left and the one it reached. The ``*_problem`` functions say
why a move is not possible now, so the screens can show the same reason the service raises.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.errors import ValidationError, WorkflowError
from workbench.models import Round
from workbench.services import round_rules
from workbench.services.common import get_live, optional_text, require_role
from workbench.services.office_setup import SETUP_ROLES
from workbench.services.rounds import RoundView, get_round
from workbench.store import audit
from workbench.vocab.enums import PlanStatus, RoundType

# what may be filed: a 方案 being drafted (a 专项 round made before drafts were marked has none
# yet) or one the higher office sent back
_FILABLE = (PlanStatus.NONE, PlanStatus.DRAFT, PlanStatus.RETURNED)

PLAN_NOTE_CHARS = 2000


def _not_special(view: RoundView) -> str | None:
    if view.round_type is RoundType.SPECIAL:
        return None
    return f"只有专项巡察需要报备工作方案，本轮是{view.round_type.label}巡察"


def file_problem(view: RoundView) -> str | None:
    """Why the round's 方案 cannot be 报备 now, or None."""
    if (reason := _not_special(view)) is not None:
        return reason
    if view.plan_status not in _FILABLE:
        return f"工作方案{view.plan_status.label}，无需再次报备"
    return None


def review_problem(view: RoundView) -> str | None:
    """Why the round's 方案 cannot be reviewed now, or None."""
    if (reason := _not_special(view)) is not None:
        return reason
    if view.plan_status is not PlanStatus.FILED:
        return f"工作方案{view.plan_status.label}，报备后才能审核"
    return None


def phase_problem(view: RoundView) -> str | None:
    """Why the 方案 keeps a 专项 round in 准备, or None (a round of another type never waits)."""
    return round_rules.plan_gate_problem(view.round_type, view.phase, view.plan_status)


def _move(session: Session, round_id: str, status: PlanStatus, note: str | None) -> RoundView:
    row = get_live(session, Round, round_id, "巡察轮次")
    before = row.plan_status
    row.plan_status = status
    if note is not None:
        row.plan_note = note
    session.flush()
    # like every audit entry, what changed but not the text written (the note stays in the round)
    detail = {"from": before.value, "to": status.value}
    audit.record(session, "round.plan", "round", row.id, detail)
    return get_round(session, round_id)


def file_plan(session: Session, round_id: str) -> RoundView:
    """报备: the 方案 goes to the higher office for 审核."""
    require_role(session, SETUP_ROLES, "报备专项巡察工作方案")
    problem = file_problem(get_round(session, round_id))
    if problem is not None:
        raise WorkflowError(problem, field="plan_status")
    return _move(session, round_id, PlanStatus.FILED, None)


def review_plan(session: Session, round_id: str, *, approve: bool, note: str = "") -> RoundView:
    """The higher office's 审核 as the office records it: approved, or returned with its reason."""
    require_role(session, SETUP_ROLES, "审核专项巡察工作方案")
    problem = review_problem(get_round(session, round_id))
    if problem is not None:
        raise WorkflowError(problem, field="plan_status")
    text = optional_text(note, "note", "审核意见", PLAN_NOTE_CHARS)
    if not approve and not text:
        raise ValidationError("退回修改时请写明退回意见", field="note")
    status = PlanStatus.APPROVED if approve else PlanStatus.RETURNED
    return _move(session, round_id, status, text)
