"""Shared pieces: result records, timing helpers and machine information."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypeVar

T = TypeVar("T")
Op = Literal["<", "<=", ">="]
MIB = 1 << 20


@dataclass(frozen=True)
class Target:
    """``metric op value``, e.g. ``ratio <= 1.3``; ``measured`` is the figure it is checked on."""

    metric: str
    op: Op
    value: float
    measured: float

    @property
    def met(self) -> bool:
        if self.op == "<":
            return self.measured < self.value
        if self.op == "<=":
            return self.measured <= self.value
        return self.measured >= self.value

    def text(self) -> str:
        return f"{self.metric} {self.op} {self.value:g}"


@dataclass(frozen=True)
class BenchResult:
    name: str
    title: str
    summary: str  # one human-readable line for the table
    params: dict[str, Any]
    figures: dict[str, Any]
    baseline: dict[str, Any]
    ratio: float
    ratio_definition: str
    target: Target
    notes: list[str] = field(default_factory=list)

    @property
    def meets_target(self) -> bool:
        return self.target.met

    def to_json(self) -> dict[str, Any]:
        doc = asdict(self)
        doc["target"]["text"] = self.target.text()
        doc["meets_target"] = self.meets_target
        return doc


def timed_call(fn: Callable[[], T]) -> tuple[T, float]:
    """``fn()``'s result and its wall time in seconds."""
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def timed(fn: Callable[[], object]) -> float:
    """Wall time of ``fn()`` in seconds."""
    return timed_call(fn)[1]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def mb_per_s(size_bytes: int, seconds: float) -> float:
    return round(size_bytes / MIB / seconds, 1)


def _sqlcipher_info() -> dict[str, str]:
    """Versions reported by the sqlcipher3 driver (keyed in memory to see the crypto provider)."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")

        def pragma(sql: str) -> str:
            row = conn.execute(sql).fetchone()
            return str(row[0]) if row else ""

        return {
            "sqlcipher": pragma("PRAGMA cipher_version"),
            "sqlcipher_provider": pragma("PRAGMA cipher_provider"),
            "sqlcipher_provider_version": pragma("PRAGMA cipher_provider_version"),
            "sqlcipher_sqlite": pragma("SELECT sqlite_version()"),
        }
    finally:
        conn.close()


def machine_info() -> dict[str, Any]:
    import sqlite3
    from importlib.metadata import version

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable,
        **_sqlcipher_info(),
        "stdlib_sqlite": sqlite3.sqlite_version,
        "sqlalchemy": version("SQLAlchemy"),
        "cryptography": version("cryptography"),
    }
