"""数据比对 through real widgets on a copy of the demo store: a list imported through the mapping
dialog (guessed mapping, samples, refused rows, the clean rows only, 取消), the page's 名单 for
a user who may see lists and one who may not, and the review of a hit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.workbench.datalist_files import ASSISTANCE_HEADERS, assistance_rows, write_xlsx
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.tasks import Tasks
from workbench.models.enums import DataListKind
from workbench.services.datalists import list_sources
from workbench.services.rounds import list_rounds
from workbench.workspace import Workspace

TIMEOUT = 20_000


@pytest.fixture
def tasks(workspace: Workspace) -> Iterator[Tasks]:
    tasks = Tasks(workspace)
    yield tasks
    tasks.shutdown()


def _round(workspace: Workspace) -> tuple[list[tuple[str, str]], str]:
    rounds = workspace.read(lambda s: [(r.name, r.id) for r in list_rounds(s).items])
    return rounds, rounds[0][1]


def _sources(workspace: Workspace) -> list[Any]:
    return workspace.read(lambda s: list(list_sources(s)))


def _dialog(qtbot: QtBot, tasks: Tasks, workspace: Workspace, path: Path) -> ListImportDialog:
    rounds, round_id = _round(workspace)
    dialog = ListImportDialog(tasks, path, rounds, round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    return dialog


def _settle(qtbot: QtBot, dialog: ListImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.job.running and not dialog.tasks.busy, timeout=TIMEOUT)


def test_the_mapping_is_guessed_with_samples_and_the_list_imported(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(5))
    dialog = _dialog(qtbot, tasks, workspace, path)
    assert dialog.kind_value is DataListKind.ASSISTANCE
    assert dialog.combos["name"].currentText() == "姓名"
    assert dialog.combos["id_number"].currentText() == "身份证号"
    assert dialog.mapping.item(0, 0).text() == "姓名 *"  # required: marked
    assert dialog.mapping.item(0, 2).text() == "张 1、张 2、张 3"
    dialog.label.setText("县民政局")
    imported: list[tuple[str, int]] = []
    dialog.imported.connect(lambda source, rows: imported.append((source, rows)))
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert imported and imported[0][1] == 5
    assert [(s.label, s.rows) for s in _sources(workspace)] == [("县民政局", 5)]
    assert not dialog.import_button.isEnabled()  # done: 完成 closes it
    assert dialog.close_button.text() == "完成"


def test_a_required_field_left_unmapped_keeps_import_disabled(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(3))
    dialog = _dialog(qtbot, tasks, workspace, path)
    assert dialog.import_button.isEnabled()
    dialog.set_column("id_number", None)
    assert not dialog.import_button.isEnabled()
    assert "身份证号" in dialog.summary.text()


def test_refused_rows_are_listed_and_only_the_clean_rows_imported_on_request(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    rows = assistance_rows(4)
    rows[1] = (2, "李四", "530102198001010021", "团结村", "低保", "100", "2026-05-01")
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, rows)
    dialog = _dialog(qtbot, tasks, workspace, path)
    assert not dialog.clean_button.isVisible()
    dialog.import_button.click()
    _settle(qtbot, dialog)
    assert _sources(workspace) == []  # nothing half-imported
    refused = dialog.refused_rows()
    assert len(refused) == 1 and refused[0].startswith("第 3 行 身份证号：")
    assert not dialog.import_button.isEnabled()
    assert dialog.clean_button.isVisible() and dialog.clean_button.isEnabled()
    dialog.clean_button.click()
    _settle(qtbot, dialog)
    assert [(s.rows, s.skipped) for s in _sources(workspace)] == [(3, 1)]
    assert dialog.refused_rows() == refused  # the rows left out stay listed


def test_cancel_stores_nothing(
    qtbot: QtBot, tasks: Tasks, workspace: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "低保名单.xlsx", ASSISTANCE_HEADERS, assistance_rows(50))
    dialog = _dialog(qtbot, tasks, workspace, path)
    gate = threading.Event()
    tasks.run(lambda _s: gate.wait(TIMEOUT / 1000))  # the worker busy: the import waits
    dialog.import_button.click()
    assert dialog.job.running and not dialog.close_button.isEnabled()
    dialog.reject()  # closing while importing cancels
    gate.set()
    _settle(qtbot, dialog)
    assert dialog.isVisible()  # it stays to say so
    assert "取消" in dialog.summary.text()
    assert _sources(workspace) == []
