"""工作记录: a briefing, forum, file review or field visit — one of the catalog's work methods."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from ui.editors.base import RecordEditor, State
from ui.editors.fields import DateTimeField, EnumCombo, TargetCombo, join_names, split_names
from workbench.services import Session
from workbench.services.activities import ActivityDraft, create_activity, update_activity
from workbench.services.catalog import catalog
from workbench.vocab.enums import ActivityType

# interviews and letters have their own records; the core refuses them as activities
ACTIVITY_KINDS = ("activity", "other")


class MethodCombo(QComboBox):
    """The catalog's work methods that make a 工作记录; the blank entry lets the core take the
    method that goes with the activity type."""

    def __init__(self, blank: str) -> None:
        super().__init__()
        self.addItem(blank, "")
        for method in catalog().work_methods():
            if method.record_kind in ACTIVITY_KINDS:
                self.addItem(f"{method.code}  {method.title}", method.code)
                self.setItemData(self.count() - 1, method.description, Qt.ItemDataRole.ToolTipRole)

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: str | None) -> None:
        index = self.findData(code or "")
        if index < 0 and code:  # a method since dropped from the catalog: keep it selectable
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def method_for(self, activity_type: str) -> str:
        """The catalog's method for an activity type (the catalog names types by label)."""
        label = next((t.label for t in ActivityType if t.value == activity_type), None)
        found = next((m for m in catalog().work_methods() if m.activity_type == label), None)
        return found.code if found else ""


class ActivityEditor(RecordEditor):
    kind = "activity"

    def build(self) -> None:
        f = self.form
        self.activity_type = EnumCombo(ActivityType)
        self.method = MethodCombo(self.tr("（按工作类型自动确定）"))
        self.held_at = DateTimeField()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("如：听取县交通运输局党组工作汇报"))
        self.target = TargetCombo(self.tasks, self.round_id)
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(self.tr("多人用顿号或空格分隔"))
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(220)
        f.add("activity_type", self.tr("工作类型"), self.activity_type)
        f.add("method_code", self.tr("工作方式"), self.method)
        f.add("held_at", self.tr("时间"), self.held_at)
        f.add("title", self.tr("标题"), self.title_edit)
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("participants", self.tr("参与人"), self.participants)
        f.add("notes", self.tr("工作记录"), self.notes)
        self._method_by_type = self.method.method_for(self.activity_type.value())
        self.activity_type.currentIndexChanged.connect(self._follow_type)
        if self.view is not None:
            self.restore(self.state_of(self.view))
            self._method_by_type = self.method.method_for(self.activity_type.value())

    def _follow_type(self) -> None:
        """A method still matching the old type follows the new one; a chosen one stays."""
        follows = self.method.value() == self._method_by_type and not self._applying
        self._method_by_type = self.method.method_for(self.activity_type.value())
        if follows:
            self.method.set_value(self._method_by_type)

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("新建工作记录")
        return self.tr("编辑工作记录 %1").replace("%1", self.view.title)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "type": view.activity_type.value,
            "method_code": view.method_code,
            "held_at": view.held_at.isoformat(timespec="minutes"),
            "title": view.title,
            "target_id": view.target_id,
            "participants": join_names(view.participants),
            "notes": view.notes,
        }

    def state(self) -> State:
        return {
            "type": self.activity_type.value(),
            "method_code": self.method.value(),
            "held_at": self.held_at.text_value(),
            "title": self.title_edit.text(),
            "target_id": self.target.value(),
            "participants": self.participants.text(),
            "notes": self.notes.toPlainText(),
        }

    def restore(self, state: State) -> None:
        self.activity_type.set_value(state.get("type"))
        self.method.set_value(state.get("method_code"))
        self.held_at.set_text_value(state.get("held_at"))
        self.target.set_value(state.get("target_id"))
        for edit, key in ((self.title_edit, "title"), (self.participants, "participants")):
            value = str(state.get(key) or "")
            if edit.text() != value:
                edit.setText(value)
        notes = str(state.get("notes") or "")
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)

    def save_work(self) -> Callable[[Session], Any]:
        draft = ActivityDraft(
            activity_type=self.activity_type.value(),
            held_at=datetime.fromisoformat(self.held_at.text_value()),
            title=self.title_edit.text().strip(),
            method_code=self.method.value(),
            target_id=self.target.value(),
            team_id=self.team_id,
            participants=split_names(self.participants.text()),
            notes=self.notes.toPlainText().strip(),
        )
        view, round_id = self.view, self.round_id

        def work(s: Session) -> Any:
            if view is None:
                return create_activity(s, round_id or "", draft)
            return update_activity(s, view.id, draft, expected_version=view.meta.version)

        return work
