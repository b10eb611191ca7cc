"""The manifest's ``root`` field (the checks are in root_anchor.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.exchange.strict import hex64, integer, obj, text


@dataclass(frozen=True)
class RootClaim:
    """The sender's root public key (base64) and its grant chain's length and last digest."""

    key: str
    grants: int
    grant_head: str

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "grants": self.grants, "grant_head": self.grant_head}


def parse_root(value: Any, path: str) -> RootClaim | None:
    if value is None:
        return None
    o = obj(value, path, ("key", "grants", "grant_head"))
    return RootClaim(
        text(o["key"], f"{path}.key", 44, allow_empty=False, allow_control=False),
        integer(o["grants"], f"{path}.grants", 0),
        hex64(o["grant_head"], f"{path}.grant_head"),
    )
