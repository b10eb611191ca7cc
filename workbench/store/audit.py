"""The append-only, hash-chained audit log.

Each entry's hash covers the previous entry's hash and the entry's own fields, so a removed or
altered entry breaks the chain; the head (last seq and hash) is kept in ``store_meta`` in the same
transaction, so a removed tail is detected too. Triggers created by the first migration refuse
UPDATE and DELETE on the table. Every ORM write is audited by a flush hook (insert/update/delete
with the changed field names, never the values); unlocks, exports and imports are recorded
explicitly with ``record``. Each entry a user writes carries their Ed25519 signature over its
hash (``signed_bytes``); store/audit_signatures.py checks it against the grant chain's keys.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from workbench.errors import AuditChainBroken
from workbench.models.base import new_id, stored_datetime, utcnow
from workbench.models.drafts import Draft
from workbench.models.system import AuditEntry, StoreMeta
from workbench.store.fsutil import readable_name
from workbench.store.rowwriter import DirectRows, Insert, Rows

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
# drafts are a user's unsaved typing, autosaved every few seconds: the save that follows is audited
_NOT_AUDITED = (AuditEntry, StoreMeta, Draft)
_STAMPS = frozenset({"updated_at", "updated_by", "version"})  # set on every update anyway
_INSERT_MANY = Insert(
    "audit_log",
    (
        "seq",
        "at",
        "actor_id",
        "actor_name",
        "device_id",
        "action",
        "object_type",
        "object_id",
        "detail",
        "prev_hash",
        "entry_hash",
        "signature",
    ),
)
SIGNING_INFO_KEY = "audit_signing_key"  # session.info: the acting user's Ed25519 key (the vault)
SIGNED_FROM_KEY = "audit_signed_from"  # store_meta: the first seq written signed (revision 0015)
_DEFERRED_KEY = "audit_deferred"  # session.info: entries held back by ``defer``
_SIGNED_PREFIX = b"workbench-audit-entry-v1\n"


# What ``json.dumps(…, ensure_ascii=False)`` writes for one string, in C.
_json_string = json.encoder.encode_basestring


def _json_scalar(value: Any) -> str:
    if isinstance(value, str):
        return _json_string(value)
    return json.dumps(value, ensure_ascii=False)  # None, and whatever a caller passes besides


def entry_digest(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor_id: str | None,
    actor_name: str | None,
    device_id: str | None,
    action: str,
    object_type: str | None,
    object_id: str | None,
    detail: str,
) -> str:
    """SHA-256 of ``prev_hash``, a newline and the JSON array (compact, UTF-8) ``[seq, at,
    actor_id, actor_name, device_id, action, object_type, object_id, detail]``."""
    who = _who(at, actor_id, actor_name, device_id)
    return _digest(prev_hash, seq, who, action, object_type, object_id, detail)


def _who(at: datetime, actor_id: str | None, actor_name: str | None, device_id: str | None) -> str:
    """The body's middle (``at`` to ``device_id``): the same for every entry of a bulk write, so
    ``record_many`` encodes it once."""
    return ",".join(_json_scalar(v) for v in (at.isoformat(), actor_id, actor_name, device_id))


def _digest(
    prev_hash: str,
    seq: int,
    who: str,
    action: str,
    object_type: str | None,
    object_id: str | None,
    detail: str,
) -> str:
    # the array written out: json.dumps of it with separators=(",", ":") gives these very bytes
    body = (
        f"[{int(seq)},{who},{_json_scalar(action)},{_json_scalar(object_type)},"
        f"{_json_scalar(object_id)},{_json_scalar(detail)}]"
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def signed_bytes(entry_hash: str) -> bytes:
    """What an entry's signature covers: its digest (the whole entry and, through the previous
    hash, the chain before it), with a prefix no other statement of ours starts with."""
    return _SIGNED_PREFIX + entry_hash.encode("ascii")


def _sign(key: Ed25519PrivateKey, entry_hash: str) -> str:
    return base64.b64encode(key.sign(signed_bytes(entry_hash))).decode("ascii")


def _signing_key(session: Session, actor_id: str | None) -> Ed25519PrivateKey | None:
    """The key an entry by ``actor_id`` is signed with: the unlocked user's. A store job (no
    user) and a session without the user's key (unlocked through the recovery code) sign
    nothing; ``audit verify`` says which entries are unsigned (docs/store-format.md)."""
    if actor_id is None:
        return None
    key = session.info.get(SIGNING_INFO_KEY)
    return key if isinstance(key, Ed25519PrivateKey) else None


def _head(session: Session) -> tuple[int, str]:
    with session.no_autoflush:
        pending = session.info.get("audit_pending_head")
        if pending:
            return pending  # type: ignore[no-any-return]
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def chain_head(session: Session) -> tuple[int, str]:
    """The chain's last (seq, entry hash) as this session sees it; (0, GENESIS) when empty.
    Packages carry it as their audit anchor (exchange/intake/anchors.py)."""
    return _head(session)


def record(
    session: Session,
    action: str,
    object_type: str | None = None,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one entry in the caller's transaction."""
    deferred = session.info.get(_DEFERRED_KEY)
    if deferred is not None:
        deferred.append((action, object_type, object_id, detail))
        return
    actor = session.info.get("actor")
    seq, prev = _head(session)
    seq += 1
    at = utcnow()
    detail_text = _detail_text(detail)
    fields = {
        "seq": seq,
        "at": at,
        "actor_id": getattr(actor, "user_id", None),
        "actor_name": getattr(actor, "user_name", None),
        "device_id": getattr(actor, "device_id", None),
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "detail": detail_text,
    }
    digest = entry_digest(prev, **fields)  # type: ignore[arg-type]
    key = _signing_key(session, fields["actor_id"])  # type: ignore[arg-type]
    signature = _sign(key, digest) if key is not None else None
    session.add(AuditEntry(**fields, prev_hash=prev, entry_hash=digest, signature=signature))
    _set_head(session, seq, digest)


