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
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from ui.admin import add_admin_actions, refresh_reminder, with_backup_reminder
from ui.dialogs.drafts_dialog import DraftsDialog
from ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from ui.dialogs.round_menu import may_set_up, round_menu_button
from ui.dialogs.search_dialog import SearchDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.user_forms import roles_text
from ui.editors.registry import (
    EDITORS,
    Parked,
    add_editor_actions,
    open_editor,
    park_open_editors,
    reopen_parked,
)
from ui.errors import error_text, show_error
from ui.i18n import aside
from ui.i18n import tr as _tr
from ui.icons import icon
from ui.lock import IdleLock
from ui.menu_bar import build_menu_bar
from ui.pages.attachments_page import AttachmentsPage
from ui.pages.audit_page import AuditPage
from ui.pages.clue_actions import add_clue_actions
from ui.pages.conflicts_page import ConflictsPage
from ui.pages.dashboard_page import DashboardPage
from ui.pages.datacheck_page import DatacheckPage
from ui.pages.devices_page import DevicesPage
from ui.pages.document_actions import add_document_actions
from ui.pages.exchange_page import ExchangePage
from ui.pages.letters_page import LettersPage
from ui.pages.record_pages import make_pages
from ui.pages.reports_page import ReportsPage
from ui.pages.setup_page import SetupPage
from ui.pages.workflow_actions import add_finding_actions, add_rectification_actions
from ui.slow_call import SlowCall, start_slow_call
from ui.tasks import Tasks
from ui.widgets.duty_pages import SEPARATION_PAGE, keep_to_duty
from ui.widgets.index_status import IndexStatus
from ui.widgets.lock_screen import LockScreen
from workbench.services import Session
from workbench.services.activities import get_activity
from workbench.services.clues import get_clue
from workbench.services.common import MAX_PAGE
from workbench.services.datahits import get_hit
from workbench.services.drafts import DraftView, discard_draft, list_drafts
from workbench.services.findings import get_finding
from workbench.services.interviews import get_interview
from workbench.services.letters import get_letter
from workbench.services.reads import open_record
from workbench.services.rectification import get_rectification
from workbench.services.rounds import RoundView, TeamView, list_rounds, list_teams
from workbench.services.targets import TargetView, list_targets
from workbench.vocab.labels import BY_KIND
from workbench.workspace import Role, Workspace

# search result type → (page key, from the registry of record types; get service)
RECORD_PAGES: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    kind: (str(BY_KIND[kind].page), get)
    for kind, get in (
        ("letter", get_letter),
        ("interview", get_interview),
        ("finding", get_finding),
        ("clue", get_clue),
        ("activity", get_activity),
        ("rectification", get_rectification),
        ("data_hit", get_hit),
    )
}


