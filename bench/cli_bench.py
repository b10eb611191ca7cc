"""Start-up of the command line: ``workbench --version`` and ``workbench --help`` beside
``python -c pass``, measured in the same run.

Both answers come from the root parser alone (workbench/cli/__init__.py: the command table), so
they cost little more than the interpreter's own start; a command module imported at the top
again (SQLAlchemy, cryptography, python-docx…) shows here as a ratio many times higher. Runs
alternate between the three so that a machine busy with something else hurts all alike; the
figure is the median wall time from spawning the process to its exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BenchResult, Target, median, ms

REPO_ROOT = Path(__file__).resolve().parents[1]
# the 0.3 s on a machine where `python -c pass` takes about 20 ms, as a ratio
RATIO_TARGET = 6.0


def _wall(command: list[str], home: Path) -> float:
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_cli(tmp: Path, runs: int) -> list[BenchResult]:
    home = tmp / "home"
    home.mkdir()
    python = [sys.executable]
    commands = {
        "pass": [*python, "-c", "pass"],
        "version": [*python, "-m", "workbench", "--version"],
        "help": [*python, "-m", "workbench", "--help"],
    }
    for command in commands.values():  # one untimed run each: the first reads from disk
        _wall(command, home)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(_wall(command, home))
    base = median(samples["pass"])
    baseline = {"python_pass_ms": ms(base), "runs_ms": [ms(s) for s in samples["pass"]]}
    results = []
    for name in ("version", "help"):
        took = median(samples[name])
        ratio = round(took / base, 3)
        results.append(
            BenchResult(
                name=f"cli_{name}",
                title=f"workbench --{name} vs python -c pass (median of {runs})",
                summary=f"--{name} {ms(took):.0f} ms vs python -c pass {ms(base):.0f} ms",
                params={"runs": runs},
                figures={f"{name}_ms": ms(took), "runs_ms": [ms(s) for s in samples[name]]},
                baseline=baseline,
                ratio=ratio,
                ratio_definition=f"workbench --{name} / python -c pass, wall time to exit",
                target=Target(f"{name}_over_python", "<=", RATIO_TARGET, ratio),
            )
        )
    return results
