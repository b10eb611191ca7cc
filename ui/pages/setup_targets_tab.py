"""轮次配置 › 被巡察单位: the round's targets; adding one seeds its 监督重点清单."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.dialogs.target_dialog import TargetDialog
from ui.i18n import core_text
from ui.pages.setup_data import SetupData, fill_table, make_table, selected_id
from workbench.services.office_setup import TargetSetup
from workbench.services.targets import TargetView

if TYPE_CHECKING:
    from ui.pages.setup_page import SetupPage


class TargetsTab(QWidget):
    def __init__(self, page: SetupPage) -> None:
        super().__init__()
        self.page = page
        self.data: SetupData | None = None
        self.table = make_table(
            "targets_table",
            [
                self.tr("名称"),
                self.tr("类型"),
                self.tr("子类型"),
                self.tr("关注等级"),
                self.tr("所属县（区）"),
                self.tr("一把手"),
                self.tr("巡察组"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._allow)
        self.add = page.action("add_target", self.tr("新增被巡察单位…"), self.open_add)
        self.edit = page.action("edit_target", self.tr("编辑…"), self.open_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        buttons.addWidget(page.import_button("targets"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def show_data(self, data: SetupData | None) -> None:
        self.data = data
        rows = []
        for t in data.targets if data else ():
            assert data is not None
            team = data.team_of(t)
            cells = [
                t.name,
                t.kind_title,
                t.subtype_title or "",
                core_text(t.attention.label),
                t.county,
                t.leader_name,
                team.team.name if team else "",
            ]
            rows.append((t.id, cells))
        fill_table(self.table, rows)
        self._allow()

    def target(self) -> TargetView | None:
        chosen = selected_id(self.table)
        return next((t for t in self.data.targets if t.id == chosen), None) if self.data else None

    def _allow(self) -> None:
        self.page.allow(self.add, self.data is not None)
        self.page.allow(self.edit, self.target() is not None, self.tr("请先选择一个被巡察单位"))

    def open_add(self) -> None:
        data = self.data
        assert data is not None
        teams = [s.team for s in data.teams]
        dialog = TargetDialog(self.page.tasks, data.round.id, teams, parent=self)
        self.page.open_dialog(dialog, self._added)

    def _added(self, setup: TargetSetup) -> None:
        if setup.focus_items:
            text = self.tr("已新增“%1”，按其类型生成监督重点清单 %2 条。").replace(
                "%2", str(setup.focus_items)
            )
        else:
            text = self.tr("已新增“%1”，未生成监督重点清单：%2").replace("%2", setup.note)
        self.page.say(text.replace("%1", setup.target.name))

    def open_edit(self) -> None:
        data, target = self.data, self.target()
        assert data is not None and target is not None
        teams = [s.team for s in data.teams]
        dialog = TargetDialog(self.page.tasks, data.round.id, teams, target, parent=self)
        self.page.open_dialog(dialog)
