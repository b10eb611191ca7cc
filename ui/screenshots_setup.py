"""The 从 Excel 导入配置 dialog for ``--screenshots``: on a scratch office store (the demo store is
a field laptop, whose users may not set up a round), after checking a filled-in 被巡察单位
template with three refused rows."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication

from ui.dialogs.setup_import_dialog import SetupImportDialog
from ui.tasks import Tasks
from workbench.reports.setup_templates import TEMPLATES, write_template
from workbench.services.office_setup import DEFAULT_FRAMEWORK, add_round, add_team
from workbench.services.rounds import RoundDraft
from workbench.workspace import Workspace

PASSPHRASE = "screenshot office passphrase"
ROWS = (
    ("县教育局党组", "党政机关", "", "一般关注", "甲县", "第一巡察组"),
    ("县总工会党组", "群团组织", "", "一般关注", "甲县", "第一巡察组"),
    ("县人民医院党委", "卫生院", "", "重点关注", "甲县", "第一巡察组"),
    ("县城投集团党委", "国有企业", "", "", "乙县", "第二巡察组"),
    ("东山村党总支", "村", "社情复杂村", "一般关注", "乙县", "第三巡察组"),
    ("幸福社区党委", "社区", "商住型", "一般关注", "乙县", "第二巡察组"),
)


def _round(session: Any) -> str:
    round_id = add_round(
        session, RoundDraft("2026年第一轮巡察", 2026, 1, "regular", *DEFAULT_FRAMEWORK)
    ).id
    for name in ("第一巡察组", "第二巡察组"):
        add_team(session, round_id, name)
    return round_id


def _filled(path: Path) -> Path:
    write_template("targets", path)
    wb = load_workbook(path)
    ws = wb[TEMPLATES["targets"].sheet]
    headers = TEMPLATES["targets"].headers
    columns = ("名称", "类型", "子类型", "关注等级", "所属县（区）", "巡察组")
    for number, row in enumerate(ROWS, start=2):
        for header, value in zip(columns, row, strict=True):
            ws.cell(row=number, column=headers.index(header) + 1, value=value or None)
    wb.save(path)
    return path


def setup_import_dialog(app: QApplication, out: Path) -> None:
    """Save the dialog, its check done, to ``out``."""
    with tempfile.TemporaryDirectory(prefix="wb-shots-office-") as tmp:
        workspace, _code = Workspace.create(
            Path(tmp) / "office", user_name="ban", passphrase=PASSPHRASE, store_role="office"
        )
        round_id = workspace.write(_round)
        tasks = Tasks(workspace)
        dialog = SetupImportDialog(tasks, round_id)
        dialog.resize(900, 560)
        dialog.show()
        dialog.set_file(_filled(Path(tmp) / "被巡察单位.xlsx"))
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
