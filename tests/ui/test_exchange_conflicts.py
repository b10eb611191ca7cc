"""Concurrent edits of one record on two devices become a conflict the office resolves in the UI,
with both versions shown field by field; and the office's main window has the exchange pages."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from tests.ui.exchange_world import TIMEOUT, idle, release, ui_on, world_fixture  # noqa: F401
from tests.workbench.test_exchange_support import PASS, USERS, World, edit, get
from ui.main_window import MainWindow
from ui.pages.conflicts_page import DIFFERENT, ConflictsPage
from ui.tasks import Tasks
from workbench import exchange as ex
from workbench.models import Target
from workbench.workspace import Workspace


def _conflict(w: World) -> str:
    target = w.template.target_ids[0]
    edit(w.a, Target, target, overview="A 组：班子成员 7 人")
    edit(w.b, Target, target, overview="B 组：班子成员 9 人")
    for name in ("a", "b"):
        out = w.dir / f"{name}.wbp"
        ex.export_round(w.open(name), w.round_id, out)
        release(w, name)
        ex.import_package(w.office, out)
    release(w, "office")
    return target


def _page(qtbot: QtBot, tasks: Tasks) -> ConflictsPage:
    page = ConflictsPage(tasks)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    idle(qtbot, tasks)
    return page


def test_both_versions_side_by_side_and_resolve(qtbot: QtBot, w: World) -> None:
    target = _conflict(w)
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks)
        assert page.list.count() == 1
        assert "被巡察单位" in page.list.item(0).text() and "1 处不同" in page.list.item(0).text()
        table = page.table
        assert table.columnCount() == 2  # one column per version
        labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        assert labels[0] == "概况（overview）"  # what differs comes first
        values = {table.item(0, c).text() for c in range(2)}
        assert values == {"A 组：班子成员 7 人", "B 组：班子成员 9 人"}
        assert table.item(0, 0).background().color() == DIFFERENT
        same = labels.index(next(n for n in labels if "name" in n))
        assert table.item(same, 0).text() == table.item(same, 1).text()
        assert table.item(same, 0).background().color() != DIFFERENT
        keep = next(c for c in range(2) if table.item(0, c).text().startswith("B 组"))
        assert len(page.keep_buttons) == 2
        button = page.keep_buttons[keep]
        assert button.text().startswith(("采用本地版本", "采用来件版本"))
        button.click()
        box = page.last_dialog
        assert box is not None
        box.accept()  # 采用
        qtbot.waitUntil(lambda: "已采用版本" in page.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: page.list.count() == 0, timeout=TIMEOUT)
        assert page.count_label.text() == "没有待处理的冲突。"
        assert page.table.rowCount() == 0 and not page.keep_buttons
    assert get(w.office, Target, target).overview == "B 组：班子成员 9 人"


def test_office_window_has_the_exchange_pages_and_navigates(qtbot: QtBot, w: World) -> None:
    w.open("office")
    release(w, "office")
    workspace = Workspace.open(w.dir / "office", USERS["office"], PASS)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    try:
        keys = list(window.pages)
        assert keys.index("exchange") < keys.index("devices") < keys.index("conflicts")
        assert keys.index("conflicts") < keys.index("attachments")
        window.show_page("exchange")
        page = window.pages["exchange"]
        qtbot.waitUntil(lambda: page.status is not None, timeout=TIMEOUT)  # type: ignore[attr-defined]
        assert page.office_fp.fingerprint == w.template.office_fingerprint  # type: ignore[attr-defined]
        page.buttons["goto_conflicts"].click()  # type: ignore[attr-defined]
        assert window.stack.currentWidget() is window.pages["conflicts"]
        page.buttons["goto_devices"].click()  # type: ignore[attr-defined]
        assert window.stack.currentWidget() is window.pages["devices"]
        qtbot.waitUntil(lambda: window.pages["devices"].model.rowCount() == 2, timeout=TIMEOUT)  # type: ignore[attr-defined]
    finally:
        window.close()
        workspace.lock()


def test_a_held_version_is_titled_a_proposal() -> None:
    from ui.pages.conflicts_page import head_title
    from workbench.exchange.conflicts import HeadView

    def head(index: int, live: bool, held: bool) -> HeadView:
        return HeadView(index, "d" * 36, 99 if held else 1, "h", None, False, live, {}, held)

    shown, proposal = head_title(head(1, True, False)), head_title(head(2, False, True))
    assert "当前显示" in shown and "提议" not in shown
    assert "提议" in proposal and "当前显示" not in proposal


def test_a_voiding_conflict_reads_in_english(qtbot: QtBot, w: World) -> None:
    """Before: the versions' titles were cut off at both ends (“rsion 2: device …, revision 2
    (shown in this databa”), the labels kept Chinese brackets (“Voided at（deleted_at）”), the
    作废时间 read “2026-…T20:56:30.055395” and 所属县（区） was the bare field name ``county``."""

    from workbench.services.voiding import void

    target = w.template.target_ids[1]  # set-up records are voided at the office only
    with w.office.session() as s:
        void(s, "targets", target, "误录")
    edit(w.b, Target, target, overview="镇党委班子 7 人")
    out = w.dir / "b.wbp"
    ex.export_round(w.open("b"), w.round_id, out)
    release(w, "b")
    ex.import_package(w.office, out)
    release(w, "office")
    with english_ui(), ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks)
        page.resize(1180, 700)  # the page's share of a 1366×768 window
        page.list.setCurrentRow(0)
        table = page.table
        labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        assert "Voided at (deleted_at)" in labels and "Voided by (deleted_by)" in labels
        assert "county" not in labels
        at = labels.index("Voided at (deleted_at)")
        moment = next(
            table.item(at, c).text() for c in range(2) if table.item(at, c).text() != "(empty)"
        )
        assert "T" not in moment and len(moment) == len("2026-12-06 20:56:30")
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            title = table.horizontalHeaderItem(c).text()
            widest = max(header.fontMetrics().horizontalAdvance(t) for t in title.split("\n"))
            assert header.sectionSize(c) >= widest, title
