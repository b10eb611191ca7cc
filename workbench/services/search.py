"""One search over every searchable record type, with labels for display.

A search returns nothing the user may not read: a 比对疑点 naming a person the user declared 回避
for is refused by ``datahits.get_hit`` and left out of ``list_hits``, so it is left out here too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import ValidationError
from workbench.i18n import N_
from workbench.models import DataHit
from workbench.search import SearchHit, search
from workbench.services.authority import recused_people
from workbench.services.datahits import recused_from
from workbench.services.index_queue import pending_count
from workbench.vocab.labels import BY_KIND

# the searchable kinds, named by the record-type registry (attachments are not records)
RECORD_TYPE_LABELS: dict[str, str] = {
    **{
        kind: BY_KIND[kind].label
        for kind in (
            "interview",
            "letter",
            "finding",
            "clue",
            "activity",
            "person",
            "target",
            "rectification",
            "list_entry",
            "data_hit",
        )
    },
    "attachment": N_("附件"),
}


@dataclass(frozen=True)
class SearchResult:
    record_type: str
    type_label: str
    record_id: str
    title: str
    snippet: str  # matches wrapped in workbench.search.HIGHLIGHT_START / HIGHLIGHT_END
    score: float


def search_records(
    session: Session,
    query: str,
    *,
    types: tuple[str, ...] | None = None,
    round_id: str | None = None,
    target_id: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SearchResult]:
    unknown = [t for t in types or () if t not in RECORD_TYPE_LABELS]
    if unknown:
        options = "、".join(RECORD_TYPE_LABELS)
        raise ValidationError(
            f"未知的记录类型：{'、'.join(unknown)}（可选：{options}）", field="type"
        )
    hits: list[SearchHit] = search(
        session,
        query,
        types=types,
        round_id=round_id,
        target_id=target_id,
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        offset=offset,
        hidden=hidden_records(session, round_id),
    )
    return [
        SearchResult(
            h.record_type,
            RECORD_TYPE_LABELS[h.record_type],
            h.record_id,
            h.title,
            h.snippet,
            h.score,
        )
        for h in hits
    ]


def hidden_records(session: Session, round_id: str | None = None) -> list[tuple[str, str]]:
    """The (record_type, record_id) of the records the acting user may not read, for a search
    of ``round_id`` (None: every round): the hits that name a person they declared 回避 for in
    the hit's round (as ``datahits.list_hits`` decides). A round without such a person reads
    no hit."""
    rounds = select(DataHit.round_id).where(DataHit.deleted_at.is_(None)).distinct()
    if round_id is not None:
        rounds = rounds.where(DataHit.round_id == round_id)
    hidden: list[tuple[str, str]] = []
    for rnd in session.scalars(rounds):
        people = recused_people(session, rnd)
        if not (people.by_id_number or people.by_name):
            continue
        hits = select(DataHit).where(DataHit.round_id == rnd, DataHit.deleted_at.is_(None))
        hidden += [
            ("data_hit", h.id) for h in session.scalars(hits) if recused_from(session, h, people)
        ]
    return hidden


def unindexed_count(session: Session) -> int:
    """How many records wait to be indexed (written by a bulk import, see ``index_queue``):
    until the catch-up has run, searches may miss them, and callers say so."""
    return pending_count(session)
