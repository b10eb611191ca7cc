"""The record lists as a person uses them: the 搜索 box and the date range narrow the rows through
the service, amounts read 57,820.00 on the right, a letter not yet classified says 未分类, the
columns stay as arranged across a restart, and the whole view goes to .xlsx or to a printer."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_documents_ui import save_as, warning_box
from ui import settings, table_printing
from ui.main_window import MainWindow
from ui.models.record_table_model import RecordTableModel, display
from ui.pages import record_list_page
from ui.pages.record_list_page import RecordListPage
from workbench.services.clues import list_clues
from workbench.services.findings import list_findings
from workbench.services.letters import UNCLASSIFIED, list_letters
from workbench.workspace import Workspace

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.round_combo.count() > 1 and not window.tasks.busy, timeout=10000)
    return window


def _page(qtbot: QtBot, window: MainWindow, key: str) -> RecordListPage:
    window.show_page(key)
    page = window.pages[key]
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.total > 0 and not window.tasks.busy, timeout=10000)
    return page


def _settled(qtbot: QtBot, window: MainWindow, page: RecordListPage, total: int) -> None:
    qtbot.waitUntil(lambda: page.model.total == total and not window.tasks.busy, timeout=10000)


def _column(page: RecordListPage, key: str) -> int:
    return [c.key for c in page.model.columns].index(key)


def _cells(page: RecordListPage, key: str) -> list[str]:
    column = _column(page, key)
    return [str(page.model.index(r, column).data()) for r in range(page.model.rowCount())]


def test_the_search_box_and_the_date_range_narrow_the_letters(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = _window(qtbot, workspace)
    page = _letters(qtbot, window)
    round_id = window.round_combo.currentData()
    everything = page.model.total
    views = workspace.read(lambda s: list_letters(s, round_id, limit=1000).items)
    needle = views[0].number[-5:].lower()  # 00019: a number's tail, in lower case

    box = page.filter_bar.findChild(QLineEdit, "filter_text")
    qtbot.keyClicks(box, needle)  # reloads once typing pauses
    wanted = workspace.read(lambda s: list_letters(s, round_id, text=needle, limit=1000))
    assert 0 < wanted.total < everything
    _settled(qtbot, window, page, wanted.total)
    assert _cells(page, "number") == [v.number for v in wanted.items]

    page.filter_bar.reset()
    _settled(qtbot, window, page, everything)
    days = sorted({v.received_at.date() for v in views})
    low, high = days[1], days[len(days) // 2]
    page.filter_bar.set_dates(low, high)
    inside = [v for v in views if low <= v.received_at.date() <= high]
    assert 0 < len(inside) < everything
    _settled(qtbot, window, page, len(inside))
    assert _cells(page, "number") == [v.number for v in inside]
    assert page.filters()["date_from"] == low and page.filters()["date_to"] == high
    window.close()


def _letters(qtbot: QtBot, window: MainWindow) -> RecordListPage:
    return _page(qtbot, window, "letters")


def test_the_clues_date_range_is_their_feedback_deadline(
    qtbot: QtBot, workspace: Workspace
) -> None:
    """The same range the CLI's --from/--to give the clues: their 反馈期限."""
    window = _window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)  # 全部轮次
    page = _page(qtbot, window, "clues")
    views = workspace.read(lambda s: list_clues(s, limit=1000).items)
    dues = sorted({v.feedback_due for v in views if v.feedback_due})
    assert len(dues) > 1
    page.filter_bar.set_dates(None, dues[0])
    expected = [v.number for v in views if v.feedback_due and v.feedback_due <= dues[0]]
    _settled(qtbot, window, page, len(expected))
    assert page.filters()["due_to"] == dues[0] and "date_to" not in page.filters()
    assert sorted(_cells(page, "number")) == sorted(expected)
    window.close()


def test_amounts_are_right_aligned_with_thousands_separators(
    qtbot: QtBot, workspace: Workspace
) -> None:
    assert display(Decimal("57820.00")) == "57,820.00"
    assert display(Decimal("1234567.5")) == "1,234,567.50"
    window = _window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)
    page = _page(qtbot, window, "findings")
    views = workspace.read(lambda s: list_findings(s, limit=1000).items)
    amount = _column(page, "amount")
    big = next(i for i, v in enumerate(views) if v.amount is not None and v.amount >= 1000)
    qtbot.waitUntil(lambda: page.model.view_at(big) is not None, timeout=10000)
    cell = page.model.index(big, amount)
    assert cell.data() == f"{views[big].amount:,.2f}" and "," in cell.data()
    assert cell.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    number = page.model.index(big, _column(page, "number"))
    assert number.data(Qt.ItemDataRole.TextAlignmentRole) is None  # text stays on the left
    window.close()


def test_a_letter_not_yet_classified_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)
    page = _letters(qtbot, window)
    views = workspace.read(lambda s: list_letters(s, limit=1000).items)
    unclassified = [i for i, v in enumerate(views) if v.category is None]
    assert unclassified, "the demo store has letters not yet classified"
    categories = _cells(page, "category")
    assert all(categories[i] == "未分类" for i in unclassified)
    assert "" not in categories
    page.filter_bar.select("category", UNCLASSIFIED)  # the filter has them too
    _settled(qtbot, window, page, len(unclassified))
    assert set(_cells(page, "category")) == {"未分类"}
    window.close()


