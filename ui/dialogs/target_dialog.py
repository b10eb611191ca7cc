"""新增 / 编辑被巡察单位: the kind and sub-type come from the taxonomy catalog (the sub-types
offered follow the kind), with attention level, county, 一把手 and the team."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work, choose, enum_combo
from ui.tasks import Tasks
from workbench.services.catalog import catalog
from workbench.services.office_setup import add_target
from workbench.services.rounds import TeamView
from workbench.services.setup_records import edit_target
from workbench.services.targets import TargetDraft, TargetView
from workbench.vocab.enums import AttentionLevel


class TargetDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        round_id: str,
        teams: Sequence[TeamView],
        target: TargetView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑被巡察单位") if target else self.tr("新增被巡察单位")
        super().__init__(tasks, title, parent)
        self.setObjectName("target_dialog")
        self.round_id = round_id
        self.target = target
        self.name = QLineEdit(target.name if target else "")
        self.name.setObjectName("target_name")
        self.form.add("name", self.tr("名称"), self.name)
        self.kind = QComboBox()
        self.kind.setObjectName("target_kind")
        for kind in catalog().target_kinds():
            self.kind.addItem(kind.title, kind.code)
        if target is not None and self.kind.findData(target.kind) < 0:
            self.kind.addItem(target.kind_title, target.kind)  # retired from the catalog
        self.form.add("kind", self.tr("类型"), self.kind)
        self.subtype = QComboBox()
        self.subtype.setObjectName("target_subtype")
        self.form.add("subtype", self.tr("子类型"), self.subtype)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_subtypes())
        if target is not None:
            choose(self.kind, target.kind)
        self._fill_subtypes()
        if target is not None:
            choose(self.subtype, target.subtype)
        self.attention = enum_combo(
            "target_attention", AttentionLevel, target.attention if target else None
        )
        if target is None:
            choose(self.attention, AttentionLevel.GENERAL)
        self.form.add("attention", self.tr("关注等级"), self.attention)
        self.county = QLineEdit(target.county if target else "")
        self.county.setObjectName("target_county")
        self.form.add("county", self.tr("所属县（区）"), self.county)
        self.leader = QLineEdit(target.leader_name if target else "")
        self.leader.setObjectName("target_leader")
        self.form.add("leader_name", self.tr("一把手"), self.leader)
        self.team = QComboBox()
        self.team.setObjectName("target_team")
        self.team.addItem(self.tr("（暂不分配）"), None)
        for team in teams:
            self.team.addItem(team.name, team.id)
        choose(self.team, target.team_id if target else None)
        self.form.add("team_id", self.tr("巡察组"), self.team)

    def _fill_subtypes(self) -> None:
        """The chosen kind's sub-types; a kind without any offers none."""
        self.subtype.clear()
        kind = catalog().target_types().kind(str(self.kind.currentData()))
        subtypes = kind.subtypes if kind else ()
        self.subtype.addItem(self.tr("（无）") if not subtypes else self.tr("（不细分）"), None)
        for sub in subtypes:
            self.subtype.addItem(sub.title, sub.code)
        self.subtype.setEnabled(bool(subtypes))

    def work(self) -> Work | None:
        base = self.target
        draft = TargetDraft(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            subtype=self.subtype.currentData(),
            attention=self.attention.currentData(),
            parent_org=base.parent_org if base else "",
            overview=base.overview if base else "",
            leader_name=self.leader.text(),
            team_id=self.team.currentData(),
            county=self.county.text(),
        )
        if base is not None:
            target_id, version = base.id, base.meta.version
            return lambda s: edit_target(s, target_id, draft, expected_version=version)
        round_id = self.round_id
        return lambda s: add_target(s, round_id, draft)
