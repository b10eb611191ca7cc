"""Autosaved editor drafts of the current user: save (upsert), list for recovery, discard."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models.base import utcnow
from workbench.models.drafts import Draft
from workbench.roles import case_read_refusal
from workbench.store.separation import session_roles

MAX_PAYLOAD = 2_000_000  # characters of JSON: a long transcript fits, a runaway paste does not


@dataclass(frozen=True)
class DraftView:
    id: str
    kind: str
    record_id: str | None
    round_id: str | None
    title: str
    payload: dict[str, Any]
    updated_at: datetime


def record_draft_id(user_name: str, kind: str, record_id: str) -> str:
    """The draft of ``user_name``'s editor on an existing record: one per user and record, so
    two users editing the same record (the office server's colleagues) keep a draft each. A
    draft kept under the earlier id (``uuid5("kind:record_id")``, the record only) is still
    listed and opened by that id, and goes when it is saved or discarded."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"draft:{user_name}:{kind}:{record_id}"))


def _user(session: Session) -> str:
    actor = session.info.get("actor")
    return str(getattr(actor, "user_name", "") or "")


def _view(row: Draft) -> DraftView:
    return DraftView(
        row.id, row.kind, row.record_id, row.round_id, row.title, dict(row.payload), row.updated_at
    )


def save_draft(
    session: Session,
    draft_id: str,
    *,
    kind: str,
    payload: dict[str, Any],
    record_id: str | None = None,
    round_id: str | None = None,
    title: str = "",
) -> DraftView:
    """Keep what an editor holds; called every few seconds while the user types."""
    if len(json.dumps(payload, ensure_ascii=False, default=str)) > MAX_PAYLOAD:
        raise ValidationError("草稿过大，无法自动保存", field="payload")
    row = session.get(Draft, draft_id)
    if row is not None and row.user_name != _user(session):
        raise Conflict(draft=draft_id)  # another user's draft is never taken over
    if row is None:
        row = Draft(id=draft_id, user_name=_user(session), kind=kind)
        session.add(row)
    row.record_id = record_id
    row.round_id = round_id
    row.title = title[:200]
    row.payload = payload
    row.updated_at = utcnow()
    session.flush()
    return _view(row)


def list_drafts(session: Session) -> list[DraftView]:
    """The current user's drafts, newest first (other users' drafts stay private). A user who
    is 三员 only gets none: what they typed under a business role they no longer hold is case
    content (三员分立); the list is empty, not refused, as the window asks at every unlock."""
    if case_read_refusal(session_roles(session)) is not None:
        return []
    query = select(Draft).where(Draft.user_name == _user(session)).order_by(Draft.updated_at.desc())
    return [_view(row) for row in session.scalars(query)]


def discard_draft(session: Session, draft_id: str) -> None:
    row = session.get(Draft, draft_id)
    if row is not None and row.user_name == _user(session):
        session.delete(row)
        session.flush()
