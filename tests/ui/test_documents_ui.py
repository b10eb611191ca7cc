"""Documents from the UI: a page action and the 文书报表 page write real .docx/.xlsx files through
the core, warn that the file is plaintext before opening it, read an edited 整改台账 back row by
row, and refuse a bad office template naming its placeholders."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.dialogs import document_export
from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.document_export import ImportResultDialog
from ui.main_window import MainWindow
from ui.pages.reports_page import ReportsPage
from workbench.reports import template_for
from workbench.services.letters import get_letter
from workbench.services.rectification import get_rectification, list_rectifications
from workbench.services.targets import list_targets
from workbench.vocab.enums import RectificationStatus
from workbench.workspace import Workspace

S = RectificationStatus


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.round_combo.count() > 1 and not w.tasks.busy, timeout=10000)
    yield w
    w.close()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the export flow asked the system to open (no application is launched)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(document_export, "open_url", urls.append)
    return urls


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path`` (or, for a folder, the offered name in it); returns the
    default names it was offered."""
    offered: list[str] = []

    def answer(_parent: Any, _title: str, default: str, filters: str, *_: Any) -> tuple[str, str]:
        offered.append(default)
        chosen = path / Path(default).name if path.is_dir() else path
        return str(chosen), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def warning_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    def visible() -> QMessageBox | None:
        box = window.findChild(QMessageBox, "plaintext_warning")
        return box if box is not None and box.isVisible() else None

    qtbot.waitUntil(lambda: visible() is not None, timeout=15000)
    box = visible()
    assert box is not None
    return box


def click(widget: QWidget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def document_dialog(qtbot: QtBot, page: QWidget, code: str) -> DocumentDialog:
    """Choose ``code`` in the page's 生成文书 menu; the document dialog it opens."""
    menu = page.findChild(QMenu, "documents_menu")
    assert menu is not None
    menu.aboutToShow.emit()  # what opening the menu does: fill it for the page's selection
    action = next(a for a in menu.actions() if a.data() == code)
    assert action.isEnabled(), action.toolTip()
    action.trigger()
    qtbot.waitUntil(lambda: page.findChild(DocumentDialog) is not None, timeout=10000)
    dialog = page.findChild(DocumentDialog)
    assert dialog is not None
    return dialog


def export_from(qtbot: QtBot, page: QWidget, code: str, fmt: str = "") -> None:
    dialog = document_dialog(qtbot, page, code)
    if fmt:
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    click(dialog, "export")
    dialog.close()


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_letter_register_from_the_page_warns_then_opens(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    window.show_page("letters")
    page = window.pages["letters"]
    qtbot.waitUntil(lambda: page.current_view() is not None, timeout=10000)  # type: ignore[attr-defined]
    letter = page.current_view()  # type: ignore[attr-defined]
    out = tmp_path / "登记表.docx"
    offered = save_as(monkeypatch, out)
    export_from(qtbot, page, "letter-register")
    box = warning_box(qtbot, window)
    assert "未加密" in box.informativeText() and "保密" in box.informativeText()
    assert Path(offered[0]).name == f"信访件登记表-{letter.number}.docx"
    assert opened == []  # nothing opens before the user chose to
    click(box, "open")
    assert opened == [QUrl.fromLocalFile(str(out))]
    text = docx_text(out)
    stored = workspace.read(lambda s: get_letter(s, letter.id))
    assert stored.number in text and stored.summary[:20] in text
    assert "信访件登记表" in text


def test_reports_page_writes_the_feedback_for_a_chosen_target(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.target.count() > 1, timeout=10000)
    round_id = window.scope()["round_id"]
    target = workspace.read(lambda s: list_targets(s, round_id=round_id).items[0])
    page.select("feedback")
    assert "整改" in page.description.text()
    page.target.setCurrentIndex(0)  # 反馈意见 needs a target: nothing is asked for yet
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: infos.append(text))
    page.generate()
    assert infos and "被巡察对象" in infos[0]

    page.target.setCurrentIndex(page.target.findData(target.id))
    page.copy_no.setText("000007")
    out = tmp_path / "反馈意见.docx"
    offered = save_as(monkeypatch, out)
    click(page, "generate")
    box = warning_box(qtbot, window)
    assert Path(offered[0]).name == f"反馈意见（初稿）-{target.name}.docx"
    click(box, "open_folder")
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    text = docx_text(out)
    assert target.name in text and "000007" in text and "整改要求" in text


def test_rectification_ledger_round_trip_from_the_ui(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    window.show_page("rectification")
    page = window.pages["rectification"]
    round_id = window.scope()["round_id"]
    items = workspace.read(lambda s: list_rectifications(s, round_id=round_id, limit=100).items)
    waiting = next(i for i in items if i.status is S.NOT_STARTED)
    done = next(i for i in items if i.status is S.DONE)

    ledger = tmp_path / "整改台账.xlsx"
    save_as(monkeypatch, ledger)
    export_from(qtbot, page, "rectification", "xlsx")
    click(warning_box(qtbot, window), "close")
    assert opened == []
    qtbot.wait(800)  # past the busy dialog's delay: a fast job never shows it afterwards
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))

    # the target unit fills it in "Excel": one progress note, one status moved backwards
    wb = load_workbook(ledger)
    ws = wb["整改台账"]
    cols = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, cols["系统编号（勿改）"]).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows[waiting.id], cols["进展情况"]).value = "已召开专题会议部署整改，完成台账梳理。"
    ws.cell(rows[done.id], cols["整改状态"]).value = "推进中"
    wb.save(ledger)

    open_file(monkeypatch, ledger)
    click(page, "import_rectification")
    qtbot.waitUntil(lambda: window.findChild(ImportResultDialog) is not None, timeout=15000)
    dialog = window.findChild(ImportResultDialog)
    assert dialog is not None and dialog.isVisible()
    # one refused row keeps the whole file out, and says what the rest would have changed
    assert "未导入：可更新 1 项" in dialog.summary.text()
    assert "未通过检查 1 项" in dialog.summary.text()
    by_number = {r[1]: r for r in dialog.rows()}
    assert len(by_number) == 2
    changed, refused = by_number[waiting.number], by_number[done.number]
    assert changed == (str(rows[waiting.id]), waiting.number, "可更新", "进展情况")
    assert refused[2] == "未导入" and "已完成" in refused[3] and "推进中" in refused[3]
    assert workspace.read(lambda s: get_rectification(s, waiting.id)) == waiting

    click(dialog, "import_clean_rows")  # the user's explicit choice: the clean rows only
    qtbot.waitUntil(
        lambda: any(
            "已更新 1 项" in d.summary.text() for d in window.findChildren(ImportResultDialog)
        ),
        timeout=15000,
    )
    dialog = next(
        d for d in window.findChildren(ImportResultDialog) if "已更新" in d.summary.text()
    )
    assert "未导入 1 项" in dialog.summary.text()
    assert dialog.findChild(QPushButton, "import_clean_rows") is None
    by_number = {r[1]: r for r in dialog.rows()}
    assert by_number[waiting.number][2] == "已更新"
    dialog.close()

    after = workspace.read(lambda s: get_rectification(s, waiting.id))
    assert after.progress_notes == "已召开专题会议部署整改，完成台账梳理。"
    assert workspace.read(lambda s: get_rectification(s, done.id)).status is S.DONE


