"""The toolbar's 轮次 menu of the 巡察办 on an office store: 新建巡察轮次… and 编辑本轮…, both
opening the round wizard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ui.dialogs.round_wizard import open_round_wizard
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.roles import Role
from workbench.services.rounds import RoundView
from workbench.workspace import Workspace


def may_set_up(workspace: Workspace) -> bool:
    """Whether to offer the office's set-up here: an office store opened by 巡察办 (the core
    refuses anyone else all the same)."""
    return workspace.summary.store_role == "office" and Role.OFFICE in workspace.user.roles


def round_menu_button(
    tasks: Tasks,
    parent: QWidget,
    current_round: Callable[[], str | None],
    on_saved: Callable[[RoundView], None],
) -> QToolButton:
    """The toolbar's 轮次 menu: 新建巡察轮次… and 编辑本轮… (the round chosen in the toolbar)."""
    new = QAction(_tr("新建巡察轮次…"), parent)
    new.setObjectName("new_round")
    new.triggered.connect(lambda: open_round_wizard(tasks, parent, on_saved, None))
    edit = QAction(_tr("编辑本轮…"), parent)
    edit.setObjectName("edit_round")
    edit.triggered.connect(lambda: open_round_wizard(tasks, parent, on_saved, current_round()))
    menu = QMenu(parent)
    menu.addAction(new)
    menu.addAction(edit)

    def update() -> None:
        chosen = current_round() is not None
        edit.setEnabled(chosen)
        edit.setToolTip("" if chosen else _tr("请先在工具栏选择巡察轮次"))

    menu.aboutToShow.connect(update)
    button = QToolButton()
    button.setObjectName("round_menu")
    button.setText(_tr("轮次"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return button
