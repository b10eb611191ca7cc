"""bench_ui's measurements, run on the small demo store so the code stays working.

Timings are not asserted (they depend on the machine); what each figure counts is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_ui import bench_ui_store
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE

pytestmark = pytest.mark.slow


def test_ui_benches_measure_the_small_demo_store(demo_dir: Path) -> None:
    results = {
        r.name: r
        for r in bench_ui_store(
            demo_dir, DEMO_LEADER, DEMO_PASSPHRASE, runs=1, titles=2, initials=1
        )
    }
    assert set(results) == {"ui_first_screen", "ui_rows_loaded", "ui_search_typing"}

    first = results["ui_first_screen"]
    assert first.baseline["bare_qmainwindow_p50_ms"] > 0
    assert 0 < first.figures["open_p50_ms"] < first.figures["dashboard_p50_ms"]
    assert first.figures["letters_p50_ms"] > 0
    assert first.target.measured > 0 and first.ratio > 0

    rows = results["ui_rows_loaded"]
    assert rows.figures["pages_loaded"] == 1  # the small store's letters fit in one page
    assert 0 < rows.figures["rows_loaded"] == rows.figures["total"] <= 200
    assert 0 < rows.baseline["rows_visible"] <= rows.figures["rows_loaded"]
    assert rows.meets_target

    search = results["ui_search_typing"]
    assert search.params["keystrokes"] == (2 + 1) * 4
    assert set(search.figures["by_length_p95_ms"]) == {"1", "2", "3", "4"}
    # results are shown after the dialog's debounce, never before it
    debounce = search.params["debounce_ms"]
    assert search.figures["p50_ms"] >= debounce * 0.9
    assert search.figures["after_debounce_p50_ms"] < search.figures["p50_ms"]
    assert search.baseline["search_records_p50_ms"] > 0
