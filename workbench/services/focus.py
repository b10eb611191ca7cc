"""监督重点清单 as worked in a round (focus items) and the "3+1" lists (list entries)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from workbench.errors import Conflict, ValidationError
from workbench.models import Finding, FocusItem, ListEntry
from workbench.services.catalog import catalog
from workbench.services.common import (
    CASE_ROLES,
    Changes,
    Page,
    RecordMeta,
    apply_order,
    contains_text,
    enum_rank,
    get_live,
    live,
    optional_text,
    page,
    parse_enum,
    record_meta,
    records,
    require_role,
    required_text,
    void_record,
)
from workbench.services.rounds import check_version
from workbench.services.setup_common import require_setup
from workbench.services.targets import optional_target, require_round, require_target, require_team
from workbench.taxonomy import TaxonomyNotFound
from workbench.vocab.enums import FocusStatus, ListKind

# -- focus items --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FocusItemView:
    id: str
    round_id: str | None
    team_id: str | None
    target_id: str
    item_code: str
    title: str
    description: str  # from the catalog: what the team checks
    status: FocusStatus
    notes: str
    finding_ids: tuple[str, ...]
    meta: RecordMeta


def _descriptions() -> dict[str, str]:
    return {i.code: i.description for fl in catalog().focus_lists() for i in fl.items}


def _focus_view(row: FocusItem, descriptions: dict[str, str] | None = None) -> FocusItemView:
    texts = descriptions if descriptions is not None else _descriptions()
    return FocusItemView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        target_id=row.target_id,
        item_code=row.item_code,
        title=row.title,
        description=texts.get(row.item_code, ""),
        status=row.status,
        notes=row.notes,
        finding_ids=tuple(row.finding_ids),
        meta=record_meta(row),
    )


def _focus_order() -> tuple[Any, ...]:
    # seq is the catalog order at seeding: the kind's items, then the sub-type's
    return (FocusItem.target_id, FocusItem.seq, FocusItem.item_code)


def seed_focus_items(session: Session, round_id: str, target_id: str) -> list[FocusItemView]:
    """Create the target's focus items from the catalog (its kind's list, then its sub-type's).

    Idempotent: items already seeded for this round and target are kept as they are, so it can
    run again after the office adds a catalog version with more items. Returns all live items.
    """
    require_round(session, round_id)
    target = require_target(session, target_id, round_id)
    try:
        wanted = catalog().focus_list(target.kind, target.subtype)
    except TaxonomyNotFound as exc:
        raise ValidationError(
            f"没有该对象类型的监督重点清单：{exc.message}", field="target_id"
        ) from None
    have = set(
        session.scalars(
            select(FocusItem.item_code).where(
                FocusItem.round_id == round_id,
                FocusItem.target_id == target_id,
                FocusItem.deleted_at.is_(None),
            )
        )
    )
    for seq, item in enumerate(wanted, 1):
        if item.code not in have:
            session.add(
                FocusItem(
                    round_id=round_id,
                    team_id=target.team_id,
                    target_id=target_id,
                    item_code=item.code,
                    seq=seq,
                    title=item.title,
                    status=FocusStatus.NOT_STARTED,
                    finding_ids=[],
                )
            )
    session.flush()
    query = live(FocusItem).where(FocusItem.round_id == round_id, FocusItem.target_id == target_id)
    texts = _descriptions()
    return [_focus_view(r, texts) for r in session.scalars(query.order_by(*_focus_order()))]


def _findings(session: Session, ids: Sequence[str], round_id: str | None) -> list[str]:
    wanted = list(dict.fromkeys(i.strip() for i in ids if i and i.strip()))
    if not wanted:
        return []
    found = set(
        session.scalars(
            select(Finding.id).where(
                Finding.id.in_(wanted), Finding.deleted_at.is_(None), Finding.round_id == round_id
            )
        )
    )
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValidationError(f"未找到本轮的问题底稿：{'、'.join(missing)}", field="finding_ids")
    return wanted


def update_focus_item(
    session: Session,
    item_id: str,
    *,
    status: FocusStatus | str | None = None,
    notes: str | None = None,
    finding_ids: Sequence[str] | None = None,
    expected_version: int | None = None,
) -> FocusItemView:
    """Change what is given (None keeps the current value). Linking 底稿 without naming a status
    marks the item 发现问题."""
    row = get_live(session, FocusItem, item_id, "监督重点")
    check_version(row.version, expected_version)
    links = (
        row.finding_ids if finding_ids is None else _findings(session, finding_ids, row.round_id)
    )
    if status is not None:
        new_status = parse_enum(FocusStatus, status, "status", "状态")
    else:
        new_status = FocusStatus.PROBLEM_FOUND if finding_ids else row.status
    if links and new_status in (FocusStatus.NOT_STARTED, FocusStatus.NO_PROBLEM):
        # a linked 底稿 is a problem found: the two statuses would contradict it
        raise ValidationError(f"已关联问题底稿，状态不能为“{new_status.label}”", field="status")
    row.status = new_status
    row.finding_ids = list(links)
    if notes is not None:
        row.notes = optional_text(notes, "notes", "情况记录")
    session.flush()
    return _focus_view(row)


def get_focus_item(session: Session, item_id: str) -> FocusItemView:
    return _focus_view(get_live(session, FocusItem, item_id, "监督重点"))


# the sortable columns of the list (``order``: a key, "-" in front for descending)
FOCUS_ORDERS = {
    "item_code": FocusItem.item_code,
    "title": FocusItem.title,
    "status": enum_rank(FocusItem.status, FocusStatus),
}


def list_focus_items(
    session: Session,
    *,
    round_id: str | None = None,
    target_id: str | None = None,
    team_id: str | None = None,
    status: FocusStatus | str | None = None,
    text: str | None = None,
    order: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[FocusItemView]:
    """Catalog order per target unless ``order`` names a key of ``FOCUS_ORDERS``; ``text``
    searches the 代码, 事项 and 情况记录."""
    query = records(FocusItem, voided)
    if round_id is not None:
        query = query.where(FocusItem.round_id == round_id)
    if target_id is not None:
        query = query.where(FocusItem.target_id == target_id)
    if team_id is not None:
        query = query.where(FocusItem.team_id == team_id)
    if status is not None:
        query = query.where(FocusItem.status == parse_enum(FocusStatus, status, "status", "状态"))
    query = contains_text(query, text, FocusItem.item_code, FocusItem.title, FocusItem.notes)
    texts = _descriptions()
    query = apply_order(query, order, FOCUS_ORDERS, (*_focus_order(), FocusItem.id))
    return page(session, query, lambda r: _focus_view(r, texts), offset, limit, total)


def void_focus_item(session: Session, item_id: str, reason: str) -> Changes:
    require_setup(session, "作废监督重点")
    void_record(session, get_live(session, FocusItem, item_id, "监督重点"), reason)
    session.flush()
    return Changes.of("focus_item", item_id)


# -- "3+1" list entries ---------------------------------------------------------------------------

_TITLE_LABEL = {
    ListKind.POLICY: "文件名",
    ListKind.FUNCTION: "职能",
    ListKind.SUPERVISION: "监督信息",
    ListKind.PROBLEM: "问题",
}


@dataclass(frozen=True)
class ListEntryDraft:
    kind: ListKind | str
    title: str  # 文件名 / 职能 / 信息 / 问题
    target_id: str | None = None  # None: applies to the whole round
    team_id: str | None = None
    document_no: str = ""  # 文号
    clause: str = ""  # 条款
    content: str = ""  # 原文摘录 (required for 政策清单) / 内容
    source: str = ""  # 来源单位
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ListEntryView:
    id: str
    round_id: str | None
    team_id: str | None
    kind: ListKind
    target_id: str | None
    title: str
    document_no: str
    clause: str
    content: str
    source: str
    extra: dict[str, Any]
    meta: RecordMeta


def _entry_view(row: ListEntry) -> ListEntryView:
    return ListEntryView(
        id=row.id,
        round_id=row.round_id,
        team_id=row.team_id,
        kind=row.kind,
        target_id=row.target_id,
        title=row.title,
        document_no=row.document_no,
        clause=row.clause,
        content=row.content,
        source=row.source,
        extra=dict(row.extra),
        meta=record_meta(row),
    )


def _apply_entry(session: Session, row: ListEntry, round_id: str, draft: ListEntryDraft) -> None:
    kind = parse_enum(ListKind, draft.kind, "kind", "清单类型")
    row.kind = kind
    row.title = required_text(draft.title, "title", _TITLE_LABEL[kind], 200)
    row.document_no = optional_text(draft.document_no, "document_no", "文号", 80)
    row.clause = optional_text(draft.clause, "clause", "条款", 120)
    if kind is ListKind.POLICY:
        # a policy entry is quoted as 定性依据 in findings: the quotation is the point of it
        row.content = required_text(draft.content, "content", "原文摘录", 20000)
    else:
        row.content = optional_text(draft.content, "content", "内容")
    row.source = optional_text(draft.source, "source", "来源单位", 120)
    if not isinstance(draft.extra, dict):
        raise ValidationError("附加信息格式不正确", field="extra")
    row.extra = dict(draft.extra)
    row.target_id = optional_target(session, draft.target_id, round_id)
    row.team_id = require_team(session, draft.team_id, round_id)


def create_list_entry(session: Session, round_id: str, draft: ListEntryDraft) -> ListEntryView:
    require_round(session, round_id)
    row = ListEntry(round_id=round_id)
    _apply_entry(session, row, round_id, draft)
    session.add(row)
    session.flush()
    return _entry_view(row)


def update_list_entry(
    session: Session, entry_id: str, draft: ListEntryDraft, *, expected_version: int | None = None
) -> ListEntryView:
    row = get_live(session, ListEntry, entry_id, "清单条目")
    check_version(row.version, expected_version)
    _apply_entry(session, row, row.round_id or "", draft)
    session.flush()
    return _entry_view(row)


def get_list_entry(session: Session, entry_id: str) -> ListEntryView:
    return _entry_view(get_live(session, ListEntry, entry_id, "清单条目"))


def list_list_entries(
    session: Session,
    *,
    round_id: str | None = None,
    kind: ListKind | str | None = None,
    target_id: str | None = None,
    include_round_wide: bool = True,
    team_id: str | None = None,
    voided: bool = False,
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[ListEntryView]:
    """With ``target_id``, round-wide entries (no target) are included unless told otherwise:
    the policy list usually serves every target of the round."""
    query = records(ListEntry, voided)
    if round_id is not None:
        query = query.where(ListEntry.round_id == round_id)
    if kind is not None:
        query = query.where(ListEntry.kind == parse_enum(ListKind, kind, "kind", "清单类型"))
    if target_id is not None:
        mine = ListEntry.target_id == target_id
        query = query.where(
            or_(mine, ListEntry.target_id.is_(None)) if include_round_wide else mine
        )
    if team_id is not None:
        query = query.where(ListEntry.team_id == team_id)
    query = query.order_by(ListEntry.kind, ListEntry.title, ListEntry.clause, ListEntry.id)
    return page(session, query, _entry_view, offset, limit, total)


def void_list_entry(session: Session, entry_id: str, reason: str) -> Changes:
    """Refused while a live finding cites the entry as its 定性依据."""
    row = get_live(session, ListEntry, entry_id, "清单条目")
    # the office prepares the 政策/职能/监督 lists; the 问题清单 is the team's own work
    if row.kind == ListKind.PROBLEM:
        require_role(session, CASE_ROLES, "作废清单条目")
    else:
        require_setup(session, "作废清单条目")
    # basis_ids is a JSON array of UUIDs; a quoted UUID cannot match anything else
    citing = session.scalar(
        select(func.count()).where(
            Finding.deleted_at.is_(None),
            cast(Finding.basis_ids, String).contains(f'"{entry_id}"'),
        )
    )
    if citing:
        raise Conflict(f"该条目被 {citing} 份问题底稿引用为定性依据，不能作废", entry_id=entry_id)
    void_record(session, row, reason)
    session.flush()
    return Changes.of("list_entry", entry_id)
