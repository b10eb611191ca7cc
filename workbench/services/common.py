"""Shared pieces of the use cases: changes to broadcast, pages, lookups, validation, roles.

Every service is a plain function ``verb_noun(session, …)`` that never opens, commits or closes
the session. Reads return frozen DTOs; writes return the DTO and, where the UI must refresh other
pages, a ``Changes`` value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, String, case, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from workbench.errors import NotFound, PermissionDenied, ValidationError
from workbench.i18n import N_
from workbench.models.base import RecordMixin, utcnow
from workbench.roles import ROLE_LABELS, Role
from workbench.store import audit

T = TypeVar("T")
M = TypeVar("M", bound=RecordMixin)
R = TypeVar("R")  # any mapped row

MAX_PAGE = 1000


@dataclass(frozen=True)
class Changes:
    """What a write touched, for the UI to refresh the right pages (Anki's OpChanges)."""

    record_types: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.record_types | other.record_types, self.ids | other.ids)

    @classmethod
    def of(cls, record_type: str, *ids: str) -> Changes:
        return cls(frozenset({record_type}), frozenset(ids))


@dataclass(frozen=True)
class Page(Generic[T]):
    """Some rows of a list. ``total`` is every row the filters keep, or None when the caller
    asked for the rows alone (``total=False``): a list shows its first page at once and the
    total when a second call (``limit=0``) brings it."""

    items: tuple[T, ...]
    total: int | None
    offset: int
    limit: int

    @property
    def counted(self) -> int:
        """The total of a page asked for with it (the default)."""
        if self.total is None:
            raise ValueError("page asked for without its total")
        return self.total


@dataclass(frozen=True)
class RecordMeta:
    """The stamps every record carries, as the UI and packages see them."""

    created_by: str | None
    created_at: datetime
    updated_by: str | None
    updated_at: datetime
    version: int
    origin_device: str | None
    deleted: bool = False
    void_reason: str = ""  # why it was voided (作废), when deleted
    extra: dict[str, Any] = field(default_factory=dict)


def record_meta(row: RecordMixin) -> RecordMeta:
    return RecordMeta(
        created_by=row.created_by,
        created_at=row.created_at,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
        version=row.version,
        origin_device=row.origin_device,
        deleted=row.deleted_at is not None,
        void_reason=row.void_reason or "",
    )


_READ_VOIDED = "read_voided"  # session.info key: ``reading_voided`` is in force


@contextmanager
def reading_voided(session: Session) -> Iterator[None]:
    """Within: ``get_live`` returns voided records too, for opening one read-only (its view says
    it is voided). Writes never run inside: a voided record cannot be changed."""
    before = session.info.get(_READ_VOIDED, False)
    session.info[_READ_VOIDED] = True
    try:
        yield
    finally:
        session.info[_READ_VOIDED] = before


def get_live(session: Session, model: type[M], record_id: str, label: str = "记录") -> M:
    """The record, or NotFound if it does not exist or is voided (unless ``reading_voided``)."""
    row = session.get(model, record_id)
    if row is None or (row.deleted_at is not None and not session.info.get(_READ_VOIDED)):
        raise NotFound(f"未找到{label}（{record_id}）", record_id=record_id)
    return row


def live(model: type[M]) -> Select[M]:
    return select(model).where(model.deleted_at.is_(None))


def records(model: type[M], voided: bool = False) -> Select[M]:
    """A list's records: the live ones, and with ``voided`` the voided (作废) ones too, which
    the list marks with their reason (显示已作废 / ``--voided``)."""
    return select(model) if voided else live(model)


def page(
    session: Session,
    query: Select[R],
    to_dto: Callable[[R], T],
    offset: int = 0,
    limit: int = 100,
    total: bool = True,
) -> Page[T]:
    """One page of a query, with the limit capped, and its total count unless ``total`` is
    False; ``limit`` 0 gives the total alone. The count visits every row the filters keep
    (linear in the list, most of a long list's first page), the page only its own rows."""
    if offset < 0 or limit < 0 or (limit == 0 and not total):
        raise ValidationError("分页参数无效", field="offset")
    limit = min(limit, MAX_PAGE)
    count = count_of(session, query) if total else None
    if limit == 0:
        return Page((), count, offset, limit)
    rows = session.scalars(query.offset(offset).limit(limit)).all()
    return Page(tuple(to_dto(r) for r in rows), count, offset, limit)


