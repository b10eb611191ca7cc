"""One document before it leaves the store: its options, its pages as LibreOffice lays them out
(预览), then the export through the shared flow (the not-encrypted warning, 打开 or 打印).

The preview's .docx is built on the DB worker and laid out by LibreOffice on a thread of its own
(``Tasks.run_aside``), so the store's other work is not held up for its seconds
(``workbench.reports.preview``): the .docx and LibreOffice's profile live in an owner-only
temporary folder that is removed before the PDF's bytes come back, and the pages are shown from
memory by the attachment preview's pane. Closing the dialog while LibreOffice works cancels it (the
process is killed and the folder removed). Where LibreOffice is missing the dialog says so and
offers the export, to open the file in WPS or Word instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.dialogs.document_export import export_to_file
from ui.document_titles import document_title
from ui.errors import error_text
from ui.i18n import core_text
from ui.tasks import Tasks
from ui.widgets.preview import AttachmentPreview
from workbench.errors import Cancelled
from workbench.jobs import CancelToken
from workbench.reports import DocRequest, ExportResult, get_spec, template_for
from workbench.reports.doc_clue_transfer import receiving_units
from workbench.reports.frame import URGENCIES
from workbench.reports.frame_defaults import FrameDefaults, frame_defaults
from workbench.reports.frame_settings import split_names
from workbench.reports.preview import (
    OfficeMissing,
    find_office,
    preview_pages,
    remove_preview,
    write_preview_docx,
)
from workbench.workspace import Workspace

# Where LibreOffice is looked for; tests replace it to see the dialog of a machine without it.
office_program: Callable[[], str | None] = find_office

NAMES_TYPES = frozenset({"feedback"})  # may name individuals (DocRequest.names)
APPENDIX_TYPES = frozenset({"portrait"})  # has a detail 附件 on request (DocRequest.appendix)
UNIT_TYPES = frozenset({"clue-letter"})  # one letter a receiving unit (DocRequest.unit)


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
        self._laying_out = False
        self.exported: ExportResult | None = None
        self.setWindowTitle(self.tr("生成文书：%1").replace("%1", document_title(self.spec)))
        self.resize(1100, 700)

        title = QLabel(document_title(self.spec))
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
        self.names = QCheckBox(self.tr("写出人员姓名（默认以职务代替）"))
        self.names.setObjectName("names")
        self.names.setChecked(request.names)
        self.names.setVisible(self.spec.code in NAMES_TYPES)
        self.appendix = QCheckBox(self.tr("附评价明细表（附件）"))
        self.appendix.setObjectName("appendix")
        self.appendix.setChecked(request.appendix)
        self.appendix.setVisible(self.spec.code in APPENDIX_TYPES)
        self.unit = QComboBox()  # filled from the scope's clues, when it has several units
        self.unit.setObjectName("unit")
        self.unit_label = QLabel(self.tr("接收单位："))
        form = QFormLayout()
        form.addRow(self.tr("范围："), scope)
        form.addRow(self.unit_label, self.unit)
        form.addRow(self.tr("格式："), self.format)
        form.addRow(self.tr("份号："), self.copy_no)
        form.addRow(self.own_date, self.date)
        form.addRow(self.draft)
        form.addRow(self.builtin)
        form.addRow(self.names)
        form.addRow(self.appendix)

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

        options = QWidget()
        column = QVBoxLayout(options)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addLayout(form)
        self.frame_toggle: QToolButton | None = None
        if self.spec.frame is not None:
            column.addWidget(self._frame_section())
        column.addWidget(self.status)
        column.addStretch(1)
        scroll = QScrollArea()  # the 公文要素 opened on a small screen: scroll, not squeeze
        scroll.setObjectName("options")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(options)
        side = QVBoxLayout()
        side.addWidget(scroll, 1)
        side.addLayout(buttons)
        left = QWidget()
        left.setLayout(side)
        left.setFixedWidth(420)

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
            self.names.toggled,
            self.appendix.toggled,
            self.unit.currentIndexChanged,
        ):
            changed.connect(self._options_changed)
        self.finished.connect(self._closed)  # 关闭, Esc and the title bar's close alike
        self._show_ready()
        self.unit_label.setVisible(False)
        self.unit.setVisible(False)
        if self.spec.code in UNIT_TYPES and not request.record_id:
            self.load_units()
        if self.spec.frame is not None:
            self.load_frame_defaults()

    # -- 公文要素 --------------------------------------------------------------------------------

    def _frame_section(self) -> QWidget:
        """The frame's choices (紧急程度, 签发人, 主送, 抄送, 附件, 附注, 发文字号), folded away
        until asked for: most exports take the defaults."""
        assert self.spec.frame is not None
        kind, request = self.spec.frame, self.request
        self.frame_toggle = toggle = QToolButton()
        toggle.setObjectName("frame_toggle")
        toggle.setText(self.tr("公文要素"))
        toggle.setCheckable(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.frame_box = box = QWidget()
        box.setObjectName("frame_box")
        box.hide()
        toggle.toggled.connect(self.show_frame)

        self.urgency = QComboBox()
        self.urgency.setObjectName("urgency")
        shown = (self.tr("无"), self.tr("特急"), self.tr("加急"))  # the data: as printed
        for level, text in zip(URGENCIES, shown, strict=True):
            self.urgency.addItem(text, level)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(request.urgency)))
        self.signer = QLineEdit(request.signer)
        self.signer.setObjectName("signer")
        self.recipient = QLineEdit(request.recipient or "")
        self.recipient.setObjectName("recipient")
        self.recipient.setPlaceholderText(self.tr("不填则用本文书默认的主送机关"))
        self.cc = QLineEdit()
        self.cc.setObjectName("cc")
        self.cc.setToolTip(self.tr("以顿号或逗号分隔；清空则不抄送"))
        self._default_cc: tuple[str, ...] | None = None  # until loaded
        self._issue_refusal: str | None = None  # until loaded: offered, the core decides
        if request.cc is not None:
            self.cc.setText("、".join(request.cc))
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachments")
        self.attachments.setMaximumHeight(72)
        for name in request.attachments:
            self._add_attachment(name)
        add = QPushButton(self.tr("添加"))
        add.setObjectName("add_attachment")
        add.clicked.connect(lambda: self._add_attachment(self.tr("附件名称"), edit=True))
        remove = QPushButton(self.tr("删除"))
        remove.setObjectName("remove_attachment")
        remove.clicked.connect(self._remove_attachment)
        attachment_buttons = QVBoxLayout()
        attachment_buttons.addWidget(add)
        attachment_buttons.addWidget(remove)
        attachment_buttons.addStretch(1)
        attachment_row = QHBoxLayout()
        attachment_row.addWidget(self.attachments, 1)
        attachment_row.addLayout(attachment_buttons)
        self.note = QLineEdit(request.note)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("如：此件发至乡镇（街道）"))

        frame_form = QFormLayout(box)
        frame_form.setContentsMargins(12, 0, 0, 0)
        frame_form.addRow(self.tr("紧急程度："), self.urgency)
        if kind.upward:
            frame_form.addRow(self.tr("签发人："), self.signer)
        frame_form.addRow(self.tr("主送："), self.recipient)
        frame_form.addRow(self.tr("抄送："), self.cc)
        frame_form.addRow(self.tr("附件："), attachment_row)
        frame_form.addRow(self.tr("附注："), self.note)
        self.numbering = QButtonGroup(self)
        self.no_number = QRadioButton(self.tr("不编号"))
        self.no_number.setObjectName("no_number")
        self.new_number = QRadioButton(self.tr("编发新文号"))
        self.new_number.setObjectName("new_number")
        self.old_number = QRadioButton(self.tr("沿用已发文号："))
        self.old_number.setObjectName("old_number")
        self.issued = QComboBox()
        self.issued.setObjectName("issued_numbers")
        self.number_warning = QLabel(
            self.tr(
                "导出时取本机关代字的下一个发文字号并登记；"
                "即使随后取消或导出失败，该文号也已用掉，不再使用。"
            )
        )
        self.number_warning.setObjectName("number_warning")
        self.number_warning.setWordWrap(True)
        self.number_warning.setStyleSheet("color: #8a5a00;")
        for index, button in enumerate((self.no_number, self.new_number, self.old_number)):
            self.numbering.addButton(button, index)
        if kind.numbered:
            numbers = QVBoxLayout()
            numbers.addWidget(self.no_number)
            numbers.addWidget(self.new_number)
            numbers.addWidget(self.old_number)
            numbers.addWidget(self.issued)  # its own line: the numbers are long
            frame_form.addRow(self.tr("发文字号："), numbers)
            frame_form.addRow(self.number_warning)  # the whole width: wrapped, never clipped
        chosen = self.new_number if request.issue else self.no_number
        chosen.setChecked(True)
        self.old_number.setEnabled(False)  # until issued numbers are found
        self.issued.setEnabled(False)

        for changed in (
            self.urgency.currentIndexChanged,
            self.signer.textEdited,
            self.recipient.textEdited,
            self.cc.textEdited,
            self.note.textEdited,
            self.attachments.model().rowsInserted,
            self.attachments.model().rowsRemoved,
            self.attachments.itemChanged,
            self.issued.currentIndexChanged,
        ):
            changed.connect(self._options_changed)
        self.numbering.idToggled.connect(lambda *_: self._numbering_changed())
        self.numbering.idToggled.connect(self._options_changed)
        self.draft.toggled.connect(lambda *_: self._numbering_changed())
        self._numbering_changed()

        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(toggle)
        layout.addWidget(box)
        return section

    def show_frame(self, shown: bool) -> None:
        if self.frame_toggle is None:
            return
        self.frame_toggle.setChecked(shown)
        self.frame_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.frame_box.setVisible(shown)

    def _add_attachment(self, name: str, *, edit: bool = False) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.attachments.addItem(item)
        if edit:
            self.attachments.setCurrentItem(item)
            self.attachments.editItem(item)

    def _remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)

    def _numbering_changed(self) -> None:
        """A 征求意见稿 is never numbered, nor a document where this user may not draw a number
        (the core refuses it too; the tooltip says why); the warning shows while a new number is
        chosen."""
        draft = self.spec.signed_findings and self.draft.isChecked()
        refusal = self._issue_refusal
        if draft or (refusal is not None and self.new_number.isChecked()):
            self.no_number.setChecked(True)
        self.new_number.setEnabled(not draft and refusal is None)
        self.new_number.setToolTip(core_text(refusal) if refusal is not None else "")
        self.old_number.setEnabled(not draft and self.issued.count() > 0)
        self.issued.setEnabled(self.old_number.isChecked())
        self.number_warning.setVisible(self.new_number.isChecked())

    def load_frame_defaults(self) -> None:
        request = self.request

        def loaded(defaults: FrameDefaults) -> None:
            if not isValid(self):
                return
            self.signer.setPlaceholderText(
                self.tr("默认：%1").replace("%1", defaults.signer)
                if defaults.signer
                else self.tr("默认：本组组长")
            )
            if self._default_cc is None and self.request.cc is None:
                self.cc.setText("、".join(defaults.cc))
            self._default_cc = defaults.cc
            self.cc.setPlaceholderText(self.tr("不抄送"))
            self._issue_refusal = defaults.issue_refusal
            self.issued.clear()
            self.issued.addItems(list(defaults.numbers))
            if self.request.number:
                self.issued.setCurrentIndex(max(0, self.issued.findText(self.request.number)))
                self.old_number.setEnabled(True)
                self.old_number.setChecked(True)
            self._numbering_changed()

        self.tasks.run(lambda s: frame_defaults(s, request), loaded, self._defaults_failed)

    def load_units(self) -> None:
        """The receiving units of the scope's transferred clues: a choice when there are
        several (one 移交函 each), nothing to choose when there is one."""
        request = self.request

        def loaded(units: tuple[str, ...]) -> None:
            if not isValid(self) or len(units) < 2:
                return
            self.unit.addItems(list(units))
            if request.unit in units:
                self.unit.setCurrentText(request.unit)
            self.unit_label.setVisible(True)
            self.unit.setVisible(True)

        self.tasks.run(lambda s: receiving_units(s, request), loaded, self._defaults_failed)

    def _defaults_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.status.setText(error_text(error))

    def _frame_choices(self) -> dict[str, Any]:
        """The 公文要素 as DocRequest fields (none for a type without the frame)."""
        if self.spec.frame is None:
            return {}
        cc_text = self.cc.text().strip()
        cc: tuple[str, ...] | None = split_names(cc_text)
        if self._default_cc is not None and cc == self._default_cc:
            cc = None  # the defaults: they follow the office's settings
        elif self._default_cc is None and self.request.cc is None:
            cc = None  # not loaded yet: nothing was changed
        names = (self.attachments.item(i).text().strip() for i in range(self.attachments.count()))
        numbered = self.spec.frame.numbered
        return {
            "urgency": self.urgency.currentData() or "",
            "signer": self.signer.text().strip() if self.spec.frame.upward else "",
            "recipient": self.recipient.text().strip() or None,
            "cc": cc,
            "attachments": tuple(n for n in names if n),
            "note": self.note.text().strip(),
            "issue": numbered and self.new_number.isChecked(),
            "number": self.issued.currentText() if numbered and self.old_number.isChecked() else "",
        }

    # -- options -----------------------------------------------------------------------------

    def current_request(self) -> DocRequest:
        chosen: date | None = self.date.date().toPython() if self.own_date.isChecked() else None  # type: ignore[assignment]
        return replace(
            self.request,
            copy_no=self.copy_no.text().strip(),
            date=chosen,
            draft=self.spec.signed_findings and self.draft.isChecked(),
            names=self.spec.code in NAMES_TYPES and self.names.isChecked(),
            appendix=self.spec.code in APPENDIX_TYPES and self.appendix.isChecked(),
            unit=self.unit.currentText() if self.unit.isVisibleTo(self) else self.request.unit,
            **self._frame_choices(),
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
        """The .docx is built on the DB worker; LibreOffice lays it out on a thread of its own,
        so the store's other work goes on meanwhile (its ~5 s would otherwise hold it up)."""
        if self._token is not None or self.office is None:
            return
        token = self._token = CancelToken()
        request, use_template, office = self.current_request(), self.use_template(), self.office
        self.pages.show_message(self.tr("正在用 LibreOffice 排版，请稍候…"))
        self.status.clear()
        self._show_ready()

        def build(worker: Any) -> Path:
            workspace: Workspace = worker.workspace
            return workspace.call(
                write_preview_docx, request, use_template=use_template, cancel=token
            )

        def built(docx: Path) -> None:
            if token.cancelled:  # closed while the worker built it: LibreOffice is not started
                remove_preview(docx)
                return
            self._laying_out = True
            lay_out = partial(preview_pages, docx, office=office, cancel=token)
            self.tasks.run_aside(lay_out, done, failed)

        def done(pdf: bytes) -> None:
            if token.cancelled:  # the dialog closed meanwhile
                return
            self._token, self._laying_out = None, False
            self.pages.show_data(pdf, "application/pdf", document_title(self.spec))
            self.status.setText(
                self.tr("共 %1 页，为 LibreOffice 的排版；WPS 或 Word 中可能略有差异。").replace(
                    "%1", str(self.pages.page_count())
                )
            )
            self._show_ready()

        def failed(error: BaseException) -> None:
            if token.cancelled:
                return
            self._token, self._laying_out = None, False
            if isinstance(error, OfficeMissing):
                self.office = None
            elif isinstance(error, Cancelled):
                return
            self.pages.show_message(error_text(error))
            self._show_ready()

        self.tasks.run_on_worker(build, built, failed)

    def laying_out(self) -> bool:
        """LibreOffice is at work on the preview (the DB worker is free)."""
        return self._laying_out

    def building(self) -> bool:
        return self._token is not None

    # -- export ------------------------------------------------------------------------------

    def export(self) -> None:
        fmt = self.format.currentData()
        formats = (fmt, *(f for f in self.spec.formats if f != fmt))
        parent = self.parentWidget() or self

        def exported(result: ExportResult) -> None:
            self.exported = result
            if result.number and isValid(self) and self.spec.frame is not None:
                # the number is this document's now: a second export prints it again
                self.request = replace(self.request, number=result.number, issue=False)
                self.load_frame_defaults()

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
