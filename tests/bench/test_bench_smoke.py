"""Smoke test of ``make bench``: the quick run works and writes well-formed JSON.

Targets and timings are deliberately not asserted: they depend on the machine.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.pg import cluster as pg

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
EXPECTED = {
    "unlock",
    "insert_throughput",
    "attachment_add",
    "attachment_export",
    "attachment_peak_memory",
    "search_1char",
    "search_2char",
    "search_4char",
    "round_stats",
    "letters_first_page",
    "docs_inspection_report",
    "docs_letters_ledger",
    "docs_ledger_peak_memory",
    "ui_first_screen",
    "ui_rows_loaded",
    "ui_search_typing",
    "bundle_startup",
    "exchange_export",
    "exchange_import",
    "exchange_export_peak_memory",
    "exchange_import_peak_memory",
    "exchange_reimport",
    "cli_version",
    "cli_help",
    "datacheck_import",
    "datacheck_run",
    "datacheck_run_cache",
    "datacheck_vs_duckdb_joins",
    "datacheck_vs_duckdb_load_joins",
}
# on PostgreSQL beside SQLCipher (bench/office_bench.py, office_import_bench.py,
# datacheck_bench.py): the first page and search, team packages imported, the rules run, when
# there is a PostgreSQL to start
OFFICE = {"office_first_page", "office_search", "office_import_pg", "office_import_concurrent"}
OFFICE |= {"datacheck_run_postgresql"}
MACHINE_KEYS = {"python", "platform", "cpu_count", "sqlcipher", "sqlcipher_sqlite"}
BENCH_KEYS = {"name", "figures", "baseline", "ratio", "ratio_definition", "target", "meets_target"}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run ``bench.run --quick`` once (as ``make bench`` would); its output folder."""
    tmp = tmp_path_factory.mktemp("bench")
    env = {**os.environ, "WORKBENCH_HOME": str(tmp / "home")}
    command = [sys.executable, "-m", "bench.run", "--quick", "--out", str(tmp / "quick.json")]
    # a hang guard only: on a loaded 2-core machine the quick run took 200 s, and over 300 s
    # with two CPU-bound jobs beside it
    subprocess.run(
        [*command, "--tmp-dir", str(tmp)], cwd=REPO_ROOT, env=env, check=True, timeout=1800
    )
    return tmp


@pytest.fixture(scope="module")
def report(scratch: Path) -> dict[str, Any]:
    return dict(json.loads((scratch / "quick.json").read_text("utf-8")))


def test_report_has_run_and_machine_info(report: dict[str, Any]) -> None:
    assert report["mode"] == "quick"
    assert isinstance(report["all_targets_met"], bool)
    assert report["machine"].keys() >= MACHINE_KEYS


def test_every_benchmark_is_well_formed(report: dict[str, Any]) -> None:
    office = OFFICE if pg.skip_reason() is None else set()
    assert {b["name"] for b in report["benchmarks"]} == EXPECTED | office
    for bench in report["benchmarks"]:
        name = bench["name"]
        assert bench.keys() >= BENCH_KEYS, name
        ratio = bench["ratio"]
        assert isinstance(ratio, int | float) and not isinstance(ratio, bool), name
        assert math.isfinite(ratio) and ratio > 0, name
        assert bench["figures"] and bench["baseline"], name
        assert bench["target"].keys() >= {"metric", "op", "value", "measured"}, name
        assert isinstance(bench["meets_target"], bool), name


def test_scratch_stores_and_files_are_removed(scratch: Path) -> None:
    assert sorted(p.name for p in scratch.iterdir() if p.name != "home") == ["quick.json"]
