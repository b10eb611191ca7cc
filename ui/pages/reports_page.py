"""文书报表: every document and ledger the core offers, generated for the toolbar's round (and a
target of it) through the shared export flow; the import of an edited 整改台账; and the office's
own Word templates (replace with a checked .docx, or back to the built-in layout)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.document_export import (
    ask_save_path,
    export_to_file,
    import_ledger_from_file,
    safe_file_name,
)
from ui.document_titles import describe, document_title, scope_text
from ui.errors import error_text, show_error
from ui.i18n import aside
from ui.i18n import tr as _tr
from ui.pages.document_actions import choose_record
from ui.pages.document_menu import CHOSEN_RECORDS, DOCUMENT_PAGES, page_title
from ui.tasks import Tasks
from workbench.errors import WorkbenchError
from workbench.reports import (
    DOCUMENTS,
    DocRequest,
    DocSpec,
    TemplateInvalid,
    install_template,
    remove_template,
    starter_template,
    template_for,
)
from workbench.reports.grouping import left_out_findings
from workbench.reports.registry import TARGET_SCOPES
from workbench.services import Session
from workbench.services.common import MAX_PAGE
from workbench.services.rounds import get_round
from workbench.services.targets import list_targets


def record_page(code: str) -> str:
    """The page whose 生成文书 menu makes a record's document."""
    return page_title(DOCUMENT_PAGES.get(code, ""))


def default_title(spec: DocSpec) -> str:
    """Drafts say so in their file name."""
    drafts = {"inspection-report", "clue-report", "feedback"}
    return _tr("%1（初稿）").replace("%1", spec.title) if spec.code in drafts else spec.title


LEFT_OUT_SHOWN = 12  # 底稿 named one by one; the rest as a count


