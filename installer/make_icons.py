"""Render the SVG icon to the PNG (Linux .desktop, window icon) and ICO (Windows) beside it.

    .venv/bin/python installer/make_icons.py

The outputs are checked in, so a build machine needs no SVG renderer; rerun after editing
the SVG. Qt renders the SVG (QtSvg) and writes the ICO (its ico image plugin).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
NAME = "xuncha-workbench"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print("invalid SVG", file=sys.stderr)
        return 1
    ok = render(renderer, 256).save(str(ICONS / f"{NAME}.png"))
    ok = render(renderer, 256).save(str(ICONS / f"{NAME}.ico")) and ok
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
