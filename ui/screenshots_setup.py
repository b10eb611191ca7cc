"""The 从 Excel 导入配置 dialog for ``--screenshots``: on a scratch office store (the demo store is
a field laptop, whose users may not set up a round), after checking the sample 被巡察单位 file
(``workbench/demo_data/setup_sample.py``: three of its rows are refused)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.dialogs.setup_import_dialog import SetupImportDialog
from ui.tasks import Tasks
from workbench.demo_data.setup_sample import sample_round, sample_targets_file
from workbench.workspace import Workspace

PASSPHRASE = "screenshot office passphrase"  # noqa: S105 - a scratch store, gone after the grab


def setup_import_dialog(app: QApplication, out: Path) -> None:
    """Save the dialog, its check done, to ``out``."""
    with tempfile.TemporaryDirectory(prefix="wb-shots-office-") as tmp:
        workspace, _code = Workspace.create(
            Path(tmp) / "office", user_name="ban", passphrase=PASSPHRASE, store_role="office"
        )
        round_id = workspace.write(sample_round)
        tasks = Tasks(workspace)
        dialog = SetupImportDialog(tasks, round_id)
        dialog.resize(900, 560)
        dialog.show()
        dialog.set_file(sample_targets_file(Path(tmp)))
        dialog.check()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (dialog.running or tasks.busy):
            app.processEvents()
            time.sleep(0.02)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out))
        print(out)
        dialog.close()
        tasks.shutdown()
        workspace.lock()
