"""Concurrent edits of one record on two devices become a conflict the office resolves in the UI,
with both versions shown field by field; and the office's main window has the exchange pages."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from tests.ui.exchange_world import TIMEOUT, idle, release, ui_on, world_fixture  # noqa: F401
from tests.workbench.exchange_support import PASS, USERS, World, edit, get
from ui.main_window import MainWindow
from ui.pages.conflicts_page import DIFFERENT, ConflictsPage, MergeDialog
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
        assert "被巡察对象" in page.list.item(0).text() and "1 处不同" in page.list.item(0).text()
        table = page.table
        assert table.columnCount() == 4  # one column per version, the choice, the merged value
        labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
        assert labels[0] == "基本情况"  # what differs comes first
        values = {table.item(0, c).text() for c in range(2)}
        assert values == {"A 组：班子成员 7 人", "B 组：班子成员 9 人"}
        assert table.item(0, 0).background().color() == DIFFERENT
        same = labels.index("名称")
        assert table.item(same, 0).text() == table.item(same, 1).text()
        assert table.item(same, 0).background().color() != DIFFERENT
        keep = next(c for c in range(2) if table.item(0, c).text().startswith("B 组"))
        assert len(page.keep_buttons) == 2
        button = page.keep_buttons[keep]
        assert button.text().startswith(("整体采用本机版本", "整体采用来件版本"))
        button.click()
        box = page.last_dialog
        assert box is not None
        box.accept()  # 采用
        qtbot.waitUntil(lambda: "已采用版本" in page.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: page.list.count() == 0, timeout=TIMEOUT)
        assert page.count_label.text() == "没有待处理的冲突。"
        assert page.table.rowCount() == 0 and not page.keep_buttons
    assert get(w.office, Target, target).overview == "B 组：班子成员 9 人"


def _texts(page: ConflictsPage) -> list[str]:
    """Everything the page shows of a conflict: list, title, headers, cells, choices."""
    table = page.table
    out = [page.list.item(i).text() for i in range(page.list.count())]
    out += [page.title.text(), page.legend.text()]
    out += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    out += [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            out.append(item.text() if item is not None else "")
    out += [box.itemText(i) for box in page.choices.values() for i in range(box.count())]
    return out


def test_labels_and_names_then_field_by_field_with_a_preview(qtbot: QtBot, w: World) -> None:
    """Before: raw field names (``overview``), the round and unit as UUIDs and the devices as
    hex ids; only a whole version could be kept."""
    target = w.template.target_ids[0]
    edit(w.office, Target, target, overview="巡察办：班子 7 人", leader_name="王局长")
    edit(w.a, Target, target, overview="A 组：班子 9 人", leader_name="李局长")
    out = w.dir / "a.wbp"
    ex.export_round(w.open("a"), w.round_id, out)
    release(w, "a")
    ex.import_package(w.office, out)
    release(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks)
        shown = "\n".join(_texts(page))
        conflict = page.current()
        assert conflict is not None
        assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", shown), shown  # no UUID
        for head in conflict.heads:
            assert head.device_id[:8] not in shown  # no hex device id
        for name in ("overview", "leader_name", "round_id", "team_id", "secrecy", "kind"):
            assert name not in shown
        assert "本机（巡察办）" in shown and "“组员a”（zu1）" in shown
        assert "基本情况" in shown and "主要负责人" in shown and "巡察轮次" in shown
        labels = [page.table.verticalHeaderItem(r).text() for r in range(page.table.rowCount())]
        overview = labels.index("基本情况")
        merged = page.table.columnCount() - 1
        assert page.table.item(overview, merged).text() == "巡察办：班子 7 人"  # 本机 by default
        page.choices["overview"].setCurrentIndex(
            next(i for i, h in enumerate(conflict.heads) if not h.local)
        )
        assert page.table.item(overview, merged).text() == "A 组：班子 9 人"
        page.merge_button.click()
        qtbot.waitUntil(lambda: isinstance(page.last_dialog, MergeDialog), timeout=TIMEOUT)
        dialog = page.last_dialog
        assert isinstance(dialog, MergeDialog)
        rows = {
            dialog.table.verticalHeaderItem(r).text(): dialog.table.item(r, 0).text()
            for r in range(dialog.table.rowCount())
        }
        assert rows["基本情况"] == "A 组：班子 9 人" and rows["主要负责人"] == "王局长"
        assert dialog.save_button.isEnabled() and not dialog.refusal.text()
        dialog.accept()
        qtbot.waitUntil(lambda: "已按所选逐项合并" in page.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: page.list.count() == 0, timeout=TIMEOUT)
    row = get(w.office, Target, target)
    assert (row.overview, row.leader_name) == ("A 组：班子 9 人", "王局长")


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
    from workbench.exchange.to_office.conflicts import HeadView

    def head(index: int, live: bool, held: bool) -> HeadView:
        return HeadView(index, "d" * 36, 99 if held else 1, "h", None, False, live, {}, held)

    shown, proposal = head_title(head(1, True, False)), head_title(head(2, False, True))
    assert "当前显示" in shown and "提议" not in shown
    assert "提议" in proposal and "当前显示" not in proposal


def test_a_voiding_conflict_reads_in_english(qtbot: QtBot, w: World) -> None:
    """Before: the versions' titles were cut off at both ends (“rsion 2: device …, revision 2
    (shown in this databa”), the labels kept Chinese brackets (“Voided at（deleted_at）”), the
    作废时间 read “2026-…T20:56:30.055395” and 所属县（区） was the bare field name ``county``;
    then the labels named their field (“Voided at (deleted_at)”): now they are labels alone."""

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
        assert "Voided at" in labels and "Voided by" in labels  # labels, never field names
        assert not any("deleted_at" in label or "county" in label for label in labels)
        at = labels.index("Voided at")
        moment = next(
            table.item(at, c).text() for c in range(2) if table.item(at, c).text() != "(empty)"
        )
        assert "T" not in moment and len(moment) == len("2026-12-06 20:56")
        header = table.horizontalHeader()
        for c in range(table.columnCount()):
            title = table.horizontalHeaderItem(c).text()
            widest = max(header.fontMetrics().horizontalAdvance(t) for t in title.split("\n"))
            assert header.sectionSize(c) >= widest, title


def test_drafts_are_named_by_the_registry(qtbot: QtBot) -> None:
    """Before: the drafts dialog called an interview 谈话记录 and a focus item 监督事项."""
    from datetime import datetime

    from ui.dialogs.drafts_dialog import DraftsDialog
    from workbench.services.drafts import DraftView

    drafts = [
        DraftView("d1", "interview", None, None, "张三", {}, datetime(2026, 12, 1, 9, 30)),
        DraftView("d2", "focus", None, None, "三重一大", {}, datetime(2026, 12, 1, 9, 31)),
    ]
    dialog = DraftsDialog(drafts)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("个别谈话") and texts[1].startswith("监督重点清单事项")


def test_a_mix_the_rules_refuse_is_shown_and_cannot_be_saved(qtbot: QtBot, w: World) -> None:
    """A transferred clue is resolved only by keeping a whole version: the preview says why."""
    from tests.workbench.test_conflicts_merge import _clue
    from workbench.models import Clue
    from workbench.vocab.enums import ClueStatus

    clue = _clue(w.a, w.round_id)
    for n in (1, 2):
        if n == 2:  # the office and the device both edit it; the device also transfers it
            edit(w.office, Clue, clue, other_unit="县审计局")
            edit(w.a, Clue, clue, other_unit="县财政局", status=ClueStatus.TRANSFERRED)
        out = w.dir / f"p{n}.wbp"
        ex.export_round(w.open("a"), w.round_id, out)
        release(w, "a")
        ex.import_package(w.office, out)
    release(w, "office")
    with ui_on(w, "office") as (_ws, tasks):
        page = _page(qtbot, tasks)
        conflict = page.current()
        assert conflict is not None and set(conflict.differing) == {"other_unit", "status"}
        page.choices["other_unit"].setCurrentIndex(
            next(i for i, h in enumerate(conflict.heads) if not h.local)
        )
        page.merge_button.click()
        qtbot.waitUntil(lambda: isinstance(page.last_dialog, MergeDialog), timeout=TIMEOUT)
        dialog = page.last_dialog
        assert isinstance(dialog, MergeDialog)
        assert "该线索已移交" in dialog.refusal.text() and not dialog.save_button.isEnabled()
        dialog.reject()
        assert page.list.count() == 1  # nothing saved: the conflict stands
