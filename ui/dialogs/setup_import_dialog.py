"""从 Excel 导入配置 (巡察办): pick what to import and the filled-in template, check it — every
refused row listed with its row, column and reason — then import it whole, or explicitly only its
clean rows. The blank templates are saved from here too. Checks and imports run on the DB worker
(``reports/setup_import.py``: a check tries every row and saves nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.document_export import ask_save_path
from ui.dialogs.job_wizard import note_label
from ui.errors import error_text, show_error
from ui.i18n import core_text
from ui.tasks import Tasks
from ui.widgets.refused_rows import RefusedRows
from workbench.errors import WorkbenchError
from workbench.reports.setup_import import SetupImportReport, import_setup_file
from workbench.reports.setup_templates import TEMPLATES, write_template
from workbench.vocab.labels import type_label
from workbench.workspace import Workspace

_GOOD, _BAD = "color: #1b5e20;", "color: #b00020;"


class SetupImportDialog(QDialog):
    """Self-contained: constructed with the worker and the round; ``imported`` (kind, rows) says
    when records were saved, so a page can reload."""

    imported = Signal(str, int)

    def __init__(self, tasks: Tasks, round_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_import")
        self.setWindowTitle(self.tr("从 Excel 导入配置"))
        self.resize(860, 560)
        self.tasks, self.round_id = tasks, round_id
        self.path: Path | None = None
        self.report: SetupImportReport | None = None
        self.running = False

        self.kind = QComboBox()
        self.kind.setObjectName("setup_import_kind")
        for kind, label in self._kinds().items():
            self.kind.addItem(label, kind)
        self.kind.currentIndexChanged.connect(self._reset)
        self.template_button = QPushButton(self.tr("保存空白模板…"))
        self.template_button.setObjectName("setup_import_template")
        self.template_button.clicked.connect(self.save_template)
        self.file = QLineEdit()
        self.file.setObjectName("setup_import_file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("请选择填好的模板（.xlsx）"))
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.setObjectName("setup_import_choose")
        self.choose_button.clicked.connect(self.choose_file)
        self.check_button = QPushButton(self.tr("检查"))
        self.check_button.setObjectName("setup_import_check")
        self.check_button.clicked.connect(self.check)
        for button in (self.template_button, self.choose_button, self.check_button):
            button.setAutoDefault(False)  # Enter in a field never opens a file dialog

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.template_button)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self.tr("导入内容："), kind_row)
        form.addRow(self.tr("文件："), file_row)

        hint = note_label("setup_import_hint")
        hint.setText(
            self.tr(
                "先保存空白模板，在 Excel 中填写后选择该文件并检查。有误的行会逐行列出"
                "（行号、列、原因）；文件全部无误才能导入，也可以明确选择只导入无误的行。"
            )
        )
        self.summary = note_label("setup_import_summary")
        self.table = RefusedRows()
        self.table.setObjectName("setup_import_rows")

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setObjectName("setup_import_run")
        self.import_button.clicked.connect(lambda: self._import(clean_rows_only=False))
        self.clean_button = QPushButton(self.tr("只导入无误的行"))
        self.clean_button.setObjectName("setup_import_clean_rows")
        self.clean_button.clicked.connect(lambda: self._import(clean_rows_only=True))
        for button in (self.import_button, self.clean_button):
            button.setAutoDefault(False)  # Enter never imports: it is chosen, never typed
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self._update()

    def _kinds(self) -> dict[str, str]:
        return {  # the registry's names of the types
            kind: core_text(type_label(table))
            for kind, table in (
                ("targets", "targets"),
                ("persons", "persons"),
                ("members", "members"),
                ("lists", "list_entries"),
            )
        }

    @property
    def kind_code(self) -> str:
        return str(self.kind.currentData())

    # -- choosing ---------------------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.file.setText(str(self.path))
        self._reset()

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择填好的模板"), "", self.tr("Excel 工作簿 (*.xlsx)")
        )
        if chosen:
            self.set_file(Path(chosen))

    def save_template(self) -> None:
        spec = TEMPLATES[self.kind_code]
        path = ask_save_path(self, self.tr("保存空白模板"), Path(spec.file_name).stem, ["xlsx"])
        if path is not None:
            self.write_template_to(path)

    def write_template_to(self, path: Path) -> None:
        """The blank template of the chosen kind (the save dialog already confirmed replacing)."""
        try:
            write_template(self.kind_code, path, overwrite=True)
        except (WorkbenchError, OSError) as exc:
            show_error(self, exc)
            return
        self._say(self.tr("已保存空白模板：%1").replace("%1", str(path)), _GOOD)

    # -- checking and importing ---------------------------------------------------------------

    def check(self) -> None:
        self._run(dry_run=True, clean_rows_only=False)

    def _import(self, *, clean_rows_only: bool) -> None:
        self._run(dry_run=False, clean_rows_only=clean_rows_only)

    def _run(self, *, dry_run: bool, clean_rows_only: bool) -> None:
        if self.path is None or self.running:
            return
        path, kind, round_id = self.path, self.kind_code, self.round_id

        def work(worker: Any) -> SetupImportReport:
            workspace: Workspace = worker.workspace
            return workspace.call(
                import_setup_file,
                path,
                kind,
                round_id,
                dry_run=dry_run,
                clean_rows_only=clean_rows_only,
            )

        self.running = True
        doing = self.tr("正在检查“%1”…") if dry_run else self.tr("正在导入“%1”…")
        self._say(doing.replace("%1", path.name), "")
        self._update()
        self.tasks.run_on_worker(work, self._done, self._failed)

    def _done(self, report: SetupImportReport) -> None:
        self.running = False
        self.report = report
        self._fill(report)
        refused = len(report.refused_rows)
        if report.saved:
            text = self.tr("已导入 %1 行。").replace("%1", str(report.accepted))
            if refused:
                text += self.tr("%1 行有误，未导入。").replace("%1", str(refused))
            self._say(text, _GOOD)
            self.imported.emit(report.kind, report.accepted)
        elif not report.rows:
            self._say(self.tr("文件中没有数据行。"), _BAD)
        elif refused:
            self._say(
                self.tr("%1 行无误，%2 行有误，尚未导入任何数据。请按原因改正后重新检查。")
                .replace("%1", str(report.accepted))
                .replace("%2", str(refused)),
                _BAD,
            )
        else:
            self._say(
                self.tr("全部 %1 行无误，可以导入。").replace("%1", str(report.accepted)), _GOOD
            )
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.report = None
        self.table.setRowCount(0)
        self._say(error_text(error), _BAD)
        self._update()
        show_error(self, error)

    def _fill(self, report: SetupImportReport) -> None:
        # the column as the file's header names it, in the file's language; the reason in ours
        self.table.show_rows((r.row, r.column, core_text(r.reason)) for r in report.refusals)

    def _reset(self) -> None:
        self.report = None
        self.table.setRowCount(0)
        self._say("", "")
        self._update()

    def _say(self, text: str, style: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(style)

    def _update(self) -> None:
        idle = not self.running
        checked = self.report if self.report is not None and not self.report.saved else None
        self.check_button.setEnabled(idle and self.path is not None)
        for widget in (self.kind, self.choose_button, self.template_button):
            widget.setEnabled(idle)
        self.import_button.setEnabled(
            idle and checked is not None and checked.clean and checked.accepted > 0
        )
        self.clean_button.setEnabled(
            idle and checked is not None and not checked.clean and checked.accepted > 0
        )

    def rows(self) -> list[tuple[str, ...]]:
        """The refused rows as shown (row, column, reason), for tests and copying."""
        return self.table.rows()
