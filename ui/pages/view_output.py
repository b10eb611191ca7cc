"""A list page's whole current view, out of the program: to .xlsx (plaintext, audited, with the
warning a document export shows) or to a printer.

Both fetch every row of the view on the DB worker, page by page through the list service with
the page's filters and sort, not only the pages the table has loaded.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from ui import table_printing
from ui.dialogs.document_export import (
    RowsWritten,
    ask_save_path,
    busy_dialog,
    dismiss,
    warn_plaintext,
)
from ui.errors import show_error
from ui.i18n import tr as _tr
from ui.pages.record_list_page import count_text
from ui.table_printing import TableColumn, TablePrint, print_table
from workbench.errors import Cancelled
from workbench.reports.export import ExportResult
from workbench.reports.view_export import AMOUNT_FORMAT, TableView
from workbench.reports.view_export import export_view as write_view
from workbench.reports.xlsx_writer import Column as SheetColumn
from workbench.workspace import Workspace

if TYPE_CHECKING:
    from ui.pages.record_list_page import RecordListPage

PIXELS_PER_CHAR = 7.0  # Excel's column width unit is about 7 pixels of its default font


def _title(page: RecordListPage) -> str:
    return page.heading.text()


def export_view(page: RecordListPage) -> None:
    """Choose a file, write the view on the worker, then the 未加密 warning."""
    default = f"{_title(page)}_{date.today():%Y%m%d}"
    path = ask_save_path(page, _tr("导出当前列表"), default, ["xlsx"])
    if path is None:
        return
    columns = [
        SheetColumn(
            column.title,
            max(round(width / PIXELS_PER_CHAR, 1), 6.0),
            number_format=AMOUNT_FORMAT if column.amount else None,
        )
        for column, width in page.view_columns()
    ]
    view = TableView(
        page.page_key,
        _title(page),
        columns,
        page.view_rows(lambda column, record: column.value(record)),
        page.filters(),
    )
    label = _tr("正在导出“%1”…").replace("%1", path.name)
    progress = busy_dialog(page, label, cancellable=True)
    sink = RowsWritten()
    token = sink.cancel
    progress.canceled.connect(lambda: token.cancel())
    ticker = QTimer(progress, interval=200)
    ticker.timeout.connect(
        lambda: progress.setLabelText(
            label + "\n" + _tr("已写入 %1 行").replace("%1", str(sink.rows))
        )
    )
    ticker.start()

    def work(worker: Any) -> ExportResult:
        workspace: Workspace = worker.workspace
        return workspace.call(write_view, view, path, overwrite=True, progress=sink, cancel=token)

    def done(result: ExportResult) -> None:
        ticker.stop()
        dismiss(progress)
        warn_plaintext(page, result)

    def failed(error: BaseException) -> None:
        ticker.stop()
        dismiss(progress)
        if not isinstance(error, Cancelled):
            show_error(page, error)

    page.tasks.run_on_worker(work, done, failed)


def print_view(page: RecordListPage) -> None:
    """Fetch the view's rows as the table shows them, then print them on the chosen printer."""
    shown = page.view_columns()
    columns = [TableColumn(c.title, width, c.amount) for c, width in shown]
    rows = page.view_rows(lambda column, record: column.text(record))
    progress = busy_dialog(page, _tr("正在准备打印…"))
    title, filters = _title(page), page.filter_bar.summary()

    def done(fetched: list[list[Any]]) -> None:
        dismiss(progress)
        printer = table_printing.choose_printer(page)
        if printer is None:
            return
        printed = _tr("打印日期：%1").replace("%1", date.today().isoformat())
        subtitle = "　".join(p for p in (filters, count_text(len(fetched)), printed) if p)
        print_table(printer, TablePrint(title, subtitle, columns, fetched))

    def failed(error: BaseException) -> None:
        dismiss(progress)
        show_error(page, error)

    page.tasks.run(lambda session: list(rows(session)), done, failed)
