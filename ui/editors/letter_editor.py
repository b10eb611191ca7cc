"""信访件: register a letter, call or visit, and correct it until the 组务会 has discussed it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

from ui.editors.attachments_field import AttachmentDropZone
from ui.editors.base import RecordEditor, State
from ui.editors.fields import DateTimeField, EnumChecks, EnumCombo, TargetCombo
from workbench.services import Session
from workbench.services.letters import (
    LetterDraft,
    ReportedPerson,
    register_letter,
    update_letter,
)
from workbench.vocab.enums import Discipline, LetterChannel

TEXT_FIELDS = ("number", "reporter_name", "reporter_contact")


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


def persons_text(persons: tuple[ReportedPerson, ...]) -> str:
    return "\n".join(" ".join(p for p in (x.name, x.position, x.unit) if p) for x in persons)


def _keep_levels(
    typed: tuple[ReportedPerson, ...], known: tuple[ReportedPerson, ...]
) -> tuple[ReportedPerson, ...]:
    """The text has no 干部级别: a person kept by name keeps the level recorded for them."""
    levels = {p.name: p.level for p in known if p.level}
    return tuple(
        ReportedPerson(p.name, p.position, p.unit, levels.get(p.name)) if not p.level else p
        for p in typed
    )


class LetterEditor(RecordEditor):
    kind = "letter"

    def build(self) -> None:
        f = self.form
        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["number"].setPlaceholderText(self.tr("留空则自动编号"))
        self.texts["reporter_contact"].setPlaceholderText(self.tr("电话、地址或邮箱"))
        self.channel = EnumCombo(LetterChannel)
        self.received_at = DateTimeField()
        self.target = TargetCombo(self.tasks, self.round_id)
        self.anonymous = QCheckBox(self.tr("匿名（不填写反映人姓名）"))
        self.anonymous.setChecked(True)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self.persons = QPlainTextEdit()
        self.persons.setPlaceholderText(self.tr("每行一人：姓名 职务 单位"))
        self.persons.setFixedHeight(72)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("反映的主要问题"))
        self.summary.setFixedHeight(120)
        self.disciplines = EnumChecks(Discipline)
        self.original = AttachmentDropZone(self.tasks)
        self.original.attached.connect(lambda info: self.original.set_shas([info.sha256]))
        self.original.changed.connect(self.changed)
        self.original.files.setMaximumHeight(52)  # one scan
        f.add("number", self.tr("编号"), self.texts["number"])
        f.add("channel", self.tr("来源渠道"), self.channel)
        f.add("received_at", self.tr("收到时间"), self.received_at)
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("anonymous", self.tr("反映人"), self.anonymous)
        f.add("reporter_name", self.tr("反映人姓名"), self.texts["reporter_name"])
        f.add("reporter_contact", self.tr("联系方式"), self.texts["reporter_contact"])
        f.add("reported_persons", self.tr("被反映人"), self.persons)
        f.add("summary", self.tr("摘要"), self.summary)
        f.add("disciplines", self.tr("涉及纪律"), self.disciplines)
        f.add("original_sha256", self.tr("原件扫描"), self.original)
        self._anonymous_toggled(True)
        if self.view is not None:
            self.restore(self.state_of(self.view))  # locked after the 组务会: see RecordEditor

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("登记信访件")
        return self.tr("编辑信访件 %1").replace("%1", self.view.number)

    def _anonymous_toggled(self, anonymous: bool) -> None:
        name = self.texts["reporter_name"]
        name.setEnabled(not anonymous)
        if anonymous and not self._applying:
            name.clear()

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "number": view.number,
            "channel": view.channel.value,
            "received_at": view.received_at.isoformat(timespec="minutes"),
            "target_id": view.target_id,
            "anonymous": view.anonymous,
            "reporter_name": view.reporter_name,
            "reporter_contact": view.reporter_contact,
            "reported_persons": persons_text(view.reported_persons),
            "summary": view.summary,
            "disciplines": list(view.disciplines),
            "original": [view.original_sha256] if view.original_sha256 else [],
        }

    def state(self) -> State:
        return {
            **{name: edit.text() for name, edit in self.texts.items()},
            "channel": self.channel.value(),
            "received_at": self.received_at.text_value(),
            "target_id": self.target.value(),
            "anonymous": self.anonymous.isChecked(),
            "reported_persons": self.persons.toPlainText(),
            "summary": self.summary.toPlainText(),
            "disciplines": list(self.disciplines.values()),
            "original": self.original.shas(),
        }

    def restore(self, state: State) -> None:
        anonymous = bool(state.get("anonymous", True))
        if self.anonymous.isChecked() != anonymous:
            self.anonymous.setChecked(anonymous)
        for name, edit in self.texts.items():
            value = str(state.get(name) or "")
            if edit.text() != value:
                edit.setText(value)
        self.channel.set_value(state.get("channel"))
        self.received_at.set_text_value(state.get("received_at"))
        self.target.set_value(state.get("target_id"))
        for box, key in ((self.persons, "reported_persons"), (self.summary, "summary")):
            value = str(state.get(key) or "")
            if box.toPlainText() != value:
                box.setPlainText(value)
        self.disciplines.set_values(state.get("disciplines") or [])
        self.original.set_shas(list(state.get("original") or []))

    def save_work(self) -> Callable[[Session], Any]:
        t = self.texts
        persons = parse_persons(self.persons.toPlainText())
        if self.view is not None:
            persons = _keep_levels(persons, self.view.reported_persons)
        received: datetime = self.received_at.value()
        original = self.original.shas()
        draft = LetterDraft(
            round_id=self.round_id or "",
            channel=self.channel.value(),
            received_at=received,
            anonymous=self.anonymous.isChecked(),
            reporter_name=t["reporter_name"].text().strip(),
            reporter_contact=t["reporter_contact"].text().strip(),
            reported_persons=persons,
            summary=self.summary.toPlainText().strip(),
            target_id=self.target.value(),
            team_id=self.team_id,
            original_sha256=original[-1] if original else None,
            disciplines=self.disciplines.values(),
            number=t["number"].text().strip() or None,
        )
        view = self.view

        def work(s: Session) -> Any:
            if view is None:
                return register_letter(s, draft)
            return update_letter(s, view.id, draft, expected_version=view.meta.version)

        return work