def store_place(workspace: Workspace) -> str:
    """Where the data is: the store's folder, or on a server-linked desktop the server and its
    database (that folder holds only the link), never the login or its password."""
    server = workspace.server_place
    if server is None:
        return str(workspace.summary.directory)
    return aside(_tr("巡察办服务器"), server)


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
        self.team_combo = QComboBox()  # 巡察组 of the round
        self.team_combo.setObjectName("team")
        self.team_combo.setMinimumWidth(130)
        self.team_combo.currentIndexChanged.connect(self._team_changed)
        self.target_combo = QComboBox()  # 被巡察单位 of the round, or of the team
        self.target_combo.setObjectName("target")
        self.target_combo.setMinimumWidth(210)
        self.target_combo.currentIndexChanged.connect(lambda _index: self._refresh_current())
        self._teams: list[TeamView] = []
        self._targets: list[TargetView] = []
        self.idle_lock: IdleLock | None = None  # handed over by the app; the settings change it
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        scope_widgets: list[QWidget] = [QLabel(self.tr("巡察轮次：")), self.round_combo]
        office = may_set_up(workspace)  # 巡察办 on an office store sets rounds up
        if office:
            current = self.round_combo.currentData
            scope_widgets.append(round_menu_button(self.tasks, self, current, self._round_saved))
        scope_widgets += [QLabel(self.tr(" 巡察组：")), self.team_combo]
        scope_widgets += [QLabel(self.tr(" 被巡察单位：")), self.target_combo]
        scope_actions = [toolbar.addWidget(w) for w in scope_widgets]
        find = QAction(icon("search"), self.tr("检索"), self)
        find.setShortcut(QKeySequence("Ctrl+K"))
        find.triggered.connect(self.open_search)
        toolbar.addAction(find)
        lock = QAction(icon("lock"), self.tr("锁定"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        toolbar.addAction(lock)
        preferences = QAction(icon("settings"), self.tr("设置"), self)
        preferences.setObjectName("open_settings")
        preferences.triggered.connect(self.open_settings)
        toolbar.addAction(preferences)
        toolbar.addWidget(self._account_button())
        self.addToolBar(toolbar)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(130)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        dashboard = DashboardPage(self.tasks, self.scope, office=office)
        dashboard.overdue_requested.connect(self.show_overdue_clues)
        dashboard.rect_overdue_requested.connect(self.show_overdue_rectifications)
        self._add_page("dashboard", self.tr("概览"), dashboard)
        self._add_page("letters", self.tr("信访件"), LettersPage(self.tasks, self.scope))
        for key, (title, page) in make_pages(self.tasks, self.scope).items():
            self._add_page(key, title, page)
        self._add_page("datacheck", self.tr("数据比对"), DatacheckPage(self.tasks, self.scope))
        self._add_page("reports", self.tr("文书报表"), ReportsPage(self.tasks, self.scope))
        exchange = ExchangePage(self.tasks, self.scope, workspace.summary.store_role)
        exchange.page_requested.connect(self.show_page)
        exchange.rounds_changed.connect(self.reload_rounds)
        exchange.rounds_changed.connect(self.catch_up_index)  # an import may have queued records
        self._add_page("exchange", self.tr("数据交换"), exchange)
        if workspace.summary.store_role == "office":
            setup = SetupPage(self.tasks, self.scope, workspace.user.roles)
            setup.units_changed.connect(self.reload_rounds)
            self._add_page("setup", self.tr("轮次配置"), setup)
            self._add_page("devices", self.tr("设备管理"), DevicesPage(self.tasks))
            self._add_page("conflicts", self.tr("冲突处理"), ConflictsPage(self.tasks))
        checklist = self.pages["dashboard"].checklist  # type: ignore[attr-defined]
        checklist.step_requested.connect(self.open_first_step)
        self._add_page("attachments", self.tr("附件"), AttachmentsPage(self.tasks, self.scope))
        if Role.AUDITOR in workspace.user.roles:  # 三员: only the auditor reads the log
            self._add_page("audit", self.tr("审计日志"), AuditPage(self.tasks, self.scope))
        add_finding_actions(self.pages["findings"])  # type: ignore[arg-type]
        add_clue_actions(self.pages["clues"])  # type: ignore[arg-type]
        add_rectification_actions(self.pages["rectification"])  # type: ignore[arg-type]
        add_document_actions(self.pages)
        for kind, spec in EDITORS.items():
            add_editor_actions(self.pages[spec.page], kind)  # type: ignore[arg-type]
        self._parked: list[Parked] = []
        self._drafts_offered = False
        self.nav.currentRowChanged.connect(self._show_page)
        keep_to_duty(self, find)  # 三员 alone: only the pages of their duty
        if SEPARATION_PAGE in self.pages:  # nor the round/team/unit choice: they read no cases
            for action in scope_actions:
                action.setVisible(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        # wide enough for the longest page name (English ones are longer than Chinese)
        fit = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8
        split.setSizes([max(160, fit), 1120])
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self.unlock)
        self.screens = QStackedWidget()
        body, self.backup_reminder = with_backup_reminder(self, split)
        self.screens.addWidget(body)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.toolbar = toolbar
        self.page_actions = build_menu_bar(self, search=find, lock=lock, settings=preferences)

        user = workspace.user
        who = self.tr("%1（%2）").replace("%2", roles_text(tuple(user.roles)))
        self.statusBar().addPermanentWidget(QLabel(who.replace("%1", user.display_name)))
        self.store_place = QLabel(store_place(workspace))
        self.store_place.setObjectName("store_place")
        self.statusBar().addPermanentWidget(self.store_place)
        self.index_status = IndexStatus(self.tasks)
        self.index_status.finished.connect(self._index_caught_up)
        self.statusBar().addWidget(self.index_status)
        self._rounds: list[RoundView] = []
        self.reload_rounds()
        self.catch_up_index()

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        opened = getattr(page, "record_opened", None)
        if opened is not None:
            opened.connect(self.open_record)
        self.stack.addWidget(page)
        item = QListWidgetItem(icon(key), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)

    def scope(self) -> dict[str, Any]:
        """What the navigation selects (round → team → target), only the keys chosen: pages merge
        it into their list filters."""
        chosen = {
            "round_id": self.round_combo.currentData(),
            "team_id": self.team_combo.currentData(),
            "target_id": self.target_combo.currentData(),
        }
        return {key: value for key, value in chosen.items() if value}

    def reload_rounds(self, select: str | None = None) -> None:
        """Fill the round selector again (a briefing or a wipe changed the rounds); ``select``
        chooses a round (one just made)."""
        self.tasks.run(lambda s: list_rounds(s).items, lambda r: self._rounds_loaded(r, select))

    def refresh_all(self) -> None:
        """刷新 (F5) and each unlock: the rounds, teams and targets again — colleagues on the
        office server add them too — keeping what is chosen, then the current page."""
        self.tasks.run(
            lambda s: list_rounds(s).items, lambda r: self._rounds_loaded(r, keep_units=True)
        )

    def _round_saved(self, view: RoundView) -> None:
        self.reload_rounds(select=view.id)

    def _rounds_loaded(
        self, rounds: tuple[RoundView, ...], select: str | None = None, *, keep_units: bool = False
    ) -> None:
        self._rounds = list(rounds)
        previous = select or self.round_combo.currentData()  # kept if it still exists
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        self.round_combo.addItem(self.tr("全部轮次"), None)
        for r in rounds:
            self.round_combo.addItem(r.name, r.id)
        kept = self.round_combo.findData(previous) if previous else -1
        if kept > 0:
            self.round_combo.setCurrentIndex(kept)
        elif rounds:
            self.round_combo.setCurrentIndex(1)
        self.round_combo.blockSignals(False)
        self._load_units(keep=keep_units and self.round_combo.currentData() == previous)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)  # refreshes the page it shows
        else:
            self._refresh_current()
        if not self._drafts_offered:
            self._drafts_offered = True
            self.tasks.run(list_drafts, self._offer_drafts)

    # -- drafts left by a crash ------------------------------------------------------------------

    def _offer_drafts(self, drafts: list[DraftView]) -> None:
        known = [d for d in drafts if d.kind in EDITORS]
        if not known:
            return
        dialog = DraftsDialog(known, self)
        dialog.restore_requested.connect(self.restore_draft)
        dialog.discard_requested.connect(
            lambda d: self.tasks.run(lambda s: discard_draft(s, d.id), write=True)
        )
        dialog.open()

    def restore_draft(self, draft: DraftView) -> None:
        spec = EDITORS[draft.kind]
        self.show_page(spec.page)
        page = self.pages[spec.page]

        def saved(view: Any) -> None:
            page.refresh()  # type: ignore[attr-defined]
            page.show_record(view)  # type: ignore[attr-defined]

        open_editor(
            self.tasks,
            draft.kind,
            page,
            round_id=draft.round_id,
            record_id=draft.record_id,
            draft=draft,
            on_saved=saved,
        )

    def _round_changed(self, _index: int) -> None:
        self._load_units()
        self._refresh_current()

    # -- navigation: round → team → target -------------------------------------------------------

    def _load_units(self, *, keep: bool = False) -> None:
        """Back to 全部 team and target, then load the teams and targets of the chosen round;
        ``keep``: the team and target chosen are chosen again if they are still there."""
        kept = (self.team_combo.currentData(), self.target_combo.currentData()) if keep else None
        self._teams, self._targets = [], []
        self._fill(self.team_combo, [])
        self._fill(self.target_combo, [])
        round_id = self.round_combo.currentData()
        if not round_id:
            return

        def load(s: Session) -> tuple[list[TeamView], tuple[TargetView, ...]]:
            targets = list_targets(s, round_id=round_id, limit=MAX_PAGE).items
            return list_teams(s, round_id), targets

        self.tasks.run(load, lambda units: self._units_loaded(round_id, *units, kept=kept))

    def _units_loaded(
        self,
        round_id: str,
        teams: list[TeamView],
        targets: tuple[TargetView, ...],
        *,
        kept: tuple[str | None, str | None] | None = None,
    ) -> None:
        if round_id != self.round_combo.currentData():
            return  # an answer for a round no longer chosen
        self._teams, self._targets = teams, list(targets)
        self._fill(self.team_combo, [(t.name, t.id) for t in teams])
        team_id, target_id = kept or (None, None)
        self._choose(self.team_combo, team_id)
        self._fill_targets()
        self._choose(self.target_combo, target_id)
        if self.scope().get("team_id") or self.scope().get("target_id"):
            self._refresh_current()  # the page was shown meanwhile with 全部

    def _choose(self, combo: QComboBox, value: str | None) -> None:
        """Choose ``value`` again if it is still listed, without a change signal."""
        found = combo.findData(value) if value else -1
        if found > 0:
            combo.blockSignals(True)
            combo.setCurrentIndex(found)
            combo.blockSignals(False)

    def _fill_targets(self) -> None:
        team = next((t for t in self._teams if t.id == self.team_combo.currentData()), None)
        targets = [
            t
            for t in self._targets
            if team is None or t.team_id == team.id or t.id in team.target_ids
        ]
        self._fill(self.target_combo, [(t.name, t.id) for t in targets])

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        """全部 and the items, without a change signal: the caller refreshes once."""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部"), None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setEnabled(bool(items))
        combo.blockSignals(False)

    def _team_changed(self, _index: int) -> None:
        self._fill_targets()
        self._refresh_current()

    # -- settings --------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        office = Role.OFFICE in self.workspace.user.roles
        dialog = SettingsDialog(self.idle_lock, self, tasks=self.tasks, office=office)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda: refresh_reminder(self))
        dialog.open()
        return dialog

    # -- account ---------------------------------------------------------------------------------

    def _account_button(self) -> QToolButton:
        """账户: what the unlocked user does for themselves (修改口令), and the administration."""
        change = QAction(self.tr("修改口令…"), self)
        change.setObjectName("change_passphrase")
        change.triggered.connect(self.open_change_passphrase)
        menu = QMenu(self)
        menu.addAction(change)
        add_admin_actions(self, menu)  # 用户管理, 备份, 恢复: the 系统管理员's
        button = QToolButton()
        button.setObjectName("account")
        button.setText(self.tr("账户"))
        button.setIcon(icon("account"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def open_change_passphrase(self) -> ChangePassphraseDialog:
        user = self.workspace.user
        dialog = ChangePassphraseDialog(self.tasks, aside(user.display_name, user.name), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(
                self.tr("口令已修改，下次解锁请使用新口令。"), 8000
            )
        )
        dialog.open()
        return dialog

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

    def show_overdue_clues(self) -> None:
        """The dashboard's 线索反馈逾期: the clue list, filtered to the clues to chase (督办)."""
        self.pages["clues"].filter_bar.select("overdue", True)  # type: ignore[attr-defined]
        self.show_page("clues")

    def show_overdue_rectifications(self) -> None:
        """The dashboard's 整改逾期: the ledger filtered to the items to chase (督办)."""
        self.pages["rectification"].filter_bar.select("overdue", True)  # type: ignore[attr-defined]
        self.show_page("rectification")

    def open_first_step(self, key: str) -> None:
        """A step of the dashboard's first-run checklist: its page, or its action there."""
        if key in self.pages:
            self.show_page(key)
            return
        action = self.findChild(QAction, key)  # "new_round": the round wizard's action
        if action is not None:
            action.trigger()
            return
        exchange = self.pages["exchange"]
        if key not in exchange.buttons:  # type: ignore[attr-defined]
            self.statusBar().showMessage(self.tr("此步骤在本程序中没有对应的操作。"), 8000)
            return
        self.show_page("exchange")
        exchange.start_action(key)  # type: ignore[attr-defined]

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
        self.tasks.run(
            lambda s: open_record(s, record_type, record_id, get),  # audited: a record's content
            page.show_record,  # type: ignore[attr-defined]
            write=True,
        )

    def catch_up_index(self) -> None:
        """Index in the background what bulk imports queued (status bar, with a stop button).
        Safe to call at any time: with nothing queued, or while a catch-up runs, it does nothing."""
        self.index_status.start()

    def _index_caught_up(self, indexed: int, stopped: bool) -> None:
        if self.is_locked:
            return  # stopped for the lock: it resumes after the unlock
        if stopped:
            message = self.tr("已停止编入检索，其余记录将在下次解锁或导入后继续。")
        elif indexed:
            message = self.tr("检索索引已更新：%1 条记录").replace("%1", f"{indexed:,}")
        else:
            return
        self.statusBar().showMessage(message, 8000)

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
        self._parked = park_open_editors(self)  # their typing is saved as drafts first
        self.index_status.stop()  # the batch on the worker ends before the lock; resumed after
        self.toolbar.setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        user = self.workspace.user
        self.lock_screen.show_for(aside(user.display_name, user.name))
        self.tasks.lock_workspace(lambda _none: self.locked.emit())

    def unlock(self, passphrase: str) -> None:
        """Derive the key off the GUI thread (Argon2id); the lock screen shows 正在解锁…"""
        directory, user = self.directory, self.workspace.user.name
        self.lock_screen.set_busy(True)
        start_slow_call(
            self,
            lambda: Workspace.open(directory, user, passphrase),
            self._unlocked,
            self._unlock_refused,
        )

    def _unlock_refused(self, error: BaseException) -> None:
        self.lock_screen.set_busy(False)
        self.lock_screen.message.setText(error_text(error))

    def _unlocked(self, workspace: Workspace) -> None:
        self.lock_screen.set_busy(False)
        self.workspace = workspace
        self.tasks.set_workspace(workspace)
        self.toolbar.setEnabled(True)
        self.screens.setCurrentIndex(0)
        self.refresh_all()
        parked, self._parked = self._parked, []
        reopen_parked(self.tasks, self, parked)
        self.catch_up_index()
        self.unlocked.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for call in self.findChildren(SlowCall):  # an unlock under way ends first
            call.wait()
        self.index_status.stop()
        self.tasks.shutdown()
        super().closeEvent(event)
