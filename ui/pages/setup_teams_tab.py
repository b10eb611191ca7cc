"""轮次配置 › 巡察组: the round's teams, and the members of the one selected (with 回避)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from ui.dialogs.member_dialog import MemberDialog, person_label
from ui.dialogs.team_dialog import TeamDialog
from ui.dialogs.team_targets_dialog import TeamTargetsDialog
from ui.i18n import core_text
from ui.pages.setup_data import SetupData, fill_table, make_table, select_id, selected_id
from workbench.services.office_setup import TeamSetup, TeamSummary
from workbench.services.rounds import MemberView

if TYPE_CHECKING:
    from ui.pages.setup_page import SetupPage


class TeamsTab(QWidget):
    def __init__(self, page: SetupPage) -> None:
        super().__init__()
        self.page = page
        self.data: SetupData | None = None
        self.pending: str | None = None  # a new team, selected once it is listed
        self.table = make_table(
            "teams_table",
            [
                self.tr("组号"),
                self.tr("名称"),
                self.tr("层级"),
                self.tr("所属县（区）"),
                self.tr("牵头组"),
                self.tr("组长"),
                self.tr("成员数"),
                self.tr("负责单位"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._team_selected)
        self.new_team = page.action("new_team", self.tr("新建巡察组…"), self.open_new_team)
        self.edit_team = page.action("edit_team", self.tr("编辑…"), self.open_edit_team)
        self.assign = page.action("assign_targets", self.tr("分配被巡察单位…"), self.open_assign)
        teams_box = QGroupBox(self.tr("巡察组"))
        column = QVBoxLayout(teams_box)
        buttons = QHBoxLayout()
        for button in (self.new_team, self.edit_team, self.assign):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.table)

        self.members = make_table(
            "members_table",
            [
                self.tr("姓名"),
                self.tr("组内职务"),
                self.tr("力量类型"),
                self.tr("原单位"),
                self.tr("来源"),
                self.tr("回避"),
            ],
        )
        self.add_member = page.action("add_member", self.tr("添加组员…"), self.open_add_member)
        self.edit_member = page.action("edit_member", self.tr("编辑…"), self.open_edit_member)
        self.members.itemSelectionChanged.connect(self._allow)
        self.members_box = QGroupBox(self.tr("组员"))
        column = QVBoxLayout(self.members_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_member)
        buttons.addWidget(self.edit_member)
        buttons.addStretch(1)
        buttons.addWidget(page.import_button("members"))
        column.addLayout(buttons)
        column.addWidget(self.members)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(teams_box)
        split.addWidget(self.members_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    # -- showing ---------------------------------------------------------------------------------

    def show_data(self, data: SetupData | None) -> None:
        self.data = data
        teams = data.teams if data else ()
        numbers = {s.team.id: s.team.number for s in teams}
        rows = []
        for s in teams:
            t = s.team
            lead = (
                self.tr("第%1组").replace("%1", str(numbers[t.lead_team_id]))
                if (t.lead_team_id in numbers)
                else ""
            )
            units = "、".join(data.target_name(i) for i in t.target_ids) if data else ""
            rows.append(
                (
                    t.id,
                    [
                        str(t.number),
                        t.name,
                        core_text(t.level.label),
                        t.county,
                        lead,
                        s.leader,
                        str(len(s.members)),
                        units,
                    ],
                )
            )
        fill_table(self.table, rows)
        if self.pending is not None:
            select_id(self.table, self.pending)
            self.pending = None
        self._team_selected()

    def team(self) -> TeamSummary | None:
        chosen = selected_id(self.table)
        teams = self.data.teams if self.data else ()
        return next((s for s in teams if s.team.id == chosen), None)

    def member(self) -> MemberView | None:
        team, chosen = self.team(), selected_id(self.members)
        return next((m for m in team.members if m.id == chosen), None) if team else None

    def _team_selected(self) -> None:
        team = self.team()
        self.members_box.setTitle(
            self.tr("组员 · %1").replace("%1", team.team.name) if team else self.tr("组员")
        )
        fill_table(
            self.members, [(m.id, self._member_cells(m)) for m in (team.members if team else ())]
        )
        self._allow()

    def _member_cells(self, m: MemberView) -> list[str]:
        data = self.data
        assert data is not None
        home = core_text(m.home_level.label)
        if m.home_county:
            home += f"·{m.home_county}"
        avoided = [data.target_name(i) for i in m.recusal_target_ids]
        avoided += [
            person_label(p, data.targets) for p in data.persons if p.id in m.recusal_person_ids
        ]
        recusal = "、".join(a for a in avoided if a)
        if m.recusal:
            recusal += self.tr("（%1）").replace("%1", m.recusal)
        return [
            m.name,
            core_text(m.role.label),
            core_text(m.force_type.label),
            m.original_unit,
            home,
            recusal,
        ]

    def _allow(self) -> None:
        page, has_round, team = self.page, self.data is not None, self.team() is not None
        pick_team = self.tr("请先在上表选择一个巡察组")
        page.allow(self.new_team, has_round)
        page.allow(self.edit_team, team, pick_team)
        page.allow(self.assign, team, pick_team)
        page.allow(self.add_member, team, pick_team)
        page.allow(self.edit_member, self.member() is not None, self.tr("请先选择一名组员"))

    # -- actions ---------------------------------------------------------------------------------

    def open_new_team(self) -> None:
        data = self.data
        assert data is not None
        dialog = TeamDialog(
            self.page.tasks, data.round.id, [s.team for s in data.teams], data.users, parent=self
        )

        def saved(setup: TeamSetup) -> None:
            level = core_text(setup.team.level.label)
            self.page.say(
                self.tr("已新建巡察组“%1”（第%2组，%3）")
                .replace("%1", setup.team.name)
                .replace("%2", str(setup.team.number))
                .replace("%3", level)
            )
            self.pending = setup.team.id

        self.page.open_dialog(dialog, saved)

    def open_edit_team(self) -> None:
        data, team = self.data, self.team()
        assert data is not None and team is not None
        dialog = TeamDialog(
            self.page.tasks,
            data.round.id,
            [s.team for s in data.teams],
            data.users,
            team.team,
            parent=self,
        )
        self.page.open_dialog(dialog)

    def open_assign(self) -> None:
        data, team = self.data, self.team()
        assert data is not None and team is not None
        dialog = TeamTargetsDialog(
            self.page.tasks, team.team, [s.team for s in data.teams], data.targets, parent=self
        )
        self.page.open_dialog(dialog)

    def open_add_member(self) -> None:
        self._open_member(None)

    def open_edit_member(self) -> None:
        self._open_member(self.member())

    def _open_member(self, member: MemberView | None) -> None:
        data, team = self.data, self.team()
        assert data is not None and team is not None
        dialog = MemberDialog(
            self.page.tasks, team.team, data.targets, data.persons, member, parent=self
        )
        self.page.open_dialog(dialog)
