"""SVG icons from resources/icons: sharp at any scale factor (high-DPI screens), one file each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (a page key or an action), or an empty icon if there is none."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