def count_of(session: Session, query: Select[R]) -> int:
    """How many rows ``query`` gives. count(*) over the same FROM and WHERE, not over a
    subquery of every column: SQLite and PostgreSQL can then answer from an index (a partial
    "live rows" index) instead of reading each row."""
    counting = query.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)
    return int(session.scalar(counting) or 0)


# -- ordering ----------------------------------------------------------------------------------


def enum_rank(column: Any, enum_cls: type[Enum]) -> ColumnElement[int]:
    """Sort an enum column in its declared order (a status in workflow order), not by code."""
    return case({m.value: i for i, m in enumerate(enum_cls)}, value=column)


def _base(term: Any) -> Any:
    """The column of an ORDER BY term, without its direction."""
    element = term.element if isinstance(term, UnaryExpression) else term
    return getattr(element, "expression", element)  # a mapped attribute → its column


def _descending(term: Any) -> bool:
    return isinstance(term, UnaryExpression) and term.modifier is operators.desc_op


def _reversed(term: Any) -> Any:
    base = _base(term)
    return base.asc() if _descending(term) else base.desc()


def apply_order(
    query: Select[R], order: str | None, allowed: Mapping[str, Any], default: Sequence[Any]
) -> Select[R]:
    """Order ``query`` by ``order``: a key of ``allowed`` (key → column or expression), with a
    leading "-" for descending; ``None`` keeps ``default``. The default ordering breaks ties and
    must end in a unique column (the id), so paging is stable. Ordering by the default's first
    column gives the default itself (its index path), or all of it reversed."""
    if not order:
        return query.order_by(*default)
    descending = order.startswith("-")
    key = order[1:] if descending else order
    if key not in allowed:
        raise ValidationError(
            N_("不能按此列排序"), field="order", order=order, allowed=sorted(allowed)
        )
    column = _base(allowed[key])
    if default and _base(default[0]).compare(column):
        if descending == _descending(default[0]):
            return query.order_by(*default)
        return query.order_by(*(_reversed(term) for term in default))
    term = column.desc() if descending else column.asc()
    if getattr(column, "nullable", True):  # records without a value go last either way
        term = term.nulls_last()
    return query.order_by(term, *(t for t in default if not _base(t).compare(column)))


# -- text filter -------------------------------------------------------------------------------

TEXT_FILTER_MAX = 100  # characters of a list's text filter; longer is a mistake, not a search


def contains_text(query: Select[R], text: str | None, *columns: Any) -> Select[R]:
    """Keep the rows where any of ``columns`` contains ``text`` (a list's 搜索 box), ignoring
    case; ``%`` and ``_`` are matched as themselves. A JSON column is searched as its stored
    text (written with ``ensure_ascii=False``, so Chinese names match)."""
    needle = (text or "").strip()
    if not needle:
        return query
    if len(needle) > TEXT_FILTER_MAX:
        raise ValidationError(N_("搜索文字过长"), field="text", limit=TEXT_FILTER_MAX)
    return query.where(or_(*(text_matches(cast(c, String), needle) for c in columns)))


def text_matches(column: Any, needle: str, *, prefix: bool = False) -> ColumnElement[bool]:
    """``column`` contains ``needle`` (starts with it when ``prefix``), ignoring case, with
    ``%`` and ``_`` matched as themselves: every filter a user types goes through here. A plain
    ``LIKE`` would ignore ASCII case on SQLite and not on PostgreSQL; ``lower(…) LIKE lower(…)``
    (SQLite's ``LIKE`` answers as before) and PostgreSQL's ``ILIKE`` answer alike."""
    if prefix:
        return column.istartswith(needle, autoescape=True)  # type: ignore[no-any-return]
    return column.icontains(needle, autoescape=True)  # type: ignore[no-any-return]


# Who works on case records at all: a 巡察组's roles and the 巡察办 (never the 三员 alone).
CASE_ROLES: tuple[Role, ...] = (
    Role.TEAM_LEADER,
    Role.DEPUTY_LEADER,
    Role.MEMBER,
    Role.RECORDER,
    Role.OFFICE,
)
# Who may void a record someone else entered; a 组员 or 记录员 voids only their own.
VOID_ANY_ROLES: tuple[Role, ...] = (Role.TEAM_LEADER, Role.DEPUTY_LEADER, Role.OFFICE)
VOID_REASON_MAX = 500  # a sentence or two: why, on whose decision; the record itself says what


