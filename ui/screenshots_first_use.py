"""Screenshots of a round's first days, which the demo store (a briefed field laptop) cannot show:
the office's 生成部署包 wizard (its choices, a synthetic 低保 list ticked to go along, and its
result), the dashboard of an enrolled field laptop still waiting for its briefing (the first-run
checklist), and that laptop's 数据比对 once the briefing brought the list, on the stores
``demo_data.first_use`` builds in a temporary folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.dialogs.briefing_wizard import BriefingWizard
from ui.main_window import MainWindow
from ui.pages.datacheck_page import DatacheckPage
from ui.screenshots import save, settle
from workbench.demo import DEMO_PASSPHRASE
from workbench.demo_data.first_use import OFFICE_USER, FirstUse, create_first_use_stores
from workbench.demo_data.lists import write_lists
from workbench.exchange import import_package
from workbench.services import Session
from workbench.services.datalists import import_list
from workbench.services.rounds import list_rounds
from workbench.vocab.enums import DataListKind
from workbench.workspace import Workspace

PASSPHRASE = DEMO_PASSPHRASE  # throw-away stores in a temporary folder
WINDOW = (1366, 768)


def take_first_use_screenshots(app: QApplication, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wb-first-use-") as tmp:
        root = Path(tmp)
        stores = create_first_use_stores(root, PASSPHRASE)
        packages = _office(app, stores, root, out_dir)
        _laptop(app, stores, packages[0], out_dir)


def _a_list(session: Session, folder: Path) -> None:
    """The synthetic 低保 list, imported into the office's round (nobody in it exists)."""
    lists = write_lists(folder)
    item = lists.file(DataListKind.ASSISTANCE)
    round_id = list_rounds(session).items[0].id
    import_list(
        session,
        item.path,
        kind=item.kind,
        round_id=round_id,
        label=item.label,
        source_date=item.source_date,
        mapping=item.mapping,
    )


def _office(app: QApplication, stores: FirstUse, root: Path, out_dir: Path) -> list[Path]:
    """The wizard, one list ticked; the packages written, in the order of the laptops."""
    folder = root / "out"
    workspace = Workspace.open(stores.office, OFFICE_USER, PASSPHRASE)
    workspace.write(lambda s: _a_list(s, root / "lists"))
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
    setup.lists.item(0).setCheckState(Qt.CheckState.Checked)
    settle(app, window)
    save(wizard, out_dir / "office-briefing.png")
    wizard.next()
    settle(app, window)
    while wizard.currentId() != BriefingWizard.RESULT:
        settle(app, window)
    save(wizard, out_dir / "office-briefing-result.png")
    batch = wizard.run_page.result
    wizard.close()
    window.close()
    workspace.lock()
    return [result.path for _device, result, _size in batch.written] if batch else []


def _laptop(app: QApplication, stores: FirstUse, package: Path, out_dir: Path) -> None:
    user, directory = stores.laptops[0]
    workspace = Workspace.open(directory, user, PASSPHRASE)
    window = MainWindow(workspace)
    window.resize(*WINDOW)
    window.show()
    window.show_page("dashboard")
    settle(app, window)
    save(window, out_dir / "field-first-run-checklist.png")
    workspace.call(import_package, package)  # the briefing, with the list the office ticked
    window.reload_rounds()
    window.show_page("datacheck")
    page = window.pages["datacheck"]
    assert isinstance(page, DatacheckPage)
    page.show_tab("sources")
    settle(app, window)
    page.sources_tab.table.selectRow(0)
    settle(app, window)
    save(window, out_dir / "field-datacheck-sent-list.png")
    window.close()
    workspace.lock()
