"""Conflicts at the office: records with several head versions, shown side by side in words
(``conflict_text``) and resolved by a person keeping one, or choosing field by field which
version each differing field comes from. The resolution is a new version that descends from every
head, so it supersedes them all — and a device that keeps editing its old line shows up as a new
conflict. A field-by-field mix is a new edit: the rules of an edit (作废 fixes a record, the
workflow's locks) refuse a mix they would refuse, with their reason, before anything is saved."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.errors import AmbiguousName, UsageError
from workbench.exchange.enrolment.identity import office_keys, store_meta
from workbench.exchange.errors import ConflictMergeRefused, ConflictNotFound
from workbench.exchange.records.columns import from_wire
from workbench.exchange.records.recordio import (
    CONTENT_SCHEMAS,
    MODELS,
    STAMPS,
    PackageRecord,
    make_record,
    parse_record,
)
from workbench.exchange.to_office.conflict_text import Namer, children_text, field_name, value_text
from workbench.exchange.to_office.merge import Candidate, heads, winner
from workbench.exchange.to_office.office_merge import add_candidate, candidates, settle
from workbench.models.base import utcnow
from workbench.models.exchange import RecordConflict
from workbench.roles import Role
from workbench.store import audit
from workbench.store.vault import Vault
from workbench.vocab.labels import type_label

_TITLE_FIELDS = ("title", "name", "number", "subject_name")
_NUMBER_FIELDS = ("number", "name")  # what a person may type for a conflicted record
# 作废 is one decision: its moment, its author and its reason come from one version together
VOID_FIELDS = ("deleted_at", "deleted_by", "void_reason")
CHILDREN_FIELD = "children"


@dataclass(frozen=True)
class HeadView:
    index: int  # 1-based, what ``resolve --keep`` takes
    device_id: str
    version: int
    content_hash: str
    updated_at: str | None
    deleted: bool
    live: bool  # the version the store shows meanwhile
    fields: dict[str, Any]
    held: bool = False  # a proposal: its device may not replace the record (``device_scope``)
    device: str = ""  # who made it, in words (``conflict_text.Namer.device``)
    children: dict[str, Any] = field(default_factory=dict)
    local: bool = False  # 本机: made here (else, when none was, the one shown); the others: 来件


@dataclass(frozen=True)
class FieldRow:
    name: str  # the field's key (``children`` for the child rows)
    label: str  # its Chinese label
    texts: tuple[str, ...]  # its value in each version, as people read it
    differs: bool


@dataclass(frozen=True)
class ConflictView:
    record_type: str
    record_id: str
    title: str
    heads: tuple[HeadView, ...]
    differing: tuple[str, ...]  # field names whose values differ between the heads
    type_label: str = ""
    rows: tuple[FieldRow, ...] = ()  # what differs first, then the rest; not the id

    @property
    def local(self) -> HeadView:
        return next(h for h in self.heads if h.local)


@dataclass(frozen=True)
class MergePreview:
    """The version a field-by-field choice would save: each field's value and the version it
    comes from; ``refusal`` says why the rules refuse it (then it cannot be saved)."""

    conflict: ConflictView
    keep: int
    sources: dict[str, int]  # field (or ``children``) → the version it is taken from
    rows: tuple[FieldRow, ...]  # one text each: the merged value
    refusal: str | None


def _view(
    session: Session, row: RecordConflict
) -> tuple[ConflictView, dict[Candidate, str], list[PackageRecord]]:
    """The conflict as shown, with its record's versions and each head's record (in the view's
    order)."""
    pool = candidates(session, row.record_type, row.record_id)
    hs = heads(pool)
    best = winner(hs)
    records = [parse_record(json.loads(pool[h]), "$") for h in hs]
    office = store_meta(session).get("device_id")
    namer = Namer(session, office)
    here = next((h for h in hs if h.device == office), best)
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
            namer.device(h.device),
            rec.children,
            h == here,
        )
        for i, (h, rec) in enumerate(zip(hs, records, strict=True), 1)
    )
    names = sorted({k for v in views for k in v.fields})
    differing = tuple(
        n for n in names if len({json.dumps(v.fields.get(n), sort_keys=True) for v in views}) > 1
    )
    if len({json.dumps(r.children, sort_keys=True) for r in records}) > 1:
        differing += (CHILDREN_FIELD,)
    title = next(
        (str(records[0].fields[f]) for f in _TITLE_FIELDS if records[0].fields.get(f)),
        row.record_id,
    )
    rows = _rows(row.record_type, views, differing, namer)
    view = ConflictView(
        row.record_type,
        row.record_id,
        title,
        views,
        differing,
        type_label(row.record_type),
        rows,
    )
    return view, pool, records


def _text(
    record_type: str, name: str, fields: Mapping[str, Any], children: Any, namer: Namer
) -> str:
    if name == CHILDREN_FIELD:
        return children_text(children)
    return value_text(record_type, name, fields.get(name), fields, namer)


def _rows(
    record_type: str, views: tuple[HeadView, ...], differing: tuple[str, ...], namer: Namer
) -> tuple[FieldRow, ...]:
    # in the model's column order (the order of its editor, roughly), not the keys' spelling
    order = {spec.name: i for i, spec in enumerate(CONTENT_SCHEMAS[MODELS[record_type]])}
    present = {k for h in views for k in h.fields} - {"id"}  # the id is the record's
    names = sorted(present, key=lambda n: (order.get(n, len(order)), n))
    kids = [CHILDREN_FIELD] if CHILDREN_FIELD in differing or any(h.children for h in views) else []
    # what differs first (the child rows leading), then the rest (the child rows last)
    ordered = [n for n in kids + names if n in differing]
    ordered += [n for n in names + kids if n not in differing]
    return tuple(
        FieldRow(
            n,
            field_name(record_type, n),
            tuple(_text(record_type, n, h.fields, h.children, namer) for h in views),
            n in differing,
        )
        for n in ordered
    )


def list_conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(
        select(RecordConflict).order_by(RecordConflict.record_type, RecordConflict.record_id)
    )
    return [_view(session, r)[0] for r in rows]


def _pending_text(session: Session) -> str:
    named = [f"{v.type_label} {v.title}" for v in list_conflicts(session)]
    if not named:
        return "目前没有待处理的冲突"
    shown = "、".join(named[:10]) + (f" 等 {len(named)} 条" if len(named) > 10 else "")
    return f"待处理的冲突有：{shown}"


def _identifiers(session: Session, row: RecordConflict) -> set[str]:
    """What names the conflicted record: its id, and its number or name in any of its versions
    (the versions may disagree on it, and the live row may show another record's)."""
    pool = candidates(session, row.record_type, row.record_id)
    found = {row.record_id}
    for content in pool.values():
        fields = json.loads(content).get("fields", {})
        found.update(str(fields[f]) for f in _NUMBER_FIELDS if fields.get(f))
    return found


def _find(session: Session, text: str) -> RecordConflict:
    """The pending conflict ``text`` names: the record's id (the conflict's id) or its number."""
    wanted = text.strip()
    rows = list(session.scalars(select(RecordConflict)))
    exact = [r for r in rows if r.record_id == wanted.lower()]
    matches = exact or [r for r in rows if wanted in _identifiers(session, r)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "；".join(f"{type_label(r.record_type)} {r.record_id}" for r in matches)
        raise AmbiguousName(
            f"“{wanted}”对应 {len(matches)} 条待处理的冲突：{listed}。请改用 id",
            field="record",
            candidates=[r.record_id for r in matches],
        )
    raise ConflictNotFound(
        f"“{wanted}”没有待处理的冲突（{_pending_text(session)}）", record_id=wanted
    )


def get_conflict(session: Session, record_id: str) -> ConflictView:
    """The pending conflict of the record ``record_id`` names (its id or its number)."""
    return _view(session, _find(session, record_id))[0]


def head_number(view: ConflictView, text: str | int) -> int:
    """A version as a person names it: its number as listed, ``local`` (本机: the version made
    here, else the one shown now) or ``incoming`` (来件: the other one, when there is one)."""
    word = str(text).strip().lower()
    if word in ("local", "本机"):
        return view.local.index
    if word in ("incoming", "来件"):
        others = [h.index for h in view.heads if not h.local]
        if len(others) != 1:
            numbers = "、".join(str(i) for i in others)
            raise UsageError(f"来件版本有 {len(others)} 个（{numbers}），请写版本序号")
        return others[0]
    if word.isdigit() and 1 <= int(word) <= len(view.heads):
        return int(word)
    raise UsageError(
        f"没有版本“{text}”：请写 local（本机）、incoming（来件）或 1–{len(view.heads)}"
    )


def field_key(view: ConflictView, text: str) -> str:
    """A field as a person names it: its Chinese label (as shown) or its key."""
    wanted = text.strip()
    keys = [r.name for r in view.rows]
    if wanted in keys:
        return wanted
    labelled = [r.name for r in view.rows if r.label == wanted]
    if len(labelled) == 1:
        return labelled[0]
    if labelled:
        raise UsageError(f"“{wanted}”对应多个字段（{'、'.join(labelled)}），请写字段名")
    differing = "、".join(r.label for r in view.rows if r.differs)
    raise UsageError(f"此记录没有字段“{wanted}”；不同之处：{differing}")


def _sources(view: ConflictView, keep: int, choices: Mapping[str, int]) -> dict[str, int]:
    """Each differing field's version: its choice, else the version kept. A choice for one of
    the 作废 fields carries the others along unless they are chosen too."""
    sources = {n: keep for n in view.differing}
    void_choice = {choices[n] for n in VOID_FIELDS if n in choices}
    for name, index in choices.items():
        if name not in view.differing:
            raise UsageError(f"“{field_name(view.record_type, name)}”在各版本中相同，无需选择")
        if not 1 <= index <= len(view.heads):
            raise UsageError(f"没有第 {index} 个版本（共 {len(view.heads)} 个）")
        sources[name] = index
    if len(void_choice) == 1:
        for name in VOID_FIELDS:
            if name in sources and name not in choices:
                sources[name] = next(iter(void_choice))
    return sources


def _merged(
    records: list[PackageRecord], keep: int, sources: Mapping[str, int]
) -> tuple[dict[str, Any], dict[str, Any]]:
    base = records[keep - 1]
    fields = dict(base.fields)
    children = base.children
    for name, index in sources.items():
        if name == CHILDREN_FIELD:
            children = records[index - 1].children
        else:
            fields[name] = records[index - 1].fields.get(name)
    return fields, children


def _locked(record_type: str, fields: Mapping[str, Any]) -> str | None:
    """The workflow lock of a version (``services.locks.LOCKS``), judged on its own fields."""
    from workbench.services import locks

    model = MODELS[record_type]
    rule = locks.LOCKS.get(model)
    if rule is None:
        return None
    row: Any = model()  # transient: never added to the session
    status = next(spec for spec in CONTENT_SCHEMAS[model] if spec.name == "status")
    row.status = from_wire(status, fields["status"])
    return rule(row)


def _refusal(
    view: ConflictView,
    records: list[PackageRecord],
    sources: Mapping[str, int],
    fields: Mapping[str, Any],
    children: Mapping[str, Any],
) -> str | None:
    """Why the rules refuse the merged version, or None. Keeping a whole version is never
    refused here (it is what a device or the office saved); a mix of versions is a new edit,
    and the rules of an edit apply to it."""
    void_from = {sources[n] for n in VOID_FIELDS if n in sources}
    if len(void_from) > 1:
        return "作废时间、作废人和作废理由须取自同一个版本"
    whole = any(
        {k: v for k, v in r.fields.items() if k not in STAMPS}
        == {k: v for k, v in fields.items() if k not in STAMPS}
        and r.children == children
        for r in records
    )
    if whole:
        return None
    if fields.get("deleted_at"):
        return "已作废的记录不能再修改：要保留作废，请整体采用已作废的版本"
    for head, rec in zip(view.heads, records, strict=True):
        reason = _locked(view.record_type, rec.fields)
        if reason is not None:
            return f"版本 {head.index}：{reason}只能整体采用其中一个版本，不能逐项合并。"
    return None


def _plan(
    session: Session, record_id: str, keep: int | None, choices: Mapping[str, int] | None
) -> tuple[MergePreview, dict[Candidate, str], dict[str, Any], dict[str, Any]]:
    """The preview, with the record's versions and the merged fields and child rows."""
    row = _find(session, record_id)
    view, pool, records = _view(session, row)
    base = view.local.index if keep is None else keep
    if not 1 <= base <= len(view.heads):
        raise ConflictNotFound(f"没有第 {base} 个版本（共 {len(view.heads)} 个）")
    sources = _sources(view, base, choices or {})
    fields, children = _merged(records, base, sources)
    namer = Namer(session, store_meta(session).get("device_id"))
    rows = tuple(
        replace(r, texts=(_text(view.record_type, r.name, fields, children, namer),))
        for r in view.rows
    )
    refusal = _refusal(view, records, sources, fields, children)
    return MergePreview(view, base, sources, rows, refusal), pool, fields, children


def preview_merge(
    session: Session,
    record_id: str,
    keep: int | None = None,
    choices: Mapping[str, int] | None = None,
) -> MergePreview:
    """What ``resolve_conflict`` with these choices would save, and whether the rules allow it.
    ``keep``: the version the fields not chosen come from (default: 本机, ``head_number``)."""
    return _plan(session, record_id, keep, choices)[0]


def resolve_conflict(
    vault: Vault, record_id: str, keep: int | None = None, choices: Mapping[str, int] | None = None
) -> ConflictView:
    """Keep version ``keep`` (1-based, as listed; default: 本机), with each field
    of ``choices`` taken from the version it names: the result becomes a new version above them
    all. A mix the rules refuse (``preview_merge``) raises ``ConflictMergeRefused``."""
    if keep is None and not choices:
        raise UsageError("请选定保留的版本，或逐项选定不同之处")
    vault.require(Role.OFFICE, Role.SYSADMIN)
    with vault.session() as s:
        s.info["preserve_stamps"] = True
        office = office_keys(s)
        preview, pool, merged, children = _plan(s, record_id, keep, choices)
        if preview.refusal is not None:
            raise ConflictMergeRefused(preview.refusal, record_id=preview.conflict.record_id)
        view = preview.conflict
        version = max(h.version for h in view.heads) + 1
        fields = {
            **merged,
            "version": version,
            "updated_at": utcnow().isoformat(),
            "updated_by": vault.user.id,
        }
        resolved = make_record(view.record_type, view.record_id, None, fields, children)
        parents = tuple((h.version, h.content_hash) for h in view.heads)
        add_candidate(s, pool, resolved, office.device_id, parents)
        settle(s, view.record_type, view.record_id, pool)
        kept = view.heads[preview.keep - 1]
        detail: dict[str, Any] = {
            "kept_device": kept.device_id,
            "kept_version": kept.version,
            "new_version": version,
        }
        taken = {
            n: {"device": view.heads[i - 1].device_id, "version": view.heads[i - 1].version}
            for n, i in preview.sources.items()
            if i != preview.keep
        }
        if taken:
            detail["fields"] = taken
        audit.record(s, "conflict.resolve", view.record_type, view.record_id, detail)
    return view
