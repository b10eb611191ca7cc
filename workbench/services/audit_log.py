"""The audit log for the 安全审计员: read-only, newest first, with the chain verified on demand."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models.system import AuditEntry
from workbench.roles import Role
from workbench.services.common import Page, page, require_role
from workbench.store.audit import AuditRecord, ChainReport, verify_chain


def _record(e: AuditEntry) -> AuditRecord:
    return AuditRecord(
        seq=e.seq,
        at=e.at,
        actor_name=e.actor_name,
        device_id=e.device_id,
        action=e.action,
        object_type=e.object_type,
        object_id=e.object_id,
        detail=json.loads(e.detail),
        entry_hash=e.entry_hash,
    )


def list_audit_entries(
    session: Session,
    *,
    action: str | None = None,
    actor_name: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[AuditRecord]:
    """Only the 安全审计员 reads the log (三员分立)."""
    require_role(session, [Role.AUDITOR], "查看审计日志")
    query = select(AuditEntry)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor_name:
        query = query.where(AuditEntry.actor_name == actor_name)
    return page(session, query.order_by(AuditEntry.seq.desc()), _record, offset, limit)


def verify_audit_chain(session: Session) -> ChainReport:
    require_role(session, [Role.AUDITOR], "校验审计日志")
    return verify_chain(session)
