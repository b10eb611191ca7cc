"""Attachments as a list (the bytes stay in the store: see ``Workspace.attachment_bytes``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models.system import Attachment
from workbench.services.common import Page, apply_order, page
from workbench.store.attachments import AttachmentInfo, attachment_info

# the sortable columns of the list (``order``: a key, "-" in front for descending)
ATTACHMENT_ORDERS = {
    "name": Attachment.name,
    "media_type": Attachment.media_type,
    "size": Attachment.size,
    "created_at": Attachment.created_at,
}


def list_attachments(
    session: Session,
    *,
    name_contains: str | None = None,
    media_prefix: str | None = None,
    order: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[AttachmentInfo]:
    """Newest first unless ``order`` names a key of ``ATTACHMENT_ORDERS``."""
    query = select(Attachment)
    if name_contains:
        query = query.where(Attachment.name.contains(name_contains.strip(), autoescape=True))
    if media_prefix:
        query = query.where(Attachment.media_type.startswith(media_prefix, autoescape=True))
    newest = (Attachment.created_at.desc(), Attachment.sha256)
    query = apply_order(query, order, ATTACHMENT_ORDERS, newest)
    return page(session, query, attachment_info, offset, limit)


def get_attachments(session: Session, shas: list[str]) -> dict[str, AttachmentInfo]:
    """The attachments among ``shas`` that are in the store, by SHA-256 (one indexed query)."""
    wanted = sorted({s.strip().lower() for s in shas if s})
    if not wanted:
        return {}
    rows = session.scalars(select(Attachment).where(Attachment.sha256.in_(wanted)))
    return {row.sha256: attachment_info(row) for row in rows}