def _detail_text(detail: dict[str, Any] | None) -> str:
    # A path the user typed may hold bytes that are not UTF-8: the entry records it readably.
    return readable_name(json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str))


def _set_head(session: Session, seq: int, digest: str) -> None:
    """The chain's new head: for the next entry of this transaction, and in ``store_meta``."""
    session.info["audit_pending_head"] = (seq, digest)
    with session.no_autoflush:
        head = session.get(StoreMeta, HEAD_KEY)
        if head is None:
            session.add(StoreMeta(key=HEAD_KEY, value=f"{seq}:{digest}"))
        else:
            head.value = f"{seq}:{digest}"


AuditItem = tuple[str, str | None, str | None, dict[str, Any] | None]  # action, type, id, detail


def record_many(session: Session, items: Iterable[AuditItem], rows: Rows | None = None) -> int:
    """Append one entry per item in one bulk insert (bulk imports write rows with Core, which the
    flush hook cannot see): the same chain and head as ``record`` called for each. The entries go
    to ``rows`` (default: written at once); the head is updated in the session, which flushes it
    with its other changes."""
    deferred = session.info.get(_DEFERRED_KEY)
    if deferred is not None:
        before = len(deferred)
        deferred.extend(items)
        return len(deferred) - before
    actor = session.info.get("actor")
    actor_id = getattr(actor, "user_id", None)
    actor_name = getattr(actor, "user_name", None)
    device_id = getattr(actor, "device_id", None)
    key = _signing_key(session, actor_id)
    seq, prev = _head(session)
    at = utcnow()
    stored_at = stored_datetime(at)
    who = _who(at, actor_id, actor_name, device_id)
    entries: list[tuple[Any, ...]] = []
    # A bulk import names one package in every entry: encode a detail object once. The cache
    # keeps the object itself, so an id() can't be reused by another dict meanwhile.
    texts: dict[int, tuple[object, str]] = {}
    for action, object_type, object_id, detail in items:
        seq += 1
        known = texts.get(id(detail))
        if known is not None and known[0] is detail:
            detail_text = known[1]
        else:
            detail_text = _detail_text(detail)
            texts[id(detail)] = (detail, detail_text)
        digest = _digest(prev, seq, who, action, object_type, object_id, detail_text)
        entries.append(
            (
                seq,
                stored_at,
                actor_id,
                actor_name,
                device_id,
                action,
                object_type,
                object_id,
                detail_text,
                prev,
                digest,
                _sign(key, digest) if key is not None else None,
            )
        )
        prev = digest
    if not entries:
        return 0
    # The head first: it may read store_meta, and a piped writer owns the connection once sent to.
    _set_head(session, seq, prev)
    (rows or DirectRows(session)).insert(_INSERT_MANY, entries)
    return len(entries)


