"""A record list read page by page while a colleague writes (issue #20): each page is its own
read, so an insert or a void between two reads shifts the rows under the list. The model reads
each page with one row of each neighbour and, when they no longer join, or the total disagrees
with the rows, it keeps what is shown, reads no more and the page says so until 刷新. Desktop A
runs the letters page (offscreen Qt, its DB worker); desktop B writes between A's page loads. On
SQLCipher two unlocks of one store, on PostgreSQL two desktops on one database."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton
from pytestqt.qtbot import QtBot

import workbench.services  # noqa: F401 - registers the search-index hook
from tests.pg.test_pg_services import RECEIVED, _letter, _world
from tests.pg.test_pg_two_desktops import _as_backend, desktops  # noqa: F401 - the fixture
from ui.pages.letters_page import LettersPage
from ui.tasks import Tasks
from workbench.services.letters import list_letters, register_letter, void_letter
from workbench.store.vault import Vault
from workbench.workspace import Workspace

SLOW = 30_000  # a loaded machine: a bound, never a pace
PAGE = 2
NOTICE = "列表已有变化（同事刚做了修改），按 F5 刷新"


class Desk:
    """Desktop A's letters page over ``round_id``, and desktop B to write with."""

    def __init__(self, qtbot: QtBot, a: Vault, b: Vault, letters: int) -> None:
        self.qtbot, self.b = qtbot, b
        self.round_id, self.target_id = _world(_as_backend(a))
        with a.session() as s:
            for n in range(letters):
                register_letter(s, _letter(self.round_id, self.target_id, f"反映问题{n}"))
        self.tasks = Tasks(Workspace(a))
        self.gate = threading.Event()  # the total alone waits for it
        self.gate.set()
        self.page = LettersPage(self.tasks, lambda: {"round_id": self.round_id})
        qtbot.addWidget(self.page)
        self.page.model.PAGE_SIZE = PAGE
        self.page.list_service = self._letters

    def _letters(self, session: Any, **kwargs: Any) -> Any:
        if kwargs.get("limit") == 0:
            assert self.gate.wait(SLOW / 1000)
        return list_letters(session, **kwargs)

    def open(self, total: int) -> None:
        with self.qtbot.waitSignal(self.page.model.counted, timeout=SLOW) as counted:
            self.page.refresh()
        assert counted.args == [total]

    def load(self, number: int) -> None:
        """Scroll to page ``number``: the view asks for its first row and the page comes in."""
        model = self.page.model
        with self.qtbot.waitSignals([model.dataChanged], timeout=SLOW):
            assert model.view_at(number * PAGE) is None
        assert model.view_at(number * PAGE) is not None

    def load_drifting(self, number: int) -> None:
        model = self.page.model
        with self.qtbot.waitSignal(model.drifted, timeout=SLOW):
            assert model.view_at(number * PAGE) is None

    def shown(self) -> list[str]:
        """The ids of the rows the table shows, in order ("" for a row not loaded), without
        asking for the pages not loaded (as the view's painting would)."""
        model = self.page.model
        views = [model.loaded_view(r) for r in range(model.total)]
        return [v.id if v is not None else "" for v in views]

    def truth(self) -> list[str]:
        with self.b.read() as s:
            return [v.id for v in list_letters(s, round_id=self.round_id, limit=100).items]

    def notice_shown(self) -> bool:
        return self.page.drift_notice.isVisibleTo(self.page)


@pytest.fixture
def desk(qtbot: QtBot, desktops: tuple[Vault, Vault]) -> Iterator[Desk]:  # noqa: F811
    a, b = desktops
    desk = Desk(qtbot, a, b, letters=7)
    yield desk
    desk.gate.set()
    desk.tasks.shutdown()


def test_a_list_read_page_by_page_without_writes_joins_up(desk: Desk) -> None:
    desk.open(7)
    for number in (1, 3, 2):  # a jump to the end, then the page between
        desk.load(number)
    assert desk.shown() == desk.truth()
    assert not desk.page.model.stale and not desk.notice_shown()


def test_a_letter_registered_above_would_show_a_row_twice(desk: Desk) -> None:
    desk.open(7)
    desk.load(1)
    before = desk.shown()[:4]
    # B registers a letter, the newest, which goes first: every row moves down one
    with desk.b.session() as s:
        register_letter(s, _letter(desk.round_id, desk.target_id, "反映新情况"))
    assert desk.truth()[4] == before[3]  # read plainly, page 2 would start with row 3 again
    desk.load_drifting(2)
    shown = desk.shown()
    assert shown[:4] == before and shown[4:] == ["", "", ""]  # nothing twice, nothing more
    assert desk.page.model.stale and desk.notice_shown()
    assert desk.page.model.view_at(4) is None and not desk.tasks.busy  # no more pages read
    text = QCoreApplication.translate("RecordListPage", NOTICE)
    said = desk.page.drift_notice.findChild(QLabel)
    assert said is not None and said.text() == text


