"""One document before it leaves the store: its options, its pages as LibreOffice lays them out
(预览), then the export through the shared flow (the not-encrypted warning, 打开 or 打印).

The preview is built on the DB worker (``workbench.reports.preview``): the .docx and LibreOffice's
profile live in an owner-only temporary folder that is removed before the PDF's bytes come back,
and the pages are shown from memory by the attachment preview's pane. Closing the dialog while
LibreOffice works cancels it (the process is killed and the folder removed). Where LibreOffice is
missing the dialog says so and offers the export, to open the file in WPS or Word instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.document_export import export_to_file, units_of
from ui.errors import error_text
from ui.tasks import Tasks
from ui.widgets.preview import AttachmentPreview
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.reports import DocRequest, ExportResult, get_spec, template_for
from workbench.reports.preview import OfficeMissing, find_office, preview_document

# Where LibreOffice is looked for; tests replace it to see the dialog of a machine without it.
office_program: Callable[[], str | None] = find_office


class DocumentDialog(QDialog):
    """``request`` names the document and its scope (a record, a round, a target); the options
    on the left start from it. ``scope_text`` says in words what it is built from."""

    def __init__(
        self,
        tasks: Tasks,
        request: DocRequest,
        scope_text: str,
        default_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("document_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tasks = tasks
        self.request = request
        self.spec = get_spec(request.doc_type)
        self.default_name = default_name
        self.office = office_program()
        self._token: CancelToken | None = None  # the preview being built, if any
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("生成文书：%1").replace("%1", self.spec.title))
        self.resize(1100, 700)

        title = QLabel(self.spec.title)
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        scope = QLabel(scope_text)
        scope.setObjectName("document_scope")
        scope.setWordWrap(True)
        scope.setTextFormat(Qt.TextFormat.PlainText)
        self.format = QComboBox()
        self.format.setObjectName("format")
        for fmt in self.spec.formats:
            text = (
                self.tr("Word 文档（.docx）") if fmt == "docx" else self.tr("Excel 表格（.xlsx）")
            )
            self.format.addItem(text, fmt)
        self.copy_no = QLineEdit(request.copy_no)
        self.copy_no.setObjectName("copy_no")
        self.copy_no.setPlaceholderText(self.tr("不填则不印份号"))
        self.own_date = QCheckBox(self.tr("指定成文日期"))
        self.own_date.setObjectName("own_date")
        given = request.date
        start = QDate(given.year, given.month, given.day) if given else QDate.currentDate()
        self.date = QDateEdit(start)
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.own_date.setChecked(request.date is not None)
        self.date.setEnabled(request.date is not None)
        self.own_date.toggled.connect(self.date.setEnabled)
        self.draft = QCheckBox(self.tr("征求意见稿（含未审签底稿）"))
        self.draft.setObjectName("draft")
        self.draft.setChecked(request.draft)
        self.draft.setVisible(self.spec.signed_findings)
        self.builtin = QCheckBox(self.tr("本次不用本办模板，用内置版式"))
        self.builtin.setObjectName("builtin")
        self.builtin.setVisible(
            self.spec.render is not None and template_for(self.spec.code) is not None
        )
        form = QFormLayout()
        form.addRow(self.tr("范围："), scope)
        form.addRow(self.tr("格式："), self.format)
        form.addRow(self.tr("份号："), self.copy_no)
        form.addRow(self.own_date, self.date)
        form.addRow(self.draft)
        form.addRow(self.builtin)

        self.preview_button = QPushButton(self.tr("预览"))
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.start_preview)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("close")
        close.clicked.connect(self.close)
        self.status = QLabel()
        self.status.setObjectName("preview_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        side = QVBoxLayout()
        side.addWidget(title)
        side.addLayout(form)
        side.addWidget(self.status)
        side.addStretch(1)
        side.addLayout(buttons)
        left = QWidget()
        left.setLayout(side)
        left.setFixedWidth(330)

        self.pages = AttachmentPreview()
        self.pages.setObjectName("document_pages")
        self.pages.pdf_fit_page = True  # a whole page at a glance; 放大 to read
        layout = QHBoxLayout(self)
        layout.addWidget(left)
        layout.addWidget(self.pages, 1)

        for changed in (
            self.format.currentIndexChanged,
            self.copy_no.textEdited,
            self.own_date.toggled,
            self.date.dateChanged,
            self.draft.toggled,
            self.builtin.toggled,
        ):
            changed.connect(self._options_changed)
        self.finished.connect(self._closed)  # 关闭, Esc and the title bar's close alike
        self._show_ready()

    # -- options -----------------------------------------------------------------------------

    def current_request(self) -> DocRequest:
        chosen: date | None = self.date.date().toPython() if self.own_date.isChecked() else None  # type: ignore[assignment]
        return replace(
            self.request,
            copy_no=self.copy_no.text().strip(),
            date=chosen,
            draft=self.spec.signed_findings and self.draft.isChecked(),
        )

    def use_template(self) -> bool:
        return not self.builtin.isChecked()

    def _options_changed(self, *_args: Any) -> None:
        if self.pages.kind == "pdf":
            self.status.setText(self.tr("选项已更改：点击“预览”查看更改后的页面。"))
        self._show_ready()

    def _show_ready(self) -> None:
        """The preview button and the pane, for the format chosen and the machine."""
        building = self._token is not None
        word = self.format.currentData() == "docx"
        self.preview_button.setEnabled(word and self.office is not None and not building)
        if building or self.pages.kind == "pdf":
            return
        if not word:
            self.pages.show_message(
                self.tr("Excel 台账没有分页版式，不提供页面预览；导出后可用 Excel 或 WPS 查看。")
            )
        elif self.office is None:
            self.pages.show_message(
                self.tr(
                    "未找到 LibreOffice，不能在本程序中预览页面。\n"
                    "可以直接导出，然后用 WPS 或 Word 打开查看和打印。"
                )
            )
            self.export_button.setText(self.tr("导出并打开…"))
        else:
            self.pages.show_message(
                self.tr("点击“预览”，用 LibreOffice 排出页面后在此查看（需几秒钟）。")
            )

    # -- preview -----------------------------------------------------------------------------

    def start_preview(self) -> None:
        if self._token is not None or self.office is None:
            return
        token = self._token = CancelToken()
        request, use_template, office = self.current_request(), self.use_template(), self.office
        self.pages.show_message(self.tr("正在用 LibreOffice 排版，请稍候…"))
        self.status.clear()
        self._show_ready()

        def work(worker: Any) -> bytes:
            return preview_document(
                units_of(worker.workspace),
                request,
                use_template=use_template,
                office=office,
                cancel=token,
            )

        def done(pdf: bytes) -> None:
            if token.cancelled:  # the dialog closed meanwhile
                return
            self._token = None
            self.pages.show_data(pdf, "application/pdf", self.spec.title)
            self.status.setText(
                self.tr("共 %1 页，为 LibreOffice 的排版；WPS 或 Word 中可能略有差异。").replace(
                    "%1", str(self.pages.page_count())
                )
            )
            self._show_ready()

        def failed(error: BaseException) -> None:
            if token.cancelled:
                return
            self._token = None
            if isinstance(error, OfficeMissing):
                self.office = None
            elif isinstance(error, Cancelled):
                return
            self.pages.show_message(error_text(error))
            self._show_ready()

        self.tasks.run_on_worker(work, done, failed)

    def building(self) -> bool:
        return self._token is not None

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        fmt = self.format.currentData()
        formats = (fmt, *(f for f in self.spec.formats if f != fmt))
        parent = self.parentWidget() or self

        def exported(result: ExportResult) -> None:
            self.exported = result

        export_to_file(
            parent,
            self.tasks,
            self.current_request(),
            self.default_name,
            formats,
            use_template=self.use_template(),
            on_done=exported,
        )

    def _closed(self) -> None:
        if self._token is not None:
            self._token.cancel()  # LibreOffice is stopped; its folder removed
        self.pages.clear()  # lets go of the PDF's bytes