def test_templates_are_checked_before_they_replace_the_layout(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.show_page("reports")
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage)
    page.select("finding")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))

    bad = tmp_path / "我办底稿.docx"
    doc = Document()
    for line in ("{{ title }} {{ letterhead }}", "{%p for p in papers %}", "{{ p.nope }}"):
        doc.add_paragraph(line)
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(bad))
    open_file(monkeypatch, bad)
    click(page, "install_template")
    assert len(warnings) == 1
    assert "无法识别的占位符：letterhead、p.nope" in warnings[0]
    assert "letterhead" in page.template_message.text()
    assert template_for("finding") is None

    missing = tmp_path / "缺占位符.docx"
    doc = Document()
    doc.add_paragraph("{{ title }}")
    doc.save(str(missing))
    open_file(monkeypatch, missing)
    click(page, "install_template")
    assert "缺少必需的占位符：papers" in warnings[1]
    assert template_for("finding") is None

    # the starter the page writes passes the check and replaces the layout; restore undoes it
    starter = tmp_path / "底稿模板.docx"
    save_as(monkeypatch, starter)
    click(page, "starter_template")
    open_file(monkeypatch, starter)
    click(page, "install_template")
    assert len(warnings) == 2
    assert template_for("finding") is not None
    assert "本办模板" in page.template_status.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    click(page, "remove_template")
    assert template_for("finding") is None
    assert "内置" in page.template_status.text()


# page → document types from its 生成文书 menu; each writes its first format
PAGE_DOCUMENTS = {
    "letters": ("letter-register", "letter-handling", "letter-ledger"),
    "interviews": ("interview",),
    "findings": ("finding", "finding-ledger"),
    "clues": ("clue-transfer", "clue-ledger"),
    "portraits": ("portrait",),
    "rectification": ("rectification",),
    "dashboard": ("stats",),
}


def test_every_page_action_writes_its_file(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[QUrl],
    tmp_path: Path,
) -> None:
    offered = save_as(monkeypatch, tmp_path)  # the default name says which format is written
    for key, codes in PAGE_DOCUMENTS.items():
        window.show_page(key)
        page = window.pages[key]
        if hasattr(page, "current_view"):
            qtbot.waitUntil(lambda p=page: p.current_view() is not None, timeout=10000)
        for code in codes:
            export_from(qtbot, page, code)
            click(warning_box(qtbot, window), "close")
            qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
            written = tmp_path / Path(offered[-1]).name
            assert written.stat().st_size > 1000, (key, code)
    assert window.findChild(QMessageBox, "error_box") is None
    suffixes = sorted(p.suffix for p in tmp_path.iterdir() if p.is_file())
    assert suffixes.count(".docx") == 9 and suffixes.count(".xlsx") == 2


def test_cancelling_a_slow_export_writes_nothing_and_reports_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from ui.dialogs.document_export import run_export
    from workbench.reports import DocRequest

    round_id = window.scope()["round_id"]
    out = tmp_path / "信访件台账.xlsx"
    gate = threading.Event()
    window.tasks.run_on_worker(lambda _worker: gate.wait(10))  # the worker is busy for now
    run_export(window, window.tasks, DocRequest("letter-ledger", round_id=round_id), out)
    progress = window.findChild(QProgressDialog, "document_progress")
    assert progress is not None
    progress.canceled.emit()  # what its 取消 button sends, before the worker wrote the file
    gate.set()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10000)
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert window.findChild(QMessageBox, "error_box") is None
    assert window.findChild(QMessageBox, "plaintext_warning") is None
