"""What the audit chain can prove, with the anchors packages carried out of the store.

The chain alone (``audit.verify_chain``) shows that no entry was altered or removed *unless*
whoever removed it recomputed the chain: anyone holding the data key can. What went out of the
store cannot be recomputed: each package carries the chain's head (docs/package-format.md,
"Audit anchors"), and the receiver keeps it. Here the store checks its chain against the anchors
it sent (an entry rewritten after an anchor fails), and says how far the chain is anchored:
confirmed by a receipt, sent and awaiting one, or not anchored at all. The tail after the last
anchor is protected by the hash chain only (docs/store-format.md, "Audit chain").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.errors import AuditChainBroken
from workbench.models.exchange import ExchangeDevice, PackageLedger
from workbench.models.system import AuditAnchor, AuditEntry
from workbench.store import audit
from workbench.store.audit_signatures import SignatureReport, verify_signatures

MISMATCH_ACTION = "audit.anchor_mismatch"
_IN_CHUNK = 500


@dataclass(frozen=True)
class SentAnchor:
    """This store's chain head as one of its packages carried it."""

    seq: int
    entry_hash: str
    package_id: str
    device_seq: int
    kind: str
    created_at: datetime
    confirmed_at: datetime | None  # the receipt that listed the package (team packages)


@dataclass(frozen=True)
class HeldAnchors:
    """Another store's chain as the packages received from it anchored it here."""

    device_id: str
    name: str
    seq: int
    packages: int
    mismatches: int  # ``audit.anchor_mismatch`` entries naming the device


@dataclass(frozen=True)
class AuditProof:
    entries: int
    head_seq: int
    head_hash: str
    confirmed: SentAnchor | None  # the furthest anchor a receipt confirmed
    sent: SentAnchor | None  # the furthest anchor sent
    held: tuple[HeldAnchors, ...]
    signatures: SignatureReport
    statement: str  # what the above proves, in words


def entry_hashes(session: Session, seqs: Iterable[int]) -> dict[int, str]:
    """The local chain's entry hashes at ``seqs`` (those that exist)."""
    wanted = sorted(set(seqs))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), _IN_CHUNK):
        part = wanted[start : start + _IN_CHUNK]
        rows = session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).where(AuditEntry.seq.in_(part))
        )
        found.update((s, h) for s, h in rows)
    return found


def sent_anchors(session: Session) -> list[SentAnchor]:
    rows = session.execute(
        select(AuditAnchor, PackageLedger)
        .join(PackageLedger, PackageLedger.package_id == AuditAnchor.package_id)
        .where(AuditAnchor.direction == "out", PackageLedger.direction == "out")
        .order_by(AuditAnchor.seq)
    )
    return [
        SentAnchor(
            a.seq, a.entry_hash, a.package_id, p.device_seq, p.kind, p.created_at, p.confirmed_at
        )
        for a, p in rows
    ]


def _check_sent(session: Session, sent: list[SentAnchor], entries: int) -> None:
    """Every entry this store anchored outside must still hash as it did when sent."""
    local = entry_hashes(session, (a.seq for a in sent))
    for a in sent:
        if a.seq > entries:
            raise AuditChainBroken(
                f"审计日志第 {a.seq} 条已随第 {a.device_seq} 号数据包发出（锚定），"
                f"现只有 {entries} 条：锚定的记录被删除",
                seq=a.seq,
                problem="anchor",
            )
        if local.get(a.seq) != a.entry_hash:
            raise AuditChainBroken(
                f"审计日志第 {a.seq} 条与第 {a.device_seq} 号数据包发出时锚定的不一致："
                "锚定后审计日志被改写",
                seq=a.seq,
                problem="anchor",
            )


def held_anchors(session: Session) -> tuple[HeldAnchors, ...]:
    rows = session.execute(
        select(
            AuditAnchor.device_id,
            func.max(AuditAnchor.seq),
            func.count(func.distinct(AuditAnchor.package_id)),
        )
        .where(AuditAnchor.direction == "in", AuditAnchor.head.is_(True))
        .group_by(AuditAnchor.device_id)
        .order_by(AuditAnchor.device_id)
    ).all()
    mismatches: dict[str | None, int] = {
        device_id: n
        for device_id, n in session.execute(
            select(AuditEntry.object_id, func.count())
            .where(AuditEntry.action == MISMATCH_ACTION)
            .group_by(AuditEntry.object_id)
        )
    }
    held = []
    for device_id, seq, packages in rows:
        device = session.get(ExchangeDevice, device_id)
        name = f"设备“{device.display_name}”（{device.user_name}）" if device else "巡察办"
        held.append(HeldAnchors(device_id, name, seq, packages, mismatches.get(device_id, 0)))
    return tuple(held)


def prove(session: Session) -> AuditProof:
    """Verify the chain, the anchors this store sent, every entry's signature and the role-grant
    chain the keys come from; say how far the chain is anchored and signed. Raises
    ``AuditChainBroken`` naming the first entry that fails, or every bad signature and grant."""
    chain = audit.verify_chain(session)
    sent = sent_anchors(session)
    _check_sent(session, sent, chain.entries)
    signatures = verify_signatures(session, chain.entries)
    if not signatures.ok:
        first = signatures.bad[0].seq if signatures.bad else None
        raise AuditChainBroken(
            f"审计日志签名或角色授权链校验失败。\n{signatures.statement}",
            seq=first,
            problem="signature",
        )
    confirmed = max((a for a in sent if a.confirmed_at), key=lambda a: a.seq, default=None)
    furthest = max(sent, key=lambda a: a.seq, default=None)
    held = held_anchors(session)
    return AuditProof(
        chain.entries,
        chain.head_seq,
        chain.head_hash,
        confirmed,
        furthest,
        held,
        signatures,
        _statement(chain.entries, confirmed, furthest, held) + "\n" + signatures.statement,
    )


def _statement(
    entries: int,
    confirmed: SentAnchor | None,
    sent: SentAnchor | None,
    held: tuple[HeldAnchors, ...],
) -> str:
    parts = [f"链完整（共 {entries} 条）"]
    covered = 0
    if confirmed is not None and confirmed.confirmed_at is not None:
        parts.append(
            f"第 1–{confirmed.seq} 条已随第 {confirmed.device_seq} 号数据包锚定于巡察办"
            f"（回执导入于 {confirmed.confirmed_at:%Y-%m-%d %H:%M}）"
        )
        covered = confirmed.seq
    if sent is not None and sent.seq > covered:
        parts.append(
            f"第 {covered + 1}–{sent.seq} 条已随第 {sent.device_seq} 号数据包"
            f"（{sent.created_at:%Y-%m-%d %H:%M}）发出，"
            + ("由接收设备留存锚点" if sent.kind != "team" else "尚待巡察办回执")
        )
        covered = sent.seq
    if entries > covered:
        parts.append(
            f"第 {covered + 1} 条起未锚定：这部分只受本机哈希链保护，"
            "持有数据密钥者删除后重算哈希链不能被发现"
        )
    lines = ["；".join(parts) + "。"]
    for h in held:
        line = f"{h.name}的审计日志已由 {h.packages} 个数据包锚定至第 {h.seq} 条"
        if h.mismatches:
            line += f"；发现 {h.mismatches} 处与锚点不符（{MISMATCH_ACTION}）"
        lines.append(line + "。")
    return "\n".join(lines)
