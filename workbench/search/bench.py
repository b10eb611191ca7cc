"""A micro-benchmark of :func:`search` against the bare FTS5 MATCH and a ``LIKE`` scan.

For ``make bench``: the gap to ``fts`` is our overhead (CTE join, filters, ranking, snippets);
``like`` is an unindexed, unranked scan that stops at 50 hits (fast for common terms, a full
table scan for rare ones).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from workbench.search.indexer import as_connection
from workbench.search.query import parse_query
from workbench.search.searcher import search

_LIKE = (
    "SELECT rowid FROM search_docs"
    " WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' LIMIT 50"
)
_BARE = {
    "trigram": "SELECT rowid FROM search_tri WHERE search_tri MATCH ? ORDER BY rank LIMIT 50",
    "bigram": "SELECT rowid FROM search_bi WHERE search_bi MATCH ? ORDER BY rank LIMIT 50",
}


def _percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (no interpolation: it is a latency someone actually waited)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _time(run: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000.0)
    return samples


def _like_pattern(query: str) -> str:
    escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def bench_search(
    target: Session | Connection, queries: Sequence[str], repeat: int = 20
) -> dict[str, float]:
    """p50/p95 milliseconds per query for ``search``, bare FTS5 and ``LIKE``, over all queries.

    Keys: ``search_p50_ms``, ``search_p95_ms``, ``fts_…``, ``like_…``, plus ``queries`` and
    ``repeat``. Read-only; run it on a store filled with realistic data.
    """
    conn = as_connection(target)
    timings: dict[str, list[float]] = {"search": [], "fts": [], "like": []}
    for query in queries:
        parsed = parse_query(query)
        bare = [
            (_BARE[name], expr)
            for name, expr in (("trigram", parsed.trigram), ("bigram", parsed.bigram))
            if expr is not None
        ]
        pattern = _like_pattern(query)

        def run_search(query: str = query) -> object:
            return search(conn, query)

        def run_fts(bare: list[tuple[str, str]] = bare) -> object:
            return [conn.exec_driver_sql(sql, (expr,)).all() for sql, expr in bare]

        def run_like(pattern: str = pattern) -> object:
            return conn.exec_driver_sql(_LIKE, (pattern, pattern)).all()

        timings["search"] += _time(run_search, repeat)
        timings["fts"] += _time(run_fts, repeat)
        timings["like"] += _time(run_like, repeat)
    result: dict[str, float] = {"queries": float(len(queries)), "repeat": float(repeat)}
    for name, samples in timings.items():
        if samples:
            result[f"{name}_p50_ms"] = _percentile(samples, 0.50)
            result[f"{name}_p95_ms"] = _percentile(samples, 0.95)
    return result
