"""UI tests: offscreen Qt on a copy of the demo store (``demo_dir`` in tests/conftest.py)."""

from __future__ import annotations

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
