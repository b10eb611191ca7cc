"""新建巡察组 / 编辑巡察组: name, level (市级/县级), county, 牵头组 (1托N) and, for a new team,
its 组长 (a user of this store, or a name)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work, choose, enum_combo
from ui.tasks import Tasks
from workbench.models.enums import OrgLevel
from workbench.services.rounds import TeamView
from workbench.services.setup_records import TeamFields, add_team, edit_team


class TeamDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        round_id: str,
        teams: Sequence[TeamView],
        users: Sequence[tuple[str, str]],  # (display name, user name)
        team: TeamView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑巡察组") if team else self.tr("新建巡察组")
        super().__init__(tasks, title, parent)
        self.setObjectName("team_dialog")
        self.round_id = round_id
        self.team = team
        self.name = QLineEdit(team.name if team else "")
        self.name.setObjectName("team_name")
        self.name.setPlaceholderText(self.tr("如：第一巡察组"))
        self.form.add("name", self.tr("名称"), self.name)
        self.leader = QComboBox()
        self.leader.setObjectName("team_leader")
        self.leader.setEditable(True)
        self.leader.addItem("", None)
        for display_name, user_name in users:
            self.leader.addItem(f"{display_name}（{user_name}）", user_name)
        typed = self.leader.lineEdit()
        assert typed is not None  # the combo is editable
        typed.setPlaceholderText(self.tr("选择本库用户，或直接填写姓名"))
        if team is None:
            self.form.add("leader", self.tr("组长"), self.leader)
        self.level = enum_combo("team_level", OrgLevel, team.level if team else None)
        self.form.add("level", self.tr("层级"), self.level)
        self.county = QLineEdit(team.county if team else "")
        self.county.setObjectName("team_county")
        self.county.setPlaceholderText(self.tr("县级巡察组所属的县（区）"))
        self.form.add("county", self.tr("所属县（区）"), self.county)
        self.lead = QComboBox()
        self.lead.setObjectName("team_lead")
        self.lead.addItem(self.tr("（无）"), None)
        for other in teams:
            if team is None or other.id != team.id:
                self.lead.addItem(
                    self.tr("第%1组 %2").replace("%1", str(other.number)).replace("%2", other.name),
                    other.id,
                )
        choose(self.lead, team.lead_team_id if team else None)
        self.form.add("lead_team_id", self.tr("牵头组（1托N）"), self.lead)

    def leader_name(self) -> str:
        """The chosen user's login name, or the name typed."""
        text = self.leader.currentText().strip()
        index = self.leader.findText(text)
        data = self.leader.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def work(self) -> Work | None:
        fields = TeamFields(
            name=self.name.text(),
            level=self.level.currentData(),
            county=self.county.text(),
            lead_team_id=self.lead.currentData(),
        )
        if self.team is not None:
            team_id, version = self.team.id, self.team.meta.version
            return lambda s: edit_team(s, team_id, fields, expected_version=version)
        round_id, leader = self.round_id, self.leader_name() or None
        return lambda s: add_team(s, round_id, fields, leader=leader)