def defer(session: Session) -> None:
    """Hold back the entries ``session``'s transaction appends, in their order, until
    ``append_deferred``: the chain's next link is not taken meanwhile, so a writer that takes
    the store's write lock late (PostgreSQL, ``pg.LATE_WRITE_LOCK``) need not hold it yet."""
    session.info[_DEFERRED_KEY] = []


def append_deferred(session: Session) -> int:
    """Under the store's write lock: append what ``defer`` held back, as ``record_many`` (one
    time for all), and append at once from now on. Returns how many entries."""
    deferred: list[AuditItem] = session.info.pop(_DEFERRED_KEY, None) or []
    return record_many(session, deferred)


def _primary_key(obj: Any) -> str:
    identity = inspect(obj).identity or tuple(
        getattr(obj, c.key) for c in inspect(type(obj)).primary_key
    )
    return ",".join(str(part) for part in identity)


@event.listens_for(Session, "before_flush")
def _audit_writes(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.new):
        if isinstance(obj, _NOT_AUDITED):
            continue
        if getattr(obj, "id", "") is None:  # give UUID keys now, so the entry names the record
            obj.id = new_id()
        record(session, "insert", obj.__tablename__, _primary_key(obj))
    for obj in list(session.dirty):
        if isinstance(obj, _NOT_AUDITED) or not session.is_modified(obj):
            continue
        state = inspect(obj)
        changed = sorted(
            a.key for a in state.attrs if a.history.has_changes() and a.key not in _STAMPS
        )
        record(session, "update", obj.__tablename__, _primary_key(obj), {"fields": changed})
    for obj in list(session.deleted):
        if not isinstance(obj, _NOT_AUDITED):
            record(session, "delete", obj.__tablename__, _primary_key(obj))


@event.listens_for(Session, "before_commit")
def _refuse_held_back_entries(session: Session) -> None:
    if session.info.get(_DEFERRED_KEY):  # our bug: the writes would commit unaudited
        raise RuntimeError("audit entries held back (audit.defer) were never appended")


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget_pending_head(session: Session) -> None:
    session.info.pop("audit_pending_head", None)
    session.info.pop(_DEFERRED_KEY, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_head_of_a_rolled_back_savepoint(session: Session, _previous: Any) -> None:
    # A savepoint rolled back may have held the pending head: read it from the database again,
    # or the next entry would chain to a hash that no longer exists.
    session.info.pop("audit_pending_head", None)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: datetime
    actor_name: str | None
    device_id: str | None
    action: str
    object_type: str | None
    object_id: str | None
    detail: dict[str, Any]
    entry_hash: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head_seq: int
    head_hash: str


def verify_chain(session: Session) -> ChainReport:
    """Walk the chain; raise AuditChainBroken naming the first bad entry."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(2000):
        if entry.seq != expected_seq:
            raise AuditChainBroken(
                f"审计日志第 {expected_seq} 条缺失", seq=expected_seq, problem="missing"
            )
        if entry.prev_hash != prev:
            raise AuditChainBroken(
                f"审计日志第 {entry.seq} 条前链不符", seq=entry.seq, problem="link"
            )
        digest = entry_digest(
            prev,
            entry.seq,
            entry.at,
            entry.actor_id,
            entry.actor_name,
            entry.device_id,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.detail,
        )
        if digest != entry.entry_hash:
            raise AuditChainBroken(
                f"审计日志第 {entry.seq} 条内容被改动", seq=entry.seq, problem="altered"
            )
        prev = digest
        expected_seq += 1
        count += 1
    head = session.get(StoreMeta, HEAD_KEY)
    expected_head = f"{count}:{prev}" if count else None
    if (head.value if head else None) != expected_head:
        raise AuditChainBroken("审计日志末尾的记录被删除", problem="tail")
    return ChainReport(entries=count, head_seq=count, head_hash=prev)


def iter_entries(
    session: Session, *, action: str | None = None, limit: int = 100, before_seq: int | None = None
) -> Iterator[AuditRecord]:
    """Newest first, paged by ``before_seq``."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    for e in session.scalars(query):
        yield AuditRecord(
            seq=e.seq,
            at=e.at,
            actor_name=e.actor_name,
            device_id=e.device_id,
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            detail=json.loads(e.detail),
            entry_hash=e.entry_hash,
        )
