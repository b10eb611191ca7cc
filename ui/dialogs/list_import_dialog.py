"""导入名单 (大数据碰撞比对): one chosen file → its kind, 来源, 数据日期, round and sheet, then the
column mapping — each field of the kind against a drop-down of the file's headers, with a few of
its values beside it (the remembered or guessed mapping preselected, required fields marked) —
and the import on the DB worker with progress and 取消. Refused rows are listed (row, column,
reason: ``widgets/refused_rows.py``) and nothing is stored until the user imports the whole file
or, explicitly, its clean rows only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.editors.fields import EnumCombo, OptionalDate
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from ui.widgets.job_panel import JobPanel
from ui.widgets.refused_rows import RefusedRows
from workbench.datacheck.errors import ListRowsRefused, RowProblem
from workbench.datacheck.kind_guess import guess_kind
from workbench.datacheck.kinds import FIELDS, Field
from workbench.errors import Cancelled
from workbench.jobs import CancelToken, ProgressSink
from workbench.services import Session
from workbench.services.datalists import ListImport, ListPreview, import_list, preview_list
from workbench.vocab.enums import DataListKind

SAMPLES = 3  # values shown beside each field
_GOOD, _BAD = "color: #1b5e20;", "color: #b00020;"


def list_file_filter() -> str:
    return _tr("名单文件 (*.xlsx *.xls *.csv)")


def labelled(label: str, text: str) -> str:
    """“第 3 行 身份证号：校验码不符”: a label and what it says, in the UI's punctuation."""
    return _tr("%1：%2").replace("%2", text).replace("%1", label)


def field_title(field: Field) -> str:
    """The field as the mapping shows it: required ones marked with a star."""
    title = core_text(field.label)
    return f"{title} *" if field.required else title


