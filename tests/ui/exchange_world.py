"""Shared setup for the exchange UI tests (no tests here): the exchange tests' world — an office
with keys and two enrolled field devices briefed with one round — copied per test, with the UI
opened on one of its stores through a real ``Workspace`` and the DB worker."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.workbench.exchange_support import (
    PASS,
    USERS,
    World,
    WorldTemplate,
    content_digest,
    world_in,
)
from ui.tasks import Tasks
from workbench.workspace import Workspace

TIMEOUT = 20000


@pytest.fixture(name="w")
def world_fixture(tmp_path: Path, exchange_world_template: WorldTemplate) -> Iterator[World]:
    """Import it into a test module to get the ``w`` fixture."""
    with world_in(exchange_world_template, tmp_path / "w") as world:
        yield world


def release(w: World, name: str) -> None:
    """Lock the core's handle on a store so the UI's workspace is its only user."""
    vault = w.vaults.pop(name, None)
    if vault is not None:
        vault.lock()


@contextmanager
def ui_on(w: World, name: str) -> Iterator[tuple[Workspace, Tasks]]:
    """A workspace on store ``name`` of the world and the DB worker, both closed afterwards."""
    w.open(name)  # copies the store on first use
    release(w, name)
    workspace = Workspace.open(w.dir / name, USERS[name], PASS)
    tasks = Tasks(workspace)
    try:
        yield workspace, tasks
    finally:
        tasks.shutdown()
        if not workspace.locked:
            workspace.lock()


def digest(w: World, name: str) -> str:
    """Everything in the store but its audit log (see ``content_digest``)."""
    value = content_digest(w.open(name))
    release(w, name)
    return value


def idle(qtbot: QtBot, tasks: Tasks) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT)
