"""Audit anchors in packages: the sender's claim, and the receiver's check of it.

Each package's signed manifest carries the sender's audit-chain head, and the entry hash at
each position the sender anchored in earlier packages the receiver may hold (``AnchorClaim``).
The receiver keeps every such fact per sending device; an entry hash that differs from one held,
a chain shorter than one already anchored, or a claim that does not reach back to the furthest
anchor held is an anchor mismatch: the package is still imported (it is authentic and holds the
team's work; refusing it would not undo a rewrite on the laptop), the import shows a warning
coded ``WB-AUDIT-ANCHOR``, and an ``audit.anchor_mismatch`` entry names the device and the seq.
The rules are in docs/package-format.md, "Audit anchors".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.exchange.package.audit_anchor import AnchorClaim
from workbench.exchange.package.manifest import Manifest
from workbench.models.base import utcnow
from workbench.models.exchange import PackageLedger
from workbench.models.system import AuditAnchor
from workbench.store import audit
from workbench.store.anchors import MISMATCH_ACTION, entry_hashes

WARNING_CODE = "WB-AUDIT-ANCHOR"


def outgoing_claim(
    session: Session, device_id: str, peers: Collection[str] | None = None
) -> AnchorClaim:
    """The claim for a package made now. A team package (``peers`` None) proves every anchor
    from the last package the office confirmed by receipt on (the office holds that one, maybe
    later ones); an office package, every anchor it sent earlier to any of ``peers`` (devices
    send no receipts)."""
    seq, digest = audit.chain_head(session)
    rows = session.execute(
        select(
            AuditAnchor.seq,
            PackageLedger.device_seq,
            PackageLedger.confirmed_at,
            PackageLedger.peers,
        )
        .join(PackageLedger, PackageLedger.package_id == AuditAnchor.package_id)
        .where(AuditAnchor.direction == "out", AuditAnchor.device_id == device_id)
    ).all()
    if peers is None:
        floor = max((r.device_seq for r in rows if r.confirmed_at is not None), default=0)
        seqs = {r.seq for r in rows if r.device_seq >= floor}
    else:
        wanted = set(peers)
        seqs = {r.seq for r in rows if wanted.intersection(r.peers.split(","))}
    hashes = entry_hashes(session, (s for s in seqs if s < seq))
    return AnchorClaim(seq, digest, tuple(sorted(hashes.items())))


def record_sent(session: Session, manifest: Manifest) -> None:
    """Keep the head a package made here carried (in the transaction of its ledger row)."""
    claim = manifest.audit
    if claim is not None and claim.seq:
        _keep(session, manifest, "out", {claim.seq: claim.hash})


@dataclass(frozen=True)
class Mismatch:
    problem: str  # "altered" | "shorter" | "unproven"
    seqs: tuple[int, ...]


def check_claim(session: Session, manifest: Manifest) -> list[Mismatch]:
    """Compare the package's claim with the anchors held for its sender; writes nothing."""
    held = session.execute(
        select(AuditAnchor.seq, AuditAnchor.entry_hash, AuditAnchor.device_seq, AuditAnchor.head)
        .where(AuditAnchor.direction == "in", AuditAnchor.device_id == manifest.sender.device_id)
        .order_by(AuditAnchor.seq)
    ).all()
    if not held:
        return []
    claim = manifest.audit
    if claim is None:
        return [Mismatch("unproven", (held[-1].seq,))]
    facts = claim.facts()
    altered = {r.seq for r in held if facts.get(r.seq, r.entry_hash) != r.entry_hash}
    shorter: set[int] = set()
    for r in held:
        if not r.head:
            continue
        if r.device_seq < manifest.device_seq and r.seq > claim.seq:
            shorter.add(r.seq)  # an earlier package anchored entries this chain no longer has
        elif r.device_seq > manifest.device_seq and r.seq < claim.seq:
            shorter.add(claim.seq)  # a later package's chain lost entries this one anchors
    found = []
    if altered:
        found.append(Mismatch("altered", tuple(sorted(altered))))
    if shorter:
        found.append(Mismatch("shorter", tuple(sorted(shorter))))
    reach = [r.seq for r in held if r.seq <= claim.seq]
    if reach and reach[-1] not in facts and not altered:
        found.append(Mismatch("unproven", (reach[-1],)))
    return found


def preview_claim(session: Session, manifest: Manifest) -> tuple[str, ...]:
    """The warnings an import would give, for checking a package without importing it."""
    return tuple(_warning(manifest, m) for m in check_claim(session, manifest))


def receive_claim(session: Session, manifest: Manifest) -> tuple[str, ...]:
    """Inside the import transaction: check the claim, keep its facts, audit and return a
    warning for each mismatch."""
    found = check_claim(session, manifest)
    device = manifest.sender.device_id
    warnings = []
    for m in found:
        audit.record(
            session,
            MISMATCH_ACTION,
            "device",
            device,
            {
                "problem": m.problem,
                "seq": m.seqs[0],
                "seqs": list(m.seqs[:100]),
                "package_id": manifest.package_id,
                "device_seq": manifest.device_seq,
            },
        )
        warnings.append(_warning(manifest, m))
    if manifest.audit is not None:
        _keep(session, manifest, "in", manifest.audit.facts())
    return tuple(warnings)


def _keep(session: Session, manifest: Manifest, direction: str, facts: dict[int, str]) -> None:
    """The entry hashes ``manifest`` carries, by seq, as anchors of its sender's chain."""
    assert manifest.audit is not None
    now = utcnow()
    rows = [
        {
            "package_id": manifest.package_id,
            "seq": seq,
            "direction": direction,
            "device_id": manifest.sender.device_id,
            "device_seq": manifest.device_seq,
            "entry_hash": digest,
            "head": seq == manifest.audit.seq,
            "recorded_at": now,
        }
        for seq, digest in sorted(facts.items())
    ]
    if rows:
        session.execute(insert(AuditAnchor), rows)


def _warning(manifest: Manifest, m: Mismatch) -> str:
    sender = manifest.sender
    who = f"设备“{sender.display_name}”（{sender.user}，{sender.device_id[:8]}）"
    seq = m.seqs[0]
    if m.problem == "altered":
        what = (
            f"的审计日志第 {seq} 条与此前数据包锚定的不一致"
            + (f"（共 {len(m.seqs)} 处）" if len(m.seqs) > 1 else "")
            + "：锚定后审计日志被改写"
        )
    elif m.problem == "shorter":
        what = f"的审计日志已锚定至第 {seq} 条，此包所示的审计日志却更短：锚定的记录被删除"
    else:
        what = f"的数据包未证明其审计日志仍含已锚定的第 {seq} 条（缺少锚点证明）"
    return f"[{WARNING_CODE}] {who}{what}。数据已导入，请与该设备核对其审计日志（审计日志已记录）"
