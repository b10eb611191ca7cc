"""新建巡察组 / 编辑巡察组: name, level (市级/县级), county, 牵头组 (1托N), for a new team its 组长
(a user of this store, or a name), and the team's 信访渠道 that its 巡察公告 and 小信封 print
(set by 巡察办 only: for anyone else the fields are read-only, with the core's reason)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from shiboken6 import isValid

from ui.dialogs.setup_dialog import SetupDialog, Work, choose, enum_combo
from ui.i18n import aside, core_text
from ui.tasks import Tasks
from workbench.services import Session
from workbench.services.rounds import TeamContact, TeamView, contact_refusal, set_team_contact
from workbench.services.setup_records import TeamFields, add_team, edit_team
from workbench.vocab.enums import OrgLevel


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
            self.leader.addItem(aside(display_name, user_name), user_name)
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
        self._contact_form(team.contact if team else TeamContact())
        tasks.run(contact_refusal, self._contact_refused)

    # -- 信访渠道 ----------------------------------------------------------------------------------

    def _contact_form(self, contact: TeamContact) -> None:
        labels = {
            "phone": (self.tr("值班电话"), ""),
            "mailbox": (self.tr("邮政信箱"), self.tr("如：云川县邮政局第18号信箱")),
            "postcode": (self.tr("邮编"), self.tr("6 位数字")),
            "email": (self.tr("电子邮箱"), ""),
            "address": (self.tr("来访地址"), ""),
            "hours": (self.tr("受理时间"), self.tr("如：每天 8:00—18:00")),
            "qr": (self.tr("二维码内容"), self.tr("举报平台网址，或电话、邮箱文字")),
        }
        self.contact: dict[str, QLineEdit] = {}
        self.contact_refusal: str | None = None
        self.contact_given = contact
        for name, (label, hint) in labels.items():
            edit = QLineEdit(getattr(contact, name))
            edit.setObjectName(f"contact_{name}")
            edit.setPlaceholderText(hint)
            self.contact[name] = edit
            self.form.add(name, self.tr("信访渠道·%1").replace("%1", label), edit)

    def _contact_refused(self, refusal: str | None) -> None:
        if not isValid(self):
            return
        self.contact_refusal = refusal
        for edit in self.contact.values():
            edit.setReadOnly(refusal is not None)
            edit.setToolTip(core_text(refusal) if refusal else "")
        if refusal:
            self.explain(self.tr("信访渠道只读：%1").replace("%1", core_text(refusal)))

    def contact_typed(self) -> TeamContact:
        return TeamContact(**{name: edit.text().strip() for name, edit in self.contact.items()})

    def contact_changed(self) -> TeamContact | None:
        """The 信访渠道 to store with the team; None when left as it was (a user who may not set
        it leaves it so, and the save does not ask)."""
        typed, given = self.contact_typed(), self.contact_given
        same = all(getattr(typed, f.name) == getattr(given, f.name) for f in fields(typed))
        return None if same else typed

    def leader_name(self) -> str:
        """The chosen user's login name, or the name typed."""
        text = self.leader.currentText().strip()
        index = self.leader.findText(text)
        data = self.leader.itemData(index) if index >= 0 else None
        return str(data) if data else text

    def work(self) -> Work | None:
        team_fields = TeamFields(
            name=self.name.text(),
            level=self.level.currentData(),
            county=self.county.text(),
            lead_team_id=self.lead.currentData(),
        )
        contact = self.contact_changed()
        if self.team is not None:
            team_id, version = self.team.id, self.team.meta.version

            def edited(s: Session) -> TeamView:
                view = edit_team(s, team_id, team_fields, expected_version=version)
                return set_team_contact(s, team_id, contact) if contact is not None else view

            return edited
        round_id, leader = self.round_id, self.leader_name() or None

        def added(s: Session) -> Any:
            setup = add_team(s, round_id, team_fields, leader=leader)
            if contact is not None:
                set_team_contact(s, setup.team.id, contact)
            return setup

        return added
