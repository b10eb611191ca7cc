"""登记信访件: register a letter, call or visit; the core validates, errors land by the field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import core_text
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.models.enums import LetterChannel
from workbench.services.letters import LetterDraft, LetterView, ReportedPerson, register_letter
from workbench.services.targets import list_targets


def parse_persons(text: str) -> tuple[ReportedPerson, ...]:
    """One person per line: 姓名 职务 单位 (职务 and 单位 optional, split on spaces)."""
    persons = []
    for line in text.splitlines():
        parts = line.split()
        if parts:
            persons.append(
                ReportedPerson(
                    name=parts[0],
                    position=parts[1] if len(parts) > 1 else "",
                    unit=" ".join(parts[2:]),
                )
            )
    return tuple(persons)


class LetterDialog(QDialog):
    saved = Signal(object)  # the LetterView

    def __init__(self, tasks: Tasks, round_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.round_id = round_id
        self.setWindowTitle(self.tr("登记信访件"))
        self.resize(560, 560)
        self.form = Form()
        self.channel = QComboBox()
        for channel in LetterChannel:
            self.channel.addItem(core_text(channel.label), channel.value)
        self.received = QDateTimeEdit(QDateTime.currentDateTime())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.target = QComboBox()
        self.target.addItem(self.tr("（未指定）"), None)
        self.anonymous = QCheckBox(self.tr("匿名"))
        self.anonymous.setChecked(True)
        self.reporter = QLineEdit()
        self.contact = QLineEdit()
        self.persons = QPlainTextEdit()
        self.persons.setPlaceholderText(self.tr("每行一人：姓名 职务 单位"))
        self.persons.setFixedHeight(70)
        self.summary = QPlainTextEdit()
        f = self.form
        f.add("channel", self.tr("渠道"), self.channel)
        f.add("received_at", self.tr("收到时间"), self.received)
        f.add("target_id", self.tr("被巡察对象"), self.target)
        f.add("anonymous", self.tr("反映人"), self.anonymous)
        f.add("reporter_name", self.tr("姓名"), self.reporter)
        f.add("reporter_contact", self.tr("联系方式"), self.contact)
        f.add("reported_persons", self.tr("被反映人"), self.persons)
        f.add("summary", self.tr("摘要"), self.summary)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self._anonymous_toggled(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        tasks.run(
            lambda s: list_targets(s, round_id=round_id, limit=1000).items, self._targets_loaded
        )

    def _targets_loaded(self, targets: Any) -> None:
        for target in targets:
            self.target.addItem(target.name, target.id)

    def _anonymous_toggled(self, anonymous: bool) -> None:
        self.reporter.setEnabled(not anonymous)
        if anonymous:
            self.reporter.clear()

    def draft(self) -> LetterDraft:
        received: datetime = self.received.dateTime().toPython()  # type: ignore[assignment]
        return LetterDraft(
            round_id=self.round_id,
            channel=self.channel.currentData(),
            received_at=received.replace(second=0, microsecond=0),
            anonymous=self.anonymous.isChecked(),
            reporter_name=self.reporter.text().strip(),
            reporter_contact=self.contact.text().strip(),
            reported_persons=parse_persons(self.persons.toPlainText()),
            summary=self.summary.toPlainText().strip(),
            target_id=self.target.currentData(),
        )

    def save(self) -> None:
        draft = self.draft()
        self.save_button.setEnabled(False)
        self.tasks.run(lambda s: register_letter(s, draft), self._saved, self._refused, write=True)

    def _saved(self, view: LetterView) -> None:
        self.saved.emit(view)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.form.show_error(error)
