"""Peak memory of an attachment add must not grow with the file: each size in a fresh process.

The child creates a store first, then resets the kernel's peak-RSS mark (Linux ``clear_refs``) so
that the 64 MiB Argon2id derivation of ``Vault.create`` does not hide what the add itself uses.
The peak is read from ``VmHWM``, the mark that ``clear_refs`` resets. ``ru_maxrss`` is reported
too, but it cannot serve: it also keeps the peak of the parent's memory carried across
fork/exec, which no reset lowers. Without ``/proc`` both figures are ``ru_maxrss`` (see the note).
The child prints its figures as JSON on stdout.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.attachment_bench import write_random_file
from bench.common import BenchResult, Target

PEAK_RATIO_TARGET = 1.2
REPO_ROOT = Path(__file__).resolve().parents[1]


def _reset_peak_rss() -> bool:
    """Make ``ru_maxrss`` start again from the current RSS (Linux ≥ 4.0); False if unsupported."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _ru_maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _status_kib(field: str) -> int | None:
    """A ``VmHWM``/``VmRSS`` figure of ``/proc/self/status`` in KiB; None without ``/proc``."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return None


def _peak_rss_kib() -> int:
    return _status_kib("VmHWM") or _ru_maxrss_kib()


def child_main(src: Path, store_dir: Path) -> dict[str, Any]:
    from bench.store_bench import PASSPHRASE, USER
    from workbench.store.vault import Vault

    vault, _code = Vault.create(store_dir, user_name=USER, passphrase=PASSPHRASE)
    try:
        setup_peak = _peak_rss_kib()
        reset = _reset_peak_rss()
        start = _status_kib("VmRSS") or 0
        with vault.session() as s, open(src, "rb") as f:
            vault.attachments.add(s, f, name=src.name, size_hint=src.stat().st_size)
        peak = _peak_rss_kib()
        return {
            "peak_rss_kib": peak,
            "rss_before_add_kib": start,
            "add_growth_kib": peak - start,
            "setup_peak_rss_kib": setup_peak,
            "ru_maxrss_kib": _ru_maxrss_kib(),
            "peak_reset": reset,
        }
    finally:
        vault.lock()


def _run_child(tmp: Path, size_mib: int) -> dict[str, Any]:
    src = write_random_file(tmp / f"memory-{size_mib}.bin", size_mib)
    try:
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.memory_bench",
                str(src),
                str(tmp / f"mem-store-{size_mib}"),
            ],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        src.unlink()
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def bench_peak_memory(tmp: Path, small_mib: int, large_mib: int) -> BenchResult:
    small = _run_child(tmp, small_mib)
    large = _run_child(tmp, large_mib)
    ratio = round(large["peak_rss_kib"] / small["peak_rss_kib"], 3)
    notes = (
        ["peak_rss is VmHWM after the reset; ru_maxrss also counts the parent's inherited peak"]
        if small["peak_reset"]
        else ["peak RSS could not be reset: it includes store creation and the parent's peak"]
    )
    return BenchResult(
        name="attachment_peak_memory",
        title=f"Peak RSS of an add, {large_mib} MiB vs {small_mib} MiB file",
        summary=(
            f"{large_mib} MiB: {large['peak_rss_kib'] / 1024:.1f} MiB RSS, "
            f"{small_mib} MiB: {small['peak_rss_kib'] / 1024:.1f} MiB RSS"
        ),
        params={"small_mib": small_mib, "large_mib": large_mib},
        figures={f"large_{key}": value for key, value in large.items()},
        baseline={f"small_{key}": value for key, value in small.items()},
        ratio=ratio,
        ratio_definition="peak_rss(large) / peak_rss(small)",
        target=Target("ratio", "<=", PEAK_RATIO_TARGET, ratio),
        notes=notes,
    )


if __name__ == "__main__":
    print(json.dumps(child_main(Path(sys.argv[1]), Path(sys.argv[2]))))
