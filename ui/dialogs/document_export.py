"""Documents leave the store as plaintext files: the shared flows for that.

Export: choose a file → generate on the DB worker (the core audits the export before the file
appears) → a warning that the file is NOT encrypted, with 打开 / 打开所在文件夹 / 关闭 → the
system's handler. Import of an edited 整改台账: choose the .xlsx → apply it on the worker, all
or nothing → a table of what changed (or would have) and what was refused, with the reasons,
and when a refusal kept the whole file out, a button to import only the clean rows.

The core takes no progress sink or cancel token for documents (a ledger is written in one read
transaction and audited as a whole), so slow jobs show a busy dialog without a cancel button.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import printing
from ui.errors import show_error
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.reports import (
    DocRequest,
    ExportResult,
    ImportReport,
    export_document,
    import_rectification_ledger,
    preview,
)
from workbench.workspace import Workspace

# Opens a file or folder with the system's handler; tests replace it with a recorder so that
# no application is launched.
open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

_last_dir: Path | None = None  # where the user last saved or picked a file, this session


def safe_file_name(text: str) -> str:
    """A default file name without the characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "export"


def _start_dir() -> Path:
    if _last_dir is not None and _last_dir.is_dir():
        return _last_dir
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()


def _remember(path: Path) -> None:
    global _last_dir
    _last_dir = path.parent


def _filter(fmt: str) -> str:
    return _tr("Word 文档 (*.docx)") if fmt == "docx" else _tr("Excel 工作簿 (*.xlsx)")