def void_reason_text(reason: str | None) -> str:
    """The reason a voiding must give: trimmed, not empty, at most ``VOID_REASON_MAX``."""
    text = (reason or "").strip()
    if not text:
        raise ValidationError(N_("作废须填写理由"), field="reason")
    if len(text) > VOID_REASON_MAX:
        raise ValidationError(f"作废理由不能超过 {VOID_REASON_MAX} 个字", field="reason")
    return text


def void_record(
    session: Session, row: RecordMixin, reason: str | None, *, also_owned_by: str | None = None
) -> None:
    """作废: the one way a record leaves the lists. The row stays as a tombstone with its reason
    (so the voiding travels in packages and its number is never issued again), and the audit log
    names the voiding with the reason. The caller checks first who may void it and when;
    ``also_owned_by``: a user who counts as its author too (a 底稿's author for its evidence)."""
    text = void_reason_text(reason)
    actor = session.info.get("actor")
    require_own_or_leading(session, row, also_owned_by)
    row.deleted_at = utcnow()
    row.deleted_by = getattr(actor, "user_id", None)
    row.void_reason = text
    table = str(getattr(row, "__tablename__", type(row).__name__))
    audit.record(session, "record.void", table, row.id, {"reason": text})


# -- validation --------------------------------------------------------------------------------


def required_text(value: str | None, field_name: str, label: str, max_len: int = 200) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(f"{label}不能为空", field=field_name)
    if len(text) > max_len:
        raise ValidationError(f"{label}不能超过 {max_len} 个字", field=field_name)
    return text


def optional_text(value: str | None, field_name: str, label: str, max_len: int = 20000) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(f"{label}不能超过 {max_len} 个字", field=field_name)
    return text


def check_order(
    first: date | datetime | None,
    second: date | datetime | None,
    field_name: str,
    message: str,
) -> None:
    if first is not None and second is not None and second < first:
        raise ValidationError(message, field=field_name)


def not_in_future(value: date | datetime | None, field_name: str, label: str) -> None:
    if value is None:
        return
    now = utcnow()
    # a day of slack for time zones: the store keeps UTC, people write local time
    if isinstance(value, datetime):
        late = (value - now).total_seconds() > 86400
    else:
        late = (value - now.date()).days > 1
    if late:
        raise ValidationError(f"{label}不能晚于今天", field=field_name)


def parse_enum(enum_cls: type[T], value: Any, field_name: str, label: str) -> T:
    try:
        if isinstance(value, enum_cls):
            return value
        return enum_cls.parse(str(value))  # type: ignore[attr-defined,no-any-return]
    except ValueError:
        options = "、".join(m.label for m in enum_cls)  # type: ignore[attr-defined]
        raise ValidationError(f"{label}“{value}”无效，可选：{options}", field=field_name) from None


def parse_disciplines(values: Iterable[str], field_name: str = "disciplines") -> list[str]:
    from workbench.vocab.enums import Discipline

    return [parse_enum(Discipline, v, field_name, "纪律类别").value for v in values]


# -- roles -------------------------------------------------------------------------------------


def actor_roles(session: Session) -> frozenset[str]:
    actor = session.info.get("actor")
    return frozenset(getattr(actor, "roles", ()) or ())


def actor_id(session: Session) -> str | None:
    return getattr(session.info.get("actor"), "user_id", None)


def actor_name(session: Session) -> str:
    actor = session.info.get("actor")
    return str(getattr(actor, "display_name", None) or getattr(actor, "user_name", None) or "")


def require_own_or_leading(
    session: Session, row: RecordMixin, also_owned_by: str | None = None
) -> None:
    """A 组员 or 记录员 voids only the records they entered; the 组长, 副组长 and 巡察办 any (a
    store job without a user, such as a package import, is not asked)."""
    uid = actor_id(session)
    if uid is None or row.created_by in (None, uid) or also_owned_by == uid:
        return
    if any(r.value in actor_roles(session) for r in VOID_ANY_ROLES):
        return
    raise PermissionDenied(
        N_("组员只能作废本人录入的记录；他人录入的记录请由组长或副组长作废"), action="作废"
    )


def require_role(session: Session, roles: Sequence[Role], action: str) -> None:
    """Refuse ``action`` unless the current user holds one of ``roles``."""
    held = actor_roles(session)
    if not any(r.value in held for r in roles):
        names = "、".join(ROLE_LABELS[r] for r in roles)
        raise PermissionDenied(f"“{action}”需要{names}角色", action=action)
