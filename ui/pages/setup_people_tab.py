"""轮次配置 › 干部/人员: the cadres of the round's targets (身份证号: the last four only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.dialogs.person_dialog import PersonDialog, masked_id
from ui.i18n import core_text
from ui.pages.setup_data import SetupData, fill_table, make_table, selected_id
from workbench.services.targets import PersonView

if TYPE_CHECKING:
    from ui.pages.setup_page import SetupPage


class PersonsTab(QWidget):
    def __init__(self, page: SetupPage) -> None:
        super().__init__()
        self.page = page
        self.data: SetupData | None = None
        self.filter = QComboBox()
        self.filter.setObjectName("persons_target")
        self.filter.setMinimumWidth(220)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.table = make_table(
            "persons_table",
            [
                self.tr("姓名"),
                self.tr("单位"),
                self.tr("职务"),
                self.tr("干部管理权限"),
                self.tr("身份证号"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._allow)
        self.add = page.action("add_person", self.tr("添加干部…"), self.open_add)
        self.edit = page.action("edit_person", self.tr("编辑…"), self.open_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("被巡察单位：")))
        buttons.addWidget(self.filter)
        buttons.addWidget(self.add)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        buttons.addWidget(page.import_button("persons"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def show_data(self, data: SetupData | None) -> None:
        self.data = data
        kept = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("全部单位"), None)
        for t in data.targets if data else ():
            self.filter.addItem(t.name, t.id)
        self.filter.setCurrentIndex(max(0, self.filter.findData(kept)))
        self.filter.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        data, only = self.data, self.filter.currentData()
        rows = []
        for p in data.persons if data else ():
            assert data is not None
            if only and p.target_id != only:
                continue
            unit = p.unit or data.target_name(p.target_id)
            cells = [p.name, unit, p.position, core_text(p.level.label), masked_id(p.id_number)]
            rows.append((p.id, cells))
        fill_table(self.table, rows)
        self._allow()

    def person(self) -> PersonView | None:
        chosen = selected_id(self.table)
        return next((p for p in self.data.persons if p.id == chosen), None) if self.data else None

    def _allow(self) -> None:
        has_targets = bool(self.data and self.data.targets)
        self.page.allow(self.add, has_targets, self.tr("请先在“被巡察单位”中新增单位"))
        self.page.allow(self.edit, self.person() is not None, self.tr("请先选择一名干部"))

    def open_add(self) -> None:
        data = self.data
        assert data is not None
        dialog = PersonDialog(
            self.page.tasks,
            data.round.id,
            data.targets,
            target_id=self.filter.currentData(),
            parent=self,
        )
        self.page.open_dialog(
            dialog,
            lambda p: self.page.say(self.tr("已添加干部“%1”。").replace("%1", p.name)),
        )

    def open_edit(self) -> None:
        data, person = self.data, self.person()
        assert data is not None and person is not None
        dialog = PersonDialog(self.page.tasks, data.round.id, data.targets, person, parent=self)
        self.page.open_dialog(dialog)
