"""从 Excel 导入配置 through real widgets on an office store: the check lists the refused rows in
a table and saves nothing, 导入 is enabled only for a clean file, 只导入无误的行 is a choice; a
foreign file is an error and the blank template is saved from the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.english import english_ui
from tests.workbench.conftest import team, team_template
from tests.workbench.setup_files import OFFICE, TEN_TARGETS, fill, office_round, store_state
from tests.workbench.team import Team
from ui.dialogs.setup_import_dialog import SetupImportDialog
from ui.tasks import Tasks
from workbench.workspace import Workspace

__all__ = ["team", "team_template"]  # fixtures used here
TIMEOUT = 20_000


@pytest.fixture
def office(team: Team) -> Iterator[tuple[Tasks, str, Team]]:
    round_id = office_round(team(OFFICE))
    workspace = Workspace.open(team.directory, OFFICE, PASSPHRASE)
    tasks = Tasks(workspace)
    yield tasks, round_id, team
    tasks.shutdown()
    workspace.lock()


def _dialog(qtbot: QtBot, tasks: Tasks, round_id: str) -> SetupImportDialog:
    dialog = SetupImportDialog(tasks, round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(qtbot: QtBot, dialog: SetupImportDialog, button: object) -> None:
    assert button.isEnabled()  # type: ignore[attr-defined]
    button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.running and not dialog.tasks.busy, timeout=TIMEOUT)


def test_check_lists_refused_rows_then_the_fixed_file_is_imported(
    qtbot: QtBot, office: tuple[Tasks, str, Team], tmp_path: Path
) -> None:
    tasks, round_id, team = office
    rows = [dict(r) for r in TEN_TARGETS]
    rows[1]["类型"] = "卫生院"
    rows[4]["关注等级"] = ""
    path = fill("targets", tmp_path / "被巡察单位.xlsx", rows)
    before = store_state(team(OFFICE))
    dialog = _dialog(qtbot, tasks, round_id)
    assert not dialog.check_button.isEnabled()
    dialog.set_kind("targets")
    dialog.set_file(path)
    _click(qtbot, dialog, dialog.check_button)
    shown = dialog.rows()
    assert [(r, c) for r, c, _ in shown] == [("3", "类型"), ("6", "关注等级")]
    assert "卫生院" in shown[0][2] and shown[1][2] == "必填，不能为空"
    assert "8 行无误，2 行有误" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.clean_button.isEnabled()
    assert store_state(team(OFFICE)) == before
    fill("targets", path, TEN_TARGETS)
    dialog.set_file(path)
    assert not dialog.import_button.isEnabled()  # a new file needs a new check
    _click(qtbot, dialog, dialog.check_button)
    assert dialog.rows() == [] and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as signal:
        _click(qtbot, dialog, dialog.import_button)
    assert signal.args == ["targets", 10]
    assert "已导入 10 行" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert store_state(team(OFFICE))[1] == 10


def test_the_reasons_a_row_is_refused_are_in_the_uis_language(
    qtbot: QtBot, office: tuple[Tasks, str, Team], tmp_path: Path
) -> None:
    """The check's reasons in English, the cell quoted as typed; the report keeps them in
    Chinese (the command line prints those)."""
    tasks, round_id, _ = office
    rows = [dict(r) for r in TEN_TARGETS]
    rows[1]["类型"] = "卫生院"
    rows[4]["关注等级"] = ""
    dialog = _dialog(qtbot, tasks, round_id)
    dialog.set_file(fill("targets", tmp_path / "被巡察单位.xlsx", rows))
    with english_ui():
        _click(qtbot, dialog, dialog.check_button)
        shown = dialog.rows()
    assert [(r, c) for r, c, _ in shown] == [("3", "类型"), ("6", "关注等级")]
    assert shown[0][2].startswith("“卫生院” is not one of the types; choose from: ")
    assert shown[1][2] == "Required; must not be empty"
    assert dialog.report is not None
    chinese = [r.reason for r in dialog.report.refusals]
    assert (
        chinese[0].startswith("“卫生院”不是可选的类型，可选：") and chinese[1] == "必填，不能为空"
    )


def test_only_the_clean_rows_are_imported_when_chosen(
    qtbot: QtBot, office: tuple[Tasks, str, Team], tmp_path: Path
) -> None:
    tasks, round_id, team = office
    rows = [dict(r) for r in TEN_TARGETS]
    rows[0]["名称"] = ""
    dialog = _dialog(qtbot, tasks, round_id)
    dialog.set_file(fill("targets", tmp_path / "t.xlsx", rows))
    _click(qtbot, dialog, dialog.check_button)
    _click(qtbot, dialog, dialog.clean_button)
    assert "已导入 9 行" in dialog.summary.text() and "1 行有误" in dialog.summary.text()
    assert dialog.rows() == [("2", "名称", "必填，不能为空")]
    assert store_state(team(OFFICE))[1] == 9


def test_a_foreign_file_is_an_error_and_the_blank_template_is_saved(
    qtbot: QtBot, office: tuple[Tasks, str, Team], tmp_path: Path
) -> None:
    tasks, round_id, _team = office
    dialog = _dialog(qtbot, tasks, round_id)
    dialog.set_kind("members")
    dialog.write_template_to(tmp_path / "成员.xlsx")
    wb = load_workbook(tmp_path / "成员.xlsx")
    assert dict(wb["_meta"].values)["template"] == "members"
    assert "已保存空白模板" in dialog.summary.text()
    dialog.set_file(tmp_path / "成员.xlsx")
    dialog.set_kind("lists")  # the members template, imported as list entries
    _click(qtbot, dialog, dialog.check_button)
    assert "WB-IMPORT-TEMPLATE" in dialog.summary.text()
    box = dialog.findChild(QMessageBox, "error_box")
    assert box is not None and "巡察组成员" in box.text()
    assert not dialog.import_button.isEnabled() and not dialog.clean_button.isEnabled()


def test_enter_in_a_field_opens_no_file_dialog_and_a_long_reason_rewraps(
    qtbot: QtBot, office: tuple[Tasks, str, Team], tmp_path: Path
) -> None:
    tasks, round_id, _team = office
    dialog = _dialog(qtbot, tasks, round_id)
    buttons = (dialog.template_button, dialog.choose_button, dialog.check_button)
    assert not any(b.autoDefault() or b.isDefault() for b in buttons)
    rows = [dict(r) for r in TEN_TARGETS]
    rows[1]["类型"] = "卫生院" * 20  # a reason long enough to wrap
    path = fill("targets", tmp_path / "被巡察单位.xlsx", rows)
    dialog.set_kind("targets")
    dialog.set_file(path)
    _click(qtbot, dialog, dialog.check_button)
    table = dialog.table
    reason = table.item(0, 2)
    assert reason.toolTip() == reason.text()  # whole, however narrow
    dialog.resize(1300, dialog.height())
    qtbot.waitUntil(lambda: table.width() > 1000, timeout=TIMEOUT)
    wide_width, wide = table.width(), table.rowHeight(0)
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height())
    qtbot.waitUntil(lambda: table.width() < wide_width / 2, timeout=TIMEOUT)
    assert table.rowHeight(0) > wide  # the reason wrapped to more lines, not cut off
