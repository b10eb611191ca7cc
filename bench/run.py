"""Run every benchmark, print a table and write the figures as JSON.

    python -m bench.run --out bench/results/latest.json    # full sizes (a few minutes)
    python -m bench.run --quick --out /tmp/bench.json      # small sizes, a smoke run

Each figure is compared with a baseline measured in the same run (ratios, not absolute times), so
results from different machines stay comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import BenchResult, machine_info

BENCHMARKS = (
    "unlock",
    "insert",
    "attachments",
    "memory",
    "records",
    "docs",
    "ui",
    "bundle",
    "exchange",
    "office_import",
    "cli",
    "datacheck",
    "office",
)


@dataclass(frozen=True)
class Sizes:
    records: int
    batch: int
    insert_repeats: int
    unlock_runs: int
    attachment_mib: int
    attachment_runs: int
    memory_small_mib: int
    memory_large_mib: int
    demo_records: int | None  # None: the full large demo store (100,000 records)
    query_repeat: int


FULL = Sizes(100_000, 1_000, 3, 11, 256, 5, 64, 512, None, 20)
QUICK = Sizes(5_000, 500, 1, 3, 16, 1, 8, 32, 3_000, 3)


def _runners(sizes: Sizes) -> dict[str, Callable[[Path], list[BenchResult]]]:
    # Imported here so that WORKBENCH_HOME is set before any workbench module is loaded.
    from bench import office_import_bench
    from bench.attachment_bench import bench_attachments
    from bench.bench_bundle import bench_bundle
    from bench.bench_ui import FULL as UI_FULL
    from bench.bench_ui import QUICK as UI_QUICK
    from bench.bench_ui import bench_ui
    from bench.cli_bench import bench_cli
    from bench.datacheck_bench import FULL as DATACHECK_FULL
    from bench.datacheck_bench import QUICK as DATACHECK_QUICK
    from bench.datacheck_bench import bench_datacheck
    from bench.docs_bench import FULL as DOCS_FULL
    from bench.docs_bench import QUICK as DOCS_QUICK
    from bench.docs_bench import bench_docs
    from bench.exchange_bench import FULL as EXCHANGE_FULL
    from bench.exchange_bench import QUICK as EXCHANGE_QUICK
    from bench.exchange_bench import bench_exchange
    from bench.memory_bench import bench_peak_memory
    from bench.office_bench import FULL_LETTERS, QUICK_LETTERS, bench_office
    from bench.records_bench import bench_records
    from bench.store_bench import bench_insert, bench_unlock

    s = sizes
    return {
        "unlock": lambda tmp: [bench_unlock(tmp, s.records, s.batch, s.unlock_runs)],
        "insert": lambda tmp: [bench_insert(tmp, s.records, s.batch, s.insert_repeats)],
        "attachments": lambda tmp: bench_attachments(tmp, s.attachment_mib, s.attachment_runs),
        "memory": lambda tmp: [bench_peak_memory(tmp, s.memory_small_mib, s.memory_large_mib)],
        "records": lambda tmp: bench_records(tmp, s.demo_records, s.query_repeat),
        "docs": lambda tmp: bench_docs(tmp, DOCS_QUICK if s is QUICK else DOCS_FULL),
        "ui": lambda tmp: bench_ui(tmp, s.demo_records, UI_QUICK if s is QUICK else UI_FULL),
        "bundle": lambda tmp: [bench_bundle(tmp, 2 if s is QUICK else 7)],
        "exchange": lambda tmp: bench_exchange(
            tmp, EXCHANGE_QUICK if s is QUICK else EXCHANGE_FULL
        ),
        "office_import": lambda tmp: office_import_bench.bench_office_import(
            tmp, office_import_bench.QUICK if s is QUICK else office_import_bench.FULL
        ),
        "cli": lambda tmp: bench_cli(tmp, 3 if s is QUICK else 15),
        "datacheck": lambda tmp: bench_datacheck(
            tmp, DATACHECK_QUICK if s is QUICK else DATACHECK_FULL
        ),
        "office": lambda tmp: bench_office(
            tmp, QUICK_LETTERS if s is QUICK else FULL_LETTERS, s.query_repeat
        ),
    }


def run_all(sizes: Sizes, only: list[str], tmp_root: Path | None) -> list[BenchResult]:
    results: list[BenchResult] = []
    runners = _runners(sizes)
    for name in only:
        print(f"… {name}", file=sys.stderr, flush=True)
        # A fresh folder per area, removed afterwards: stores, databases and input files.
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-", dir=tmp_root) as tmp:
            results.extend(runners[name](Path(tmp)))
    return results


def report(results: list[BenchResult], sizes: Sizes, quick: bool, seconds: float) -> dict[str, Any]:
    return {
        "schema": 1,
        "mode": "quick" if quick else "full",
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(seconds, 1),
        "machine": machine_info(),
        "sizes": asdict(sizes),
        "all_targets_met": all(r.meets_target for r in results),
        "benchmarks": [r.to_json() for r in results],
    }


def format_table(results: list[BenchResult]) -> str:
    rows = [("benchmark", "ratio", "target", "measured", "result", "figures")]
    for r in results:
        measured = f"{r.target.measured:g}"
        verdict = "ok" if r.meets_target else "MISSED"
        rows.append((r.name, f"{r.ratio:g}", r.target.text(), measured, verdict, r.summary))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    notes = [f"  note ({r.name}): {note}" for r in results for note in r.notes]
    return "\n".join(lines + notes)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results/latest.json"))
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run (< 30 s)")
    parser.add_argument(
        "--only", default=",".join(BENCHMARKS), help=f"comma-separated subset of {BENCHMARKS}"
    )
    parser.add_argument("--tmp-dir", type=Path, help="where scratch stores and files go")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(args.only) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    return args


@contextmanager
def scratch_home(tmp_root: Path | None) -> Iterator[None]:
    """A throwaway WORKBENCH_HOME unless one is set: never touch the user's real folders."""
    if os.environ.get("WORKBENCH_HOME"):
        yield
        return
    with tempfile.TemporaryDirectory(prefix="bench-home-", dir=tmp_root) as home:
        os.environ["WORKBENCH_HOME"] = home
        try:
            yield
        finally:
            del os.environ["WORKBENCH_HOME"]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with scratch_home(args.tmp_dir):
        sizes = QUICK if args.quick else FULL
        start = time.perf_counter()
        results = run_all(sizes, args.only, args.tmp_dir)
        doc = report(results, sizes, args.quick, time.perf_counter() - start)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(format_table(results))
    print(f"\n{len(results)} benchmarks in {doc['duration_s']} s → {args.out}")
    return 1 if args.strict and not doc["all_targets_met"] else 0


if __name__ == "__main__":
    sys.exit(main())
