"""The menu bar (文件、编辑、视图、工具、帮助) over the actions the window and its pages already
have, and the everyday shortcuts: Ctrl+N 新建, Delete 作废…, Ctrl+P 打印, F5 刷新, Ctrl+F 检索.

Page actions go to the page shown: 新建 and 作废… press that page's own buttons (objectName
"new" and "void", so the reason dialog and the core's checks stay where they are), 刷新 calls its
``refresh()`` and 打印 its ``print_view()`` (the ``Printable`` protocol). An action the page does
not offer is disabled, and 作废… carries the button's tooltip: the core's reason when refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget
from shiboken6 import isValid

from ui.dialogs.help_dialogs import open_about, open_guide, open_shortcuts
from ui.i18n import tr as _tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@runtime_checkable
class Printable(Protocol):
    """A page that prints what it shows (a list view with its filter and sort)."""

    def print_view(self) -> object: ...


# the page buttons an action presses: 新建 (信访件 has 登记信访件 instead) and 作废…
BUTTONS = {"new": ("new", "register"), "void": ("void",)}


def page_button(page: QWidget | None, action: str) -> QPushButton | None:
    """The page's own button for ``action`` ("new", "void"), if it has a visible one."""
    for name in BUTTONS[action] if page is not None else ():
        button = page.findChild(QPushButton, name)  # type: ignore[union-attr]
        if button is not None and not button.isHidden():
            return button
    return None


class PageActions(QObject):
    """Ctrl+N, Delete, Ctrl+P and F5 on the window's current page, kept enabled as that page's
    buttons are (their enabled state and tooltip are watched, not polled)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.new = self._action("menu_new", _tr("新建"), "Ctrl+N", self._new)
        self.void = self._action("menu_void", _tr("作废…"), "Delete", self._void)
        self.print = self._action("menu_print", _tr("打印…"), "Ctrl+P", self._print)
        self.refresh = self._action("menu_refresh", _tr("刷新"), "F5", self._refresh)
        for page in window.pages.values():
            for name in (*BUTTONS["new"], *BUTTONS["void"]):
                button = page.findChild(QPushButton, name)
                if button is not None:
                    button.installEventFilter(self)
        window.stack.currentChanged.connect(lambda _index: self.sync())
        window.locked.connect(self.sync)
        window.unlocked.connect(self.sync)
        self.sync()

    def _action(self, name: str, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def page(self) -> QWidget | None:
        return None if self.window.is_locked else self.window.stack.currentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        changes = (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange)
        if event.type() not in changes or not isValid(self.window.screens):
            return False  # not a change we show, or the window is being torn down
        page = self.page()
        if page is not None and isinstance(watched, QWidget) and page.isAncestorOf(watched):
            self.sync()
        return False

    def sync(self) -> None:
        page = self.page()
        for action, name in ((self.new, "new"), (self.void, "void")):
            button = page_button(page, name)
            action.setEnabled(button is not None and button.isEnabled())
            tip = button.toolTip() if button is not None else _tr("本页没有此操作")
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.print.setEnabled(isinstance(page, Printable))
        self.refresh.setEnabled(page is not None and hasattr(page, "refresh"))

    def _press(self, name: str) -> None:
        button = page_button(self.page(), name)
        if button is not None and button.isEnabled():
            button.click()

    def _new(self) -> None:
        self._press("new")

    def _void(self) -> None:
        self._press("void")

    def _print(self) -> None:
        page = self.page()
        if isinstance(page, Printable):
            page.print_view()

    def _refresh(self) -> None:
        """The rounds and units too, then the page: colleagues add rounds on the office server."""
        if self.page() is not None:
            self.window.refresh_all()


def _existing(window: MainWindow, name: str) -> QAction | None:
    """An action the window made elsewhere (the 账户 menu's), shared rather than duplicated."""
    return window.findChild(QAction, name)


def build_menu_bar(
    window: MainWindow, *, search: QAction, lock: QAction, settings: QAction
) -> PageActions:
    """Fill the window's menu bar; ``search``, ``lock`` and ``settings`` are the toolbar's.
    Returns the page actions (Ctrl+N, Delete, Ctrl+P, F5), kept by the window."""
    bar = window.menuBar()
    bar.setObjectName("menu_bar")
    actions = PageActions(window)
    search.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
    search.setObjectName("search")
    lock.setObjectName("lock")

    def menu(name: str, title: str) -> QMenu:
        m = bar.addMenu(title)
        m.setObjectName(name)
        return m

    file = menu("menu_file", _tr("文件(&F)"))
    file.addAction(actions.print)
    file.addSeparator()
    of_the_store = [lock]  # disabled while locked, with the menus below
    for name in ("backup", "restore"):
        if (shared := _existing(window, name)) is not None:
            file.addAction(shared)
            of_the_store.append(shared)
    file.addAction(lock)
    file.addSeparator()
    quit_action = file.addAction(_tr("退出"), window.close)
    quit_action.setObjectName("menu_quit")
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    edit = menu("menu_edit", _tr("编辑(&E)"))
    edit.addAction(actions.new)
    edit.addAction(actions.void)
    edit.addSeparator()
    edit.addAction(search)
    edit.setToolTipsVisible(True)  # 作废…'s tooltip says why it is disabled

    view = menu("menu_view", _tr("视图(&V)"))
    view.addAction(actions.refresh)
    view.addSeparator()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        go = view.addAction(item.icon(), item.text())
        go.setObjectName(f"menu_page_{item.data(Qt.ItemDataRole.UserRole)}")
        go.triggered.connect(lambda _checked=False, r=row: window.nav.setCurrentRow(r))
        go.setVisible(not item.isHidden())  # 三员 see only the pages of their duty

    tools = menu("menu_tools", _tr("工具(&T)"))
    if "exchange" in window.pages and not window.nav.item(_row(window, "exchange")).isHidden():
        exchange = tools.addAction(_tr("数据交换"), lambda: window.show_page("exchange"))
        exchange.setObjectName("menu_exchange")
    for name in ("change_passphrase", "manage_users", "rekey"):
        if (shared := _existing(window, name)) is not None:
            tools.addAction(shared)
    tools.addSeparator()
    tools.addAction(settings)

    help_menu = menu("menu_help", _tr("帮助(&H)"))
    guide = help_menu.addAction(_tr("使用手册"), lambda: open_guide(window))
    guide.setObjectName("menu_guide")
    guide.setShortcut(QKeySequence("F1"))
    keys = help_menu.addAction(_tr("快捷键"), lambda: open_shortcuts(window))
    keys.setObjectName("menu_shortcuts")
    help_menu.addSeparator()
    about = help_menu.addAction(_tr("关于巡察工作台"), lambda: open_about(window))
    about.setObjectName("menu_about")

    def locked(on: bool) -> None:  # nothing of the store while the lock screen shows
        for m in (edit, view, tools):
            m.setEnabled(not on)
        for action in of_the_store:
            action.setEnabled(not on)

    window.locked.connect(lambda: locked(True))
    window.unlocked.connect(lambda: locked(False))
    return actions


def _row(window: MainWindow, key: str) -> int:
    return list(window.pages).index(key)
