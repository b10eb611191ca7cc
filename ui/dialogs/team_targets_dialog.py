"""分配被巡察单位: tick the targets a team is responsible for. A target another team holds says
so in its label; ticking it here moves it to this team."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work
from ui.tasks import Tasks
from ui.widgets.check_list import CheckList
from workbench.services.rounds import TeamView
from workbench.services.setup_records import set_team_targets
from workbench.services.targets import TargetView


class TeamTargetsDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        team: TeamView,
        teams: Sequence[TeamView],
        targets: Sequence[TargetView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, self.tr("分配被巡察单位 · %1").replace("%1", team.name), parent)
        self.setObjectName("team_targets_dialog")
        self.team = team
        self.explain(
            self.tr("勾选“%1”负责巡察的单位。勾选已属其他组的单位，会把它移到本组。").replace(
                "%1", team.name
            )
        )
        held = {i: t.name for t in teams if t.id != team.id for i in t.target_ids}
        items = []
        for target in targets:
            label = target.name
            if target.id in held:
                label += self.tr("（现属%1）").replace("%1", held[target.id])
            items.append((label, target.id))
        self.targets = CheckList("team_targets")
        self.targets.setMinimumHeight(240)
        self.targets.set_items(items, team.target_ids)
        self.form.add("target_ids", self.tr("负责单位"), self.targets)

    def work(self) -> Work | None:
        team_id, wanted = self.team.id, self.targets.checked_ids()
        return lambda s: set_team_targets(s, team_id, wanted)
