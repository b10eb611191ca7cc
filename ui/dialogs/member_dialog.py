"""添加组员 / 编辑组员, with the 回避 declaration: the units and people of this round the member
must stay away from are ticked in lists (never typed), the 回避事由 says why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work, enum_combo
from ui.i18n import aside
from ui.tasks import Tasks
from ui.widgets.check_list import CheckList
from workbench.services.office_setup import add_team_member
from workbench.services.rounds import MemberDraft, MemberView, TeamView
from workbench.services.setup_records import edit_member
from workbench.services.targets import PersonView, TargetView
from workbench.vocab.enums import ForceType, MemberRole, OrgLevel


def person_label(person: PersonView, targets: Sequence[TargetView]) -> str:
    """姓名（单位 职务）: enough to tell two people of one name apart."""
    unit = person.unit or next((t.name for t in targets if t.id == person.target_id), "")
    where = " ".join(p for p in (unit, person.position) if p)
    return aside(person.name, where) if where else person.name


class MemberDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        team: TeamView,
        targets: Sequence[TargetView],
        persons: Sequence[PersonView],
        member: MemberView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑组员") if member else self.tr("添加组员")
        super().__init__(tasks, f"{title} · {team.name}", parent)
        self.setObjectName("member_dialog")
        self.team = team
        self.member = member
        self.explain(self.tr("回避：在下方勾选本轮中该组员应回避的单位和人员，回避事由写明原因。"))
        self.name = QLineEdit(member.name if member else "")
        self.name.setObjectName("member_name")
        self.form.add("name", self.tr("姓名"), self.name)
        self.role = enum_combo(
            "member_role", MemberRole, member.role if member else MemberRole.MEMBER
        )
        self.form.add("role", self.tr("组内职务"), self.role)
        self.force = enum_combo("force_type", ForceType, member.force_type if member else None)
        self.form.add("force_type", self.tr("力量类型"), self.force)
        self.unit = QLineEdit(member.original_unit if member else "")
        self.unit.setObjectName("original_unit")
        self.form.add("original_unit", self.tr("原单位"), self.unit)
        self.home_level = enum_combo("home_level", OrgLevel, member.home_level if member else None)
        self.form.add("home_level", self.tr("来源层级"), self.home_level)
        self.home_county = QLineEdit(member.home_county if member else "")
        self.home_county.setObjectName("home_county")
        self.home_county.setPlaceholderText(self.tr("来自县（区）时填写"))
        self.form.add("home_county", self.tr("来源县（区）"), self.home_county)
        self.recusal_targets = CheckList("recusal_targets")
        self.recusal_targets.set_items(
            [(t.name, t.id) for t in targets], member.recusal_target_ids if member else ()
        )
        self.form.add("recusal_target_ids", self.tr("回避单位"), self.recusal_targets)
        self.recusal_persons = CheckList("recusal_persons")
        self.recusal_persons.set_items(
            [(person_label(p, targets), p.id) for p in persons],
            member.recusal_person_ids if member else (),
        )
        self.form.add("recusal_person_ids", self.tr("回避人员"), self.recusal_persons)
        self.reason = QPlainTextEdit(member.recusal if member else "")
        self.reason.setObjectName("recusal")
        self.reason.setPlaceholderText(self.tr("如：配偶在该单位任职"))
        self.reason.setFixedHeight(60)
        self.form.add("recusal", self.tr("回避事由"), self.reason)

    def work(self) -> Work | None:
        target_ids = self.recusal_targets.checked_ids()
        person_ids = self.recusal_persons.checked_ids()
        reason = self.reason.toPlainText()
        if reason.strip() and not (target_ids or person_ids):
            self.refuse("recusal", self.tr("请在上方勾选需回避的单位或人员，回避事由只说明原因"))
            return None
        draft = MemberDraft(
            name=self.name.text(),
            role=self.role.currentData(),
            force_type=self.force.currentData(),
            original_unit=self.unit.text(),
            recusal=reason,
            user_id=self.member.user_id if self.member else None,
            home_level=self.home_level.currentData(),
            home_county=self.home_county.text(),
            recusal_target_ids=target_ids,
            recusal_person_ids=person_ids,
        )
        if self.member is not None:
            member_id, version = self.member.id, self.member.meta.version
            return lambda s: edit_member(s, member_id, draft, expected_version=version)
        team_id = self.team.id
        return lambda s: add_team_member(s, team_id, draft)
