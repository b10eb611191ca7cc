"""关联组员 (系统管理员): which 组员 a store user acts as on this store — round → team → member.

The office names its own users in the member list, so on a field laptop nobody could sign off a
底稿 until linked here (``workbench.services.member_links``). A member whose 姓名 is exactly the
user's is pre-selected (the core's proposal); nothing is linked until 关联 is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.passphrase_dialog import message_label
from ui.errors import error_text
from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.services import Session, member_links
from workbench.services.member_links import MemberChoice, Proposal
from workbench.workspace import UserInfo

TAKEN_STYLE = "color: #8a5300;"  # the warning colour of the users dialog


def _choices(s: Session) -> tuple[list[MemberChoice], list[Proposal]]:
    return member_links.list_members(s), member_links.propose_links(s)


def member_text(c: MemberChoice) -> str:
    return aside(c.member_name, core_text(c.role.label))


class LinkMemberDialog(QDialog):
    linked = Signal(object)  # the MemberChoice now linked

    def __init__(self, tasks: Tasks, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.user = user
        self.members: list[MemberChoice] = []
        self.setWindowTitle(self.tr("关联组员"))
        intro = QLabel(
            self.tr(
                "%1 在本机以所选组员的身份工作：组长、副组长复核和审签本组底稿须先关联。"
                "组员名单由巡察办在部署包中下发，此处的关联只保存在本机。"
            ).replace("%1", aside(user.display_name, user.name))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.round = QComboBox()
        self.round.setObjectName("link_round")
        self.team = QComboBox()
        self.team.setObjectName("link_team")
        self.member = QComboBox()
        self.member.setObjectName("link_member")
        self.round.currentIndexChanged.connect(self._fill_teams)
        self.team.currentIndexChanged.connect(self._fill_members)
        self.member.currentIndexChanged.connect(self._member_changed)
        form = QFormLayout()
        form.addRow(self.tr("巡察轮次"), self.round)
        form.addRow(self.tr("巡察组"), self.team)
        form.addRow(self.tr("组员"), self.member)
        self.note = QLabel()
        self.note.setObjectName("link_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("color: palette(mid);")
        self.message = message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("关联"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.loaded = False
        self.tasks.run(_choices, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[MemberChoice], list[Proposal]]) -> None:
        self.members, proposals = result
        self.proposed = next((p.member for p in proposals if p.user_name == self.user.name), None)
        rounds = dict.fromkeys((c.round_id, c.round_name) for c in self.members)
        self.round.blockSignals(True)
        for round_id, name in rounds:
            self.round.addItem(name, round_id)
        self.round.blockSignals(False)
        if not self.members:
            self.note.setText(
                self.tr("本机还没有组员名单：请先导入巡察办的部署包（或由巡察办配置巡察组）。")
            )
        self._fill_teams()
        if self.proposed is not None:
            self.select(self.proposed.member_id)
        self.loaded = True

    def select(self, member_id: str) -> None:
        """Show the member's round, team and the member itself."""
        chosen = next((c for c in self.members if c.member_id == member_id), None)
        if chosen is None:
            return
        self.round.setCurrentIndex(self.round.findData(chosen.round_id))
        self.team.setCurrentIndex(self.team.findData(chosen.team_id))
        self.member.setCurrentIndex(self.member.findData(chosen.member_id))

    def _fill_teams(self) -> None:
        round_id = self.round.currentData()
        teams = dict.fromkeys(
            (c.team_id, c.team_name) for c in self.members if c.round_id == round_id
        )
        self.team.blockSignals(True)
        self.team.clear()
        for team_id, name in teams:
            self.team.addItem(name, team_id)
        self.team.blockSignals(False)
        self._fill_members()

    def _fill_members(self) -> None:
        team_id = self.team.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        for c in self.members:
            if c.team_id == team_id:
                self.member.addItem(member_text(c), c.member_id)
        self.member.blockSignals(False)
        self._member_changed()

    def chosen(self) -> MemberChoice | None:
        member_id = self.member.currentData()
        return next((c for c in self.members if c.member_id == member_id), None)

    def _member_changed(self) -> None:
        c = self.chosen()
        self.message.setText("")
        # a member someone acts as already cannot be linked (the core refuses it too)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            c is not None and not c.user_id
        )
        self.note.setStyleSheet(TAKEN_STYLE if c and c.user_id else "color: palette(mid);")
        if c is None:
            return
        if c.user_id == self.user.id:
            self.note.setText(self.tr("该组员已关联此用户。"))
        elif c.user_id:
            self.note.setText(
                self.tr("该组员已关联用户 %1：一名组员只能关联一个用户，请先取消该关联。").replace(
                    "%1", aside(c.user_display, c.user_name)
                )
            )
        elif self.proposed is not None and c.member_id == self.proposed.member_id:
            self.note.setText(self.tr("组员姓名与该用户的姓名相同，已预先选中，请核对后关联。"))
        else:
            self.note.setText("")

    def submit(self) -> None:
        c = self.chosen()
        if c is None:
            return
        name, member_id = self.user.name, c.member_id
        self.setEnabled(False)
        self.tasks.run(
            lambda s: member_links.link_member(s, name, member_id),
            self._done,
            self._failed,
            write=True,
        )

    def _done(self, view: MemberChoice) -> None:
        self.setEnabled(True)
        self.linked.emit(view)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.message.setText(error_text(error))