def ask_save_path(
    parent: QWidget, title: str, default_name: str, formats: Sequence[str]
) -> Path | None:
    """The file to write, with the suffix of the chosen format; None when cancelled."""
    name = safe_file_name(default_name) + f".{formats[0]}"
    filters = [_filter(f) for f in formats]
    chosen, selected = QFileDialog.getSaveFileName(
        parent, title, str(_start_dir() / name), ";;".join(filters), filters[0]
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in tuple(f".{f}" for f in formats):
        fmt = formats[filters.index(selected)] if selected in filters else formats[0]
        path = path.with_name(f"{path.name}.{fmt}")
        # the dialog confirmed overwriting the name typed, not this one
        if path.exists() and not _confirm_overwrite(parent, path):
            return None
    _remember(path)
    return path


def _confirm_overwrite(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, _tr("文件已存在"), _tr("“%1”已存在，要替换它吗？").replace("%1", path.name)
    )
    return answer == QMessageBox.StandardButton.Yes


def busy_dialog(parent: QWidget, label: str, *, cancellable: bool = False) -> QProgressDialog:
    """Shown only when the job is slow (a 50,000-row ledger)."""
    progress = QProgressDialog(label, _tr("取消") if cancellable else "", 0, 0, parent)
    progress.setObjectName("document_progress")
    progress.setWindowTitle(_tr("请稍候"))
    if not cancellable:
        progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(600)
    return progress


class RowsWritten:
    """The worker's progress sink: plain Python only (see ui/uploads.py for why); a GUI
    timer reads ``rows``."""

    def __init__(self) -> None:
        self.rows = 0
        self.cancel = CancelToken()

    def __call__(self, done: int, total: int | None, label: str = "") -> None:
        self.rows = done


def dismiss(progress: QProgressDialog) -> None:
    """Close the busy dialog for good: ``reset`` also stops the timer that would still show it
    after a job faster than the delay."""
    progress.reset()
    progress.close()
    progress.deleteLater()


# -- export ----------------------------------------------------------------------------------


def export_to_file(
    parent: QWidget,
    tasks: Tasks,
    request: DocRequest,
    default_name: str,
    formats: Sequence[str],
    *,
    use_template: bool = True,
    on_done: Callable[[ExportResult], None] | None = None,
) -> None:
    """The whole flow: choose a file, generate, warn, open."""
    path = ask_save_path(parent, _tr("保存文书"), default_name, formats)
    if path is not None:
        run_export(parent, tasks, request, path, use_template=use_template, on_done=on_done)


def run_export(
    parent: QWidget,
    tasks: Tasks,
    request: DocRequest,
    path: Path,
    *,
    use_template: bool = True,
    on_done: Callable[[ExportResult], None] | None = None,
) -> None:
    label = _tr("正在生成“%1”…").replace("%1", path.name)
    progress = busy_dialog(parent, label, cancellable=True)
    sink = RowsWritten()
    token = sink.cancel
    progress.canceled.connect(lambda: token.cancel())
    ticker = QTimer(progress, interval=200)
    ticker.timeout.connect(
        lambda: (
            progress.setLabelText(label + "\n" + _tr("已写入 %1 行").replace("%1", str(sink.rows)))
            if sink.rows
            else None
        )
    )
    ticker.start()

    def work(worker: Any) -> ExportResult:
        # the file dialog already confirmed replacing an existing file
        workspace: Workspace = worker.workspace
        return workspace.call(
            export_document,
            request,
            path,
            overwrite=True,
            use_template=use_template,
            progress=sink,
            cancel=token,
        )

    def done(result: ExportResult) -> None:
        ticker.stop()
        dismiss(progress)
        warn_plaintext(parent, result, tasks)
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        ticker.stop()
        dismiss(progress)
        if not isinstance(error, Cancelled):  # the user asked for it: nothing to report
            show_error(parent, error)

    tasks.run_on_worker(work, done, failed)


def warn_plaintext(
    parent: QWidget, result: ExportResult, tasks: Tasks | None = None
) -> QMessageBox:
    """The exported file is plaintext: say so before anything opens it. Non-blocking; the
    choice opens the file or its folder through ``open_url``, or prints a Word document."""
    box = QMessageBox(parent)
    box.setObjectName("plaintext_warning")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("导出的文件未加密"))
    rows = _tr("，共 %1 行").replace("%1", str(result.rows)) if result.rows is not None else ""
    box.setText(
        _tr("已导出“%1”%2。").replace("%1", result.title).replace("%2", rows)
        + "\n"
        + str(result.path)
    )
    box.setInformativeText(
        _tr(
            "此文件未加密（明文）。请按保密规定存放和传递：不得存入联网计算机或未经批准的"
            "移动存储介质，用毕及时删除。本次导出已记入审计日志。"
        )
    )
    open_button = box.addButton(_tr("打开"), QMessageBox.ButtonRole.AcceptRole)
    open_button.setObjectName("open")
    print_button = None
    if tasks is not None and result.format == "docx":
        print_button = box.addButton(_tr("打印…"), QMessageBox.ButtonRole.ActionRole)
        print_button.setObjectName("print")
    folder_button = box.addButton(_tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    folder_button.setObjectName("open_folder")
    close_button = box.addButton(_tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    close_button.setObjectName("close")
    box.setDefaultButton(close_button)
    box.setEscapeButton(close_button)

    def chosen(button: Any) -> None:
        if button is open_button:
            open_url(QUrl.fromLocalFile(str(result.path)))
        elif button is folder_button:
            open_url(QUrl.fromLocalFile(str(result.path.parent)))
        elif button is print_button and tasks is not None:
            print_file(parent, tasks, result.path)

    box.buttonClicked.connect(chosen)
    box.open()
    return box


def print_file(parent: QWidget, tasks: Tasks, path: Path) -> None:
    """Lay the exported file out with LibreOffice (off the GUI thread), then print its pages on
    the printer the user chooses; without LibreOffice, hand it to WPS or Word to print there."""
    office = preview.find_office()
    if office is None:
        QMessageBox.information(
            parent,
            _tr("打印文书"),
            _tr(
                "未找到 LibreOffice，不能在本程序中打印。"
                "将用 WPS 或 Word 打开此文件，请在其中打印。"
            ),
        )
        open_url(QUrl.fromLocalFile(str(path)))
        return
    progress = busy_dialog(parent, _tr("正在排版“%1”以便打印…").replace("%1", path.name))

    def done(pdf: bytes) -> None:
        dismiss(progress)
        printer = printing.choose_printer(parent)
        if printer is not None:
            printing.print_pages(pdf, printer)

    def failed(error: BaseException) -> None:
        dismiss(progress)
        show_error(parent, error)

    # LibreOffice needs no store: off the DB worker, which stays free for other work meanwhile
    tasks.run_aside(lambda: preview.file_pages(path, office=office), done, failed)


# -- import of an edited 整改台账 ----------------------------------------------------------------


def import_ledger_from_file(
    parent: QWidget,
    tasks: Tasks,
    round_id: str | None,
    on_done: Callable[[ImportReport], None] | None = None,
) -> None:
    """Choose the .xlsx the target unit filled in, apply it and show the result."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, _tr("选择填报后的整改台账"), str(_start_dir()), _filter("xlsx")
    )
    if chosen:
        _remember(Path(chosen))
        run_import(parent, tasks, Path(chosen), round_id, on_done)


def run_import(
    parent: QWidget,
    tasks: Tasks,
    path: Path,
    round_id: str | None,
    on_done: Callable[[ImportReport], None] | None = None,
    *,
    clean_rows_only: bool = False,
) -> None:
    progress = busy_dialog(parent, _tr("正在导入“%1”…").replace("%1", path.name))

    def work(worker: Any) -> ImportReport:
        workspace: Workspace = worker.workspace
        return workspace.call(
            import_rectification_ledger, path, round_id=round_id, clean_rows_only=clean_rows_only
        )

    def clean_rows() -> None:
        run_import(parent, tasks, path, round_id, on_done, clean_rows_only=True)

    def done(report: ImportReport) -> None:
        dismiss(progress)
        dialog = ImportResultDialog(report, parent, clean_rows)
        dialog.open()
        if on_done is not None:
            on_done(report)

    def failed(error: BaseException) -> None:
        dismiss(progress)
        show_error(parent, error)

    tasks.run_on_worker(work, done, failed)


class ImportResultDialog(QDialog):
    """What the import did: counts, then every row that changed or was refused."""

    def __init__(
        self,
        report: ImportReport,
        parent: QWidget | None = None,
        clean_rows: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        held_back = bool(report.refused) and not report.saved
        self.setObjectName("import_result")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("整改台账导入结果"))
        self.resize(820, 460)
        summary = (
            self.tr("“%1”未导入：可更新 %2 项，可新增 %3 项，未变化 %4 项，未通过检查 %5 项。")
            if held_back
            else self.tr("“%1”：已更新 %2 项，已新增 %3 项，未变化 %4 项，未导入 %5 项。")
        )
        self.summary = QLabel(
            summary.replace("%1", report.file)
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(len(report.created)))
            .replace("%4", str(len(report.unchanged)))
            .replace("%5", str(len(report.refused)))
        )
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        if held_back:
            hint = QLabel(
                self.tr(
                    "有行未通过检查，整个文件未导入，没有做任何修改。请按原因改正后重新导入，"
                    "或只导入其余无误的行。"
                )
            )
        elif report.refused:
            hint = QLabel(
                self.tr("未导入的行没有做任何修改；请按原因改正后重新导入，或在工作台中处理。")
            )
        else:
            hint = QLabel(self.tr("所有修改均已保存。"))
        hint.setWordWrap(True)
        verbs = {
            "updated": self.tr("可更新") if held_back else self.tr("已更新"),
            "created": self.tr("可新增") if held_back else self.tr("已新增"),
            "refused": self.tr("未导入"),
        }
        shown = [o for o in report.outcomes if o.action != "unchanged"]
        self.table = QTableWidget(len(shown), 4)
        self.table.setObjectName("import_rows")
        self.table.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("编号"), self.tr("结果"), self.tr("修改的列或未导入原因")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        refused_colour = QColor("#fdecea")
        for row, outcome in enumerate(shown):
            detail = outcome.reason or "、".join(outcome.fields)
            cells = (str(outcome.row), outcome.number, verbs[outcome.action], detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, outcome.action)
                if outcome.action == "refused":
                    item.setBackground(refused_colour)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if held_back and clean_rows is not None and (report.updated or report.created):
            clean = buttons.addButton(
                self.tr("只导入无误的行"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            clean.setObjectName("import_clean_rows")
            clean.setAutoDefault(False)  # Enter closes: a partial import is chosen, never typed
            buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
            clean.clicked.connect(clean_rows)
            clean.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, ...]]:
        """The table as text (row, number, result, detail), for tests and copying."""
        return [
            tuple(
                (cell.text() if (cell := self.table.item(r, c)) else "")
                for c in range(self.table.columnCount())
            )
            for r in range(self.table.rowCount())
        ]
