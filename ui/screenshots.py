"""``workbench-gui --screenshots DIR``: every page of the demo store rendered to PNG.

Used for the README and the user guide, and by us to look at what users see.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from ui.dialogs.first_run_wizard import FirstRunWizard
from ui.dialogs.unlock_dialog import UnlockDialog
from ui.editors.registry import EDITORS
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.demo import DEMO_LEADER, DEMO_PASSPHRASE, create_demo_store
from workbench.workspace import Workspace, store_exists


def settle(app: QApplication, window: MainWindow, timeout: float = 20.0) -> None:
    """Process events until the worker has nothing pending (and a little more for paints)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.tasks.busy:
            for _ in range(5):
                app.processEvents()
                time.sleep(0.02)
            if not window.tasks.busy:
                return
        time.sleep(0.01)


def take_screenshots(app: QApplication, out_dir: Path, store: Path | None = None) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-shots-") as tmp:
        directory = store if store and store_exists(store) else Path(tmp) / "demo"
        if not store_exists(directory):
            vault, _ = create_demo_store(directory)
            vault.lock()
        workspace = Workspace.open(directory, DEMO_LEADER, DEMO_PASSPHRASE)
        window = MainWindow(workspace)
        window.resize(1366, 820)
        window.show()
        settle(app, window)
        for number, key in enumerate(window.pages, 1):
            window.show_page(key)
            settle(app, window)
            save(window, out_dir / f"{number:02d}-{key}.png")
        _dialogs(app, window, out_dir, directory)
        window.close()
        workspace.lock()
    from ui.screenshots_first_use import take_first_use_screenshots

    take_first_use_screenshots(app, out_dir)
    return 0


def save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def _dialogs(app: QApplication, window: MainWindow, out_dir: Path, store: Path) -> None:
    """The editors (on the first record of their page), search, unlock (and 忘记口令), 修改口令 and
    the first-run wizard."""
    for kind, spec in EDITORS.items():
        page = window.pages[spec.page]
        window.show_page(spec.page)
        settle(app, window)
        if not isinstance(page, RecordListPage) or not page.model.total:
            continue
        page.table.selectRow(0)
        settle(app, window)
        button = page.findChild(QPushButton, "edit")
        if button is None:
            continue
        button.click()
        settle(app, window)
        for editor in [e for e in window.findChildren(spec.editor) if e.isVisible()]:
            save(editor, out_dir / f"editor-{kind}.png")
            editor.hide()
            editor.deleteLater()
    letters = window.pages["letters"]
    first = letters.model.view_at(0) if isinstance(letters, RecordListPage) else None
    search = window.open_search()
    search.query.setText(first.summary[:2] if first is not None else "")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not search.results.count():
        app.processEvents()
        time.sleep(0.02)
    settle(app, window)
    save(search, out_dir / "dialog-search.png")
    search.close()
    unlock = UnlockDialog(store, DEMO_LEADER)
    unlock.show()
    app.processEvents()
    save(unlock, out_dir / "dialog-unlock.png")
    recovery = unlock.open_recovery()
    app.processEvents()
    save(recovery, out_dir / "dialog-recovery.png")
    recovery.reject()
    unlock.close()
    change = window.open_change_passphrase()
    app.processEvents()
    save(change, out_dir / "dialog-change-passphrase.png")
    change.reject()
    with tempfile.TemporaryDirectory(prefix="wb-wizard-") as tmp:
        wizard = FirstRunWizard(Path(tmp) / "new-store")
        wizard.show()
        app.processEvents()
        save(wizard, out_dir / "dialog-first-run.png")
        wizard.done(QDialog.DialogCode.Rejected)