class ReportsPage(QWidget):
    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.tasks = tasks
        self.scope = scope
        self.round_id: str | None = None
        self.round_name = ""
        heading = QLabel(self.tr("文书报表"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")

        self.documents = QTableWidget(len(DOCUMENTS), 4)
        self.documents.setObjectName("documents")
        self.documents.setHorizontalHeaderLabels(
            [self.tr("文书"), self.tr("需要"), self.tr("格式"), self.tr("版式")]
        )
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.verticalHeader().hide()
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.documents.setAlternatingRowColors(True)
        self._fill_documents()
        self.documents.itemSelectionChanged.connect(self._selected)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.documents)
        side = QScrollArea()  # the 底稿 left out of a report can be many lines: scroll, not squeeze
        side.setObjectName("side_panel")
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(self._side_panel())
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(split, 1)
        self.documents.selectRow(0)

    # -- layout ----------------------------------------------------------------------------------

    def _side_panel(self) -> QWidget:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.description = QLabel()
        self.description.setObjectName("description")
        self.description.setWordWrap(True)
        self.round_label = QLabel()
        self.round_label.setObjectName("round_name")
        self.target = QComboBox()
        self.target.setObjectName("target")
        self.format = QComboBox()
        self.format.setObjectName("format")
        self.copy_no = QLineEdit()
        self.copy_no.setObjectName("copy_no")
        self.copy_no.setPlaceholderText(self.tr("不填则不印份号，如 000001"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.builtin = QCheckBox(self.tr("本次不用本办模板，用内置版式"))
        self.builtin.setObjectName("builtin")
        self.draft = QCheckBox(self.tr("征求意见稿（含未审签底稿，每页标注草稿）"))
        self.draft.setObjectName("draft")
        self.draft.toggled.connect(lambda _on: self._show_left_out())
        self.left_out = QLabel()
        self.left_out.setObjectName("left_out")
        self.left_out.setWordWrap(True)
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.left_out.setStyleSheet("color: #8a5a00;")
        self._left: list[Any] = []  # the 底稿 a signed document leaves out (grouping.LeftOut)
        self.target.currentIndexChanged.connect(lambda _i: self._load_left_out())
        self.hint = QLabel()
        self.hint.setObjectName("scope_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a6d00;")
        self.generate_button = QPushButton(self.tr("生成…"))
        self.generate_button.setObjectName("generate")
        self.generate_button.clicked.connect(self.generate)
        self.preview_button = QPushButton(self.tr("预览…"))
        self.preview_button.setObjectName("preview")
        self.preview_button.setToolTip(self.tr("先看排版后的页面，再导出"))
        self.preview_button.clicked.connect(self.preview)
        form = QFormLayout()
        form.addRow(self.tr("巡察轮次："), self.round_label)
        form.addRow(self.tr("被巡察对象："), self.target)
        form.addRow(self.tr("格式："), self.format)
        form.addRow(self.tr("份号："), self.copy_no)
        form.addRow(self.tr("成文日期："), self.date)
        form.addRow("", self.builtin)
        form.addRow("", self.draft)
        generate_box = QGroupBox(self.tr("生成"))
        inner = QVBoxLayout(generate_box)
        inner.addWidget(self.title)
        inner.addWidget(self.description)
        inner.addLayout(form)
        inner.addWidget(self.hint)
        inner.addWidget(self.left_out)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.generate_button)
        inner.addLayout(buttons)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(generate_box)
        column.addWidget(self._template_box())
        column.addWidget(self._import_box())
        column.addStretch(1)
        return panel

    def _template_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("本办模板"))
        self.template_group = box
        self.template_status = QLabel()
        self.template_status.setObjectName("template_status")
        self.template_status.setWordWrap(True)
        self.template_message = QLabel()
        self.template_message.setObjectName("template_message")
        self.template_message.setWordWrap(True)
        self.template_message.setTextFormat(Qt.TextFormat.PlainText)
        self.template_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        starter = QPushButton(self.tr("生成模板底稿…"))
        starter.setObjectName("starter_template")
        starter.setToolTip(self.tr("含该文书全部占位符的 Word 文件，可在 Word 或 WPS 中修改"))
        starter.clicked.connect(self.save_starter)
        replace = QPushButton(self.tr("替换模板…"))
        replace.setObjectName("install_template")
        replace.clicked.connect(self.choose_template)
        self.restore_button = QPushButton(self.tr("恢复内置版式"))
        self.restore_button.setObjectName("remove_template")
        self.restore_button.clicked.connect(self.restore_builtin)
        row = QHBoxLayout()
        for button in (starter, replace, self.restore_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.template_status)
        layout.addLayout(row)
        layout.addWidget(self.template_message)
        return box

    def _import_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("整改台账导入"))
        text = QLabel(
            self.tr(
                "被巡察单位在 Excel 或 WPS 中填报的整改台账（由本系统导出），逐行校验后导入；"
                "结果列出已更新和未导入的行及原因。"
            )
        )
        text.setWordWrap(True)
        button = QPushButton(self.tr("导入整改台账…"))
        button.setObjectName("import_ledger")
        button.clicked.connect(lambda: import_ledger_from_file(self, self.tasks, self.round_id))
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _fill_documents(self) -> None:
        for row, spec in enumerate(DOCUMENTS):
            layout = ""
            if spec.render is not None:
                custom = template_for(spec.code) is not None
                layout = self.tr("本办模板") if custom else self.tr("内置")
            cells = (
                document_title(spec),
                scope_text(spec),
                " / ".join(f".{f}" for f in spec.formats),
                layout,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, spec.code)
                self.documents.setItem(row, column, item)
        self.documents.resizeColumnToContents(0)
        self.documents.resizeColumnToContents(2)

    # -- state -----------------------------------------------------------------------------------

    def current_spec(self) -> DocSpec:
        rows = self.documents.selectionModel().selectedRows()
        return DOCUMENTS[rows[0].row()] if rows else DOCUMENTS[0]

    def select(self, code: str) -> None:
        self.documents.selectRow(next(i for i, d in enumerate(DOCUMENTS) if d.code == code))

    def _selected(self) -> None:
        spec = self.current_spec()
        self.title.setText(document_title(spec))
        self.description.setText(describe(spec.code))
        self.format.clear()
        for fmt in spec.formats:
            self.format.addItem(
                self.tr("Word 文档（.docx）") if fmt == "docx" else self.tr("Excel 表格（.xlsx）"),
                fmt,
            )
        self.template_message.clear()
        self._update_scope()
        self._update_template()

    def _update_scope(self) -> None:
        spec = self.current_spec()
        by_record = spec.scope == "record" and spec.code not in CHOSEN_RECORDS
        self.target.setEnabled(not by_record)
        if self.target.count():
            self.target.setItemText(
                0,
                self.tr("（请选择）") if spec.scope in TARGET_SCOPES else self.tr("全部对象"),
            )
        hint = ""
        if by_record:
            hint = self.tr("此文书按一条记录生成：请在“%1”页面选中记录后，用该页的“生成文书”菜单。")
            hint = hint.replace("%1", record_page(spec.code))
        elif not self.round_id:
            hint = self.tr("请先在工具栏选择巡察轮次。")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.generate_button.setEnabled(not by_record and bool(self.round_id))
        self.preview_button.setEnabled(
            not by_record and bool(self.round_id) and spec.render is not None
        )
        self.draft.setVisible(spec.signed_findings)
        if not spec.signed_findings:
            self.draft.setChecked(False)
        self._load_left_out()

    # -- 底稿 left out of a signed document -------------------------------------------------------

    def _load_left_out(self) -> None:
        """Which 底稿 marked 纳入报告 the document would leave out (not yet 已审签), from the
        core, for the current round and target."""
        spec, round_id = self.current_spec(), self.round_id
        target_id = self.target.currentData() if self.target.count() else None
        if not spec.signed_findings or not round_id:
            self._left = []
            self._show_left_out()
            return
        request = DocRequest(spec.code, round_id=round_id, target_id=target_id)

        def shown(left: list[Any]) -> None:
            if self.current_spec() is spec and self.round_id == round_id:
                self._left = left
                self._show_left_out()

        self.tasks.run(lambda s: left_out_findings(s, request), shown, self._load_failed)

    def _show_left_out(self) -> None:
        left = self._left
        if not left:
            self.left_out.hide()
            return
        head = (
            self.tr("征求意见稿将包含以下 %1 份未审签的底稿：")
            if self.draft.isChecked()
            else self.tr("以下 %1 份底稿已纳入报告但未经审签，本文书不包含：")
        ).replace("%1", str(len(left)))
        shown = [f"{x.number}　" + aside(x.title, x.reason) for x in left[:LEFT_OUT_SHOWN]]
        if len(left) > LEFT_OUT_SHOWN:
            shown.append(self.tr("……另有 %1 份").replace("%1", str(len(left) - LEFT_OUT_SHOWN)))
        self.left_out.setText("\n".join([head, *shown]))
        self.left_out.show()

    def _update_template(self) -> None:
        spec = self.current_spec()
        has_word = spec.render is not None
        self.template_group.setEnabled(has_word)
        self.builtin.setVisible(has_word)
        path = template_for(spec.code) if has_word else None
        self.builtin.setEnabled(path is not None)
        if not has_word:
            self.template_status.setText(self.tr("此台账只有 Excel 格式，没有 Word 模板。"))
        elif path is None:
            self.template_status.setText(self.tr("使用内置的 GB/T 9704 版式。"))
        else:
            self.template_status.setText(self.tr("正在使用本办模板：%1").replace("%1", str(path)))
        self.restore_button.setEnabled(path is not None)

    # -- scope from the main window -------------------------------------------------------------

    def refresh(self) -> None:
        round_id = self.scope().get("round_id")

        def load(s: Session) -> tuple[str, list[tuple[str, str]]]:
            if not round_id:
                return "", []
            targets = list_targets(s, round_id=round_id, limit=MAX_PAGE).items
            return get_round(s, round_id).name, [(t.name, t.id) for t in targets]

        self.tasks.run(
            load, lambda loaded: self._scope_loaded(round_id, *loaded), self._load_failed
        )

    def _load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    def _scope_loaded(
        self, round_id: str | None, round_name: str, targets: list[tuple[str, str]]
    ) -> None:
        self.round_id, self.round_name = round_id, round_name
        self.round_label.setText(round_name or self.tr("（未选择，请在工具栏选择）"))
        chosen = self.target.currentData()
        self.target.blockSignals(True)  # one look-up of the 底稿 left out, below
        self.target.clear()
        self.target.addItem(self.tr("全部对象"), None)
        for name, target_id in targets:
            self.target.addItem(name, target_id)
        self.target.setCurrentIndex(max(0, self.target.findData(chosen)))
        self.target.blockSignals(False)
        self._update_scope()

    def clear(self) -> None:
        """The window is locking: forget the round's names."""
        self.round_id, self.round_name = None, ""
        self.round_label.clear()
        self.target.clear()
        self._update_scope()

    # -- generating ----------------------------------------------------------------------------

    def _request(self) -> DocRequest | None:
        """The document asked for on the form; None (after saying what is missing) if it
        cannot be made yet."""
        spec = self.current_spec()
        target_id = self.target.currentData()
        if spec.scope in TARGET_SCOPES and not target_id:
            QMessageBox.information(self, document_title(spec), self.tr("请选择被巡察对象。"))
            return None
        if not self.round_id:
            QMessageBox.information(
                self, document_title(spec), self.tr("请先在工具栏选择巡察轮次。")
            )
            return None
        return DocRequest(
            spec.code,
            round_id=self.round_id,
            target_id=target_id,
            copy_no=self.copy_no.text().strip(),
            date=self.date.date().toPython(),  # type: ignore[arg-type]
            draft=spec.signed_findings and self.draft.isChecked(),
        )

    def _scope_name(self) -> str:
        return self.target.currentText() if self.target.currentData() else self.round_name

    def preview(self) -> None:
        """The document dialog, filled in from the form: its pages, then the export. A type made
        from a record with no page of its own asks first which of the round's records."""
        if self.current_spec().code in CHOSEN_RECORDS:
            self._choose()
            return
        request = self._request()
        if request is None:
            return
        spec = self.current_spec()
        text = self.tr("巡察轮次：%1").replace("%1", self.round_name)
        if request.target_id:
            text += "\n" + self.tr("被巡察对象：%1").replace("%1", self.target.currentText())
        name = f"{default_title(spec)}-{self._scope_name()}"
        dialog = DocumentDialog(self.tasks, request, text, name, self)
        dialog.builtin.setChecked(self.builtin.isChecked())
        dialog.open()

    def _choose(self) -> None:
        if not self.round_id:
            QMessageBox.information(
                self, document_title(self.current_spec()), self.tr("请先在工具栏选择巡察轮次。")
            )
            return
        target_id = self.target.currentData()
        choose_record(self, self.tasks, self.current_spec().code, self.round_id, target_id)

    def generate(self) -> None:
        spec = self.current_spec()
        if spec.code in CHOSEN_RECORDS:
            self._choose()
            return
        request = self._request()
        if request is None:
            return
        scope_name = self._scope_name()
        fmt = self.format.currentData()
        formats = (fmt, *(f for f in spec.formats if f != fmt))
        export_to_file(
            self,
            self.tasks,
            request,
            f"{default_title(spec)}-{scope_name}",
            formats,
            use_template=not self.builtin.isChecked(),
        )

    # -- templates -----------------------------------------------------------------------------

    def save_starter(self) -> None:
        spec = self.current_spec()
        name = self.tr("%1模板底稿").replace("%1", spec.title)
        path = ask_save_path(self, self.tr("保存模板底稿"), safe_file_name(name), ("docx",))
        if path is None:
            return
        try:
            starter_template(spec.code, path)
        except (WorkbenchError, OSError) as exc:
            show_error(self, exc)
            return
        self.template_message.setText(
            self.tr("已生成模板底稿：%1。在 Word 或 WPS 中修改后，用“替换模板”启用。").replace(
                "%1", str(path)
            )
        )

    def choose_template(self) -> None:
        spec = self.current_spec()
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择%1的模板").replace("%1", document_title(spec)),
            "",
            self.tr("Word 文档 (*.docx)"),
        )
        if chosen:
            self.replace_template(chosen)

    def replace_template(self, source: str) -> bool:
        """Check the .docx and put it in place; a refused one leaves the current layout."""
        spec = self.current_spec()
        try:
            installed = install_template(Path(source), spec.code)
        except TemplateInvalid as exc:
            text = self.refusal_text(exc)
            self.template_message.setStyleSheet("color: #b00020;")
            self.template_message.setText(text)
            QMessageBox.warning(self, self.tr("模板未启用"), text)
            return False
        except (WorkbenchError, OSError) as exc:
            show_error(self, exc)
            return False
        self.template_message.setStyleSheet("")
        self.template_message.setText(
            self.tr("模板已通过检查并启用：%1").replace("%1", str(installed))
        )
        self._templates_changed()
        return True

    def refusal_text(self, exc: TemplateInvalid) -> str:
        """The names of the missing and unknown placeholders, each on its own line."""
        lines = [self.tr("模板未通过检查，未启用；当前版式不变。")]
        if exc.missing:
            lines.append(self.tr("缺少必需的占位符：") + "、".join(exc.missing))
        if exc.unknown:
            lines.append(self.tr("无法识别的占位符：") + "、".join(exc.unknown))
        if not (exc.missing or exc.unknown):
            lines.append(error_text(exc))
        else:
            lines.append(aside(self.tr("可对照“生成模板底稿”中的占位符修改。"), exc.code))
        return "\n".join(lines)

    def restore_builtin(self) -> None:
        spec = self.current_spec()
        answer = QMessageBox.question(
            self,
            self.tr("恢复内置版式"),
            self.tr("停用%1的本办模板，改用内置版式？").replace("%1", document_title(spec)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if remove_template(spec.code):
            self.template_message.setStyleSheet("")
            self.template_message.setText(self.tr("已恢复内置版式。"))
        self._templates_changed()

    def _templates_changed(self) -> None:
        row = self.documents.currentRow()
        self._fill_documents()
        self.documents.selectRow(row)
        self._update_template()
