"""UI tests: offscreen Qt on a copy of the demo store (``demo_dir`` in tests/conftest.py)."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.workspace import Workspace


@pytest.fixture
def workspace(demo_dir: Path) -> Iterator[Workspace]:
    ws = Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield ws
    if not ws.locked:
        ws.lock()


@pytest.fixture(autouse=True)
def collect_only_between_tests() -> Iterator[None]:
    """No cyclic garbage collection while a test runs, one collection after it, once its windows
    are closed and its DB worker has stopped. Three full runs died with a segfault on the GUI
    thread (twice while collecting) with the worker mid-query; collecting when no other thread
    runs takes that chance away. The app does the same with ``ui.garbage.GuiThreadCollector``.

    What survives that collection is frozen (``gc.freeze``), so the next one walks only what was
    made since: walking the whole process (every module, the ORM, what earlier tests cached)
    took seconds per test late in a full run. A frozen object was reachable when it was frozen;
    if it joins a garbage cycle later it stays in memory, and a test process can afford that."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
        gc.freeze()
