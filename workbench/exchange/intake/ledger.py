"""The package ledger: duplicates, replays, the per-device chain and its gaps.

Team packages chain: ``device_seq`` counts up from 1 per device and ``prev_hash`` is the previous
package's hash, so a missing package shows as a gap (imported with a warning) and a forked or
rolled-back history shows as a broken link (refused). Packages may arrive in any order: each link
is checked as soon as both its ends are held, so a gap's closing package checks the link to the
held package before it and the one after it. A broken link cannot tell which end is false (both
are signed by the device): the package arriving is refused, naming the held one, which the
refusal flags for checking (importer). Office packages (briefings, receipts) go to different
devices from one counter, so they carry no chain; only duplicates and reuse are checked.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.exchange.errors import ChainBroken, PackageIdReused, SequenceReused
from workbench.exchange.intake.trust import Checked
from workbench.exchange.package.manifest import Manifest
from workbench.models.exchange import PackageLedger


@dataclass(frozen=True)
class LedgerVerdict:
    duplicate: bool
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _row(session: Session, direction: str, sender: str, seq: int) -> PackageLedger | None:
    return session.scalar(
        select(PackageLedger).where(
            PackageLedger.direction == direction,
            PackageLedger.sender_device == sender,
            PackageLedger.device_seq == seq,
        )
    )


def check_incoming(session: Session, manifest: Manifest, phash: str) -> LedgerVerdict:
    existing = session.get(PackageLedger, manifest.package_id)
    if existing is not None:
        if existing.direction == "in" and existing.package_hash == phash:
            return LedgerVerdict(duplicate=True)
        raise PackageIdReused(package_id=manifest.package_id)
    sender, seq = manifest.sender.device_id, manifest.device_seq
    same_seq = _row(session, "in", sender, seq)
    if same_seq is not None:
        raise SequenceReused(
            f"设备 {sender[:8]} 的第 {seq} 号数据包已导入过（编号 {same_seq.package_id}），"
            f"此包编号为 {manifest.package_id}：可能是重放或伪造，请核查",
            device_id=sender,
            device_seq=seq,
            other_package=same_seq.package_id,
        )
    if manifest.kind != "team":
        if manifest.prev_hash is not None:
            raise ChainBroken("巡察办数据包不应带前一包哈希")
        return LedgerVerdict(duplicate=False)
    if (seq == 1) != (manifest.prev_hash is None):
        raise ChainBroken("数据包的前一包哈希与序号不符")
    before = _row(session, "in", sender, seq - 1)
    if before is not None and before.package_hash != manifest.prev_hash:
        raise _link_broken(manifest, before)
    after = _row(session, "in", sender, seq + 1)
    if after is not None and after.prev_hash != phash:
        raise _link_broken(manifest, after)
    held = set(
        session.scalars(
            select(PackageLedger.device_seq).where(
                PackageLedger.direction == "in",
                PackageLedger.sender_device == sender,
                PackageLedger.device_seq < seq,
            )
        )
    )
    missing = seq - 1 - len(held)  # counted, never listed: a signed seq may be near 2**63
    if not missing:
        return LedgerVerdict(duplicate=False)
    first = itertools.islice((n for n in range(1, seq) if n not in held), 10)
    shown = "、".join(map(str, first)) + ("…" if missing > 10 else "")
    warning = f"该设备的第 {shown} 号数据包尚未导入（序号有缺口），请核查是否遗漏"
    return LedgerVerdict(duplicate=False, warnings=(warning,))


def _link_broken(manifest: Manifest, held: PackageLedger) -> ChainBroken:
    """The link between ``manifest`` and its held neighbour does not hold: name both."""
    sender, seq = manifest.sender.device_id, manifest.device_seq
    device = f"“{manifest.sender.display_name}”（{manifest.sender.user}）"
    return ChainBroken(
        f"设备{device}的第 {seq} 号数据包与已导入的第 {held.device_seq} 号数据包前后不衔接："
        f"两者必有一个不是该设备的真实记录（伪造或设备数据被回滚）：请核查已导入的"
        f"第 {held.device_seq} 号数据包，并与该设备核对",
        device_id=sender,
        device_seq=seq,
        other_package=held.package_id,
        other_seq=held.device_seq,
    )


def next_outgoing(session: Session, sender: str) -> tuple[int, str | None]:
    """The next sequence number of packages made here and the previous package's hash."""
    last = session.scalar(
        select(PackageLedger)
        .where(PackageLedger.direction == "out", PackageLedger.sender_device == sender)
        .order_by(PackageLedger.device_seq.desc())
        .limit(1)
    )
    if last is None:
        return 1, None
    return last.device_seq + 1, last.package_hash


def record_incoming(session: Session, checked: Checked, warnings: tuple[str, ...]) -> None:
    m = checked.manifest
    session.add(
        PackageLedger(
            package_id=m.package_id,
            direction="in",
            kind=m.kind,
            sender_device=m.sender.device_id,
            device_seq=m.device_seq,
            package_hash=checked.package_hash,
            prev_hash=m.prev_hash,
            round_id=m.round_id,
            peers="",
            created_at=m.created_at,
            records=sum(m.counts.values()),
            blobs=max(0, len(m.blobs) - 1),
            warning="\n".join(warnings),
        )
    )
