"""个别谈话: the interview's particulars and its transcript as question/answer turns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from ui.editors.base import RecordEditor, State
from ui.editors.fields import DateTimeField, EnumCombo, TargetCombo, join_names, split_names
from ui.editors.turns import TurnsEditor
from workbench.services import Session
from workbench.services.interviews import (
    InterviewDraft,
    create_interview,
    set_transcript,
    update_interview,
)
from workbench.vocab.enums import InterviewType

TEXT_FIELDS = (
    "number",
    "place",
    "interviewers",
    "recorder",
    "subject_name",
    "subject_unit",
    "subject_position",
    "subject_political_status",
)


class InterviewEditor(RecordEditor):
    kind = "interview"

    def build(self) -> None:
        self.resize(760, 760)
        f = self.form
        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["number"].setPlaceholderText(self.tr("留空则自动编号"))
        self.texts["interviewers"].setPlaceholderText(self.tr("至少两人，用顿号分隔"))
        self.interview_type = EnumCombo(InterviewType)
        self.held_at = DateTimeField()
        self.target = TargetCombo(self.tasks, self.round_id)
        self.outline = QPlainTextEdit()
        self.outline.setFixedHeight(70)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(90)
        f.add("number", self.tr("编号"), self.texts["number"])
        f.add("type", self.tr("谈话类型"), self.interview_type)
        f.add("held_at", self.tr("谈话时间"), self.held_at)
        f.add("place", self.tr("谈话地点"), self.texts["place"])
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("interviewers", self.tr("谈话人"), self.texts["interviewers"])
        f.add("recorder", self.tr("记录人"), self.texts["recorder"])
        f.add("subject_name", self.tr("谈话对象"), self.texts["subject_name"])
        f.add("subject_unit", self.tr("对象单位"), self.texts["subject_unit"])
        f.add("subject_position", self.tr("对象职务"), self.texts["subject_position"])
        political = self.texts["subject_political_status"]
        f.add("subject_political_status", self.tr("政治面貌"), political)
        f.add("outline", self.tr("谈话提纲"), self.outline)
        f.add("summary", self.tr("谈话摘要"), self.summary)
        heading = QLabel(self.tr("谈话笔录"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.extra.addWidget(heading)
        self.turns = TurnsEditor()
        self.turns.changed.connect(self.changed)
        self.turns.turn_added.connect(self.watch_new_widgets)
        self.extra.addWidget(self.turns)
        self.form.errors["turns"] = self.form.banner  # transcript errors show under the form
        if self.view is not None:
            self.restore(self.state_of(self.view))
            if self.view.confirmed:
                self.turns.set_read_only(True)
                note = QLabel(self.tr("笔录已经谈话对象签字确认，不能再修改。"))
                note.setStyleSheet("color: #8a5a00;")
                self.extra.insertWidget(1, note)
        else:
            self.turns.set_pairs([])

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("新建谈话记录")
        return self.tr("编辑谈话记录 %1").replace("%1", self.view.number)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "number": view.number,
            "place": view.place,
            "interviewers": join_names(view.interviewers),
            "recorder": view.recorder,
            "subject_name": view.subject_name,
            "subject_unit": view.subject_unit,
            "subject_position": view.subject_position,
            "subject_political_status": view.subject_political_status,
            "type": view.interview_type.value,
            "held_at": view.held_at.isoformat(timespec="minutes"),
            "target_id": view.target_id,
            "outline": view.outline,
            "summary": view.summary,
            "turns": [[t.question, t.answer] for t in view.turns],
        }

    def state(self) -> State:
        return {
            **{name: edit.text() for name, edit in self.texts.items()},
            "type": self.interview_type.value(),
            "held_at": self.held_at.text_value(),
            "target_id": self.target.value(),
            "outline": self.outline.toPlainText(),
            "summary": self.summary.toPlainText(),
            "turns": [list(pair) for pair in self.turns.pairs()],
        }

    def restore(self, state: State) -> None:
        for name, edit in self.texts.items():
            value = str(state.get(name) or "")
            if edit.text() != value:
                edit.setText(value)
        self.interview_type.set_value(state.get("type"))
        self.held_at.set_text_value(state.get("held_at"))
        self.target.set_value(state.get("target_id"))
        for box, key in ((self.outline, "outline"), (self.summary, "summary")):
            value = str(state.get(key) or "")
            if box.toPlainText() != value:
                box.setPlainText(value)
        self.turns.set_pairs([(str(q), str(a)) for q, a in state.get("turns") or []])

    def save_work(self) -> Callable[[Session], Any]:
        t = self.texts
        draft = InterviewDraft(
            interview_type=self.interview_type.value(),
            held_at=datetime.fromisoformat(self.held_at.text_value()),
            interviewers=split_names(t["interviewers"].text()),
            recorder=t["recorder"].text().strip(),
            subject_name=t["subject_name"].text().strip(),
            number=t["number"].text().strip(),
            place=t["place"].text().strip(),
            target_id=self.target.value(),
            team_id=self.team_id,
            subject_unit=t["subject_unit"].text().strip(),
            subject_position=t["subject_position"].text().strip(),
            subject_political_status=t["subject_political_status"].text().strip(),
            outline=self.outline.toPlainText().strip(),
            summary=self.summary.toPlainText().strip(),
        )
        pairs = self.turns.pairs()
        view, round_id = self.view, self.round_id

        def work(s: Session) -> Any:
            if view is None:
                saved = create_interview(s, round_id or "", draft)
            else:
                saved = update_interview(s, view.id, draft, expected_version=view.meta.version)
            if saved.confirmed:
                return saved
            return set_transcript(s, saved.id, pairs)

        return work
