"""UI tests: a demo store made once per session and copied per test; offscreen Qt."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.workspace import Workspace


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("ui-demo") / "store"
    vault, _ = create_demo_store(directory)
    vault.lock()
    return directory


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def workspace(demo_dir: Path) -> Iterator[Workspace]:
    ws = Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield ws
    if not ws.locked:
        ws.lock()
