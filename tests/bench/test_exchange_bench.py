"""exchange_bench's measurements, run on the small demo store with a few MiB of attachments so the
code stays working. Timings are not asserted (they depend on the machine); what each figure
counts is."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.exchange_bench import ExchangeSizes, bench_exchange_store
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE

pytestmark = pytest.mark.slow

TINY = ExchangeSizes("small", files=3, file_mib=2, small_files=1, records_blob_mib=4)


def test_exchange_benches_measure_a_round_trip(demo_dir: Path, tmp_path: Path) -> None:
    work = tmp_path / "bench"
    work.mkdir()
    results = {
        r.name: r for r in bench_exchange_store(work, demo_dir, DEMO_LEADER, DEMO_PASSPHRASE, TINY)
    }
    assert set(results) == {
        "exchange_export",
        "exchange_import",
        "exchange_export_peak_memory",
        "exchange_import_peak_memory",
        "exchange_reimport",
    }

    export = results["exchange_export"]
    params = export.params
    assert params["attachment_mib"] == 6 and params["small_package_attachment_mib"] == 2
    records_blob = export.figures["records_blob_bytes"]
    assert params["records"] > 0 and records_blob > 0
    # the package is the framed plaintext (records, every round attachment) sealed by age
    assert params["package_bytes"] > export.baseline["raw_plaintext_bytes"] > 6 * 2**20
    assert export.baseline["raw_plaintext_bytes"] > records_blob
    assert params["small_package_bytes"] < params["package_bytes"] - 3 * 2**20
    assert 0 < export.figures["stream_phase_s"] <= export.figures["export_s"]
    assert export.ratio > 0 and export.target.measured == export.ratio
    # the measured export is a median of three runs, as its raw baseline is
    assert len(export.figures["export_runs_s"]) == len(export.baseline["raw_encrypt_runs_s"]) == 3
    assert sorted(export.figures["export_runs_s"])[1] == export.figures["export_s"]

    imported = results["exchange_import"]
    outcome = imported.figures["outcome"]  # the office already holds the round's set-up
    assert outcome["inserted"] + outcome.get("unchanged", 0) == params["records"]
    assert outcome["inserted"] > 0.9 * params["records"]
    assert set(imported.figures["phases_s"]) == {"stage_copy_s", "stream_s", "land_s", "commit_s"}
    assert imported.figures["index_catch_up_s"] > 0  # the queued records, indexed afterwards
    assert imported.baseline["raw_decrypt_s"] > 0 and imported.ratio > 0
    assert len(imported.figures["import_runs_s"]) == 3
    assert sorted(imported.figures["import_runs_s"])[1] == imported.figures["import_s"]

    for what in ("export", "import"):
        peak = results[f"exchange_{what}_peak_memory"]
        assert peak.figures["peak_rss_mib"] >= peak.figures["rss_before_mib"] > 0
        assert peak.figures["small_peak_rss_mib"] > 0
        assert peak.baseline["raw_pyrage_peak_rss_mib"] > 0
        # the third package: the round grown with copies of one record to a 4 MiB records blob
        many = peak.figures["many_records_peak_rss_mib"]
        assert peak.params["many_records"] > params["records"]
        assert 3.5 * 2**20 < peak.params["many_records_blob_bytes"] <= 4 * 2**20
        assert peak.target.measured == max(peak.figures["peak_rss_mib"], many) > 0

    again = results["exchange_reimport"]
    # recognised from the header where the package lies: no staging copy, no stage at all
    assert again.figures["phases_s"] == {}
    assert 0 < again.ratio < 1

    # scratch packages and plaintext are removed; the office that imported stays for inspection
    assert sorted(p.name for p in work.iterdir()) == ["big.wbp", "office", "office-big"]
