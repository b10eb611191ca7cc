"""What the workflow services (findings, letters, clues) share: their errors, the team roles,
state checks, per-round numbering and the checks of references to other records.

Every refused transition raises a coded error: ``PermissionDenied`` for the wrong role,
``WorkflowError`` (WB-WORKFLOW) for the wrong state, ``ClueRequired`` (WB-CLUE-REQUIRED) when a
problem belongs in a 问题线索 rather than a 底稿.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, PermissionDenied, ValidationError, WorkflowError
from workbench.models import (
    Activity,
    Attachment,
    Clue,
    DataHit,
    Finding,
    Interview,
    Letter,
    Round,
    Target,
    Team,
)
from workbench.models.base import RecordMixin
from workbench.roles import Role
from workbench.services.common import actor_id, actor_name, get_live
from workbench.vocab.labels import type_label

# Roles of the people in a 巡察组 (the field laptop's users).
TEAM_ROLES: tuple[Role, ...] = (
    Role.TEAM_LEADER,
    Role.DEPUTY_LEADER,
    Role.MEMBER,
    Role.RECORDER,
)


def require_status(current: StrEnum, allowed: Iterable[StrEnum], action: str) -> None:
    """Refuse ``action`` unless the record is in one of ``allowed`` states."""
    allowed = tuple(allowed)
    if current in allowed:
        return
    label = getattr(current, "label", str(current))
    wanted = "、".join(getattr(s, "label", str(s)) for s in allowed)
    raise WorkflowError(
        f"当前状态为“{label}”，不能{action}（需为：{wanted}）",
        field="status",
        status=str(current),
        action=action,
    )


def signer(session: Session) -> tuple[str, str]:
    """The logged-in user's id and name, for a step that must name who took it."""
    uid = actor_id(session)
    if uid is None:
        raise PermissionDenied("此操作需要登录用户")
    return uid, actor_name(session) or uid


# -- numbering ---------------------------------------------------------------------------------


def round_row(session: Session, round_id: str) -> Round:
    if not round_id:
        raise ValidationError("请选择巡察轮次", field="round_id")
    return get_live(session, Round, round_id, "巡察轮次")


def next_number(session: Session, model: type[RecordMixin], rnd: Round, prefix: str) -> str:
    """``PREFIX-YEAR-NNNN`` (more digits past 9999), one past the highest used in the round.
    Deleted records count too: a number once issued may be on paper, so it is never reissued."""
    head = f"{prefix}-{rnd.year}-"
    column: Any = model.number  # type: ignore[attr-defined]
    # Longest first, then highest: numbers of one width sort as text; wider ones are later.
    candidates = session.scalars(
        select(column)
        .where(model.round_id == rnd.id, column.startswith(head, autoescape=True))
        .order_by(func.length(column).desc(), column.desc())
        .limit(50)
    )
    pattern = re.compile(rf"^{re.escape(head)}(\d+)$")
    highest = max((int(m.group(1)) for n in candidates if (m := pattern.match(n))), default=0)
    return f"{head}{highest + 1:04d}"


def check_number(
    session: Session,
    model: type[RecordMixin],
    round_id: str,
    number: str,
    exclude_id: str | None = None,
) -> str:
    """A hand-typed number must be unique in the round, voided records included: a number once
    issued may be on paper, so a voided record keeps it."""
    number = number.strip()
    if not number:
        raise ValidationError("编号不能为空", field="number")
    if len(number) > 40:
        raise ValidationError("编号不能超过 40 个字", field="number")
    column: Any = model.number  # type: ignore[attr-defined]
    query = select(model.deleted_at.is_not(None)).where(
        model.round_id == round_id, column == number
    )
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    holders = set(session.scalars(query))
    if False in holders:
        raise Conflict(f"本轮已有编号为“{number}”的记录", field="number", number=number)
    if True in holders:
        raise Conflict(
            f"编号“{number}”已用于本轮一条已作废的记录，编号不再重复使用",
            field="number",
            number=number,
        )
    return number


# -- references --------------------------------------------------------------------------------


def check_team(session: Session, team_id: str | None, round_id: str) -> str | None:
    if team_id is None:
        return None
    team = session.get(Team, team_id)
    if team is None or team.deleted_at is not None or team.round_id != round_id:
        raise ValidationError("巡察组不存在或不属于本轮", field="team_id")
    return team_id


def check_target(
    session: Session, target_id: str | None, round_id: str, *, required: bool
) -> str | None:
    """A live target of the round (a target not tied to a round fits any)."""
    if not target_id:
        if required:
            raise ValidationError("请选择被巡察对象", field="target_id")
        return None
    target = session.get(Target, target_id)
    if target is None or target.deleted_at is not None:
        raise ValidationError("被巡察对象不存在", field="target_id")
    if target.round_id not in (None, round_id):
        raise ValidationError("所选被巡察对象不属于本轮巡察", field="target_id")
    return target.id


def check_attachment(session: Session, sha256: str | None, field_name: str) -> str | None:
    if not sha256:
        return None
    if session.get(Attachment, sha256) is None:
        raise ValidationError("附件不存在，请先导入附件", field=field_name)
    return sha256


@dataclass(frozen=True)
class SourceRef:
    """A record a finding or clue came from: ``kind`` is interview, letter, activity, finding or
    data_hit (a 比对疑点)."""

    kind: str
    id: str


SOURCE_MODELS: dict[str, tuple[type[RecordMixin], str]] = {
    kind: (model, type_label(kind))
    for kind, model in (
        ("interview", Interview),
        ("letter", Letter),
        ("activity", Activity),
        ("finding", Finding),
        ("clue", Clue),
        ("data_hit", DataHit),
    )
}


def check_sources(
    session: Session, refs: Iterable[SourceRef], kinds: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Every source must be a live record of an allowed kind; stored as ``{"type", "id"}``."""
    out: list[dict[str, Any]] = []
    for ref in refs:
        if ref.kind not in kinds:
            names = "、".join(SOURCE_MODELS[k][1] for k in kinds)
            raise ValidationError(f"问题来源只能是：{names}", field="source_refs")
        model, label = SOURCE_MODELS[ref.kind]
        row = session.get(model, ref.id)
        if row is None or row.deleted_at is not None:
            raise ValidationError(f"来源{label}不存在（{ref.id}）", field="source_refs")
        entry = {"type": ref.kind, "id": ref.id}
        if entry not in out:
            out.append(entry)
    return out


def source_refs(stored: Iterable[dict[str, Any]]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(str(r.get("type", "")), str(r.get("id", ""))) for r in stored)


def local_now() -> datetime:
    """Business times (收到、移交、接收…) are the user's wall-clock time, as typed in forms;
    only the record stamps are UTC."""
    return datetime.now().replace(microsecond=0)
