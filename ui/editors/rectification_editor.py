"""整改台账: one fed-back problem and how it is put right. Status, evidence, 销号 and 评估 are
workflow steps (ui/pages/workflow_actions.py), shown here but not edited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from ui.editors.base import RecordEditor, State
from ui.editors.fields import FindingCombo, OptionalDate, TargetCombo
from ui.i18n import core_text
from workbench.services import Session
from workbench.services.rectification import (
    RectificationDraft,
    create_rectification,
    update_rectification,
)

TEXT_FIELDS = (
    "number",
    "category",
    "leader_in_charge",
    "lead_department",
    "responsible_person",
    "specific_person",
)
AREA_FIELDS = ("problem", "goal", "measures", "progress_notes")


class RectificationEditor(RecordEditor):
    kind = "rectification"

    def build(self) -> None:
        f = self.form
        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["number"].setPlaceholderText(self.tr("留空则自动编号"))
        self.texts["category"].setPlaceholderText(self.tr("如：落实全面从严治党主体责任"))
        self.areas: dict[str, QPlainTextEdit] = {name: QPlainTextEdit() for name in AREA_FIELDS}
        for name, height in (
            ("problem", 100),
            ("goal", 60),
            ("measures", 100),
            ("progress_notes", 80),
        ):
            self.areas[name].setFixedHeight(height)
        self.finding = FindingCombo(self.tasks, self.round_id)
        self.target = TargetCombo(self.tasks, self.round_id)
        self.due_date = OptionalDate(self.tr("设定时限"))
        f.add("number", self.tr("编号"), self.texts["number"])
        f.add("finding_id", self.tr("对应问题底稿"), self.finding)
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("category", self.tr("问题归类"), self.texts["category"])
        f.add("problem", self.tr("问题表现"), self.areas["problem"])
        f.add("goal", self.tr("整改目标"), self.areas["goal"])
        f.add("measures", self.tr("整改措施"), self.areas["measures"])
        f.add("leader_in_charge", self.tr("分管领导"), self.texts["leader_in_charge"])
        f.add("lead_department", self.tr("牵头部门"), self.texts["lead_department"])
        f.add("responsible_person", self.tr("主要负责人"), self.texts["responsible_person"])
        f.add("specific_person", self.tr("具体责任人"), self.texts["specific_person"])
        f.add("due_date", self.tr("整改时限"), self.due_date)
        f.add("progress_notes", self.tr("进展情况"), self.areas["progress_notes"])
        if self.view is not None:
            self.extra.addWidget(self._workflow_note(self.view))
            self.restore(self.state_of(self.view))

    def _workflow_note(self, view: Any) -> QLabel:
        parts = [self.tr("状态：%1").replace("%1", core_text(view.status.label))]
        if view.closed_on:
            parts.append(self.tr("销号日期：%1").replace("%1", view.closed_on.isoformat()))
        if view.grade is not None:
            parts.append(self.tr("评估等次：%1").replace("%1", core_text(view.grade.label)))
        parts.append(self.tr("佐证材料 %1 份").replace("%1", str(len(view.evidence_sha256))))
        if view.evidence_catalog:
            parts.append(
                self.tr("佐证材料目录 %1 项").replace("%1", str(len(view.evidence_catalog)))
            )
        lines = ["；".join(parts)]
        if view.reviewed_on:
            lines.append(
                self.tr("巡察办审核意见（%1，%2）：%3")
                .replace("%1", view.reviewed_on.isoformat())
                .replace("%2", view.reviewed_by)
                .replace("%3", view.review_opinion)
            )
        lines.append(
            self.tr("状态、销号、评估、审核意见和佐证材料目录请用整改台账页上的按钮办理。")
        )
        note = QLabel("\n".join(lines))
        note.setObjectName("workflow_note")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555; margin-top: 6px;")
        return note

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("新建整改事项")
        return self.tr("编辑整改事项 %1").replace("%1", self.view.number)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            **{name: getattr(view, name) for name in (*TEXT_FIELDS, *AREA_FIELDS)},
            "finding_id": view.finding_id,
            "target_id": view.target_id,
            "due_date": view.due_date.isoformat() if view.due_date else None,
        }

    def state(self) -> State:
        return {
            **{name: edit.text() for name, edit in self.texts.items()},
            **{name: area.toPlainText() for name, area in self.areas.items()},
            "finding_id": self.finding.value(),
            "target_id": self.target.value(),
            "due_date": self.due_date.text_value(),
        }

    def restore(self, state: State) -> None:
        for name, edit in self.texts.items():
            value = str(state.get(name) or "")
            if edit.text() != value:
                edit.setText(value)
        for name, area in self.areas.items():
            value = str(state.get(name) or "")
            if area.toPlainText() != value:
                area.setPlainText(value)
        self.finding.set_value(state.get("finding_id"))
        self.target.set_value(state.get("target_id"))
        if self.due_date.text_value() != state.get("due_date"):
            self.due_date.set_value(state.get("due_date"))

    def save_work(self) -> Callable[[Session], Any]:
        t, a = self.texts, self.areas
        draft = RectificationDraft(
            problem=a["problem"].toPlainText().strip(),
            number=t["number"].text().strip(),
            target_id=self.target.value(),
            team_id=self.team_id,
            finding_id=self.finding.value(),
            category=t["category"].text().strip(),
            measures=a["measures"].toPlainText().strip(),
            leader_in_charge=t["leader_in_charge"].text().strip(),
            lead_department=t["lead_department"].text().strip(),
            responsible_person=t["responsible_person"].text().strip(),
            due_date=self.due_date.value(),
            progress_notes=a["progress_notes"].toPlainText().strip(),
            goal=a["goal"].toPlainText().strip(),
            specific_person=t["specific_person"].text().strip(),
        )
        view, round_id = self.view, self.round_id

        def work(s: Session) -> Any:
            if view is None:
                return create_rectification(s, round_id or "", draft)
            return update_rectification(s, view.id, draft, expected_version=view.meta.version)

        return work
