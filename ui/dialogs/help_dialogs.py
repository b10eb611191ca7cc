"""帮助: the user guide (docs/user-guide.md, shipped with the program, read offline), the
shortcut list and 关于 with the versions an administrator reports a problem with."""

from __future__ import annotations

import logging
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.i18n import tr as _tr
from workbench import __version__
from workbench.services.about import POSTGRESQL, engine_versions

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

# docs/ beside ui/, as resources/ is: the source tree, or the bundle (installer/workbench.spec)
DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = DOCS / "user-guide.md"


def _dialog(parent: QWidget, name: str, title: str) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    return dialog, layout


def _close_button(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)


class GuideBrowser(QTextBrowser):
    """The guide's pages; its screenshots (1366 px wide) scaled down to fit beside the text."""

    IMAGE_WIDTH = 800  # the dialog is 980 wide: no sideways scrolling

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return super().loadResource(kind, name)
        url = name if isinstance(name, QUrl) else QUrl(name)
        image = QImage(self.source().resolved(url).toLocalFile())
        if image.width() > self.IMAGE_WIDTH:
            mode = Qt.TransformationMode.SmoothTransformation
            image = image.scaledToWidth(self.IMAGE_WIDTH, mode)
        return image


def open_guide(parent: QWidget) -> QDialog:
    """使用手册: the Markdown guide in a browser; its screenshots load from docs/screenshots."""
    dialog, layout = _dialog(parent, "user_guide", _tr("使用手册"))
    browser = GuideBrowser()
    browser.setObjectName("guide")
    browser.setOpenExternalLinks(True)
    if GUIDE.is_file():
        browser.setSource(
            QUrl.fromLocalFile(str(GUIDE)), QTextDocument.ResourceType.MarkdownResource
        )
    else:  # a bundle built without docs/: say so rather than show an empty window
        browser.setPlainText(_tr("找不到使用手册文件：%1").replace("%1", str(GUIDE)))
    layout.addWidget(browser)
    _close_button(dialog, layout)
    dialog.resize(980, 700)
    dialog.open()
    return dialog


def shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) as the 快捷键 list shows them, in the platform's notation."""
    standard = QKeySequence.StandardKey
    keys: list[tuple[list[QKeySequence], str]] = [
        ([QKeySequence("Ctrl+N")], _tr("在当前页面新建记录")),
        ([QKeySequence("Delete")], _tr("作废当前页面所选记录（须填写理由）")),
        ([QKeySequence("Ctrl+P")], _tr("打印当前页面的列表（页面支持时）")),
        ([QKeySequence("F5")], _tr("刷新当前页面")),
        ([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")], _tr("全局检索")),
        ([QKeySequence("Ctrl+L")], _tr("锁定")),
        ([QKeySequence(standard.Save)], _tr("编辑窗口中保存")),
        ([QKeySequence(standard.Undo), QKeySequence(standard.Redo)], _tr("编辑窗口中撤销 / 重做")),
        ([QKeySequence("F1")], _tr("使用手册")),
        ([QKeySequence("Ctrl+Q")], _tr("退出")),
    ]
    native = QKeySequence.SequenceFormat.NativeText
    return [(" / ".join(k.toString(native) for k in ks), what) for ks, what in keys]


def open_shortcuts(parent: QWidget) -> QDialog:
    dialog, layout = _dialog(parent, "shortcuts", _tr("快捷键"))
    rows = shortcuts()
    table = QTableWidget(len(rows), 2)
    table.setObjectName("shortcut_table")
    table.setHorizontalHeaderLabels([_tr("按键"), _tr("作用")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, (keys, what) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(what))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    layout.addWidget(table)
    _close_button(dialog, layout)
    dialog.resize(560, 400)
    dialog.open()
    return dialog


def versions_text(engines: tuple[tuple[str, str], ...] | None) -> str:
    """The program's versions, then the store's engine's (``engine_versions``; None while the
    store is asked, or if it could not answer)."""
    rows = [
        (_tr("巡察工作台"), __version__),
        ("Python", f"{platform.python_version()} ({sys.platform})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]
    for name, version in engines or ((_tr("数据库"), ""),):
        label = _tr("PostgreSQL（巡察办服务器）") if name == POSTGRESQL else name
        rows.append((label, version or "—"))
    line = _tr("%1：%2")
    return "\n".join(line.replace("%1", name).replace("%2", value) for name, value in rows)


def open_about(window: MainWindow) -> QDialog:
    """关于: the program and the versions of what it runs on (the store's engine asked once)."""
    dialog, layout = _dialog(window, "about", _tr("关于巡察工作台"))
    title = QLabel(_tr("巡察工作台"))
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    layout.addWidget(title)
    layout.addWidget(QLabel(_tr("离线、加密的巡察工作台，供市县巡察机构使用。")))
    versions = QLabel(versions_text(None))
    versions.setObjectName("versions")
    versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout.addWidget(versions)
    _close_button(dialog, layout)

    def answered(engines: tuple[tuple[str, str], ...]) -> None:
        if isValid(versions):  # the dialog may be closed (and deleted) before the answer
            versions.setText(versions_text(engines))

    def failed(exc: BaseException) -> None:  # the program's rows stay, the engine's show —
        log.warning("about: the store's engine did not say its version: %r", exc)

    window.tasks.run(engine_versions, answered, failed)
    dialog.open()
    return dialog