def test_a_letter_voided_above_would_skip_a_row(desk: Desk) -> None:
    desk.open(7)
    desk.load(1)
    before = desk.shown()[:4]
    with desk.b.session() as s:
        void_letter(s, before[1], "重复登记")
    skipped = desk.truth()[3]  # the old row 4, now row 3: read plainly, page 2 would start after it
    assert skipped not in before
    desk.load_drifting(2)
    assert desk.shown()[:4] == before and skipped not in desk.shown()
    assert desk.page.model.stale and desk.notice_shown()


def test_refresh_reloads_the_changed_list_keeping_the_selected_letter(
    qtbot: QtBot, desk: Desk
) -> None:
    desk.open(7)
    desk.load(1)
    chosen = desk.shown()[3]
    desk.page.table.selectRow(3)
    with desk.b.session() as s:
        register_letter(s, _letter(desk.round_id, desk.target_id, "反映新情况"))
    desk.load_drifting(2)
    with qtbot.waitSignal(desk.page.model.counted, timeout=SLOW) as counted:
        button = desk.page.findChild(QPushButton, "letters_drift_refresh")
        assert button is not None
        button.click()
    assert counted.args == [8] and not desk.notice_shown() and not desk.page.model.stale
    desk.load(2)  # the chosen letter's row, one lower now
    assert getattr(desk.page.current_view(), "id", None) == chosen
    assert desk.page.table.selectionModel().selectedRows()[0].row() == 4
    for number in (1, 3):
        desk.load(number)
    assert desk.shown() == desk.truth()


def test_a_total_smaller_than_the_rows_shown_marks_the_list_changed(desk: Desk) -> None:
    desk.gate.clear()  # the first page comes; its total waits while B voids five letters
    with desk.qtbot.waitSignal(desk.page.model.loaded, timeout=SLOW):
        desk.page.refresh()
    first = desk.shown()
    with desk.b.session() as s:
        for letter_id in desk.truth()[:5]:
            void_letter(s, letter_id, "重复登记")
    with desk.qtbot.waitSignal(desk.page.model.drifted, timeout=SLOW):
        desk.gate.set()
    # the first page had a row after it, so two in all cannot be: the rows shown stay
    assert desk.shown() == first and len(first) == 2 and desk.notice_shown()
    assert desk.page.count_label.text() == "共 2 条"  # the truth now, the notice says why


def test_a_last_page_longer_than_the_total_marks_the_list_changed(desk: Desk) -> None:
    desk.open(7)
    desk.load(1)
    desk.load(2)
    # B registers the oldest letter: it goes last, past the total the list counted
    oldest = replace(
        _letter(desk.round_id, desk.target_id, "反映旧问题"), received_at=RECEIVED - timedelta(1)
    )
    with desk.b.session() as s:
        register_letter(s, oldest)
    desk.load_drifting(3)  # the last page: one row expected, two came
    assert desk.shown()[:6] == desk.truth()[:6] and desk.shown()[6] == ""
    assert desk.notice_shown()


def test_refresh_brings_back_the_rows_in_view_and_then_the_selected_letter(
    qtbot: QtBot,
    desktops: tuple[Vault, Vault],  # noqa: F811
) -> None:
    """A shown window: its view asks for the pages in sight as it paints."""
    desk = Desk(qtbot, *desktops, letters=40)
    try:
        page, model = desk.page, desk.page.model
        model.PAGE_SIZE = 5
        page.resize(1366, 768)
        page.show()
        with qtbot.waitSignal(model.counted, timeout=SLOW):
            page.refresh()
        page.table.doItemsLayout()  # the counted rows, so that the view can scroll to them
        page.table.scrollTo(model.index(20, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        qtbot.waitUntil(lambda: model.loaded_view(22) is not None, timeout=SLOW)
        page.table.selectRow(22)
        chosen = getattr(page.current_view(), "id", None)
        with desk.b.session() as s:
            register_letter(s, _letter(desk.round_id, desk.target_id, "反映新情况"))
        page.table.scrollToBottom()  # the pages below were read before B's letter
        qtbot.waitUntil(lambda: model.stale, timeout=SLOW)
        top = page.table.rowAt(0)
        assert top > 22 + 1  # the chosen letter is out of sight
        with qtbot.waitSignal(model.counted, timeout=SLOW):
            page.refresh()
        assert page.table.rowAt(0) == top and not desk.notice_shown()
        assert page.detail.toPlainText().startswith(desk_number(desk, chosen))
        page.table.scrollTo(model.index(23, 0))  # one lower now: selected again as it loads
        qtbot.waitUntil(lambda: getattr(page.current_view(), "id", None) == chosen, timeout=SLOW)
        assert page.table.selectionModel().selectedRows()[0].row() == 23
    finally:
        desk.tasks.shutdown()


def desk_number(desk: Desk, letter_id: str | None) -> str:
    """The letter's 编号, with which the detail pane starts."""
    with desk.b.read() as s:
        return next(v.number for v in list_letters(s, limit=100).items if v.id == letter_id)
