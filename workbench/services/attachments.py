"""Attachments as a list (the bytes stay in the store: see ``Workspace.attachment_bytes``), each
with the records it belongs to, named as people know them (信访件 XF-2026-0001, not an id)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from workbench.models import Finding, Interview, Letter, Rectification
from workbench.models.findings import Evidence
from workbench.models.rectification import RectificationDocument
from workbench.models.reports import Report
from workbench.models.system import Attachment
from workbench.services.common import Page, apply_order, contains_text, page, text_matches
from workbench.store.attachments import AttachmentInfo, attachment_info
from workbench.vocab.labels import type_label

# the sortable columns of the list (``order``: a key, "-" in front for descending)
ATTACHMENT_ORDERS = {
    "name": Attachment.name,
    "media_type": Attachment.media_type,
    "size": Attachment.size,
    "created_at": Attachment.created_at,
}


@dataclass(frozen=True)
class AttachmentUse:
    """One record an attachment belongs to: its kind in words (the registry's ``N_`` label)
    and its number, or its title where the kind has no number."""

    record_type: str  # the table, as the audit log and exchange name it
    label: str
    name: str


@dataclass(frozen=True)
class AttachmentView:
    sha256: str
    size: int
    name: str
    media_type: str
    created_at: datetime
    created_by: str | None
    used_by: tuple[AttachmentUse, ...] = ()


def list_attachments(
    session: Session,
    *,
    name_contains: str | None = None,
    media_prefix: str | None = None,
    text: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    order: str | None = None,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[AttachmentView]:
    """Newest first unless ``order`` names a key of ``ATTACHMENT_ORDERS``; ``text`` searches the
    file name, ``date_from``/``date_to`` bound the day added (inclusive)."""
    query = select(Attachment)
    if name_contains:
        query = query.where(text_matches(Attachment.name, name_contains.strip()))
    if media_prefix:
        query = query.where(text_matches(Attachment.media_type, media_prefix, prefix=True))
    query = contains_text(query, text, Attachment.name)
    if date_from is not None:
        query = query.where(Attachment.created_at >= datetime.combine(date_from, time.min))
    if date_to is not None:
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        query = query.where(Attachment.created_at < end)
    newest = (Attachment.created_at.desc(), Attachment.sha256)
    query = apply_order(query, order, ATTACHMENT_ORDERS, newest)
    infos = page(session, query, attachment_info, offset, limit, total)
    uses = attachment_uses(session, [i.sha256 for i in infos.items])
    items = tuple(_view(info, uses.get(info.sha256, ())) for info in infos.items)
    return Page(items, infos.total, infos.offset, infos.limit)


def get_attachments(session: Session, shas: list[str]) -> dict[str, AttachmentInfo]:
    """The attachments among ``shas`` that are in the store, by SHA-256 (one indexed query)."""
    wanted = sorted({s.strip().lower() for s in shas if s})
    if not wanted:
        return {}
    rows = session.scalars(select(Attachment).where(Attachment.sha256.in_(wanted)))
    return {row.sha256: attachment_info(row) for row in rows}


def _view(info: AttachmentInfo, uses: Iterable[AttachmentUse]) -> AttachmentView:
    return AttachmentView(
        sha256=info.sha256,
        size=info.size,
        name=info.name,
        media_type=info.media_type,
        created_at=info.created_at,
        created_by=info.created_by,
        used_by=tuple(uses),
    )


def _json_list_items(session: Session, column: Any) -> Any:
    """The strings in a JSON list column, as a table-valued function of one column ``value``:
    SQLite's ``json_each``, PostgreSQL's ``json_array_elements_text`` (the office hub)."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    items = func.json_each if sqlite else func.json_array_elements_text
    return items(column).table_valued("value")


def attachment_uses(session: Session, shas: list[str]) -> dict[str, list[AttachmentUse]]:
    """sha256 → the records that refer to it (a few queries for a whole page of files)."""
    found: dict[str, list[AttachmentUse]] = defaultdict(list)
    if not shas:
        return found

    def add(sha: Any, table: str, name: Any) -> None:
        use = AttachmentUse(table, type_label(table), str(name or ""))
        if use not in found[sha]:
            found[sha].append(use)

    for sha, number in session.execute(
        select(Letter.original_sha256, Letter.number).where(Letter.original_sha256.in_(shas))
    ):
        add(sha, "letters", number)
    for sha, number in session.execute(
        select(Interview.confirmation_sha256, Interview.number).where(
            Interview.confirmation_sha256.in_(shas)
        )
    ):
        add(sha, "interviews", number)
    evidence = (
        select(Evidence.attachment_sha256, Finding.number, Evidence.title)
        .outerjoin(Finding, Finding.id == Evidence.finding_id)
        .where(Evidence.attachment_sha256.in_(shas))
    )
    for sha, number, title in session.execute(evidence):
        if number:
            add(sha, "findings", number)
        else:
            add(sha, "evidence", title)
    for sha, title in session.execute(
        select(Report.attachment_sha256, Report.title).where(Report.attachment_sha256.in_(shas))
    ):
        add(sha, "reports", title)
    listed = _json_list_items(session, Rectification.evidence_sha256)
    for sha, number in session.execute(
        select(listed.c.value, Rectification.number)
        .join_from(Rectification, listed, true())
        .where(listed.c.value.in_(shas))
    ):
        add(sha, "rectifications", number)
    docs = _json_list_items(session, RectificationDocument.attachment_sha256)
    for sha, title in session.execute(
        select(docs.c.value, RectificationDocument.title)
        .join_from(RectificationDocument, docs, true())
        .where(docs.c.value.in_(shas))
    ):
        add(sha, "rectification_documents", title)
    return found
