"""A ``demo`` killed part-way leaves nothing that ``demo --if-missing`` would take for a store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.stats import round_stats
from workbench.store.layout import StoreLayout
from workbench.store.vault import Vault


def _filling(parent: Path) -> bool:
    """A store exists somewhere under ``parent`` (made, so the demo data is going in now)."""
    return any(".creating-" not in str(p) for p in parent.rglob("keyfile.json"))


def _stats(directory: Path) -> tuple[object, int]:
    """The figures, with the clue groups of teams and targets named rather than keyed by their
    ids (each build of the demo draws new ids)."""
    with Vault.open(directory, DEMO_LEADER, DEMO_PASSPHRASE) as vault, vault.read() as s:
        st = round_stats(s)
        figures = st.clue_figures
        named = replace(
            figures,
            by_team=tuple(replace(g, key=g.label) for g in figures.by_team),
            by_target=tuple(replace(g, key=g.label) for g in figures.by_target),
        )
        return replace(st, clue_figures=named), vault.count_users()


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_a_killed_demo_is_built_again_by_if_missing(
    tmp_path: Path, demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = tmp_path / "stores"
    parent.mkdir()
    target = parent / "demo"
    demo = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--store", str(target), "demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while demo.poll() is None and not _filling(parent):
            time.sleep(0.02)
    finally:
        demo.send_signal(signal.SIGKILL)
        demo.wait()
    assert demo.returncode == -signal.SIGKILL, "the demo finished before it could be killed"
    assert not StoreLayout(target).exists()

    capsys.readouterr()
    assert main(["--store", str(target), "demo", "--if-missing", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] is True
    assert _stats(target) == _stats(demo_template)
    assert [p.name for p in parent.iterdir()] == ["demo"]  # the killed run's folder is gone
    assert main(["--store", str(target), "demo", "--if-missing"]) == 0  # and now it is kept
