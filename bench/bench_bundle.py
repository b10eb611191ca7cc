"""The installed program: bundle and .deb size, and start-up of the frozen build to its first
painted window beside ``python -m ui.app`` from source, measured in the same run.

Both are started with ``--startup-probe`` (``ui/selftest.py``): the process prints a line and
exits as soon as its first top-level window (the first-run wizard, in a scratch
WORKBENCH_HOME) has painted; the figure is the wall time from spawning it to that line.
Runs alternate between the two so that a machine busy with something else hurts both alike.

Without a built bundle (``make installer`` → dist/xuncha-workbench/) it measures the source
start-up only and says so in a note; ``WORKBENCH_BUNDLE=DIR`` points at a bundle elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import MIB, BenchResult, Target, median, ms

REPO_ROOT = Path(__file__).resolve().parents[1]
NAME = "xuncha-workbench"
PROBE_LINE = "first-window-painted"  # ui.selftest.STARTUP_PROBE_LINE (no Qt import here)
START_RATIO_TARGET = 1.2  # frozen start-up at most 20 % slower than from source
TIMEOUT_S = 60.0


def bundle_dir() -> Path:
    return Path(os.environ.get("WORKBENCH_BUNDLE") or REPO_ROOT / "dist" / NAME)


def _tree_bytes(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def _deb(bundle: Path) -> Path | None:
    debs = sorted(bundle.parent.glob(f"{NAME}_*.deb"))
    return debs[-1] if debs else None


def time_to_first_window(command: list[str], home: Path) -> float:
    """Seconds from spawning ``command`` to its probe line."""
    env = {**os.environ, "WORKBENCH_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--startup-probe"],
        cwd=REPO_ROOT,  # python -m ui.app imports from the checkout
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == PROBE_LINE:
                elapsed = time.perf_counter() - start
                proc.wait(timeout=TIMEOUT_S)
                return elapsed
        raise RuntimeError(f"{command[0]} exited ({proc.wait()}) without showing a window")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def bench_bundle(tmp: Path, runs: int) -> BenchResult:
    home = tmp / "home"
    home.mkdir()
    source = [sys.executable, "-m", "ui.app"]
    bundle = bundle_dir()
    frozen_exe = bundle / ("workbench-gui.exe" if sys.platform == "win32" else "workbench-gui")
    built = frozen_exe.is_file()
    # One untimed start of each: the first start reads everything from disk.
    time_to_first_window(source, home)
    if built:
        time_to_first_window([str(frozen_exe)], home)
    source_runs, frozen_runs = [], []
    for _ in range(runs):
        source_runs.append(time_to_first_window(source, home))
        if built:
            frozen_runs.append(time_to_first_window([str(frozen_exe)], home))
    source_s = median(source_runs)
    baseline = {"source_start_ms": ms(source_s), "source_runs_ms": [ms(s) for s in source_runs]}
    params: dict[str, object] = {"runs": runs, "bundle": str(bundle)}
    if not built:
        return BenchResult(
            name="bundle_startup",
            title="Frozen start-up to first window (no bundle built)",
            summary=f"source {ms(source_s):.0f} ms; no bundle: run `make installer`",
            params=params,
            figures={"bundle_built": False, "source_start_ms": ms(source_s)},
            baseline=baseline,
            ratio=1.0,
            ratio_definition="frozen / source start-up (1.0: not measured, no bundle)",
            target=Target("frozen_over_source", "<=", START_RATIO_TARGET, 1.0),
            notes=[f"skipped the frozen program: {frozen_exe} not found (make installer)"],
        )
    frozen_s = median(frozen_runs)
    deb = _deb(bundle)
    figures: dict[str, object] = {
        "bundle_built": True,
        "frozen_start_ms": ms(frozen_s),
        "frozen_runs_ms": [ms(s) for s in frozen_runs],
        "bundle_mib": round(_tree_bytes(bundle) / MIB, 1),
        "deb_mib": round(deb.stat().st_size / MIB, 1) if deb else None,
    }
    info = bundle.parent / f"{NAME}.build.json"
    if info.is_file():
        build = json.loads(info.read_text("utf-8"))
        figures["glibc_floor"] = build.get("glibc_floor")
        figures["build_python"] = build.get("python")
    ratio = round(frozen_s / source_s, 3)
    deb_text = f", .deb {figures['deb_mib']} MiB" if deb else ""
    return BenchResult(
        name="bundle_startup",
        title=f"Frozen start-up to first window vs python -m ui.app (median of {runs})",
        summary=(
            f"frozen {ms(frozen_s):.0f} ms vs source {ms(source_s):.0f} ms; "
            f"bundle {figures['bundle_mib']} MiB{deb_text}"
        ),
        params=params,
        figures=figures,
        baseline=baseline,
        ratio=ratio,
        ratio_definition="frozen start-up / source start-up, to the first painted window",
        target=Target("frozen_over_source", "<=", START_RATIO_TARGET, ratio),
        notes=[] if deb else ["no .deb beside the bundle: its size is not reported"],
    )
