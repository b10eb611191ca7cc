"""Keep the search index in step with the records, in the same transaction.

An ``after_flush`` hook turns every inserted, changed or deleted searchable row into a
``SearchDoc`` (or a removal), so services, demo data and package imports never index by hand and
the index can't drift from the data. ``reindex_all`` rebuilds it from scratch. Rows written with
SQLAlchemy Core (bulk imports) bypass the hook: they are queued in the same transaction and
indexed after the commit (``index_queue``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, event, select
from sqlalchemy.orm import Session

from workbench.models import (
    Activity,
    Attachment,
    Clue,
    DataHit,
    Finding,
    Interview,
    InterviewTurn,
    Letter,
    ListEntry,
    Person,
    Rectification,
    Target,
)
from workbench.models.base import RecordMixin
from workbench.search import SearchDoc, index_documents, rebuild, remove_documents


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _interview(row: Interview) -> SearchDoc:
    transcript = "\n".join(f"问：{t.question}\n答：{t.answer}" for t in row.turns)
    return SearchDoc(
        "interview",
        row.id,
        f"{row.number} 与{row.subject_name}（{row.subject_position}）{row.interview_type.label}",
        _join(row.subject_unit, row.outline, row.summary, transcript),
        row.round_id,
        row.target_id,
        _day(row.held_at),
        " ".join([row.subject_name, *row.interviewers]),
    )


def _letter(row: Letter) -> SearchDoc:
    reported = "、".join(str(p.get("name", "")) for p in row.reported_persons)
    return SearchDoc(
        "letter",
        row.id,
        f"{row.number} {row.channel.label} 反映{reported or '有关问题'}",
        _join(row.summary, row.proposal, row.transfer_to),
        row.round_id,
        row.target_id,
        _day(row.received_at),
        " ".join([reported.replace("、", " "), "" if row.anonymous else row.reporter_name]),
    )


def _finding(row: Finding) -> SearchDoc:
    names = " ".join(str(r.get("name", "")) for r in row.responsible)
    return SearchDoc(
        "finding",
        row.id,
        row.title,
        _join(row.number, row.summary, row.discovery),
        row.round_id,
        row.target_id,
        row.compiled_on,
        names,
    )


def _clue(row: Clue) -> SearchDoc:
    return SearchDoc(
        "clue",
        row.id,
        f"{row.number} {row.subject_name}（{row.subject_position}）",
        _join(row.problem, row.result, row.category1, row.category2),
        row.round_id,
        row.target_id,
        _day(row.created_at),
        row.subject_name,
    )


def _activity(row: Activity) -> SearchDoc:
    return SearchDoc(
        "activity",
        row.id,
        row.title,
        _join(row.activity_type.label, row.notes),
        row.round_id,
        row.target_id,
        _day(row.held_at),
        " ".join(row.participants),
    )


def _person(row: Person) -> SearchDoc:
    return SearchDoc(
        "person",
        row.id,
        f"{row.name} {row.position}",
        _join(row.level.label, row.portfolio),
        row.round_id,
        row.target_id,
        row.term_start,
        row.name,
    )


def _target(row: Target) -> SearchDoc:
    return SearchDoc(
        "target",
        row.id,
        row.name,
        _join(row.parent_org, row.overview, row.leader_name),
        row.round_id,
        row.id,
        None,
        " ".join([row.name, row.leader_name]),
    )


def _rectification(row: Rectification) -> SearchDoc:
    return SearchDoc(
        "rectification",
        row.id,
        f"{row.number} {row.problem[:60]}",
        _join(row.problem, row.measures, row.lead_department, row.progress_notes),
        row.round_id,
        row.target_id,
        row.due_date,
        " ".join([row.responsible_person, row.leader_in_charge]),
    )


def _list_entry(row: ListEntry) -> SearchDoc:
    """The 3+1 lists: a policy entry is found by its document name, number or clause text."""
    return SearchDoc(
        "list_entry",
        row.id,
        f"{row.kind.label}：{row.title}",
        _join(row.document_no, row.clause, row.content, row.source),
        row.round_id,
        row.target_id,
        None,
        "",
    )


def _data_hit(row: DataHit) -> SearchDoc:
    """A 比对疑点 by its rule and person; its rows are not searched (their cells are the lists',
    which not every reader may see)."""
    return SearchDoc(
        "data_hit",
        row.id,
        f"{row.rule_title}：{row.subject_name}",
        _join(row.summary, row.qualification),
        row.round_id,
        None,
        _day(row.created_at),
        row.subject_name,
    )


def _attachment(row: Attachment) -> SearchDoc:
    return SearchDoc("attachment", row.sha256, row.name, row.media_type, None, None, None, row.name)


BUILDERS: dict[type, Callable[[Any], SearchDoc]] = {
    Interview: _interview,
    Letter: _letter,
    Finding: _finding,
    Clue: _clue,
    Activity: _activity,
    Person: _person,
    Target: _target,
    Rectification: _rectification,
    ListEntry: _list_entry,
    DataHit: _data_hit,
    Attachment: _attachment,
}
RECORD_TYPES: dict[type, str] = {
    Interview: "interview",
    Letter: "letter",
    Finding: "finding",
    Clue: "clue",
    Activity: "activity",
    Person: "person",
    Target: "target",
    Rectification: "rectification",
    ListEntry: "list_entry",
    DataHit: "data_hit",
    Attachment: "attachment",
}


def _key(obj: Any) -> tuple[str, str]:
    return RECORD_TYPES[type(obj)], str(obj.sha256 if isinstance(obj, Attachment) else obj.id)


@event.listens_for(Session, "after_flush")
def _index_changes(session: Session, _ctx: Any) -> None:
    changed: dict[tuple[str, str], Any] = {}
    removed: set[tuple[str, str]] = set()
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, InterviewTurn):
            obj = obj.interview
        if type(obj) not in BUILDERS or obj is None:
            continue
        if isinstance(obj, RecordMixin) and obj.deleted_at is not None:
            removed.add(_key(obj))
        else:
            changed[_key(obj)] = obj
    for obj in session.deleted:
        if type(obj) in BUILDERS:
            removed.add(_key(obj))
    if removed:
        remove_documents(session.connection(), removed)
    if changed:
        index_documents(session.connection(), (BUILDERS[type(o)](o) for o in changed.values()))


def _all_docs(session: Session) -> Iterator[SearchDoc]:
    for model, build in BUILDERS.items():
        query: Select[Any] = select(model)
        if issubclass(model, RecordMixin):
            query = query.where(model.deleted_at.is_(None))
        for row in session.scalars(query).yield_per(1000):
            yield build(row)


def reindex_all(session: Session) -> int:
    """Rebuild the whole index from the records (after an import or for repair). Whatever waits
    in the catch-up queue (``index_queue``) is covered by the rebuild, so the queue is emptied."""
    written = rebuild(session.connection(), _all_docs(session))
    session.connection().exec_driver_sql("DELETE FROM search_pending")
    return written
