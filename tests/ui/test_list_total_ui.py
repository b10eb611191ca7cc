"""A list shows its first rows before its total (共 N 条), which comes from a call of its own; a
total that comes back for an older filter is dropped. The letters' service on the demo store,
its count held on the DB worker until the test lets it go."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from ui.models.record_table_model import RecordTableModel
from ui.pages.letters_page import LettersPage
from ui.tasks import Tasks
from workbench.services.letters import list_letters
from workbench.workspace import Workspace

SLOW = 30_000  # a loaded machine


class HeldCount:
    """list_letters, whose total alone (``limit=0``) waits for ``gate``; the totals it
    counted, in order."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.counted: list[int] = []

    def __call__(self, session: Any, **kwargs: Any) -> Any:
        if kwargs.get("limit") == 0:
            assert self.gate.wait(SLOW / 1000)
            page = list_letters(session, **kwargs)
            self.counted.append(page.total)
            return page
        return list_letters(session, **kwargs)


def _letters_page(qtbot: QtBot, tasks: Tasks, held: HeldCount) -> LettersPage:
    page = LettersPage(tasks, dict)  # every round
    qtbot.addWidget(page)
    page.model.PAGE_SIZE = 2  # the demo's letters fill more than one page
    page.list_service = held
    return page


def test_the_rows_show_before_their_total(qtbot: QtBot, workspace: Workspace) -> None:
    everything = workspace.read(lambda s: list_letters(s, limit=0).counted)
    assert everything > 2
    tasks, held = Tasks(workspace), HeldCount()
    try:
        page = _letters_page(qtbot, tasks, held)
        with qtbot.waitSignal(page.model.loaded, timeout=SLOW):
            page.refresh()
        model = page.model
        assert (model.rowCount(), model.total, model.counting) == (2, 2, True)
        assert model.data(model.index(1, 0)) not in ("", RecordTableModel.LOADING)
        assert page.table.selectionModel().selectedRows()[0].row() == 0
        assert page.export_button.isEnabled()
        counting = QCoreApplication.translate("RecordListPage", "正在统计条数…")
        assert page.count_label.text() == counting
        with qtbot.waitSignal(model.counted, timeout=SLOW) as total:
            held.gate.set()
        assert total.args == [everything] and held.counted == [everything]
        assert model.rowCount() == everything == model.total and not model.counting
        assert page.count_label.text() == f"共 {everything} 条"
        qtbot.waitUntil(lambda: model.data(model.index(everything - 1, 0)) != "…", timeout=SLOW)
    finally:
        held.gate.set()
        tasks.shutdown()


def test_a_total_for_an_older_filter_is_dropped(qtbot: QtBot, workspace: Workspace) -> None:
    channels = workspace.read(lambda s: [v.channel for v in list_letters(s, limit=1000).items])
    channel = max(set(channels), key=channels.count)  # the demo letters' commonest 来源渠道
    everything = workspace.read(lambda s: list_letters(s, limit=0).counted)
    in_one = workspace.read(lambda s: list_letters(s, channel=channel, limit=0).counted)
    assert everything > in_one > 2  # two filters with different totals
    tasks, held = Tasks(workspace), HeldCount()
    try:
        page = _letters_page(qtbot, tasks, held)
        shown: list[int] = []
        page.model.counted.connect(shown.append)
        with qtbot.waitSignal(page.model.loaded, timeout=SLOW):
            page.refresh()  # every letter: its count waits on the worker…
        page.scope = lambda: {"channel": channel}
        page.refresh()  # …and another filter's page is queued behind it
        held.gate.set()
        qtbot.waitUntil(lambda: len(held.counted) == 2 and not tasks.busy, timeout=SLOW)
        assert held.counted == [everything, in_one]  # the old total did come back…
        assert shown == [in_one]  # …and was not shown
        assert page.model.rowCount() == in_one == page.model.total
        assert page.count_label.text() == f"共 {in_one} 条"
    finally:
        held.gate.set()
        tasks.shutdown()
