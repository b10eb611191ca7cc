"""整改跟踪 of one target: its 整改方案/整改报告, the supervision entries of 纪委监委 and 组织部,
the 质效评估 and the 新官理旧账 提醒函 (whose letter is made from its tab), one tab each. The core
decides who may do what: a button the user's role rules out is disabled with the core's reason; a
refusal shows at the top."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.dialogs.document_dialog import DocumentDialog
from ui.errors import error_text
from ui.i18n import core_text
from ui.tasks import Tasks
from workbench.reports import DocRequest, get_spec
from workbench.services import Session
from workbench.services import rectification_documents as rdocs
from workbench.services import rectification_followup as fu
from workbench.vocab.enums import Grade, RectificationDocKind, SupervisionAgency


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[return-value]


def _combo(name: str, members: Sequence[Any]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for m in members:
        combo.addItem(core_text(m.label), m)
    return combo


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    label = getattr(value, "label", None)
    return core_text(label) if label else str(value)


class _Tab(QWidget):
    """A table of records over a form and its buttons."""

    def __init__(self, name: str, headers: Sequence[str]) -> None:
        super().__init__()
        self.setObjectName(name)
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(f"{name}_table")
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.form = QFormLayout()
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        self.ids: list[str] = []

    def fill(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        self.ids = [rid for rid, _cells in rows]
        self.table.setRowCount(len(rows))
        for r, (_rid, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(_text(value)))
        self.table.resizeColumnsToContents()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.ids[rows[0].row()] if rows else None

    def button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button


class FollowThroughDialog(QDialog):
    """``item`` is the ledger item selected on the page: its target's follow-through is shown,
    and a supervision entry may be tied to the item itself."""

    def __init__(self, tasks: Tasks, item: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followup_dialog")
        self.setWindowTitle(self.tr("整改跟踪：%1").replace("%1", item.number))
        self.tasks, self.item = tasks, item
        self.round_id: str = item.round_id or ""
        self.target_id: str | None = item.target_id
        self.banner = QLabel()
        self.banner.setObjectName("followup_error")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #b00020; font-weight: bold;")
        self.banner.hide()
        self.day = _date_edit("followup_day")
        top = QFormLayout()
        top.addRow(self.tr("办理日期"), self.day)
        self.tabs = QTabWidget()
        self._build_documents()
        self._build_supervision()
        self._build_assessment()
        self._build_reminders()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.resize(820, 560)
        self.register_buttons: list[QPushButton] = [
            self.add_doc,
            self.submit_doc,
            self.add_sup,
            self.add_rem,
            self.sent_rem,
            self.void_doc,
            self.void_sup,
            self.void_rem,
        ]
        self.review_buttons: list[QPushButton] = [
            self.approve_doc,
            self.return_doc,
            self.assess,
            self.void_assess,
        ]
        self.tasks.run(fu.refusals, self._apply_refusals, self._refused)
        self.reload()

    # -- building ----------------------------------------------------------------------------

    def _build_documents(self) -> None:
        tab = self.docs = _Tab(
            "docs_tab",
            [
                self.tr("类型"),
                self.tr("状态"),
                self.tr("反馈日期"),
                self.tr("报送期限"),
                self.tr("报送日期"),
                self.tr("审核意见"),
            ],
        )
        self.doc_kind = _combo("doc_kind", list(RectificationDocKind))
        self.feedback_on = _date_edit("feedback_on")
        tab.form.addRow(self.tr("类型"), self.doc_kind)
        tab.form.addRow(self.tr("反馈日期"), self.feedback_on)
        self.add_doc = tab.button(self.tr("登记应报送"), "add_doc", self._add_document)
        self.submit_doc = tab.button(self.tr("已报送"), "submit_doc", self._submit_document)
        self.approve_doc = tab.button(self.tr("审核通过"), "approve_doc", self._approve)
        self.return_doc = tab.button(self.tr("退回修改"), "return_doc", self._return)
        self.void_doc = tab.button(self.tr("作废"), "void_doc", lambda: self._void(tab, "document"))
        self.tabs.addTab(tab, self.tr("整改方案/报告"))

    def _build_supervision(self) -> None:
        tab = self.sups = _Tab(
            "sup_tab",
            [self.tr("日期"), self.tr("监督单位"), self.tr("督办"), self.tr("督查情况")],
        )
        self.agency = _combo("agency", list(SupervisionAgency))
        self.sup_body = QLineEdit()
        self.sup_body.setObjectName("sup_body")
        self.sup_found = QLineEdit()
        self.sup_found.setObjectName("sup_found")
        self.sup_item = QCheckBox(self.tr("针对整改事项 %1").replace("%1", self.item.number))
        self.sup_item.setObjectName("sup_item")
        self.sup_escalate = QCheckBox(self.tr("督办（逾期事项自动记为督办）"))
        self.sup_escalate.setObjectName("sup_escalate")
        tab.form.addRow(self.tr("监督单位"), self.agency)
        tab.form.addRow(self.tr("督查情况"), self.sup_body)
        tab.form.addRow(self.tr("发现的问题"), self.sup_found)
        tab.form.addRow("", self.sup_item)
        tab.form.addRow("", self.sup_escalate)
        self.add_sup = tab.button(self.tr("登记监督记录"), "add_sup", self._add_supervision)
        self.void_sup = tab.button(
            self.tr("作废"), "void_sup", lambda: self._void(tab, "supervision")
        )
        self.tabs.addTab(tab, self.tr("监督记录"))

    def _build_assessment(self) -> None:
        tab = self.assessments = _Tab(
            "assess_tab",
            [self.tr("评估日期"), self.tr("等次"), self.tr("评估人"), self.tr("评估意见")],
        )
        self.grade = _combo("grade", list(Grade))
        self.assess_body = QLineEdit()
        self.assess_body.setObjectName("assess_body")
        tab.form.addRow(self.tr("等次"), self.grade)
        tab.form.addRow(self.tr("评估意见"), self.assess_body)
        self.assess = tab.button(self.tr("质效评估"), "assess", self._assess)
        self.void_assess = tab.button(
            self.tr("作废"), "void_assess", lambda: self._void(tab, "assessment")
        )
        self.tabs.addTab(tab, self.tr("质效评估"))

    def _build_reminders(self) -> None:
        tab = self.reminders = _Tab(
            "remind_tab",
            [
                self.tr("调整日期"),
                self.tr("原主要负责人"),
                self.tr("新任主要负责人"),
                self.tr("发函日期"),
                self.tr("涉及事项"),
            ],
        )
        self.old_leader = QLineEdit()
        self.old_leader.setObjectName("old_leader")
        self.new_leader = QLineEdit()
        self.new_leader.setObjectName("new_leader")
        tab.form.addRow(self.tr("原主要负责人"), self.old_leader)
        tab.form.addRow(self.tr("新任主要负责人"), self.new_leader)
        self.add_rem = tab.button(self.tr("登记提醒函"), "add_rem", self._add_reminder)
        self.sent_rem = tab.button(self.tr("登记发函"), "sent_rem", self._mark_sent)
        self.void_rem = tab.button(self.tr("作废"), "void_rem", lambda: self._void(tab, "reminder"))
        self.letter_rem = tab.button(self.tr("生成提醒函…"), "letter_rem", self._reminder_letter)
        self.tabs.addTab(tab, self.tr("新官理旧账提醒函"))

    # -- the core's answers ------------------------------------------------------------------

    def _apply_refusals(self, refusals: dict[str, str | None]) -> None:
        for key, buttons in (("register", self.register_buttons), ("review", self.review_buttons)):
            reason = refusals.get(key)
            for button in buttons:
                if not isValid(button):
                    return
                button.setEnabled(reason is None)
                button.setToolTip(core_text(reason) if reason else "")

    def reload(self) -> None:
        rid, tid = self.round_id, self.target_id

        def load(s: Session) -> dict[str, Any]:
            return {
                "docs": rdocs.list_documents(s, round_id=rid, target_id=tid, limit=500).items,
                "sups": fu.list_supervisions(s, round_id=rid, target_id=tid, limit=500).items,
                "assessments": fu.list_assessments(s, round_id=rid, target_id=tid),
                "reminders": fu.list_reminders(s, round_id=rid, target_id=tid),
            }

        self.tasks.run(load, self._show, self._refused)

    def _show(self, data: dict[str, Any]) -> None:
        if not isValid(self):
            return
        late = self.tr("（逾期报送）")
        self.docs.fill(
            [
                (
                    d.id,
                    (
                        d.kind,
                        _text(d.status) + (late if d.late else ""),
                        d.feedback_on,
                        d.due_on,
                        d.submitted_on,
                        d.review_note,
                    ),
                )
                for d in data["docs"]
            ]
        )
        yes = self.tr("督办")
        self.sups.fill(
            [
                (v.id, (v.held_on, v.agency, yes if v.escalated else "", v.body))
                for v in data["sups"]
            ]
        )
        self.assessments.fill(
            [(a.id, (a.assessed_on, a.grade, a.assessor, a.body)) for a in data["assessments"]]
        )
        self.reminders.fill(
            [
                (
                    r.id,
                    (
                        r.changed_on,
                        r.old_leader,
                        r.new_leader,
                        r.sent_on,
                        len(r.rectification_ids),
                    ),
                )
                for r in data["reminders"]
            ]
        )

    def _run(self, work: Callable[[Session], Any]) -> None:
        self.banner.hide()
        self.tasks.run(work, lambda _v: self.reload(), self._refused, write=True)

    def _refused(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self.banner.setText(error_text(error))
        self.banner.show()

    def _selected(self, tab: _Tab, what: str) -> str | None:
        record_id = tab.selected_id()
        if record_id is None:
            self.banner.setText(self.tr("请先在表格中选择一条%1").replace("%1", what))
            self.banner.show()
        return record_id

    # -- actions -----------------------------------------------------------------------------

    def _add_document(self) -> None:
        draft = rdocs.DocumentDraft(
            self.doc_kind.currentData(), self.target_id, _day(self.feedback_on)
        )
        rid = self.round_id
        self._run(lambda s: rdocs.create_document(s, rid, draft))

    def _submit_document(self) -> None:
        doc = self._selected(self.docs, self.tr("整改方案/报告"))
        if doc is not None:
            day = _day(self.day)
            self._run(lambda s: rdocs.submit_document(s, doc, day))

    def _approve(self) -> None:
        doc = self._selected(self.docs, self.tr("整改方案/报告"))
        if doc is not None:
            day = _day(self.day)
            self._run(
                lambda s: rdocs.review_document(s, doc, approve=True, note="", reviewed_on=day)
            )

    def _return(self) -> None:
        doc = self._selected(self.docs, self.tr("整改方案/报告"))
        if doc is None:
            return
        reason, ok = QInputDialog.getMultiLineText(self, self.tr("退回修改"), self.tr("理由："))
        if ok:
            day = _day(self.day)
            self._run(
                lambda s: rdocs.review_document(s, doc, approve=False, note=reason, reviewed_on=day)
            )

    def _add_supervision(self) -> None:
        draft = fu.SupervisionDraft(
            self.target_id,
            self.agency.currentData(),
            _day(self.day),
            self.sup_body.text(),
            self.sup_found.text(),
            self.item.id if self.sup_item.isChecked() else None,
            self.sup_escalate.isChecked(),
        )
        rid = self.round_id
        self._run(lambda s: fu.add_supervision(s, rid, draft))

    def _assess(self) -> None:
        rid, tid, day = self.round_id, self.target_id, _day(self.day)
        grade, body = self.grade.currentData(), self.assess_body.text()
        self._run(lambda s: fu.assess_target(s, rid, tid, grade, day, body))

    def _add_reminder(self) -> None:
        draft = fu.ReminderDraft(
            self.target_id, self.old_leader.text(), self.new_leader.text(), _day(self.day)
        )
        rid = self.round_id
        self._run(lambda s: fu.create_reminder(s, rid, draft))

    def _mark_sent(self) -> None:
        letter = self._selected(self.reminders, self.tr("提醒函"))
        if letter is not None:
            day = _day(self.day)
            self._run(lambda s: fu.mark_reminder_sent(s, letter, day))

    def _reminder_letter(self) -> None:
        """The 新官理旧账提醒函 of the selected 提醒函 record, previewed and exported."""
        letter = self._selected(self.reminders, self.tr("提醒函"))
        if letter is None:
            return
        row = self.reminders.ids.index(letter)
        cells = [self.reminders.table.item(row, c) for c in (0, 2)]
        label = "-".join(c.text() for c in cells if c is not None)
        request = DocRequest("reminder-letter", record_id=letter)
        text = self.tr("提醒函：%1").replace("%1", label)
        title = get_spec("reminder-letter").title
        DocumentDialog(self.tasks, request, text, f"{title}-{label}", self).open()

    def _void(self, tab: _Tab, kind: str) -> None:
        """作废 the selected record with a reason; it stays as a tombstone."""
        record_id = self._selected(tab, self.tr("记录"))
        if record_id is None:
            return
        reason, ok = QInputDialog.getMultiLineText(self, self.tr("作废"), self.tr("作废理由："))
        if ok:
            self._run(lambda s: fu.void_followup(s, kind, record_id, reason))
