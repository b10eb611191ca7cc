"""添加 / 编辑干部: the person's unit (a target of the round), post, 干部管理权限 and 身份证号.
The number is checked as it is typed (GB 11643) and again by the core, which refuses a bad one;
either way the reason shows under the field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work, choose, enum_combo
from ui.tasks import Tasks
from workbench.services.id_numbers import id_number_problem
from workbench.services.setup_records import add_person, edit_person
from workbench.services.targets import PersonDraft, PersonView, TargetView
from workbench.vocab.enums import CadreLevel


def masked_id(number: str) -> str:
    """Only the last four characters of a 身份证号 are shown in tables."""
    return "*" * (len(number) - 4) + number[-4:] if len(number) > 4 else number


class PersonDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        round_id: str,
        targets: Sequence[TargetView],
        person: PersonView | None = None,
        target_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑干部") if person else self.tr("添加干部")
        super().__init__(tasks, title, parent)
        self.setObjectName("person_dialog")
        self.round_id = round_id
        self.person = person
        self.target = QComboBox()
        self.target.setObjectName("person_target")
        for t in targets:
            self.target.addItem(t.name, t.id)
        choose(self.target, person.target_id if person else target_id)
        self.form.add("target_id", self.tr("所在被巡察单位"), self.target)
        self.name = QLineEdit(person.name if person else "")
        self.name.setObjectName("person_name")
        self.form.add("name", self.tr("姓名"), self.name)
        self.position = QLineEdit(person.position if person else "")
        self.position.setObjectName("person_position")
        self.form.add("position", self.tr("职务"), self.position)
        self.level = enum_combo("person_level", CadreLevel, person.level if person else None)
        self.form.add("level", self.tr("干部管理权限"), self.level)
        self.unit = QLineEdit(person.unit if person else "")
        self.unit.setObjectName("person_unit")
        self.unit.setPlaceholderText(self.tr("不在被巡察单位本级任职时填写"))
        self.form.add("unit", self.tr("工作单位"), self.unit)
        self.portfolio = QLineEdit(person.portfolio if person else "")
        self.portfolio.setObjectName("person_portfolio")
        self.form.add("portfolio", self.tr("分管工作"), self.portfolio)
        self.id_number = QLineEdit(person.id_number if person else "")
        self.id_number.setObjectName("person_id_number")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 位，可不填"))
        self.id_number.editingFinished.connect(self._check_id_number)
        self.form.add("id_number", self.tr("身份证号"), self.id_number)

    def _check_id_number(self) -> None:
        """Tell at once what is wrong with the number; saving still asks the core."""
        text = self.id_number.text().strip()
        line = self.form.errors["id_number"]
        problem = id_number_problem(text) if text else None
        if problem is None:
            line.hide()
            return
        line.setWordWrap(True)
        line.setText(problem)
        line.show()
        self.fit()

    def work(self) -> Work | None:
        if self.target.currentData() is None:
            self.refuse("target_id", self.tr("请先添加被巡察单位，再添加其干部"))
            return None
        base = self.person
        draft = PersonDraft(
            target_id=str(self.target.currentData()),
            name=self.name.text(),
            level=self.level.currentData(),
            position=self.position.text(),
            portfolio=self.portfolio.text(),
            term_start=base.term_start if base else None,
            term_end=base.term_end if base else None,
            unit=self.unit.text(),
            id_number=self.id_number.text(),
        )
        if base is not None:
            person_id, version = base.id, base.meta.version
            return lambda s: edit_person(s, person_id, draft, expected_version=version)
        round_id = self.round_id
        return lambda s: add_person(s, round_id, draft)
