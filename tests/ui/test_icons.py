"""Icons are SVG (sharp at any scale factor) and every navigation entry has one that renders."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.icons import ICONS, icon
from ui.main_window import MainWindow
from workbench.workspace import Workspace


def test_every_icon_file_is_well_formed_svg() -> None:
    files = sorted(ICONS.glob("*.svg"))
    assert files
    for path in files:
        assert ET.parse(path).getroot().tag.endswith("svg"), path.name


def test_every_page_and_toolbar_action_has_a_rendering_icon(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        assert not item.icon().isNull(), key
        image = item.icon().pixmap(48, 48).toImage()  # rendered at 2× for a high-DPI screen
        assert image.width() == 48 and any(
            image.pixelColor(x, y).alpha() for x in range(48) for y in range(48)
        ), key
    assert not icon("app").isNull()
    window.close()
