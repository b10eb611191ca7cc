"""The 数据比对 page for ``--screenshots``: on the demo window, the synthetic lists of
``workbench/demo_data/lists.py`` (all but one imported through the service, the last through the
import dialog with its mapping), a list with a refused row, the rules after 运行全部规则, and a
hit with its matched rows side by side. Everything is synthetic: nobody in it exists."""

from __future__ import annotations

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
from workbench.demo_data.lists import ListFile, write_lists
from workbench.services.datalists import import_list, list_sources

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
        _refused(app, window, page, Path(tmp), out_dir, settle)

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
    folder: Path,
    out_dir: Path,
    settle: Settle,
) -> None:
    """A 低保 list with a mistyped 身份证号 and a date no one can read: both rows listed."""
    from workbench.datacheck.normalize import id_check_digit

    def person(seq: int) -> str:
        first17 = f"53262119700101{seq:03d}"
        return first17 + id_check_digit(first17)

    path = folder / "低保名单（乡镇上报）.csv"
    rows = [
        "姓名,身份证号,村（社区）,救助类别,发放金额,发放日期",
        f'杨丽华,{person(11)},石门村,低保,"1,260.00",2026年5月1日',
        f"周德明,{person(12)[:-1]}0,石门村,低保,840.00,2026年5月1日",
        f'马晓燕,{person(13)},石门村,特困,"1,520.00",2026年13月1日',
        f"赵志强,{person(14)},石门村,低保,840.00,2026年5月1日",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dialog = page.sources_tab.open_import(path)
    dialog.resize(900, 640)
    dialog.label.setText("石门乡民政办")
    _wait_preview(app, window, dialog, settle)
    dialog.start_import(skip_bad=False)
    for _ in range(100):
        settle(app, window)
        if not dialog.job.running:
            break
    _save(dialog, out_dir / "datacheck-import-refused.png")
    dialog.close()
