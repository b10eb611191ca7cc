"""``workbench-gui --screenshots DIR``: every page of the demo store rendered to PNG.

Used for the README and the user guide, and by us to look at what users see.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
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
            path = out_dir / f"{number:02d}-{key}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        workspace.lock()
    return 0
