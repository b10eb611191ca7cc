"""轮次配置 (office): the 巡察办 sets up the round chosen in the main window — its teams and
members (with 回避), its targets and their cadres, the "3+1" lists and the 监督重点清单.

Every change is a core function run on the DB worker (``office_setup``, ``setup_records``),
which refuses anyone but 巡察办; the page only disables what the user's roles cannot do and
says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.dialogs.setup_dialog import SetupDialog
from ui.dialogs.setup_import_dialog import SetupImportDialog
from ui.i18n import core_text
from ui.pages.setup_data import SetupData, load_setup
from ui.pages.setup_lists_tab import FocusTab, ListsTab
from ui.pages.setup_people_tab import PersonsTab
from ui.pages.setup_targets_tab import TargetsTab
from ui.pages.setup_teams_tab import TeamsTab
from ui.tasks import Tasks
from workbench.roles import Role
from workbench.services.office_setup import SETUP_ROLES
from workbench.vocab.labels import type_label

Scope = Callable[[], dict[str, Any]]

# a tab's import button → the set-up template it reads
IMPORT_KINDS = {
    "targets": "targets",
    "persons": "persons",
    "members": "members",
    "list_entries": "lists",
}


class SetupPage(QWidget):
    units_changed = Signal()  # teams or targets changed: the main window's selectors follow

    def __init__(
        self, tasks: Tasks, scope: Scope, roles: Iterable[Role], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup")
        self.tasks = tasks
        self.scope = scope
        held = tuple(roles)
        self.can_setup = any(r in held for r in SETUP_ROLES)
        names = "、".join(core_text(r.label) for r in held)
        self.refusal = self.tr("只有“巡察办”角色可以配置巡察轮次（当前用户：%1）").replace(
            "%1", names
        )
        self.data: SetupData | None = None
        self.shown_round: str | None = None  # what the message above the tabs is about
        self.last_dialog: SetupDialog | None = None
        self.last_import: SetupImportDialog | None = None
        self.heading = QLabel(self.tr("轮次配置"))
        self.heading.setObjectName("setup_heading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.message = note_label("setup_message")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("setup_tabs")
        self.teams = TeamsTab(self)
        self.targets = TargetsTab(self)
        self.persons = PersonsTab(self)
        self.lists = ListsTab(self)
        self.focus = FocusTab(self)
        self.tabs.addTab(self.teams, self.tr("巡察组"))
        self.tabs.addTab(self.targets, core_text(type_label("targets")))
        self.tabs.addTab(self.persons, self.tr("干部/人员"))
        self.tabs.addTab(self.lists, self.tr("“3+1”清单"))
        self.tabs.addTab(self.focus, self.tr("监督清单"))
        self.role_note = note_label("setup_role_note")
        self.role_note.setStyleSheet("color: #8a5a00;")
        self.role_note.setText(self.refusal)
        self.role_note.setVisible(not self.can_setup)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.role_note)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # -- shared by the tabs ----------------------------------------------------------------------

    def action(self, name: str, text: str, handler: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: handler())
        return button

    def allow(self, button: QPushButton, ready: bool, why_not: str = "") -> None:
        """Enabled when the user may set up and the tab has what the action needs; otherwise
        the tooltip says which of the two is missing."""
        if not self.can_setup:
            button.setEnabled(False)
            button.setToolTip(self.refusal)
        else:
            button.setEnabled(ready)
            button.setToolTip("" if ready else why_not)

    def import_button(self, kind: str) -> QPushButton:
        """从 Excel 导入 ``kind`` (a key of IMPORT_KINDS) into the chosen round."""
        button = self.action(
            f"import_{kind}", self.tr("从 Excel 导入…"), lambda: self.open_import(kind)
        )
        self.allow(button, True)
        return button

    def open_import(self, kind: str) -> SetupImportDialog | None:
        round_id = self.round_id()
        if round_id is None:
            return None
        dialog = SetupImportDialog(self.tasks, round_id, self)
        dialog.set_kind(IMPORT_KINDS[kind])
        dialog.imported.connect(lambda _kind, _rows: self.reload(units=True))
        if self.last_import is not None and not self.last_import.isVisible():
            self.last_import.deleteLater()
        self.last_import = dialog
        dialog.show()
        return dialog

    def open_dialog(
        self, dialog: SetupDialog, on_saved: Callable[[Any], None] | None = None
    ) -> None:
        """Show a set-up dialog; after a save, say what changed and load the round again."""
        previous = self.last_dialog
        if previous is not None and not previous.isVisible():
            previous.deleteLater()  # kept until the next one for tests and screenshots
        self.last_dialog = dialog

        def saved(result: Any) -> None:
            if on_saved is not None:
                on_saved(result)
            self.reload(units=True)

        dialog.saved.connect(saved)
        dialog.open()

    def say(self, text: str) -> None:
        self.message.setText(text)

    # -- loading ---------------------------------------------------------------------------------

    def round_id(self) -> str | None:
        value = self.scope().get("round_id")
        return str(value) if value else None

    def refresh(self) -> None:
        self.reload()

    def reload(self, *, units: bool = False) -> None:
        round_id = self.round_id()
        if round_id is None:
            self.data = None
            self.shown_round = None
            self.heading.setText(self.tr("轮次配置"))
            self.message.setText(self.tr("请先在上方的“巡察轮次”中选择要配置的一轮巡察。"))
            self.tabs.setEnabled(False)
            self._show()
            return

        def loaded(data: SetupData) -> None:
            if round_id != self.round_id():
                return  # an answer for a round no longer chosen
            self.data = data
            if self.shown_round != round_id:  # another round: the last message was not about it
                self.message.clear()
                self.shown_round = round_id
            self.heading.setText(self.tr("轮次配置 · %1").replace("%1", data.round.name))
            self.tabs.setEnabled(True)
            self._show()
            if units:
                self.units_changed.emit()

        self.tasks.run(lambda s: load_setup(s, round_id), loaded)

    def _show(self) -> None:
        for tab in (self.teams, self.targets, self.persons, self.lists, self.focus):
            tab.show_data(self.data)

    def clear(self) -> None:
        """Locked: nothing of the round stays on screen."""
        self.data = None
        self.message.clear()
        self._show()
