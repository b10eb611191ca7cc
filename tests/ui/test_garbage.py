"""Cyclic garbage is collected on the GUI thread's timer, never while the DB worker runs a job."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from ui.garbage import GuiThreadCollector
from ui.tasks import Tasks
from workbench.workspace import Workspace


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def cyclic_garbage() -> weakref.ref[Node]:
    probe = weakref.ref(Node())
    for _ in range(gc.get_threshold()[0] + 100):  # past the youngest generation's threshold
        Node()
    return probe


def test_automatic_collection_is_off_until_stopped(workspace: Workspace) -> None:
    tasks = Tasks(workspace)
    try:
        collector = GuiThreadCollector(tasks)
        assert not gc.isenabled()
        collector.stop()
        assert gc.isenabled()
    finally:
        tasks.shutdown()


def test_a_tick_collects_only_while_the_worker_is_idle(qtbot: QtBot, workspace: Workspace) -> None:
    tasks = Tasks(workspace)
    release = threading.Event()
    collector = GuiThreadCollector(tasks)
    try:
        done: list[object] = []
        tasks.run(lambda _s: release.wait(10), done.append)
        probe = cyclic_garbage()
        collector.tick()
        assert probe() is not None and collector.collections == 0  # a job runs: no collection

        release.set()
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        collector.tick()
        assert probe() is None and collector.collections == 1
    finally:
        release.set()
        collector.stop()
        tasks.shutdown()
