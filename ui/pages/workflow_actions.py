"""Workflow buttons on the record pages. The core decides who may do what; a refused step is
shown with the core's reason (wrong role, wrong state) and its code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.dialogs.rectification_followup_dialog import FollowThroughDialog
from ui.editors.attachments_field import AttachmentDropZone
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.locked_actions import always, disable_when_locked
from ui.pages.record_list_page import RecordListPage
from ui.pages.recusal_override import ask_override
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.services import Session
from workbench.services.findings_signoff import (
    OverrideOffer,
    approve_finding,
    can_sign,
    override_offers,
    return_finding,
    review_finding,
    submit_finding,
)
from workbench.services.rectification import (
    EvidenceEntry,
    grade_rectification,
    review_rectification,
    review_refusal,
    set_evidence_catalog,
    set_rectification_status,
)
from workbench.vocab.enums import Grade, RectificationStatus

Step = Callable[[Any, str], Any]  # (session, record id) -> view


def _run_step(page: RecordListPage, step: Step) -> None:
    view = page.current_view()
    if view is None:
        return
    record_id = view.id

    def done(updated: Any) -> None:
        page.refresh()
        page.show_record(updated)

    def refused(error: BaseException) -> None:
        QMessageBox.warning(page, _tr("不能执行此操作"), error_text(error))

    page.tasks.run(lambda s: step(s, record_id), done, refused, write=True)


def _ask_reason(page: RecordListPage, title: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(page, title, _tr("理由："))
    return text if ok else None


SIGNOFF_STEPS = ("submit", "review", "approve", "return")


def add_finding_actions(page: RecordListPage) -> None:
    """经办人编制 → 副组长复核 → 组长审签, or 退回 with a reason. Each button is enabled only
    when the core's ``can_sign`` allows the step to the user on the selected 底稿; otherwise it
    is disabled and its tooltip gives the core's reason (another team, a 回避, the state).
    回避例外… lets the team's 组长 take a step refused only for their own 回避, with a reason."""
    buttons = {
        "submit": page.add_action(
            _tr("提交复核"), lambda: _run_step(page, submit_finding), "submit"
        ),
        "review": page.add_action(_tr("复核"), lambda: _run_step(page, review_finding), "review"),
        "approve": page.add_action(
            _tr("审签"), lambda: _run_step(page, approve_finding), "approve"
        ),
    }

    def give_back() -> None:
        reason = _ask_reason(page, _tr("退回底稿"))
        if reason is not None:
            _run_step(page, lambda s, rid: return_finding(s, rid, reason))

    buttons["return"] = page.add_action(_tr("退回"), give_back, "return")
    tips = {name: button.toolTip() for name, button in buttons.items()}
    offers: list[OverrideOffer] = []  # the selected 底稿's steps the user may take as 回避例外
    override = page.add_action(_tr("回避例外…"), lambda: ask_override(page, offers), "override")
    override_tip = _tr("仅当您因申报回避不能签署所选底稿时可用：由该组组长写明理由后签署")
    asked: list[str | None] = [None]  # the 底稿 last asked about: older answers are dropped

    def show_override(found: list[OverrideOffer]) -> None:
        """Enabled for the offers the user may take; a 回避 only the 组长 could override
        shows why on the disabled button."""
        offers[:] = [o for o in found if not o.blocked]
        blocked = [o.blocked for o in found if o.blocked]
        override.setEnabled(bool(offers))
        override.setToolTip(override_tip if offers or not blocked else blocked[0])

    def show(finding_id: str, answers: dict[str, Any]) -> None:
        if finding_id != asked[0]:
            return
        if not isValid(override):
            return
        show_override(answers.pop("override"))
        for name, button in buttons.items():
            refusal = answers.get(name)
            button.setEnabled(refusal is None)
            button.setToolTip(tips[name] if refusal is None else refusal.message)

    def selected(view: Any) -> None:
        asked[0] = getattr(view, "id", None)
        if view is None:  # nothing to act on
            for name, button in buttons.items():
                button.setEnabled(False)
                button.setToolTip(tips[name])
            show_override([])
            return
        finding_id = view.id

        def ask(s: Session) -> dict[str, Any]:
            answers: dict[str, Any] = {
                step: can_sign(s, finding_id, step) for step in SIGNOFF_STEPS
            }
            answers["override"] = override_offers(s, finding_id)
            return answers

        page.tasks.run(ask, lambda answers: show(finding_id, answers), lambda _e: None)

    page.record_selected.connect(selected)
    selected(page.current_view())


