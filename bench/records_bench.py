"""Inspection records at scale, on the ``large`` demo store (100,000 records): search, round
statistics and list paging, each beside the raw SQL doing the least the feature needs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from bench.common import BenchResult, Target, median, ms
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.demo_data import SIZES, populate_demo
from workbench.services.letters import list_letters
from workbench.services.search import search_records
from workbench.services.stats import round_stats
from workbench.store.vault import Vault

QUERIES = {
    1: ("贪", "款", "补", "村", "费"),
    2: ("巡察", "整改", "低保", "红包", "台账"),
    4: ("惠农补贴", "集体资金", "工程项目", "违规发放", "公款吃喝"),
}
SEARCH_P95_MS = 50.0
STATS_MS = 200.0
FIRST_PAGE_MS = 30.0
LIKE_SQL = text(
    "SELECT record_type, record_id, title FROM search_docs "
    "WHERE title LIKE :p OR body LIKE :p LIMIT 50"
)


def _samples(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm the page cache: the figure is for a user who has the store open
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _p95(samples: list[float]) -> float:
    return (
        statistics.quantiles(samples, n=20, method="inclusive")[-1]
        if len(samples) > 1
        else samples[0]
    )


def build_store(tmp: Path, records: int | None) -> tuple[Vault, float, int]:
    """The large demo store (or the large plan scaled to ``records``); its build time."""
    plan = SIZES["large"] if records is None else SIZES["large"].scaled(records)
    start = time.perf_counter()
    vault, _ = Vault.create(tmp / "demo-large", user_name=DEMO_LEADER, passphrase=DEMO_PASSPHRASE)
    populate_demo(vault, plan=plan)
    vault.lock()
    seconds = time.perf_counter() - start
    vault = Vault.open(tmp / "demo-large", DEMO_LEADER, DEMO_PASSPHRASE)
    with vault.read() as s:
        count = sum(
            int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
            for t in (
                "rounds",
                "teams",
                "members",
                "targets",
                "persons",
                "interviews",
                "letters",
                "findings",
                "evidence",
                "clues",
                "activities",
                "focus_items",
                "list_entries",
                "portraits",
                "rectifications",
                "reports",
                "archive_items",
            )
        )
    return vault, seconds, count


def bench_search(vault: Vault, repeat: int) -> list[BenchResult]:
    results = []
    for length, queries in QUERIES.items():
        ours: list[float] = []
        raw: list[float] = []
        with vault.read() as s:
            for q in queries:
                ours += _samples(lambda q=q: search_records(s, q, limit=50), repeat)
                raw += _samples(lambda q=q: s.execute(LIKE_SQL, {"p": f"%{q}%"}).all(), repeat)
        p50, p95, raw50 = median(ours), _p95(ours), median(raw)
        results.append(
            BenchResult(
                name=f"search_{length}char",
                title=f"Search for {length}-character terms ({', '.join(queries)})",
                summary=f"p50 {ms(p50)} ms, p95 {ms(p95)} ms vs LIKE scan p50 {ms(raw50)} ms",
                params={"queries": list(queries), "repeat": repeat, "limit": 50},
                figures={"p50_ms": ms(p50), "p95_ms": ms(p95)},
                baseline={"like_p50_ms": ms(raw50), "like_p95_ms": ms(_p95(raw))},
                ratio=round(p50 / raw50, 3),
                ratio_definition=(
                    "search p50 / LIKE p50: ranked and highlighted, against an unranked scan "
                    "that stops at the first 50 hits"
                ),
                target=Target("p95_ms", "<", SEARCH_P95_MS, ms(p95)),
            )
        )
    return results


def bench_stats(vault: Vault, repeat: int) -> BenchResult:
    with vault.read() as s:
        round_id = s.execute(text("SELECT id FROM rounds ORDER BY year, number LIMIT 1")).scalar()
        ours = _samples(lambda: round_stats(s, round_id), repeat)
        raw = _samples(lambda: s.execute(text("SELECT count(*) FROM letters")).scalar(), repeat)
    return BenchResult(
        name="round_stats",
        title="Round statistics on the large store",
        summary=f"{ms(median(ours))} ms vs count(*) of letters {ms(median(raw))} ms",
        params={"repeat": repeat},
        figures={"p50_ms": ms(median(ours)), "p95_ms": ms(_p95(ours))},
        baseline={"count_letters_ms": ms(median(raw))},
        ratio=round(median(ours) / median(raw), 3),
        ratio_definition="statistics p50 / one count(*) over letters",
        target=Target("p50_ms", "<", STATS_MS, ms(median(ours))),
    )


def bench_first_page(vault: Vault, repeat: int) -> BenchResult:
    with vault.read() as s:
        total = list_letters(s, limit=1).total
        ours = _samples(lambda: list_letters(s, offset=0, limit=100), repeat)
        sql = "SELECT * FROM letters WHERE deleted_at IS NULL ORDER BY received_at DESC LIMIT 100"
        raw = _samples(lambda: s.execute(text(sql)).all(), repeat)
    return BenchResult(
        name="letters_first_page",
        title=f"First page of 100 of {total:,} letters (with the total count)",
        summary=f"{ms(median(ours))} ms vs raw SELECT … LIMIT 100 {ms(median(raw))} ms",
        params={"letters": total, "page": 100, "repeat": repeat},
        figures={"p50_ms": ms(median(ours)), "p95_ms": ms(_p95(ours))},
        baseline={"raw_p50_ms": ms(median(raw))},
        ratio=round(median(ours) / median(raw), 3),
        ratio_definition="list_letters p50 / raw ordered SELECT p50",
        target=Target("p95_ms", "<", FIRST_PAGE_MS, ms(_p95(ours))),
    )


def bench_records(tmp: Path, records: int | None, repeat: int) -> list[BenchResult]:
    vault, build_s, count = build_store(tmp, records)
    try:
        results = [
            *bench_search(vault, repeat),
            bench_stats(vault, repeat),
            bench_first_page(vault, repeat),
        ]
    finally:
        vault.lock()
    for r in results:
        r.notes.append(f"store: {count:,} records, built in {build_s:.0f} s")
    return results
