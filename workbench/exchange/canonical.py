"""Canonical JSON out, strict JSON in.

Canonical form (what is signed and hashed): UTF-8, no insignificant whitespace, object keys sorted
by code point, no floats, strings escaped only where JSON requires it. Strict reading refuses what
a lenient parser would quietly accept: duplicate keys, floats, NaN/Infinity, integers beyond
64 bits, nesting deeper than a bound, lone surrogates and invalid UTF-8.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.strictjson import StrictJSONError as StrictJSONError
from workbench.strictjson import strict_loads as strict_loads

# One encoder for every call: json.dumps with these options builds a new one each time.
_CANONICAL = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
)


def canonical_json(value: Any) -> bytes:
    return _CANONICAL.encode(value).encode("utf-8")
