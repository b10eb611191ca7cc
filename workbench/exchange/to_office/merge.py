"""The merge rule, as a pure function of the set of versions a record has had.

A version is ``(device, version, hash, parents)``. Version *x* is superseded when another version
from the same device has a higher number (a device's own history is linear) or when another
version names *x* as a parent (it was made from *x*: a device's ``base``, an office edit, a
resolution). The heads are the versions nobody supersedes:

- one head (by version and hash): that is the record; higher versions win along every lineage;
- several heads: equal versions with different content, or edits made concurrently from a common
  version. The record is a **conflict**: every head is kept for a person to resolve, and the live
  row shows the head with the highest (version, hash, device) meanwhile.

A version may be **held** (``device_scope``): a device's edit of a record it had no right to
replace. It stays a head for a person to see, as a proposal, but names no parent that it would
supersede, and the live row shows it only when no other head stands.

Because the result depends only on the set, importing packages in any order, any number of times,
gives the same store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Key = tuple[int, str]  # (version, content hash)


@dataclass(frozen=True, order=True)
class Candidate:
    version: int
    hash: str
    device: str
    parents: tuple[Key, ...] = ()
    held: bool = False

    @property
    def key(self) -> Key:
        return (self.version, self.hash)


def heads(candidates: Iterable[Candidate]) -> list[Candidate]:
    """The versions no other version supersedes, sorted."""
    pool = set(candidates)
    named = {p for c in pool if not c.held for p in c.parents}
    latest: dict[str, int] = {}
    for c in pool:
        latest[c.device] = max(latest.get(c.device, 0), c.version)
    return sorted(c for c in pool if c.key not in named and c.version == latest[c.device])


def winner(head_list: list[Candidate]) -> Candidate:
    shown = [c for c in head_list if not c.held] or head_list
    return max(shown, key=lambda c: (c.version, c.hash, c.device))


def is_conflict(head_list: list[Candidate]) -> bool:
    return len({c.key for c in head_list}) > 1
