"""问题线索: the cadre, the problem and where it is to be transferred; editable until 移交
(then the core's lock opens it read-only with the reason)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from ui.editors.base import RecordEditor, State
from ui.editors.fields import EnumChecks, EnumCombo, OptionalDate, TargetCombo
from workbench.services import Session
from workbench.services.clues import ClueDraft, register_clue, update_clue
from workbench.vocab.enums import (
    CadreLevel,
    ClueTransferUnit,
    Discipline,
    TransferMode,
)

TEXT_FIELDS = (
    "number",
    "subject_name",
    "subject_position",
    "category1",
    "category2",
    "other_unit",
)


class ClueEditor(RecordEditor):
    kind = "clue"

    def build(self) -> None:
        f = self.form
        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["number"].setPlaceholderText(self.tr("留空则自动编号"))
        self.texts["category1"].setPlaceholderText(self.tr("如：违反廉洁纪律"))
        self.subject_level = EnumCombo(CadreLevel)
        self.subject_level.set_value(CadreLevel.COUNTY)
        self.target = TargetCombo(self.tasks, self.round_id)
        self.problem = QPlainTextEdit()
        self.problem.setPlaceholderText(self.tr("反映的具体问题：时间、事项、金额、涉及人员"))
        self.problem.setFixedHeight(150)
        self.disciplines = EnumChecks(Discipline)
        self.transfer_unit = EnumCombo(ClueTransferUnit)
        self.transfer_mode = EnumCombo(TransferMode)
        self.second_unit = EnumCombo(ClueTransferUnit, blank=self.tr("无（单移交）"))
        self.texts["other_unit"].setPlaceholderText(self.tr("接收单位选“其他”时填写"))
        self.feedback_due = OptionalDate(self.tr("设定"))
        f.add("number", self.tr("编号"), self.texts["number"])
        f.add("subject_name", self.tr("被反映人"), self.texts["subject_name"])
        f.add("subject_position", self.tr("职务"), self.texts["subject_position"])
        f.add("subject_level", self.tr("干部级别"), self.subject_level)
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("problem", self.tr("具体问题"), self.problem)
        f.add("disciplines", self.tr("涉及纪律"), self.disciplines)
        f.add("category1", self.tr("一级分类"), self.texts["category1"])
        f.add("category2", self.tr("二级分类"), self.texts["category2"])
        f.add("transfer_unit", self.tr("拟移交单位"), self.transfer_unit)
        f.add("transfer_mode", self.tr("移交方式"), self.transfer_mode)
        f.add("second_unit", self.tr("第二接收单位"), self.second_unit)
        f.add("other_unit", self.tr("其他单位名称"), self.texts["other_unit"])
        f.add("feedback_due", self.tr("反馈期限"), self.feedback_due)
        for combo in (self.transfer_unit, self.transfer_mode, self.second_unit):
            combo.currentIndexChanged.connect(self._units_changed)
        self._units_changed()
        if self.view is not None:
            self.restore(self.state_of(self.view))  # locked after 移交: see RecordEditor

    def _units_changed(self) -> None:
        """双移交 names a second unit; "其他" its name — the inputs open as they apply."""
        double = self.transfer_mode.value() == TransferMode.DOUBLE.value
        self.second_unit.setEnabled(double)
        if not double:
            self.second_unit.set_value(None)
        chosen = {self.transfer_unit.value(), self.second_unit.value()}
        self.texts["other_unit"].setEnabled(ClueTransferUnit.OTHER.value in chosen)

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("登记问题线索")
        return self.tr("编辑问题线索 %1").replace("%1", self.view.number)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "number": view.number,
            "subject_name": view.subject_name,
            "subject_position": view.subject_position,
            "category1": view.category1,
            "category2": view.category2,
            "subject_level": view.subject_level.value,
            "target_id": view.target_id,
            "problem": view.problem,
            "disciplines": list(view.disciplines),
            "transfer_unit": view.transfer_unit.value,
            "transfer_mode": view.transfer_mode.value,
            "second_unit": view.second_unit.value if view.second_unit else None,
            "other_unit": view.other_unit,
            "feedback_due": view.feedback_due.isoformat() if view.feedback_due else None,
        }

    def state(self) -> State:
        return {
            **{name: edit.text() for name, edit in self.texts.items()},
            "subject_level": self.subject_level.value(),
            "target_id": self.target.value(),
            "problem": self.problem.toPlainText(),
            "disciplines": list(self.disciplines.values()),
            "transfer_unit": self.transfer_unit.value(),
            "transfer_mode": self.transfer_mode.value(),
            "second_unit": self.second_unit.value(),
            "feedback_due": self.feedback_due.text_value(),
        }

    def restore(self, state: State) -> None:
        for name, edit in self.texts.items():
            value = str(state.get(name) or "")
            if edit.text() != value:
                edit.setText(value)
        self.subject_level.set_value(state.get("subject_level"))
        self.target.set_value(state.get("target_id"))
        problem = str(state.get("problem") or "")
        if self.problem.toPlainText() != problem:
            self.problem.setPlainText(problem)
        self.disciplines.set_values(state.get("disciplines") or [])
        self.transfer_unit.set_value(state.get("transfer_unit"))
        self.transfer_mode.set_value(state.get("transfer_mode"))
        self.second_unit.set_value(state.get("second_unit"))
        if self.feedback_due.text_value() != state.get("feedback_due"):
            self.feedback_due.set_value(state.get("feedback_due"))

    def save_work(self) -> Callable[[Session], Any]:
        t = self.texts
        view = self.view
        draft = ClueDraft(
            round_id=self.round_id or "",
            subject_name=t["subject_name"].text().strip(),
            subject_level=self.subject_level.value(),
            problem=self.problem.toPlainText().strip(),
            transfer_unit=self.transfer_unit.value(),
            transfer_mode=self.transfer_mode.value(),
            second_unit=self.second_unit.value(),
            other_unit=t["other_unit"].text().strip(),
            subject_position=t["subject_position"].text().strip(),
            disciplines=self.disciplines.values(),
            category1=t["category1"].text().strip(),
            category2=t["category2"].text().strip(),
            feedback_due=self.feedback_due.value(),
            target_id=self.target.value(),
            team_id=self.team_id,
            source_refs=view.source_refs if view is not None else (),
            number=t["number"].text().strip() or None,
        )

        def work(s: Session) -> Any:
            if view is None:
                return register_clue(s, draft)
            return update_clue(s, view.id, draft, expected_version=view.meta.version)

        return work
