"""Document benchmarks: the 巡察报告 of a round with 500 findings (target: under 5 s) and the
letters ledger of 50,000 rows (target: under 10 s, with peak memory flat against 5,000 rows).

Records are bulk-inserted with ORM ``insert()`` statements, which skip the flush hooks (audit,
search index): the benchmark measures building the document, not loading the store. Each ledger
size is written in a fresh child process that resets the kernel's peak-RSS mark after unlocking
(the 64 MiB Argon2id derivation would otherwise hide the ledger), as ``memory_bench`` does.

Wire into ``bench/run.py``: ``"docs": lambda tmp: bench_docs(tmp, **sizes)`` with
``DocsSizes`` FULL (500/50, 50,000/5,000) or QUICK (100/10, 5,000/500).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import BenchResult, Target, median, timed
from bench.memory_bench import _peak_rss_kib, _reset_peak_rss, _status_kib

REPORT_TARGET_S = 5.0
LEDGER_TARGET_S = 10.0
PEAK_RATIO_TARGET = 1.2
REPO_ROOT = Path(__file__).resolve().parents[1]
USER = "bench"
PASSPHRASE = "bench-passphrase-1"
CODES = ("SGJJ-2020.1.1.1", "SGJJ-2020.2.1.1", "SGJJ-2020.2.3.1", "SGJJ-2020.3.1.1", "")


@dataclass(frozen=True)
class DocsSizes:
    findings: int
    findings_baseline: int
    letters_large: int
    letters_small: int
    runs: int


FULL = DocsSizes(500, 50, 50_000, 5_000, 3)
QUICK = DocsSizes(100, 10, 5_000, 500, 1)


def _round(session: Any, name: str, number: int) -> tuple[str, str]:
    from workbench.services import rounds, targets

    rid = rounds.create_round(
        session,
        rounds.RoundDraft(
            name, 2025, number, "常规", "sgjj", 2020, term="十五届县委",
            start_date=date(2025, 3, 10), end_date=date(2025, 5, 30),
        ),
    ).id  # fmt: skip
    rounds.create_team(session, rid, 1, "县委第一巡察组")
    tid = targets.create_target(
        session, rid, targets.TargetDraft(f"{name}城关镇党委", "township", "重点关注")
    ).id
    return rid, tid


def _findings(session: Any, round_id: str, target_id: str, count: int) -> None:
    from sqlalchemy import insert

    from workbench.models import Finding
    from workbench.vocab.enums import FindingStatus

    summary = "经查阅账目和个别谈话了解，相关单位在资金拨付、审核和公示环节把关不严，" * 3
    session.execute(
        insert(Finding),
        [
            {
                "round_id": round_id,
                "target_id": target_id,
                "number": f"DG-2025-{n:04d}",
                "title": f"第{n}个问题：惠民资金管理存在漏洞",
                "compiled_on": date(2025, 4, 1),
                "method_code": "FS-02",
                "summary": summary,
                "taxonomy_code": CODES[n % len(CODES)],
                "status": FindingStatus.APPROVED,
                "amount_fen": 100_00 * n,
                "immediate_fix": n % 7 == 0,
            }
            for n in range(1, count + 1)
        ],
    )


def _letters(session: Any, round_id: str, target_id: str, count: int) -> None:
    from sqlalchemy import insert

    from workbench.models import Letter
    from workbench.vocab.enums import LetterCategory, LetterChannel, LetterStatus

    channels, categories = list(LetterChannel), list(LetterCategory)
    start = datetime(2025, 3, 10, 9)
    for first in range(0, count, 5_000):
        session.execute(
            insert(Letter),
            [
                {
                    "round_id": round_id,
                    "target_id": target_id,
                    "number": f"XF-2025-{n:05d}",
                    "channel": channels[n % len(channels)],
                    "received_at": start + timedelta(minutes=n),
                    "summary": f"反映某村干部在惠农补贴发放中优亲厚友、虚报冒领（第{n}件）。" * 2,
                    "reported_persons": [{"name": "张某", "position": "村支书", "unit": "某村"}],
                    "disciplines": ["JL-4"],
                    "category": categories[n % 4],
                    "status": LetterStatus.DISCUSSED,
                    "meeting_date": date(2025, 4, 1),
                }
                for n in range(first, min(count, first + 5_000))
            ],
        )


def make_store(tmp: Path, sizes: DocsSizes) -> tuple[Path, dict[str, str]]:
    """A store with four rounds: findings (full and baseline) and letters (large and small)."""
    import workbench.services  # noqa: F401 - registers the hooks the services rely on
    from workbench.store.vault import Vault

    store = tmp / "docs-store"
    vault, _ = Vault.create(store, user_name=USER, passphrase=PASSPHRASE)
    rounds: dict[str, str] = {}
    try:
        with vault.session() as s:
            for key, count, number in (
                ("findings", sizes.findings, 1),
                ("findings_baseline", sizes.findings_baseline, 2),
            ):
                rid, tid = _round(s, f"第{number}轮巡察", number)
                _findings(s, rid, tid, count)
                rounds[key] = rid
        for key, count, number in (
            ("letters_large", sizes.letters_large, 3),
            ("letters_small", sizes.letters_small, 4),
        ):
            with vault.session() as s:
                rid, tid = _round(s, f"第{number}轮巡察", number)
                _letters(s, rid, tid, count)
                rounds[key] = rid
    finally:
        vault.lock()
    return store, rounds


def _report_seconds(store: Path, round_id: str, runs: int) -> float:
    from workbench.reports import DocRequest, write_document
    from workbench.store.vault import Vault

    with Vault.open(store, USER, PASSPHRASE) as vault, vault.read() as s:
        request = DocRequest("inspection-report", round_id=round_id)
        return median(
            [timed(lambda: write_document(s, request, io.BytesIO())) for _ in range(runs)]
        )


def child_main(store: Path, round_id: str, out: Path) -> dict[str, Any]:
    """Write the letters ledger of ``round_id``; time and peak RSS after unlocking."""
    from workbench.reports import DocRequest, write_document
    from workbench.store.vault import Vault

    with Vault.open(store, USER, PASSPHRASE) as vault, vault.read() as s:
        reset = _reset_peak_rss()
        start_rss = _status_kib("VmRSS") or 0
        begin = time.perf_counter()
        written = write_document(s, DocRequest("letter-ledger", round_id=round_id), out, "xlsx")
        seconds = time.perf_counter() - begin
        peak = _peak_rss_kib()
    return {
        "rows": written.rows,
        "seconds": round(seconds, 3),
        "peak_rss_kib": peak,
        "rss_before_kib": start_rss,
        "growth_kib": peak - start_rss,
        "file_bytes": out.stat().st_size,
        "peak_reset": reset,
    }


def _ledger_child(store: Path, round_id: str, out: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "bench.docs_bench", str(store), round_id, str(out)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    out.unlink(missing_ok=True)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def _mib(figures: dict[str, Any]) -> str:
    return f"{figures['peak_rss_kib'] / 1024:.1f} MiB (+{figures['growth_kib'] / 1024:.1f} MiB)"


def bench_docs(tmp: Path, sizes: DocsSizes = FULL) -> list[BenchResult]:
    store, rounds = make_store(tmp, sizes)
    full = _report_seconds(store, rounds["findings"], sizes.runs)
    base = _report_seconds(store, rounds["findings_baseline"], sizes.runs)
    large = _ledger_child(store, rounds["letters_large"], tmp / "large.xlsx")
    small = _ledger_child(store, rounds["letters_small"], tmp / "small.xlsx")
    n, b = sizes.findings, sizes.findings_baseline
    report = BenchResult(
        name="docs_inspection_report",
        title=f"巡察报告 (.docx) of a round with {n} findings",
        summary=f"{n} findings: {full:.2f} s, {b} findings: {base:.2f} s",
        params={"findings": n, "baseline_findings": b, "runs": sizes.runs},
        figures={"seconds": round(full, 3)},
        baseline={"seconds": round(base, 3)},
        ratio=round(full / base, 3) if base else 0.0,
        ratio_definition=f"seconds({n} findings) / seconds({b} findings)",
        target=Target("seconds", "<", REPORT_TARGET_S, round(full, 3)),
    )
    rows_l, rows_s = sizes.letters_large, sizes.letters_small
    ledger = BenchResult(
        name="docs_letters_ledger",
        title=f"Letters ledger (.xlsx, streaming) of {rows_l:,} rows",
        summary=(
            f"{rows_l:,} rows: {large['seconds']:.2f} s ({rows_l / large['seconds']:,.0f} rows/s), "
            f"{rows_s:,} rows: {small['seconds']:.2f} s"
        ),
        params={"rows": rows_l, "baseline_rows": rows_s},
        figures={f"large_{k}": v for k, v in large.items()},
        baseline={f"small_{k}": v for k, v in small.items()},
        ratio=round(large["seconds"] / small["seconds"], 3),
        ratio_definition=f"seconds({rows_l:,} rows) / seconds({rows_s:,} rows)",
        target=Target("seconds", "<", LEDGER_TARGET_S, large["seconds"]),
    )
    peak_ratio = round(large["peak_rss_kib"] / small["peak_rss_kib"], 3)
    memory = BenchResult(
        name="docs_ledger_peak_memory",
        title=f"Peak RSS writing the letters ledger, {rows_l:,} vs {rows_s:,} rows",
        summary=f"{rows_l:,}: {_mib(large)}, {rows_s:,}: {_mib(small)}",
        params={"rows": rows_l, "baseline_rows": rows_s},
        figures={"peak_rss_kib": large["peak_rss_kib"], "growth_kib": large["growth_kib"]},
        baseline={"peak_rss_kib": small["peak_rss_kib"], "growth_kib": small["growth_kib"]},
        ratio=peak_ratio,
        ratio_definition="peak_rss(large ledger) / peak_rss(small ledger)",
        target=Target("ratio", "<=", PEAK_RATIO_TARGET, peak_ratio),
        notes=[] if large["peak_reset"] else ["peak RSS could not be reset: includes unlocking"],
    )
    return [report, ledger, memory]


if __name__ == "__main__":
    print(json.dumps(child_main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))))
