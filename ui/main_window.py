"""The main window: round selector, page navigation, status bar; pages do the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ui.dialogs.search_dialog import SearchDialog
from ui.errors import error_text, show_error
from ui.i18n import core_text
from ui.pages.attachments_page import AttachmentsPage
from ui.pages.audit_page import AuditPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.letters_page import LettersPage
from ui.pages.record_pages import make_pages
from ui.pages.workflow_actions import add_finding_actions, add_rectification_actions
from ui.tasks import Tasks
from ui.widgets.lock_screen import LockScreen
from workbench.errors import WorkbenchError
from workbench.services.activities import get_activity
from workbench.services.clues import get_clue
from workbench.services.findings import get_finding
from workbench.services.interviews import get_interview
from workbench.services.letters import get_letter
from workbench.services.rectification import get_rectification
from workbench.services.rounds import RoundView, list_rounds
from workbench.workspace import Role, Workspace

# search result type → (page key, get service)
RECORD_PAGES: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "letter": ("letters", get_letter),
    "interview": ("interviews", get_interview),
    "finding": ("findings", get_finding),
    "clue": ("clues", get_clue),
    "activity": ("activities", get_activity),
    "rectification": ("rectification", get_rectification),
}


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.directory = workspace.summary.directory
        self.tasks = Tasks(workspace, self)
        self.tasks.default_error = lambda e: show_error(self, e)
        self.setWindowTitle(self.tr("巡察工作台"))
        self.resize(1280, 800)

        self.round_combo = QComboBox()
        self.round_combo.setObjectName("round")
        self.round_combo.setMinimumWidth(280)
        self.round_combo.currentIndexChanged.connect(self._round_changed)
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("巡察轮次：")))
        toolbar.addWidget(self.round_combo)
        find = QAction(self.tr("检索"), self)
        find.setShortcut(QKeySequence("Ctrl+K"))
        find.triggered.connect(self.open_search)
        toolbar.addAction(find)
        lock = QAction(self.tr("锁定"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        toolbar.addAction(lock)
        self.addToolBar(toolbar)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(130)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._add_page("dashboard", self.tr("概览"), DashboardPage(self.tasks, self.scope))
        self._add_page("letters", self.tr("信访件"), LettersPage(self.tasks, self.scope))
        for key, (title, page) in make_pages(self.tasks, self.scope).items():
            self._add_page(key, title, page)
        self._add_page("attachments", self.tr("附件"), AttachmentsPage(self.tasks, self.scope))
        if Role.AUDITOR in workspace.user.roles:  # 三员: only the auditor reads the log
            self._add_page("audit", self.tr("审计日志"), AuditPage(self.tasks, self.scope))
        add_finding_actions(self.pages["findings"])  # type: ignore[arg-type]
        add_rectification_actions(self.pages["rectification"])  # type: ignore[arg-type]
        self.nav.currentRowChanged.connect(self._show_page)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([160, 1120])
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(split)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.toolbar = toolbar

        user = workspace.user
        roles = "、".join(core_text(r.label) for r in user.roles)
        self.statusBar().addPermanentWidget(QLabel(f"{user.display_name}（{roles}）"))
        self.statusBar().addPermanentWidget(QLabel(str(workspace.summary.directory)))
        self._rounds: list[RoundView] = []
        self.tasks.run(lambda s: list_rounds(s).items, self._rounds_loaded)

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        opened = getattr(page, "record_opened", None)
        if opened is not None:
            opened.connect(self.open_record)
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)

    def scope(self) -> dict[str, Any]:
        """What the navigation selects: pages merge it into their list filters."""
        round_id = self.round_combo.currentData()
        return {"round_id": round_id} if round_id else {}

    def _rounds_loaded(self, rounds: tuple[RoundView, ...]) -> None:
        self._rounds = list(rounds)
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        self.round_combo.addItem(self.tr("全部轮次"), None)
        for r in rounds:
            self.round_combo.addItem(r.name, r.id)
        if rounds:
            self.round_combo.setCurrentIndex(1)
        self.round_combo.blockSignals(False)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)  # refreshes the page it shows
        else:
            self._refresh_current()

    def _round_changed(self, _index: int) -> None:
        self._refresh_current()

    def _show_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            refresh()

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        self.nav.setCurrentRow(keys.index(key))

    # -- search ----------------------------------------------------------------------------------

    def open_search(self) -> SearchDialog:
        dialog = SearchDialog(self.tasks, self.round_combo.currentData(), self)
        dialog.record_opened.connect(self.open_record)
        dialog.show()
        dialog.query.setFocus()
        return dialog

    def open_record(self, record_type: str, record_id: str) -> None:
        """Go to the record's page and show it there."""
        target = RECORD_PAGES.get(record_type)
        if target is None:
            return
        key, get = target
        self.show_page(key)
        page = self.pages[key]
        self.tasks.run(lambda s: get(s, record_id), page.show_record)  # type: ignore[attr-defined]

    # -- lock ------------------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Clear what the pages show, lock the store (engine disposed, key zeroed) and show the
        lock screen; the pages keep their filters so unlocking returns to the same place."""
        if self.is_locked:
            return
        for page in self.pages.values():
            clear = getattr(page, "clear", None)
            if clear is not None:
                clear()
        self.toolbar.setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        user = self.workspace.user
        self.lock_screen.show_for(f"{user.display_name}（{user.name}）")
        self.tasks.lock_workspace(lambda _none: self.locked.emit())

    def unlock(self, passphrase: str) -> None:
        try:
            workspace = Workspace.open(self.directory, self.workspace.user.name, passphrase)
        except WorkbenchError as exc:
            self.lock_screen.message.setText(error_text(exc))
            return
        self.workspace = workspace
        self.tasks.set_workspace(workspace)
        self.toolbar.setEnabled(True)
        self.screens.setCurrentIndex(0)
        self._refresh_current()
        self.unlocked.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.tasks.shutdown()
        super().closeEvent(event)
