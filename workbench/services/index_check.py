"""``check``'s search-index step: the index is in step with the records, on both backends.

It compares keys, not text: every live searchable record has its document and every document a
live record, as ``indexing.reindex_all`` would write them. Records queued for the catch-up
(``index_queue``) count as neither: ``workbench index`` indexes them. On SQLite each document
also has its row in both FTS5 tables; on PostgreSQL its tokens are in the document's own row.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import ColumnElement, column, exists, func, select, table, text
from sqlalchemy.orm import Session

from workbench.i18n import N_
from workbench.models import Attachment
from workbench.models.base import RecordMixin
from workbench.services.indexing import RECORD_TYPES
from workbench.store.check import ExtraStep, StepOutcome

SEARCH_INDEX = N_("检索索引与记录一致")
REBUILD = "运行 workbench index --rebuild 重建"

_docs = table("search_docs", column("rowid"), column("record_type"), column("record_id"))
_pending = table("search_pending", column("record_type"), column("record_id"))
# a document's rows in the contentless FTS5 tables share its rowid (search/schema.py)
_FTS_UNMATCHED = text(
    "SELECT (SELECT count(*) FROM search_docs WHERE rowid NOT IN (SELECT rowid FROM search_tri))"
    " + (SELECT count(*) FROM search_docs WHERE rowid NOT IN (SELECT rowid FROM search_bi))"
    " + (SELECT count(*) FROM search_tri WHERE rowid NOT IN (SELECT rowid FROM search_docs))"
    " + (SELECT count(*) FROM search_bi WHERE rowid NOT IN (SELECT rowid FROM search_docs))"
)


def _count(session: Session, *where: ColumnElement[bool], source: Any) -> int:
    return session.execute(select(func.count()).select_from(source).where(*where)).scalar_one()


def _queued(table_name: str, record_id: Any) -> ColumnElement[bool]:
    """The record waits in ``search_pending`` (keyed by table name, ``index_queue``)."""
    return exists().where(_pending.c.record_type == table_name, _pending.c.record_id == record_id)


def out_of_step(session: Session) -> tuple[int, int]:
    """(live records without their document, documents without their live record)."""
    missing = stale = 0
    for searchable, kind in RECORD_TYPES.items():
        model = cast(Any, searchable)
        key = model.sha256 if model is Attachment else model.id
        live = [model.deleted_at.is_(None)] if issubclass(model, RecordMixin) else []
        name = model.__tablename__
        indexed = exists().where(_docs.c.record_type == kind, _docs.c.record_id == key)
        missing += _count(session, *live, ~indexed, ~_queued(name, key), source=model)
        record = select(key).where(key == _docs.c.record_id, *live).exists()
        kept = [_docs.c.record_type == kind, ~record, ~_queued(name, _docs.c.record_id)]
        stale += _count(session, *kept, source=_docs)
    stale += _count(session, _docs.c.record_type.not_in(list(RECORD_TYPES.values())), source=_docs)
    return missing, stale


def check_search_index(session: Session) -> StepOutcome:
    missing, stale = out_of_step(session)
    problems: list[str] = []
    if missing:
        problems.append(f"检索索引缺少 {missing} 条记录：{REBUILD}")
    if stale:
        problems.append(f"检索索引中有 {stale} 条记录已不存在或已作废：{REBUILD}")
    if session.get_bind().dialect.name == "sqlite":
        unmatched = session.execute(_FTS_UNMATCHED).scalar_one()
        if unmatched:
            problems.append(f"全文检索表与检索索引不一致（{unmatched} 行）：{REBUILD}")
    queued = _count(session, source=_pending)
    warnings = (f"{queued} 条记录尚待编入检索：运行 workbench index",) if queued else ()
    facts: dict[str, object] = {
        "search_documents": _count(session, source=_docs),
        "search_pending": queued,
    }
    return StepOutcome(tuple(problems), warnings, facts)


SEARCH_INDEX_STEP = ExtraStep("search_index", SEARCH_INDEX, check_search_index)
