"""The 数据比对 page for ``--screenshots``: on the demo window, the synthetic lists of
``workbench/demo_data/lists.py`` (all but one imported through the service, the last through the
import dialog with its mapping), a list with a refused row, the rules after 运行全部规则, and a
hit with its matched rows side by side. Everything is synthetic: nobody in it exists."""

from __future__ import annotations

import csv
import itertools
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from ui.dialogs.hit_convert_dialog import HitToClueDialog
from ui.dialogs.list_import_dialog import ListImportDialog
from ui.main_window import MainWindow
from ui.pages.datacheck_page import DatacheckPage
from workbench.datacheck.readers import open_table
from workbench.demo_data.lists import ListFile, write_lists
from workbench.services.datalists import import_list, list_sources
from workbench.vocab.enums import DataListKind

Settle = Callable[[QApplication, MainWindow], None]


def _save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def take_datacheck_screenshots(
    app: QApplication, window: MainWindow, out_dir: Path, settle: Settle
) -> None:
    page = window.pages.get("datacheck")
    round_id = window.scope().get("round_id")
    if not isinstance(page, DatacheckPage) or not round_id:
        return
    with tempfile.TemporaryDirectory(prefix="wb-shots-lists-") as tmp:
        lists = write_lists(Path(tmp))
        *imported, shown = lists.files
        if not window.workspace.read(lambda s: list(list_sources(s, round_id=round_id))):
            for f in imported:
                window.workspace.write(partial(_import, f, str(round_id)))
        window.show_page("datacheck")
        page.show_tab("sources")
        settle(app, window)
        page.sources_tab.table.selectRow(0)
        settle(app, window)
        _save(window, out_dir / "datacheck-sources.png")

        dialog = page.sources_tab.open_import(shown.path)
        dialog.resize(900, 640)
        dialog.label.setText(shown.label)
        settle(app, window)
        _wait_preview(app, window, dialog, settle)
        _save(dialog, out_dir / "datacheck-import-mapping.png")
        dialog.close()
        assistance = next(f for f in lists.files if f.kind is DataListKind.ASSISTANCE)
        _refused(app, window, page, assistance, out_dir, settle)

    page.show_tab("rules")
    settle(app, window)
    page.rules_tab.table.selectRow(0)
    page.rules_tab.run(None)
    settle(app, window)
    _save(window, out_dir / "datacheck-rules.png")

    page.show_tab("hits")
    settle(app, window)
    hits = page.hits_tab
    if not hits.table.rowCount():
        return
    hits.table.selectRow(0)
    settle(app, window)
    _save(window, out_dir / "datacheck-hit.png")
    if hits.hit is not None:  # what 转为问题线索… asks (nothing is made)
        to_clue = hits.open_dialog(HitToClueDialog(hits.tasks, hits.hit, hits))
        settle(app, window)
        _save(to_clue, out_dir / "datacheck-to-clue.png")
        to_clue.close()


def _import(f: ListFile, round_id: str, session: Any) -> Any:
    return import_list(
        session,
        f.path,
        kind=f.kind,
        round_id=round_id,
        label=f.label,
        source_date=f.source_date,
        mapping=f.mapping,
    )


def _wait_preview(
    app: QApplication, window: MainWindow, dialog: ListImportDialog, settle: Settle
) -> None:
    for _ in range(100):
        settle(app, window)
        if dialog.preview is not None or dialog.summary.text():
            return


def _refused(
    app: QApplication,
    window: MainWindow,
    page: DatacheckPage,
    source: ListFile,
    out_dir: Path,
    settle: Settle,
) -> None:
    """The demo's 低保 list again as a CSV with a mistyped 身份证号 and a date no one can read:
    both rows listed, nothing imported."""
    with open_table(source.path) as table:
        rows = [cells for _row_no, cells in itertools.islice(table.rows(), 8)]
        headers = list(table.headers)
    id_column, day_column = source.mapping["id_number"], source.mapping["paid_on"]
    number = rows[2][id_column] or ""
    rows[2][id_column] = number[:-1] + ("0" if number[-1:] != "0" else "1")  # its check digit
    rows[5][day_column] = "2026-13-01"
    path = source.path.with_name(source.path.stem + "-refused.csv")
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([headers, *rows])
    dialog = page.sources_tab.open_import(path)
    dialog.resize(900, 640)
    dialog.label.setText(source.label)
    _wait_preview(app, window, dialog, settle)
    dialog.start_import(skip_bad=False)
    for _ in range(100):
        settle(app, window)
        if not dialog.job.running:
            break
    _save(dialog, out_dir / "datacheck-import-refused.png")
    dialog.close()
