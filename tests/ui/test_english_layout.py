"""The English UI fits a 1366×768 screen, at 1× and at 1.5× scale: no sidebar entry, column
header or form label is cut, and neither the sidebar nor an editor's form scrolls sideways.

Each text is measured as Qt draws it (a header title in bold when its row is selected, beside
the sort arrow) against the room its widget gives it; English words are two to three times as
wide as the Chinese the layout was first made for."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from tests.ui.office_store import Opened, office_dir, office_template, open_window, opened
from ui.editors.fields import EnumCombo
from ui.editors.portrait_editor import RatingCombo
from ui.editors.registry import EDITORS
from ui.main_window import MainWindow
from ui.pages.record_list_page import RecordListPage
from workbench.workspace import Workspace

__all__ = ["office_dir", "office_template", "opened"]  # fixtures

SCREEN = (1366, 768)
ROOT = Path(__file__).resolve().parents[2]


def _cut_headers(widget: QWidget) -> list[str]:
    """Titles of visible horizontal header sections narrower than their bold text."""
    cut = []
    for header in widget.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
            continue
        model = header.model()
        if model is None:
            continue
        font = header.font()
        font.setBold(True)  # a selected row highlights every section
        metrics = QFontMetrics(font)
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = header.height() if header.isSortIndicatorShown() else 0
        for section in range(header.count()):
            title = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            if header.isSectionHidden(section) or not title:
                continue
            room = header.sectionSize(section) - 2 * margin - arrow
            if metrics.horizontalAdvance(title) > room:
                cut.append(f"{title!r} ({header.sectionSize(section)} px)")
    return cut


def _cut_form_labels(widget: QWidget) -> list[str]:
    """Form labels (one line) narrower than their text."""
    cut = []
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel) or not label.isVisible() or label.wordWrap():
                continue
            if label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width():
                cut.append(label.text())
    return cut


def _cut_wrapped_labels(widget: QWidget) -> list[str]:
    """Word-wrapped labels (a wizard's subtitle, a note, a refusal) shorter than their lines."""
    cut = []
    for label in widget.findChildren(QLabel):
        shown = label.isVisible() and label.wordWrap() and label.text()
        if shown and label.heightForWidth(label.width()) > label.height():
            cut.append(label.text())
    return cut


def _sideways(widget: QWidget) -> list[str]:
    """Scroll areas (forms, lists) whose content is wider than they are, tables aside: a table
    may scroll sideways, a form or the sidebar must not."""
    from PySide6.QtWidgets import QAbstractItemView, QListView

    wide = []
    for area in widget.findChildren(QAbstractScrollArea):
        table = isinstance(area, QAbstractItemView) and not isinstance(area, QListView)
        if area.isVisible() and not table and area.horizontalScrollBar().maximum() > 0:
            wide.append(area.objectName() or type(area).__name__)
    return wide


CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese_chrome(widget: QWidget) -> list[str]:
    """Chinese left in what the UI itself says: buttons, check boxes, tabs, column headers and
    the choices of the core's enums (a record's content, names and units stay as typed)."""
    texts = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    for combo in widget.findChildren(QComboBox):  # choices from the core's enums
        if isinstance(combo, EnumCombo | RatingCombo):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for header in widget.findChildren(QHeaderView):
        model = header.model()
        if header.isVisible() and model is not None:
            orientation = header.orientation()
            texts += [str(model.headerData(i, orientation) or "") for i in range(header.count())]
    return sorted({t for t in texts if CJK.search(t)})


def _settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20000)
    QApplication.processEvents()


