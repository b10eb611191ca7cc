"""Records a bulk import queued for the search index are indexed in the background once the
store is open: progress in the status bar, a stop button, resumed after an unlock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.workbench.index_world import MARKER, core_letters
from ui.main_window import MainWindow
from ui.widgets.index_status import BATCH
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE
from workbench.services.search import unindexed_count
from workbench.store.vault import Vault
from workbench.workspace import Workspace

QUEUED = 2 * BATCH + 37  # three batches


def queue_letters(store: Path, count: int, marker: str = MARKER) -> list[str]:
    with Vault.open(store, DEMO_LEADER, DEMO_PASSPHRASE) as vault, vault.session() as s:
        return core_letters(s, count, marker=marker)


@pytest.fixture
def queued_workspace(demo_dir: Path) -> Iterator[Workspace]:
    queue_letters(demo_dir, QUEUED)
    ws = Workspace.open(demo_dir, DEMO_LEADER, DEMO_PASSPHRASE)
    yield ws
    if not ws.locked:
        ws.lock()


class Watch:
    """What the status bar showed: each progress text as the bar moves, each finished run."""

    def __init__(self, window: MainWindow) -> None:
        status = window.index_status
        self.texts: list[str] = []
        self.runs: list[tuple[int, bool]] = []
        status.bar.valueChanged.connect(lambda _value: self.texts.append(status.label.text()))
        status.finished.connect(lambda done, stopped: self.runs.append((done, stopped)))


def test_queued_records_are_indexed_after_opening(
    qtbot: QtBot, queued_workspace: Workspace
) -> None:
    assert queued_workspace.read(unindexed_count) == QUEUED
    window = MainWindow(queued_workspace)
    qtbot.addWidget(window)
    watch = Watch(window)
    dialog = window.open_search()  # opened at once: it says results may be incomplete
    qtbot.waitUntil(lambda: dialog.unindexed_note.isVisible(), timeout=10000)
    assert "尚未编入检索" in dialog.unindexed_note.text()

    qtbot.waitUntil(lambda: watch.runs != [], timeout=60000)
    total = f"{QUEUED:,}"
    assert watch.runs == [(QUEUED, False)]
    assert f"正在编入检索：{BATCH:,} / {total}" in watch.texts
    assert watch.texts[-1] == f"正在编入检索：{total} / {total}"
    assert total in window.statusBar().currentMessage()
    assert not window.index_status.isVisible()
    assert queued_workspace.read(unindexed_count) == 0

    dialog.query.setText(MARKER)  # now found, and the note is gone
    qtbot.waitUntil(lambda: len(dialog.hits) == 50, timeout=10000)
    # the count is a job of its own, queued after the search: its answer may come a moment later
    qtbot.waitUntil(lambda: not dialog.unindexed_note.isVisible(), timeout=10000)
    window.catch_up_index()  # nothing queued: nothing runs
    qtbot.waitUntil(lambda: len(watch.runs) == 2, timeout=10000)
    assert watch.runs[1] == (0, False)
    window.close()


def test_stop_keeps_the_rest_queued_and_a_second_run_finishes(
    qtbot: QtBot, queued_workspace: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(queued_workspace)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    watch = Watch(window)
    status = window.index_status

    def stop_after_first_batch(value: int) -> None:
        if value == BATCH and not watch.runs:  # in the first run only
            assert window.grab().save(str(tmp_path / "index-progress.png"))
            status.stop_button.click()

    status.bar.valueChanged.connect(stop_after_first_batch)
    qtbot.waitUntil(lambda: watch.runs != [], timeout=60000)
    assert watch.runs == [(BATCH, True)]
    assert "已停止编入检索" in window.statusBar().currentMessage()
    assert queued_workspace.read(unindexed_count) == QUEUED - BATCH

    window.catch_up_index()
    window.catch_up_index()  # a second call while running changes nothing
    qtbot.waitUntil(lambda: len(watch.runs) == 2, timeout=60000)
    assert watch.runs[1] == (QUEUED - BATCH, False)
    assert queued_workspace.read(unindexed_count) == 0
    window.close()


def test_records_queued_while_locked_are_indexed_after_the_unlock(
    qtbot: QtBot, queued_workspace: Workspace, demo_dir: Path
) -> None:
    window = MainWindow(queued_workspace)
    qtbot.addWidget(window)
    watch = Watch(window)
    qtbot.waitUntil(lambda: watch.runs != [], timeout=60000)
    with qtbot.waitSignal(window.locked, timeout=10000):
        window.lock()
    queue_letters(demo_dir, 40, marker="白鹭洲渡口")  # e.g. `workbench import` meanwhile

    window.lock_screen.passphrase.setText(DEMO_PASSPHRASE)
    with qtbot.waitSignal(window.unlocked, timeout=10000):
        window.lock_screen._submit()
    qtbot.waitUntil(lambda: len(watch.runs) == 2, timeout=60000)
    assert watch.runs[1] == (40, False)
    assert window.workspace.read(unindexed_count) == 0
    window.close()
    window.workspace.lock()


def test_a_lock_during_the_catch_up_stops_it_quietly_and_the_unlock_resumes(
    qtbot: QtBot, queued_workspace: Workspace
) -> None:
    window = MainWindow(queued_workspace)
    qtbot.addWidget(window)
    watch = Watch(window)
    status = window.index_status
    status.bar.valueChanged.connect(
        lambda value: value == BATCH and not watch.runs and window.lock()
    )
    qtbot.waitUntil(lambda: watch.runs != [] and window.workspace.locked, timeout=60000)
    assert watch.runs == [(BATCH, True)]
    assert window.statusBar().currentMessage() == ""  # no message on the lock screen

    window.lock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.lock_screen._submit()
    qtbot.waitUntil(lambda: len(watch.runs) == 2, timeout=60000)
    assert watch.runs[1] == (QUEUED - BATCH, False)
    window.close()
    window.workspace.lock()
