"""Stamp records on flush: who and which device created or changed them, and their version.

Services never set stamps by hand. A change to a child row (a transcript turn, a sign-off, a
portrait item) bumps its aggregate's version too, because packages merge whole aggregates.
The package importer sets ``session.info["preserve_stamps"]`` to write incoming stamps verbatim.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from workbench.models.base import RecordMixin, utcnow
from workbench.models.findings import FindingSignoff
from workbench.models.interviews import InterviewTurn
from workbench.models.portraits import PortraitItem

STAMP_FIELDS = frozenset({"updated_at", "updated_by", "version"})

# child class → attribute naming its aggregate root
_PARENTS: dict[type, str] = {
    InterviewTurn: "interview",
    FindingSignoff: "finding",
    PortraitItem: "portrait",
}


def _touch(record: RecordMixin, user_id: str | None, bumped: set[int]) -> None:
    if id(record) in bumped:
        return
    bumped.add(id(record))
    record.updated_at = utcnow()
    record.updated_by = user_id
    record.version = (record.version or 0) + 1


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("preserve_stamps"):
        return
    actor = session.info.get("actor")
    user_id = getattr(actor, "user_id", None)
    device_id = getattr(actor, "device_id", None)
    bumped: set[int] = session.info.setdefault("stamps_bumped", set())
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, RecordMixin):
            obj.created_at = obj.created_at or now
            obj.updated_at = now
            obj.created_by = obj.created_by or user_id
            obj.updated_by = user_id
            obj.origin_device = obj.origin_device or device_id
            obj.version = 1
            bumped.add(id(obj))
    for obj in session.dirty:
        if isinstance(obj, RecordMixin) and session.is_modified(obj, include_collections=False):
            _touch(obj, user_id, bumped)
    for obj in (*session.new, *session.dirty, *session.deleted):
        attr = _PARENTS.get(type(obj))
        parent = getattr(obj, attr, None) if attr else None
        if isinstance(parent, RecordMixin) and parent not in session.new:
            _touch(parent, user_id, bumped)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_bumps(session: Session) -> None:
    session.info.pop("stamps_bumped", None)