def _page_problems(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The sidebar, then every page with its tabs."""
    problems: list[str] = []
    nav = window.nav
    for row in range(nav.count()):
        text = nav.item(row).text()
        room = nav.viewport().width() - nav.iconSize().width() - 12  # icon gap, margins
        if nav.fontMetrics().horizontalAdvance(text) > room:
            problems.append(f"sidebar: {text!r}")
    if nav.horizontalScrollBar().maximum() > 0:
        problems.append("sidebar scrolls sideways")
    for key in window.pages:
        window.show_page(key)
        _settle(qtbot, window)
        page = window.pages[key]
        tabs = page.findChildren(QTabWidget)
        for index in range(max([t.count() for t in tabs] or [1])):
            for t in tabs:
                t.setCurrentIndex(min(index, t.count() - 1))
            _settle(qtbot, window)
            if isinstance(page, RecordListPage) and page.model.rowCount():
                page.table.selectRow(0)  # the headers go bold
                QApplication.processEvents()
            problems += [f"{key} header: {t}" for t in _cut_headers(page)]
            problems += [f"{key} label: {t}" for t in _cut_form_labels(page)]
            problems += [f"{key} scrolls sideways: {t}" for t in _sideways(page)]
            problems += [f"{key} in Chinese: {t}" for t in _chinese_chrome(page)]
    return sorted(set(problems), key=problems.index)


def test_every_page_and_editor_fits_in_english(qtbot: QtBot, workspace: Workspace) -> None:
    problems: list[str] = []
    with english_ui():
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitUntil(lambda: window.round_combo.count() > 1, timeout=20000)
        _settle(qtbot, window)
        problems += _page_problems(qtbot, window)
        for kind, spec in EDITORS.items():
            page = window.pages[spec.page]
            window.show_page(spec.page)
            _settle(qtbot, window)
            if not isinstance(page, RecordListPage) or not page.model.rowCount():
                continue
            page.table.selectRow(0)
            button = page.findChild(QPushButton, "edit")
            assert button is not None, kind
            button.click()
            _settle(qtbot, window)
            editors = [e for e in window.findChildren(spec.editor) if e.isVisible()]
            assert editors, kind
            for editor in editors:
                QApplication.processEvents()
                problems += [f"{kind} editor header: {t}" for t in _cut_headers(editor)]
                problems += [f"{kind} editor label: {t}" for t in _cut_form_labels(editor)]
                problems += [f"{kind} editor scrolls sideways: {t}" for t in _sideways(editor)]
                problems += [f"{kind} editor in Chinese: {t}" for t in _chinese_chrome(editor)]
                editor.hide()  # not reject(): it asks about changes a load may have made
                editor.deleteLater()
        window.close()
    assert not problems, "\n".join(problems)


def test_the_office_pages_fit_in_english(qtbot: QtBot, opened: Opened, office_dir: Path) -> None:
    """轮次配置 (its tabs), 设备管理 and 冲突处理 exist on an office store only."""
    with english_ui():
        window = open_window(qtbot, office_dir, opened)
        window.resize(*SCREEN)
        problems = _page_problems(qtbot, window)
        window.close()
    assert not problems, "\n".join(problems)


def test_the_first_run_wizard_fits_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    """Its choice page, and 连接巡察办服务器 with the longest refusal it shows (the server cannot
    be reached): no subtitle, note or label cut at the wizard's own size."""
    from PySide6.QtWidgets import QWizard

    from ui.dialogs.first_run_wizard import FirstRunWizard

    def problems(wizard: FirstRunWizard, page: str) -> list[str]:
        QApplication.processEvents()  # the wizard fits its height to the page's text
        QApplication.processEvents()
        found = [f"{page} label: {t}" for t in _cut_form_labels(wizard)]
        found += [f"{page} cut: {t}" for t in _cut_wrapped_labels(wizard)]
        found += [f"{page} in Chinese: {t}" for t in _chinese_chrome(wizard)]
        return found

    with english_ui():
        wizard = FirstRunWizard(tmp_path / "desk")
        qtbot.addWidget(wizard)
        wizard.show()
        found = problems(wizard, "choice")
        wizard.choice.connect_server.setChecked(True)
        wizard.next()
        found += problems(wizard, "connect")
        page: Any = wizard.currentPage()
        page.url.setText("postgresql://wb@127.0.0.1:1/office?sslmode=require")
        page.user.setText("ban")
        page.passphrase.setText("x" * 12)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not page.busy, timeout=30000)
        assert "WB-OFFICE-TLS-UNVERIFIED" in page.message.text()  # refused before any server
        found += problems(wizard, "connect refused")
        wizard.close()
    assert not found, "\n".join(found)


@pytest.mark.skipif(bool(os.environ.get("QT_SCALE_FACTOR")), reason="already scaled")
def test_it_fits_at_one_and_a_half_times_scale() -> None:
    """The same check in a process of its own, where Qt scales everything by 1.5 (a 2049×1152
    screen showing 1366×768 logical pixels)."""
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen:size=2049x1152")
    test = str(Path(__file__).relative_to(ROOT))  # this test skips itself there
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_the_data_check_page_and_its_import_dialog_fit_in_english(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    """数据比对 with lists, rules run and a hit selected; the import dialog with its mapping."""
    from ui.pages.datacheck_page import DatacheckPage
    from workbench.demo_data.lists import write_lists
    from workbench.services.datalists import list_sources

    # the demo round has its lists and hits; their own column titles are their content
    sources = workspace.read(list_sources)
    content = {h for source in sources for h in source.headers}
    problems: list[str] = []
    with english_ui():
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitUntil(lambda: window.round_combo.count() > 1, timeout=20000)
        window.show_page("datacheck")
        _settle(qtbot, window)
        page = window.pages["datacheck"]
        assert isinstance(page, DatacheckPage)
        page.sources_tab.table.selectRow(0)
        page.rules_tab.table.selectRow(0)
        page.hits_tab.table.selectRow(0)
        _settle(qtbot, window)
        assert page.hits_tab.matched.columnCount() > 0
        for tab in ("sources", "rules", "hits"):
            page.show_tab(tab)
            _settle(qtbot, window)
            problems += [f"{tab} header: {t}" for t in _cut_headers(page)]
            problems += [f"{tab} label: {t}" for t in _cut_form_labels(page)]
            problems += [f"{tab} scrolls sideways: {t}" for t in _sideways(page)]
            chrome = [t for t in _chinese_chrome(page) if t not in content]
            problems += [f"{tab} in Chinese: {t}" for t in chrome]
        page.show_tab("sources")
        deaths = next(f for f in write_lists(tmp_path).files if f.kind.value == "deaths")
        dialog = page.sources_tab.open_import(deaths.path)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20000)
        QApplication.processEvents()
        problems += [f"import dialog label: {t}" for t in _cut_form_labels(dialog)]
        problems += [f"import dialog in Chinese: {t}" for t in _chinese_chrome(dialog)]
        dialog.close()
        window.close()
    assert not problems, "\n".join(problems)
