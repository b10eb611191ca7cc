"""What the signatures on audit entries prove (docs/store-format.md, "Audit signatures").

Each entry written by a user carries their Ed25519 signature over its digest (``audit.record``),
which covers the entry and, through the previous hash, the chain before it. The keys come from
the verified role-grant chain (store/grants.py): an entry is checked against the key its writer's
grants bound at the entry's time, so a user whose key changed (a recovery) is checked against
the old key before the change and the new one after. Whoever holds the data key can still
rewrite the log, but not sign in another user's name: an entry edited, forged under another
user's name, or renumbered by a deletion before it fails here unless the insider holds the key of
every user whose entries they touched.

Unsigned entries are not failures but are named: those written before signatures existed
(revision 0015), store jobs with no user, and entries that name a user but carry no signature
(written through the recovery code, which opens no user key, or stripped by an insider).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models.system import AuditEntry, StoreMeta
from workbench.store import audit, grants

_LISTED = 10  # seqs named in a statement before "等"


@dataclass(frozen=True)
class BadSignature:
    seq: int
    actor_name: str | None
    problem: str


@dataclass(frozen=True)
class SignatureReport:
    signed_from: int  # the first seq written after signatures existed
    valid: int  # entries whose signature verifies against their writer's key
    legacy: int  # entries before ``signed_from``, unsigned
    store_jobs: int  # entries with no user, unsigned
    unsigned: tuple[int, ...]  # entries naming a user with no signature
    bad: tuple[BadSignature, ...]
    grant_problems: tuple[str, ...]  # breaks and invalid grants in the role-grant chain
    pending: bool  # no grant chain yet (the upgrade's window): signatures not checkable
    statement: str

    @property
    def ok(self) -> bool:
        return not self.bad and not self.grant_problems


def _seqs(seqs: Iterable[int]) -> str:
    listed = list(seqs)
    text = "、".join(str(s) for s in listed[:_LISTED])
    return text + (f" 等 {len(listed)} 条" if len(listed) > _LISTED else "")


def _grant_problems(session: Session, chain: grants.Chain) -> list[str]:
    problems = []
    if session.info.get(grants.ROOT_INFO_KEY) is None:
        problems.append("密钥文件中没有根公钥：角色授权链与审计签名都无法核对")
    for view in chain.views:
        if not view.valid:
            problems.append(
                f"角色授权第 {view.seq} 条（“{view.user_name}”）无效：{view.problem}，该授权不生效"
            )
    if chain.broken_at is not None:
        problems.append(
            f"角色授权链在第 {chain.broken_at} 条断开（授权被删除或改动），其后的授权均不生效"
        )
    return problems


def _key_at(bound: list[tuple[datetime, bytes]], at: datetime) -> bytes:
    """The key valid at ``at``: the last bound at or before it; before the first grant bound
    one (the user's first entries, written in the unlock that binds it), the first."""
    key = bound[0][1]
    for issued, candidate in bound:
        if issued <= at:
            key = candidate
    return key


@lru_cache(maxsize=256)
def _public(key: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(key)


def _verifies(key: bytes, signature: str, data: bytes) -> bool:
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        _public(key).verify(raw, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _check(
    bound: list[tuple[datetime, bytes]] | None, at: datetime, signature: str, data: bytes
) -> str | None:
    """Why the signature does not prove the entry, or None if it does."""
    if not bound:
        return "写入者在角色授权链中没有签名密钥"
    if _verifies(_key_at(bound, at), signature, data):
        return None
    # a key the grant chain bound to the writer after the entry: their new key, used between a
    # recovery (a new slot) and the 系统管理员's grant binding it
    if any(_verifies(key, signature, data) for issued, key in bound if issued > at):
        return None
    if any(_verifies(key, signature, data) for _, key in bound):
        return "签名所用的密钥在记录时间已不是该用户的有效密钥"
    return (
        "签名与写入者在授权链中的密钥都不符：记录被改动、以他人名义伪造，"
        "或该用户恢复口令后尚未由系统管理员重新授权"
    )


def signed_from(session: Session) -> int:
    row = session.get(StoreMeta, audit.SIGNED_FROM_KEY)
    try:
        return max(1, int(row.value)) if row is not None else 1
    except ValueError:
        return 1


def verify_signatures(session: Session, entries: int) -> SignatureReport:
    """Check every entry's signature against the verified grant chain; never raises."""
    chain = grants.load_chain(session)
    pending = grants.upgrade_pending(session)
    problems = [] if pending else _grant_problems(session, chain)
    bound = {
        uid: [(datetime.fromisoformat(at), key) for at, key in keys]
        for uid, keys in chain.keys.items()
    }
    start = signed_from(session)
    valid = legacy = store_jobs = 0
    unsigned: list[int] = []
    unchecked = 0
    bad: list[BadSignature] = []
    rows = session.execute(
        select(
            AuditEntry.seq,
            AuditEntry.at,
            AuditEntry.actor_id,
            AuditEntry.actor_name,
            AuditEntry.entry_hash,
            AuditEntry.signature,
        ).order_by(AuditEntry.seq)
    ).yield_per(2000)
    for seq, at, actor_id, actor_name, entry_hash, signature in rows:
        if signature is None:
            if seq < start:
                legacy += 1
            elif actor_id is None:
                store_jobs += 1
            else:
                unsigned.append(seq)
            continue
        if pending:
            unchecked += 1
            continue
        problem = (
            "无用户的记录不应带签名"
            if actor_id is None
            else _check(bound.get(actor_id), at, signature, audit.signed_bytes(entry_hash))
        )
        if problem is None:
            valid += 1
        else:
            bad.append(BadSignature(seq, actor_name, problem))
    statement = _statement(entries, start, valid, legacy, store_jobs, unsigned, bad, unchecked)
    return SignatureReport(
        start,
        valid,
        legacy,
        store_jobs,
        tuple(unsigned),
        tuple(bad),
        tuple(problems),
        pending,
        "\n".join([statement, *problems]),
    )


def _statement(
    entries: int,
    start: int,
    valid: int,
    legacy: int,
    store_jobs: int,
    unsigned: list[int],
    bad: list[BadSignature],
    unchecked: int,
) -> str:
    parts = []
    if legacy:
        parts.append(f"第 1–{legacy} 条写于签名功能启用前，无签名")
    if entries >= start:
        parts.append(f"第 {start}–{entries} 条中 {valid} 条由写入者的密钥签名有效")
    if store_jobs:
        parts.append(f"{store_jobs} 条为无用户的存储作业，无签名（不证明由谁写入）")
    if unsigned:
        parts.append(
            f"第 {_seqs(unsigned)} 条声称由用户写入却无签名"
            "（恢复码解锁时写入，或签名被去除），不能证明由该用户写入"
        )
    if unchecked:
        parts.append(
            f"{unchecked} 条签名暂无法核对（升级后首位系统管理员尚未登录，尚无角色授权链）"
        )
    for b in bad[:_LISTED]:
        parts.append(f"第 {b.seq} 条签名无效（写入者“{b.actor_name}”：{b.problem}）")
    if len(bad) > _LISTED:
        parts.append(f"另有 {len(bad) - _LISTED} 条签名无效")
    return "签名：" + "；".join(parts or ["无记录"]) + "。"