def test_column_widths_and_order_are_remembered_per_page(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = _window(qtbot, workspace)
    page = _letters(qtbot, window)
    header = page.table.horizontalHeader()
    channel, received = _column(page, "channel"), _column(page, "received_at")
    header.resizeSection(channel, 211)
    header.moveSection(header.visualIndex(received), 0)  # 收到时间 first
    key = settings.columns_key("letters")
    qtbot.waitUntil(lambda: "211" in key.get(settings.open_settings()), timeout=10000)
    window.close()

    again = _letters(qtbot, _window(qtbot, workspace))
    shown = again.table.horizontalHeader()
    assert shown.sectionSize(channel) == 211
    assert shown.logicalIndex(0) == received
    assert [c.title for c, _w in again.view_columns()][:2] == ["收到时间", "编号"]
    findings = _page(qtbot, again.window(), "findings")  # type: ignore[arg-type]
    assert findings.table.horizontalHeader().logicalIndex(0) == 0  # another page: its own
    again.window().close()


def test_the_view_exports_every_row_in_its_order_to_xlsx(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Filter and sort applied, every row although the table loaded only its first page, the
    amount a number Excel sums, and the 未加密 warning of a document export."""
    monkeypatch.setattr(RecordTableModel, "PAGE_SIZE", 5)
    monkeypatch.setattr(record_list_page, "EXPORT_PAGE", 7)  # the export pages too
    window = _window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)
    page = _page(qtbot, window, "findings")
    page.model.sort(_column(page, "amount"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.order == "-amount" and not window.tasks.busy)
    every = workspace.read(lambda s: list_findings(s, limit=1000).items)
    since = sorted({v.compiled_on for v in every})[1]
    page.filter_bar.set_dates(since, None)
    expected = workspace.read(
        lambda s: list_findings(s, date_from=since, order="-amount", limit=1000).items
    )
    assert len(expected) < len(every)
    _settled(qtbot, window, page, len(expected))
    assert page.model.loaded_pages * RecordTableModel.PAGE_SIZE < len(expected)  # not all loaded

    out = tmp_path / "问题底稿.xlsx"
    save_as(monkeypatch, out)
    page.export_button.click()
    box = warning_box(qtbot, window)
    assert "未加密" in box.informativeText()
    box.close()
    sheet = load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [c.title for c in page.model.columns]
    numbers = [r[_column(page, "number")] for r in rows[1:]]
    assert numbers == [v.number for v in expected]
    amounts = [r[_column(page, "amount")] for r in rows[1:]]
    assert amounts == [None if v.amount is None else float(v.amount) for v in expected]
    amount_cell = sheet.cell(row=2, column=_column(page, "amount") + 1)
    assert amount_cell.number_format == "#,##0.00"
    assert not list(tmp_path.glob(".*.part"))
    window.close()


def test_printing_the_view_prints_every_row_with_the_headers_on_each_page(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    printed = tmp_path / "letters.pdf"

    def pdf_printer(_parent: QWidget) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # the dialog's default
        return printer

    monkeypatch.setattr(table_printing, "choose_printer", pdf_printer)
    window = _window(qtbot, workspace)
    window.round_combo.setCurrentIndex(0)
    page = _letters(qtbot, window)
    views = workspace.read(lambda s: list_letters(s, limit=1000).items)
    page.print_button.click()
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=30000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 1
    for number, body in enumerate(pages, start=1):
        assert "编号" in body and "收到时间" in body  # the header row on every page
        assert f"第 {number} 页，共 {len(pages)} 页" in body
    assert all(v.number in text for v in views)
    window.close()


def test_the_attachments_page_names_records_and_file_types_and_fits(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = _window(qtbot, workspace)
    page = _page(qtbot, window, "attachments")
    titles = [c.title for c in page.model.columns]
    assert "所属记录" in titles
    kinds = _cells(page, "media_type")
    assert "图片" in kinds and not any("/" in k for k in kinds)
    owners = _cells(page, "used_by")
    assert any(o.startswith("信访件 XF-") for o in owners)
    header = page.table.horizontalHeader()
    last = header.logicalIndex(header.count() - 1)
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= header.viewport().width()  # 加入时间 is not cut off
    created = page.model.index(0, last).data()
    needed = page.table.fontMetrics().horizontalAdvance(created) + 8
    assert header.sectionSize(last) >= needed
    window.close()


def test_a_date_range_with_nothing_inside_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    window = _window(qtbot, workspace)
    page = _letters(qtbot, window)
    future = date.today() + timedelta(days=400)
    page.filter_bar.set_dates(future, None)
    _settled(qtbot, window, page, 0)
    assert "没有符合条件的记录" in page.detail.toPlainText()
    assert not page.export_button.isEnabled() and not page.print_button.isEnabled()
    window.close()
