"""Fonts that render Chinese on Windows, Kylin/UOS and a bare Linux with fonts-wqy-microhei."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

# First match wins, per character: Windows, then the CJK families Linux desktops ship.
CJK_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "SimSun",
]


def apply_ui_font(app: QApplication, point_size: int = 10) -> None:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)  # 6.12 has no addApplicationFallbackFontFamily
    font.setPointSize(point_size)
    app.setFont(font)
