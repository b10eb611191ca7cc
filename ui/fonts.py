"""Fonts that render Chinese: the system's (Windows, Kylin/UOS, a Linux with a CJK font), else
the one the installer bundles in resources/fonts (Noto Sans CJK, SIL OFL; docs/installing.md).
Without either the whole interface is boxes: the app says so at launch, in English too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.i18n import tr as _tr

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
# resources/ beside ui/, in the source tree and in the bundle (installer/workbench.spec)
BUNDLED_FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
FONT_SUFFIXES = (".ttc", ".otf", ".ttf")
# a glyph sample (the app's name), never shown: built from code points, as it is no UI
# string for the translation check to flag
CHINESE_SAMPLE = "".join(map(chr, (0x5DE1, 0x5BDF, 0x5DE5, 0x4F5C, 0x53F0)))


def cjk_families() -> list[str]:
    """The font families Qt can find that cover Simplified Chinese."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def load_bundled_fonts(folder: Path = BUNDLED_FONTS) -> list[str]:
    """Add the fonts in ``folder`` to the application (not to the system); their families."""
    families: list[str] = []
    if not folder.is_dir():
        return families
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def ensure_cjk_font(folder: Path = BUNDLED_FONTS) -> list[str]:
    """The Chinese-capable families, after loading the bundled font if the system has none."""
    return cjk_families() or (load_bundled_fonts(folder) and cjk_families())


def apply_ui_font(
    app: QApplication, point_size: int = 10, folder: Path = BUNDLED_FONTS
) -> list[str]:
    """The UI font, with the Chinese families first; returns those found (empty: boxes)."""
    found = ensure_cjk_font(folder)
    font = QFont()
    # 6.12 has no addApplicationFallbackFontFamily: list the bundled one after the usual names
    font.setFamilies([*CJK_FAMILIES, *(f for f in found if f not in CJK_FAMILIES)])
    font.setPointSize(point_size)
    app.setFont(font)
    return found


def chinese_face(font: QFont) -> str:
    """The family that draws Simplified Chinese in ``font``, after Qt's per-character fallback.
    Not ``cjk_families()[0]``: a collection such as Noto Sans CJK lists its HK face first while
    the UI font names the SC one, and SC is what draws."""
    layout = QTextLayout(CHINESE_SAMPLE, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return runs[0].rawFont().familyName() if runs else ""


def no_cjk_font_box(parent: QWidget | None = None) -> QMessageBox:
    """The launch warning, English first since the Chinese half is what cannot be drawn (the
    English translation drops the Chinese half)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("No Chinese font / 缺少中文字体"),
        _tr(
            "No Chinese (CJK) font was found, so Chinese text shows as boxes.\n"
            "Install one (Debian/Kylin/UOS: sudo apt install fonts-noto-cjk) and start again."
            "\n\n没有找到中文字体，界面中的汉字会显示为方框。"
            "请安装中文字体（例如 fonts-noto-cjk）后重新启动。"
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("no_cjk_font")
    box.button(QMessageBox.StandardButton.Ok).setText("OK")  # Qt's 确定 would be boxes too
    return box
