"""The office's pages for ``--screenshots``: a fresh office store with one round set up the way a
巡察办 would (two teams, one county-level and led by the other, targets, cadres, "3+1" entries),
the 轮次配置 tabs and dialogs rendered in Chinese and again in English."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ui.dialogs.setup_dialog import SetupDialog, choose
from ui.i18n import TRANSLATIONS
from ui.main_window import MainWindow
from ui.pages.setup_page import SetupPage
from workbench.demo import DEMO_PASSPHRASE
from workbench.demo_data.office_round import (
    MISTYPED_PERSON,
    OFFICE_DISPLAY_NAME,
    OFFICE_USER,
    set_up_office_round,
)
from workbench.workspace import Workspace


def _shots(
    settle: Callable[[MainWindow], None], window: MainWindow, out: Path, suffix: str
) -> None:
    page = window.pages["setup"]
    assert isinstance(page, SetupPage)
    window.show_page("setup")
    settle(window)

    def grab(widget: QWidget, name: str) -> None:
        path = out / f"office-setup-{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    def dialog(button: str, name: str, fill: Callable[[SetupDialog], None] | None = None) -> None:
        page.findChild(QWidget, button).click()  # type: ignore[union-attr]
        shown = page.last_dialog
        assert shown is not None
        if fill is not None:
            fill(shown)
            settle(window)
        settle(window)
        grab(shown, name)
        shown.reject()

    tabs = (
        ("teams", page.teams, page.teams.table),
        ("targets", page.targets, page.targets.table),
        ("persons", page.persons, page.persons.table),
        ("lists", page.lists, page.lists.table),
        ("focus", page.focus, None),
    )
    for name, tab, table in tabs:
        page.tabs.setCurrentWidget(tab)
        if table is not None:
            table.selectRow(1 if name == "teams" else 0)
        settle(window)
        grab(window, name)
    page.tabs.setCurrentWidget(page.teams)
    page.teams.table.selectRow(1)
    settle(window)
    dialog("new_team", "dialog-team")
    dialog("assign_targets", "dialog-team-targets")
    page.teams.members.selectRow(1)
    dialog("edit_member", "dialog-member")
    page.tabs.setCurrentWidget(page.targets)
    dialog("add_target", "dialog-target", lambda d: choose(d.kind, "village"))  # type: ignore[attr-defined]

    def bad_number(d: SetupDialog) -> None:
        name, number = MISTYPED_PERSON
        d.name.setText(name)  # type: ignore[attr-defined]
        d.id_number.setText(number)  # type: ignore[attr-defined]
        d.save()

    page.tabs.setCurrentWidget(page.persons)
    dialog("add_person", "dialog-person", bad_number)
    page.tabs.setCurrentWidget(page.lists)
    page.lists.table.selectRow(0)
    dialog("edit_entry", "dialog-list-entry")


def take_office_screenshots(
    app: QApplication, out_dir: Path, settle: Callable[[QApplication, MainWindow], None]
) -> None:
    with tempfile.TemporaryDirectory(prefix="wb-office-") as tmp:
        ws, _code = Workspace.create(
            Path(tmp) / "office",
            user_name=OFFICE_USER,
            passphrase=DEMO_PASSPHRASE,
            display_name=OFFICE_DISPLAY_NAME,
            store_role="office",
        )
        try:
            ws.write(set_up_office_round)
            for suffix in ("", "-en"):
                english = QTranslator(app)
                if suffix:
                    assert english.load("workbench_en", str(TRANSLATIONS))
                    app.installTranslator(english)
                window = MainWindow(ws)
                window.resize(1366, 768)
                window.show()
                settle(app, window)
                _shots(lambda w: settle(app, w), window, out_dir, suffix)
                window.tasks.shutdown()
                window.hide()
                window.deleteLater()
                app.removeTranslator(english)
        finally:
            ws.lock()