class CloseOutDialog(QDialog):
    """整改销号: the date and the evidence files (dropped or chosen, streamed into the store),
    then the core's set_rectification_status. A refusal shows by its field and keeps the files."""

    closed = Signal(object)

    def __init__(self, tasks: Tasks, view: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_out_dialog")
        self.setWindowTitle(self.tr("整改销号 %1").replace("%1", view.number))
        self.tasks, self.view = tasks, view
        problem = QLabel(view.problem)
        problem.setWordWrap(True)
        problem.setStyleSheet("color: #444;")
        self.closed_on = QDateEdit(QDate.currentDate())
        self.closed_on.setObjectName("closed_on")
        self.closed_on.setCalendarPopup(True)
        self.closed_on.setDisplayFormat("yyyy-MM-dd")
        self.evidence = AttachmentDropZone(tasks, self)
        self.note = QPlainTextEdit()
        self.note.setObjectName("close_note")
        self.note.setPlaceholderText(self.tr("整改完成情况，记入进展情况"))
        self.note.setFixedHeight(80)
        self.form = Form()
        self.form.add("problem", self.tr("问题表现"), problem)
        self.form.add("closed_on", self.tr("销号日期"), self.closed_on)
        self.form.add("evidence_sha256", self.tr("佐证材料"), self.evidence)
        self.form.add("note", self.tr("完成情况"), self.note)
        self.form.errors["status"] = self.form.banner
        have = len(view.evidence_sha256)
        if have:
            already = QLabel(self.tr("已有佐证材料 %1 份，可再补充。").replace("%1", str(have)))
            already.setStyleSheet("color: #555;")
            self.form.layout_.insertRow(3, "", already)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("销号"))
        self.ok_button.setObjectName("close_out")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.close_out)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def close_out(self) -> None:
        self.form.clear_errors()
        if self.evidence.busy:
            self.form.errors["evidence_sha256"].setText(self.tr("附件仍在加密保存，请稍候。"))
            self.form.errors["evidence_sha256"].show()
            return
        rid, version = self.view.id, self.view.meta.version
        day: date = self.closed_on.date().toPython()  # type: ignore[assignment]
        shas, note = self.evidence.shas(), self.note.toPlainText().strip()

        def step(s: Session) -> Any:
            return set_rectification_status(
                s,
                rid,
                RectificationStatus.DONE,
                closed_on=day,
                evidence_sha256=shas,
                note=note,
                expected_version=version,
            )

        self.ok_button.setEnabled(False)
        self.tasks.run(step, self._done, self._refused, write=True)

    def _done(self, view: Any) -> None:
        self.closed.emit(view)
        self.accept()

    def reject(self) -> None:
        self.evidence.cancel()  # files still on their way are not wanted any more
        super().reject()

    def _refused(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.form.show_error(error)


def _close_out(page: RecordListPage) -> None:
    view = page.current_view()
    if view is None:
        return
    dialog = CloseOutDialog(page.tasks, view, page)

    def closed(updated: Any) -> None:
        page.refresh()
        page.show_record(updated)

    dialog.closed.connect(closed)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def _grade(page: RecordListPage) -> None:
    """评估等次 from the core's scale; the core refuses it for items not yet finished."""
    view = page.current_view()
    if view is None:
        return
    grades = list(Grade)
    choices = [core_text(g.label) for g in grades] + [_tr("（清除评估等次）")]
    current = grades.index(view.grade) if view.grade is not None else 0
    text, ok = QInputDialog.getItem(
        page, _tr("整改评估"), _tr("评估等次："), choices, current, False
    )
    if not ok:
        return
    grade = grades[choices.index(text)] if choices.index(text) < len(grades) else None
    _run_step(page, lambda s, rid: grade_rectification(s, rid, grade))


def add_rectification_actions(page: RecordListPage) -> None:
    """未启动 → 推进中 → 销号 (date and evidence) | 长期坚持, then 评估 (also after 销号, which
    locks the rest: those buttons are disabled with the reason)."""
    start = page.add_action(
        _tr("开始推进"),
        lambda: _run_step(page, lambda s, rid: set_rectification_status(s, rid, "in_progress")),
        "start",
    )
    long_term = page.add_action(
        _tr("转为长期坚持"),
        lambda: _run_step(page, lambda s, rid: set_rectification_status(s, rid, "long_term")),
        "long_term",
    )
    close_out = page.add_action(_tr("销号"), lambda: _close_out(page), "close_out")
    page.add_action(_tr("评估"), lambda: _grade(page), "grade")
    # the follow-through on a row of its own: one row would widen the page past the window
    row = QHBoxLayout()
    row.addStretch(1)
    layout = page.layout()
    assert isinstance(layout, QBoxLayout)
    layout.insertLayout(1, row)

    def add(text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    catalog = add(_tr("佐证材料目录"), lambda: _catalog(page), "catalog")
    disable_when_locked(
        page, "rectification", dict.fromkeys((start, long_term, close_out, catalog), always)
    )
    _add_review_action(page, add(_tr("审核意见"), lambda: _review(page), "review_opinion"))
    followup = add(_tr("整改跟踪"), lambda: _follow_through(page), "followup")
    followup.setToolTip(_tr("该单位的整改方案/报告、监督记录、质效评估和新官理旧账提醒函"))


def _add_review_action(page: RecordListPage, button: QPushButton) -> None:
    """巡察办审核意见: enabled only when the core's ``review_refusal`` allows it on the selected
    item; otherwise disabled with the reason (not 巡察办, or 销号)."""
    asked: list[str | None] = [None]

    def show(record_id: str, reason: str | None) -> None:
        if record_id != asked[0] or not isValid(button):
            return
        button.setEnabled(reason is None)
        button.setToolTip(core_text(reason) if reason else "")

    def selected(view: Any) -> None:
        asked[0] = getattr(view, "id", None)
        button.setEnabled(False)
        if view is None:
            return
        record_id = view.id
        page.tasks.run(
            lambda s: review_refusal(s, record_id),
            lambda reason: show(record_id, reason),
            lambda _e: None,
        )

    page.record_selected.connect(selected)
    selected(page.current_view())


def _review(page: RecordListPage) -> None:
    view = page.current_view()
    if view is None:
        return
    text, ok = QInputDialog.getMultiLineText(
        page, _tr("巡察办审核意见"), _tr("审核意见："), view.review_opinion
    )
    if ok:
        today = date.today()
        _run_step(page, lambda s, rid: review_rectification(s, rid, text, today))


def parse_catalog(text: str) -> list[EvidenceEntry]:
    """One material a line: ``名称``, or ``名称 | 附件SHA256`` when it is linked to a file."""
    entries = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, sha = line.rpartition("|")
        entries.append(EvidenceEntry(name.strip(), sha.strip()) if sep else EvidenceEntry(line))
    return entries


def _catalog(page: RecordListPage) -> None:
    view = page.current_view()
    if view is None:
        return
    current = "\n".join(
        f"{e.name} | {e.sha256}" if e.sha256 else e.name for e in view.evidence_catalog
    )
    text, ok = QInputDialog.getMultiLineText(
        page,
        _tr("佐证材料目录"),
        _tr("每行一项材料；已导入的附件可写成“名称 | SHA256”："),
        current,
    )
    if ok:
        entries = parse_catalog(text)
        _run_step(page, lambda s, rid: set_evidence_catalog(s, rid, entries))


def _follow_through(page: RecordListPage) -> None:
    view = page.current_view()
    if view is None:
        return
    if not view.target_id:
        QMessageBox.information(
            page, _tr("整改跟踪"), _tr("该整改事项未关联被巡察单位，请先在编辑中选择。")
        )
        return
    dialog = FollowThroughDialog(page.tasks, view, page)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
