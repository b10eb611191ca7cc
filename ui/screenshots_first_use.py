"""Screenshots of a round's first days, which the demo store (a briefed field laptop) cannot show:
the office's 生成部署包 wizard (its choices and its result) and the dashboard of an enrolled field
laptop still waiting for its briefing (the first-run checklist), on the stores
``demo_data.first_use`` builds in a temporary folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.dialogs.briefing_wizard import BriefingWizard
from ui.main_window import MainWindow
from ui.screenshots import save, settle
from workbench.demo import DEMO_PASSPHRASE
from workbench.demo_data.first_use import OFFICE_USER, FirstUse, create_first_use_stores
from workbench.workspace import Workspace

PASSPHRASE = DEMO_PASSPHRASE  # throw-away stores in a temporary folder
WINDOW = (1366, 768)


def take_first_use_screenshots(app: QApplication, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-first-use-") as tmp:
        root = Path(tmp)
        stores = create_first_use_stores(root, PASSPHRASE)
        _office(app, stores, root / "out", out_dir)
        _laptop(app, stores, out_dir)


def _office(app: QApplication, stores: FirstUse, folder: Path, out_dir: Path) -> None:
    workspace = Workspace.open(stores.office, OFFICE_USER, PASSPHRASE)
    window = MainWindow(workspace)
    window.resize(*WINDOW)
    window.show()
    settle(app, window)
    window.show_page("exchange")
    settle(app, window)
    wizard = window.pages["exchange"].open_briefing()  # type: ignore[attr-defined]
    assert isinstance(wizard, BriefingWizard)
    wizard.resize(820, 600)
    settle(app, window)
    setup = wizard.setup
    folder.mkdir()
    setup.folder.setText(str(folder))
    setup.set_checked([d.device_id for d in setup.recipients])
    settle(app, window)
    save(wizard, out_dir / "office-briefing.png")
    wizard.next()
    settle(app, window)
    while wizard.currentId() != BriefingWizard.RESULT:
        settle(app, window)
    save(wizard, out_dir / "office-briefing-result.png")
    wizard.close()
    window.close()
    workspace.lock()


def _laptop(app: QApplication, stores: FirstUse, out_dir: Path) -> None:
    user, directory = stores.laptops[0]
    workspace = Workspace.open(directory, user, PASSPHRASE)
    window = MainWindow(workspace)
    window.resize(*WINDOW)
    window.show()
    window.show_page("dashboard")
    settle(app, window)
    save(window, out_dir / "field-first-run-checklist.png")
    window.close()
    workspace.lock()
