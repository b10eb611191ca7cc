"""Conflicts at the office: records with several head versions, shown side by side and resolved
by a person choosing one. The resolution is a new version that descends from every head, so it
supersedes them all — and a device that keeps editing its old line shows up as a new conflict."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.errors import ConflictNotFound
from workbench.exchange.identity import office_keys
from workbench.exchange.merge import heads, winner
from workbench.exchange.office_merge import add_candidate, candidates, settle
from workbench.exchange.recordio import STAMPS, make_record, parse_record
from workbench.models.base import utcnow
from workbench.models.exchange import RecordConflict
from workbench.roles import Role
from workbench.store import audit
from workbench.store.vault import Vault

_TITLE_FIELDS = ("title", "name", "number", "subject_name")


@dataclass(frozen=True)
class HeadView:
    index: int  # 1-based, what ``resolve --keep`` takes
    device_id: str
    version: int
    content_hash: str
    updated_at: str | None
    deleted: bool
    live: bool
    fields: dict[str, Any]
    held: bool = False  # a proposal: its device may not replace the record (``device_scope``)


@dataclass(frozen=True)
class ConflictView:
    record_type: str
    record_id: str
    title: str
    heads: tuple[HeadView, ...]
    differing: tuple[str, ...]  # field names whose values differ between the heads


def _view(session: Session, row: RecordConflict) -> ConflictView:
    pool = candidates(session, row.record_type, row.record_id)
    hs = heads(pool)
    best = winner(hs)
    records = [parse_record(json.loads(pool[h]), "$") for h in hs]
    views = tuple(
        HeadView(
            i,
            h.device,
            h.version,
            h.hash,
            rec.fields.get("updated_at"),
            rec.deleted,
            h == best,
            {k: v for k, v in rec.fields.items() if k not in STAMPS},
            h.held,
        )
        for i, (h, rec) in enumerate(zip(hs, records, strict=True), 1)
    )
    names = sorted({k for v in views for k in v.fields})
    differing = tuple(
        n for n in names if len({json.dumps(v.fields.get(n), sort_keys=True) for v in views}) > 1
    )
    if len({json.dumps(r.children, sort_keys=True) for r in records}) > 1:
        differing += ("children",)
    title = next(
        (str(records[0].fields[f]) for f in _TITLE_FIELDS if records[0].fields.get(f)),
        row.record_id,
    )
    return ConflictView(row.record_type, row.record_id, title, views, differing)


def list_conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(
        select(RecordConflict).order_by(RecordConflict.record_type, RecordConflict.record_id)
    )
    return [_view(session, r) for r in rows]


def _find(session: Session, record_id: str) -> RecordConflict:
    row = session.scalar(select(RecordConflict).where(RecordConflict.record_id == record_id))
    if row is None:
        raise ConflictNotFound(f"记录 {record_id} 没有待处理的冲突", record_id=record_id)
    return row


def get_conflict(session: Session, record_id: str) -> ConflictView:
    return _view(session, _find(session, record_id))


def resolve_conflict(vault: Vault, record_id: str, keep: int) -> ConflictView:
    """Keep head number ``keep`` (1-based, as listed): it becomes a new version above them all."""
    vault.require(Role.OFFICE, Role.SYSADMIN)
    with vault.session() as s:
        s.info["preserve_stamps"] = True
        office = office_keys(s)
        row = _find(s, record_id)
        view = _view(s, row)
        if not 1 <= keep <= len(view.heads):
            raise ConflictNotFound(f"没有第 {keep} 个版本（共 {len(view.heads)} 个）")
        pool = candidates(s, row.record_type, row.record_id)
        hs = heads(pool)
        chosen = parse_record(json.loads(pool[hs[keep - 1]]), "$")
        version = max(h.version for h in hs) + 1
        now: datetime = utcnow()
        fields = {
            **chosen.fields,
            "version": version,
            "updated_at": now.isoformat(),
            "updated_by": vault.user.id,
        }
        resolved = make_record(chosen.type, chosen.id, None, fields, chosen.children)
        add_candidate(s, pool, resolved, office.device_id, tuple(h.key for h in hs))
        settle(s, row.record_type, row.record_id, pool)
        audit.record(
            s,
            "conflict.resolve",
            row.record_type,
            record_id,
            {
                "kept_device": hs[keep - 1].device,
                "kept_version": hs[keep - 1].version,
                "new_version": version,
            },
        )
    return view


def value_label(
    record_type: str, field: str, value: Any, fields: Mapping[str, Any] | None = None
) -> str | None:
    """The Chinese label of a coded value (``township`` → 乡镇（街道）), so that a person
    comparing two versions reads words, not codes; None where the field holds no code. Enum
    columns are labelled by their enum, the secrecy by ``Secrecy``, a target's kind and sub-type
    by the taxonomy catalog (plain text columns: the codes are checked elsewhere). A sub-type
    code means something only under its kind, which ``fields`` (the same version's) gives."""
    from workbench.exchange.recordio import MODELS
    from workbench.models.base import EnumCode
    from workbench.models.enums import Secrecy
    from workbench.services.catalog import catalog

    model = MODELS.get(record_type)
    column = model.__table__.columns.get(field) if model is not None else None
    if column is None or not isinstance(value, str) or not value:
        return None
    if record_type == "targets" and field in ("kind", "subtype"):
        kind_code = value if field == "kind" else str((fields or {}).get("kind") or "")
        kind = catalog().target_types().kind(kind_code)
        if kind is None:
            return None
        if field == "kind":
            return kind.title
        sub = kind.subtype(value)
        return sub.title if sub else None
    if field == "secrecy":
        enum_cls: Any = Secrecy
    elif isinstance(column.type, EnumCode):
        enum_cls = column.type.enum_cls
    else:
        return None
    try:
        return str(enum_cls(value).label)
    except ValueError:
        return None
