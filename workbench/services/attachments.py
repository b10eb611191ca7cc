"""Attachments as a list (the bytes stay in the store: see ``Workspace.attachment_bytes``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models.system import Attachment
from workbench.services.common import Page, page
from workbench.store.attachments import AttachmentInfo, attachment_info


def list_attachments(
    session: Session,
    *,
    name_contains: str | None = None,
    media_prefix: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[AttachmentInfo]:
    """Newest first."""
    query = select(Attachment)
    if name_contains:
        query = query.where(Attachment.name.contains(name_contains.strip(), autoescape=True))
    if media_prefix:
        query = query.where(Attachment.media_type.startswith(media_prefix, autoescape=True))
    query = query.order_by(Attachment.created_at.desc(), Attachment.sha256)
    return page(session, query, attachment_info, offset, limit)
