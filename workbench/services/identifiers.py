"""What a person types for a record → its id: the one place every command taking a record resolves
it, so a script can write ``XF-2026-0001``, ``DG-…`` or a round's name instead of a UUID.

A record's human identifier is its number (信访件、谈话、底稿、线索、整改事项), its name
(被巡察对象、人员; rounds and teams through ``office_setup``), or nothing (only the id). The
office may hold two live records with one number, one from each of two devices (numbers are
unique per device, see ARCHITECTURE.md): such a number is refused with the records listed, and the
id picks one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from workbench.errors import AmbiguousName, NotFound, UsageError
from workbench.models import (
    Activity,
    ArchiveItem,
    Clue,
    Finding,
    FocusItem,
    Interview,
    Letter,
    ListEntry,
    Person,
    Portrait,
    Rectification,
    Report,
    Round,
    Target,
    Team,
)
from workbench.models.base import RecordMixin
from workbench.services.office_setup import resolve_round, resolve_team
from workbench.vocab.labels import type_label

_SHOWN = 10  # records named in a refusal; more are counted


@dataclass(frozen=True)
class RecordKind:
    model: type[RecordMixin]
    key: InstrumentedAttribute[str] | None  # the human identifier's column; None: the id only
    key_label: str = "编号"

    @property
    def label(self) -> str:
        """The type's one name, from the registry of record types."""
        return type_label(str(getattr(self.model, "__tablename__", "")))


# keyed by the CLI's record command names (``workbench letters show …``)
KINDS: dict[str, RecordKind] = {
    "targets": RecordKind(Target, Target.name, "名称"),
    "persons": RecordKind(Person, Person.name, "姓名"),
    "interviews": RecordKind(Interview, Interview.number),
    "letters": RecordKind(Letter, Letter.number),
    "findings": RecordKind(Finding, Finding.number),
    "clues": RecordKind(Clue, Clue.number),
    "rectifications": RecordKind(Rectification, Rectification.number),
    "activities": RecordKind(Activity, None),
    "focus": RecordKind(FocusItem, None),
    "lists": RecordKind(ListEntry, None),
    "portraits": RecordKind(Portrait, None),
    "reports": RecordKind(Report, None),
    "archive": RecordKind(ArchiveItem, None),
}


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _live_id(
    session: Session, model: Any, record_id: str, round_id: str | None, voided: bool = False
) -> str | None:
    query = select(model.id).where(model.id == record_id)
    if not voided:
        query = query.where(model.deleted_at.is_(None))
    if round_id is not None:  # an id names a record of the round asked for, as a number does
        query = query.where(model.round_id == round_id)
    found: str | None = session.scalar(query)
    return found


def _describe(session: Session, kind: RecordKind, row: Any) -> str:
    """Which of several records this is, in words: its round, team and when it was entered."""
    where = [
        name
        for model, ref in ((Round, row.round_id), (Team, row.team_id))
        if ref and (name := session.scalar(select(model.name).where(model.id == ref)))
    ]
    where.append(f"{row.created_at:%Y-%m-%d %H:%M} 录入")
    return f"{kind.label}{getattr(row, kind.key.key if kind.key else 'id')}（{'，'.join(where)}）"


def resolve_record(
    session: Session, kind: str, text: str, round_id: str | None = None, *, voided: bool = False
) -> str:
    """The id of the live record of ``kind`` that ``text`` names: its UUID or its human
    identifier (within ``round_id`` when given). Unknown → ``NotFound`` naming the text; several
    live records with that identifier → ``AmbiguousName`` listing them. ``voided``: a voided
    record is found too (to show it; its number is never issued again), a live one first."""
    if kind == "rounds":
        return resolve_round(session, text)
    if kind == "teams":
        return resolve_team(session, text, round_id)
    spec = KINDS.get(kind)
    if spec is None:
        raise UsageError(f"未知的记录类型：{kind}")
    model: Any = spec.model
    wanted = text.strip()
    if _is_uuid(wanted):
        found = _live_id(session, model, wanted.lower(), round_id, voided)
        if found is not None:
            return found
    if spec.key is not None and wanted:
        query = select(model).where(spec.key == wanted)
        if not voided:
            query = query.where(model.deleted_at.is_(None))
        if round_id is not None:
            query = query.where(model.round_id == round_id)
        found_rows = session.scalars(query.order_by(model.created_at, model.id)).all()
        rows = [r for r in found_rows if r.deleted_at is None] or list(found_rows)
        if len(rows) == 1:
            return str(rows[0].id)
        if rows:
            shown = "；".join(_describe(session, spec, r) for r in rows[:_SHOWN])
            more = f" 等 {len(rows)} 条" if len(rows) > _SHOWN else ""
            raise AmbiguousName(
                f"{spec.key_label}“{wanted}”对应 {len(rows)} 条{spec.label}：{shown}{more}。"
                "请改用 id（见 list 命令）",
                field=kind,
                candidates=[str(r.id) for r in rows],
            )
    how = f"id 或{spec.key_label}" if spec.key is not None else "id"
    raise NotFound(f"未找到{spec.label}“{wanted}”（请写{how}）", field=kind, text=wanted)


def resolve_pending(session: Session, text: str, pending: Iterable[tuple[str, str]]) -> str:
    """Which of the ``pending`` records (table, id), those with a conflict to resolve, ``text``
    names: its UUID or its human identifier (a number, a target's or person's name), whatever its
    kind. Looking among them only, a number two devices each issued, or a record whose shown
    version is voided, still finds the one that waits; none → ``NotFound`` saying nothing of
    that name waits."""
    wanted = text.strip()
    by_table = {getattr(spec.model, "__tablename__", ""): spec for spec in KINDS.values()}
    named: list[str] = []
    for table, record_id in pending:
        if record_id == wanted.lower():
            return record_id
        spec = by_table.get(table)
        if spec is not None and spec.key is not None and wanted:
            model: Any = spec.model
            if session.scalar(select(spec.key).where(model.id == record_id)) == wanted:
                named.append(record_id)
    if len(named) == 1:
        return named[0]
    if named:
        raise AmbiguousName(
            f"“{wanted}”对应 {len(named)} 条有冲突的记录，请改用 id（见 conflicts list）",
            field="record",
            candidates=named,
        )
    raise NotFound(
        f"“{wanted}”没有待处理的冲突（conflicts list 列出待处理的冲突）",
        field="record",
        text=wanted,
    )