class ListImportDialog(QDialog):
    """Self-contained: the worker, the file, the rounds to choose from; ``imported`` (source id,
    rows) says when a list was stored, so the page can reload."""

    imported = Signal(str, int)

    def __init__(
        self,
        tasks: Tasks,
        path: Path,
        rounds: list[tuple[str, str]],  # (name, id)
        round_id: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("list_import")
        self.setWindowTitle(self.tr("导入名单：%1").replace("%1", path.name))
        self.resize(900, 640)
        self.tasks, self.path = tasks, Path(path)
        self.preview: ListPreview | None = None
        self.problems: tuple[RowProblem, ...] = ()
        self.outcome: ListImport | None = None
        self._asked = 0  # the latest preview asked for; older answers are dropped
        self._previewed_label = ""
        self._kind_guessed = False
        self.combos: dict[str, QComboBox] = {}  # field key → its column choice

        self.kind = EnumCombo(DataListKind)
        self.kind.setObjectName("list_kind")
        self.kind.currentIndexChanged.connect(self.load_preview)
        self.kind.activated.connect(lambda _index: self._kind_chosen())
        self.label = QLineEdit()
        self.label.setObjectName("list_label")
        self.label.setPlaceholderText(self.tr("例如：县民政局"))
        self.label.editingFinished.connect(self._label_changed)
        self.source_date = OptionalDate(self.tr("填写"))
        self.source_date.setObjectName("list_date")
        self.round = QComboBox()
        self.round.setObjectName("list_round")
        for name, rid in rounds:
            self.round.addItem(name, rid)
        if round_id is not None and self.round.findData(round_id) >= 0:
            self.round.setCurrentIndex(self.round.findData(round_id))
        self.sheet = QComboBox()
        self.sheet.setObjectName("list_sheet")
        self.sheet.activated.connect(lambda _index: self.load_preview())

        form = QFormLayout()
        form.addRow(self.tr("文件："), QLabel(self.path.name))
        form.addRow(self.tr("名单类别："), self.kind)
        form.addRow(self.tr("数据来源："), self.label)
        form.addRow(self.tr("数据日期："), self.source_date)
        form.addRow(self.tr("巡察轮次："), self.round)
        form.addRow(self.tr("工作表："), self.sheet)

        hint = note_label("list_import_hint")
        hint.setText(
            self.tr(
                "为每个字段选择文件中对应的列（带 * 的必须对应）。确认后的对应关系按类别和"
                "来源记住，下次导入同一来源的名单时自动选好。"
            )
        )
        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("list_mapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("文件中的列"), self.tr("示例值")]
        )
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.verticalHeader().hide()
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping.setColumnWidth(1, 220)

        self.summary = note_label("list_import_summary")
        self.refused = RefusedRows()
        self.refused.setObjectName("list_refused")
        self.refused.setVisible(False)
        self.job = JobPanel()
        self.job.setObjectName("list_import_job")
        self.job.setVisible(False)
        self.job.succeeded.connect(self._imported)
        self.job.failed.connect(self._failed)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setObjectName("list_import_run")
        self.import_button.clicked.connect(lambda: self.start_import(skip_bad=False))
        self.clean_button = QPushButton(self.tr("只导入无误的行"))
        self.clean_button.setObjectName("list_import_clean_rows")
        self.clean_button.clicked.connect(lambda: self.start_import(skip_bad=True))
        for button in (self.import_button, self.clean_button):
            button.setAutoDefault(False)  # Enter never imports: it is chosen, never typed
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.refused, 2)
        layout.addWidget(self.job)
        layout.addWidget(self.buttons)
        self._update()
        self.load_preview()

    # -- what the user chose ------------------------------------------------------------------

    @property
    def kind_value(self) -> DataListKind:
        return DataListKind.parse(str(self.kind.value()))

    def chosen_mapping(self) -> dict[str, int]:
        """Field key → column index, the fields left unmapped out."""
        return {
            key: int(combo.currentData())
            for key, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def missing(self) -> list[Field]:
        chosen = self.chosen_mapping()
        return [f for f in FIELDS[self.kind_value] if f.required and f.key not in chosen]

    def set_column(self, key: str, header: str | None) -> None:
        """Choose the file's column ``header`` (None: 不导入) for the field ``key``."""
        combo = self.combos[key]
        combo.setCurrentIndex(0 if header is None else combo.findText(header))

    # -- the preview ---------------------------------------------------------------------------

    def _kind_chosen(self) -> None:
        self._kind_guessed = True  # the user's choice stands

    def _label_changed(self) -> None:
        """A remembered mapping is per kind and 来源: a new 来源 may bring one."""
        settled = self.preview is not None and not self.job.running and self.outcome is None
        if settled and self.label.text().strip() != self._previewed_label:
            self.load_preview()

    def load_preview(self) -> None:
        """Read the file's headers and first rows on the worker (nothing is stored)."""
        path, kind, label = self.path, self.kind_value, self.label.text().strip()
        sheet = self.sheet.currentText() or None
        self._previewed_label = label
        self._asked += 1
        asked = self._asked
        self.summary.setText(self.tr("正在读取“%1”…").replace("%1", path.name))
        self.summary.setStyleSheet("")

        def shown(preview: ListPreview) -> None:
            if asked == self._asked:
                self.show_preview(preview)

        def failed(error: BaseException) -> None:
            if asked == self._asked:
                self.preview = None
                self.mapping.setRowCount(0)
                self._say(error_text(error), _BAD)
                self._update()

        self.tasks.run(lambda s: preview_list(s, path, kind, label, sheet), shown, failed)

    def show_preview(self, preview: ListPreview) -> None:
        if not self._kind_guessed:  # once, before the user chose: what the file looks like
            self._kind_guessed = True
            kind = guess_kind(self.path.name, preview.headers)
            if kind is not None and kind is not self.kind_value:
                self.kind.set_value(kind)  # previews again, for that kind
                return
        self.preview = preview
        self.problems, self.outcome = (), None
        self._show_problems()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheets))
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.setEnabled(len(preview.sheets) > 1)
        self.sheet.blockSignals(False)
        fields = FIELDS[self.kind_value]
        self.combos = {}
        self.mapping.setRowCount(len(fields))
        for row, field in enumerate(fields):
            title = QTableWidgetItem(field_title(field))
            if field.required:
                title.setToolTip(self.tr("必须对应到文件中的一列"))
            self.mapping.setItem(row, 0, title)
            combo = QComboBox()
            combo.setObjectName(f"map_{field.key}")
            combo.addItem(self.tr("（不导入）"), None)
            for index, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("第 %1 列").replace("%1", str(index + 1)), index)
            chosen = preview.mapping.get(field.key)
            if chosen is not None:
                combo.setCurrentIndex(combo.findData(chosen))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._column_changed(r))
            self.combos[field.key] = combo
            self.mapping.setCellWidget(row, 1, combo)
            self.mapping.setItem(row, 2, QTableWidgetItem(""))
            self._column_changed(row)
        # cell widgets join the end of the Tab order: put them right after their table
        previous: QWidget = self.mapping
        for combo in self.combos.values():
            QWidget.setTabOrder(previous, combo)
            previous = combo
        self._say_ready()
        self._update()

    def samples(self, column: int | None) -> list[str]:
        """The first few non-empty values of a column, as read."""
        if self.preview is None or column is None:
            return []
        values = (r[column] for r in self.preview.sample if column < len(r))
        return [str(v).strip() for v in values if v is not None and str(v).strip()][:SAMPLES]

    def _column_changed(self, row: int) -> None:
        field = FIELDS[self.kind_value][row]
        values = self.samples(self.combos[field.key].currentData())
        item = self.mapping.item(row, 2)
        if item is not None:
            item.setText(self.tr("、").join(values))  # its own: amounts hold commas
        if self.preview is not None and not self.job.running:
            self.problems, self.outcome = (), None  # a new mapping: the old refusals may not hold
            self._show_problems()
            self._say_ready()
            self._update()

    def _say_ready(self) -> None:
        missing = self.missing()
        if missing:
            names = _tr("、").join(core_text(f.label) for f in missing)
            self._say(self.tr("必填字段尚未对应：%1").replace("%1", names), _BAD)
        elif self.preview is not None and self.preview.remembered:
            self._say(self.tr("已按上次为此来源确认的对应关系选好，请核对。"), "")
        else:
            self._say(self.tr("已按表头猜测对应关系，请核对。"), "")

    # -- importing ------------------------------------------------------------------------------

    def start_import(self, *, skip_bad: bool) -> None:
        if self.preview is None or self.job.running or self.missing():
            return
        path, kind, mapping = self.path, self.kind_value, self.chosen_mapping()
        label, sheet = self.label.text().strip(), self.preview.sheet
        source_date, round_id = self.source_date.value(), self.round.currentData()

        def unit(session: Session, sink: ProgressSink, token: CancelToken) -> ListImport:
            return import_list(
                session,
                path,
                kind=kind,
                round_id=round_id,
                label=label,
                source_date=source_date,
                mapping=mapping,
                sheet=sheet,
                skip_bad=skip_bad,
                progress=sink,
                cancel=token,
            )

        self.job.setVisible(True)
        self._say("", "")
        self.job.start_unit(self.tasks, unit, self.tr("正在导入“%1”…").replace("%1", path.name))
        self._update()

    def _imported(self, result: ListImport) -> None:
        self.outcome = result
        self.job.setVisible(False)
        text = self.tr("已导入 %1 行。").replace("%1", f"{result.rows:,}")
        if result.skipped_rows:
            left_out = self.tr("%1 行有误，未导入（见下表）。")
            text += left_out.replace("%1", f"{result.skipped_rows:,}")
        self.problems = tuple(result.skipped)
        self._show_problems()
        self._say(text, _GOOD)
        self._update()
        self.imported.emit(result.source_id, result.rows)

    def _failed(self, error: BaseException) -> None:
        self.job.setVisible(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("已取消导入，未保存任何数据。"), _BAD)
        elif isinstance(error, ListRowsRefused):
            self.problems = error.problems
            self._show_problems()
            self._say(
                self.tr(
                    "%1 行无法读取，未导入任何数据。可改正文件后重新导入，"
                    "或只导入无误的行（有误的行会记录在名单中）。"
                ).replace("%1", f"{error.details.get('bad_rows', len(error.problems)):,}"),
                _BAD,
            )
        else:
            self._say(error_text(error), _BAD)
        self._update()

    def _show_problems(self) -> None:
        self.refused.show_rows((p.row_no, p.column, core_text(p.reason)) for p in self.problems)
        self.refused.setVisible(bool(self.problems))

    def refused_rows(self) -> list[tuple[str, ...]]:
        """The refused rows as shown (row, column, reason), for tests and copying."""
        return self.refused.rows()

    def _say(self, text: str, style: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(style)

    def _update(self) -> None:
        busy = self.job.running
        done = self.outcome is not None
        ready = self.preview is not None and not self.missing() and not busy and not done
        for widget in (self.kind, self.label, self.source_date, self.round, self.mapping):
            widget.setEnabled(not busy and not done)
        self.sheet.setEnabled(
            not busy and not done and self.preview is not None and len(self.preview.sheets) > 1
        )
        self.import_button.setEnabled(ready and not self.problems)
        self.clean_button.setVisible(bool(self.problems) and not done)
        self.clean_button.setEnabled(ready and bool(self.problems))
        self.close_button.setEnabled(not busy)
        self.close_button.setText(self.tr("完成") if done else self.tr("关闭"))

    def reject(self) -> None:
        if self.job.running:
            self.job.cancel()  # closing while importing cancels; the dialog waits for the answer
            return
        super().reject()


def ask_list_file(parent: QWidget) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, _tr("选择名单文件"), "", list_file_filter())
    return Path(chosen) if chosen else None
