"""The manifest's ``audit`` field: the sender's audit-chain head, and the entry hashes at the
positions it anchored in earlier packages, so the receiver can tell the chain it holds an anchor
of was extended, not rewritten (docs/package-format.md, "Audit anchors")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.exchange.canonical import StrictJSONError
from workbench.exchange.strict import array, hex64, integer, obj

MAX_PROOFS = 10_000


@dataclass(frozen=True)
class AnchorClaim:
    """The sender's chain had ``seq`` entries, the last hashing to ``hash``; and at each earlier
    anchored seq in ``proofs``, its entry hashes to the value given."""

    seq: int
    hash: str
    proofs: tuple[tuple[int, str], ...] = ()

    def facts(self) -> dict[int, str]:
        """Every entry hash the claim vouches for, by seq (the head included)."""
        found = dict(self.proofs)
        if self.seq:
            found[self.seq] = self.hash
        return found

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "hash": self.hash,
            "proofs": [{"seq": s, "hash": h} for s, h in self.proofs],
        }


def parse_claim(value: Any, path: str) -> AnchorClaim | None:
    if value is None:
        return None
    o = obj(value, path, ("seq", "hash", "proofs"))
    seq = integer(o["seq"], f"{path}.seq", 0)
    proofs: list[tuple[int, str]] = []
    for i, item in enumerate(array(o["proofs"], f"{path}.proofs", MAX_PROOFS)):
        p = obj(item, f"{path}.proofs[{i}]", ("seq", "hash"))
        at = integer(p["seq"], f"{path}.proofs[{i}].seq", 1, seq - 1 if seq else 0)
        if proofs and at <= proofs[-1][0]:
            raise StrictJSONError("锚点序号应递增且不重复", f"{path}.proofs[{i}].seq")
        proofs.append((at, hex64(p["hash"], f"{path}.proofs[{i}].hash")))
    return AnchorClaim(seq, hex64(o["hash"], f"{path}.hash"), tuple(proofs))
