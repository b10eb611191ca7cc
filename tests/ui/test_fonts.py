"""Chinese glyphs on a machine without a CJK font: the check says so, the bundled font (the
installer's resources/fonts) fixes it, and the launch warning says why in English as well. With
a collection of regional faces (Noto Sans CJK: HK, JP, KR, SC, TC) Simplified Chinese is drawn,
and named by the self-test, in the SC face.

Each case runs in a subprocess whose fontconfig sees only the folders we give it
(FONTCONFIG_FILE), so "a machine without CJK fonts" is real, not simulated."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from ui.fonts import no_cjk_font_box

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.fonts import cjk_families, ensure_cjk_font
app = QApplication([])
before = cjk_families()
after = ensure_cjk_font(Path(sys.argv[1]))
print(json.dumps({"before": before, "after": after}))
"""

SELFTEST_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication
from ui.fonts import apply_ui_font, chinese_face
from ui.selftest import check_qt_environment
app = QApplication([])
apply_ui_font(app, folder=Path(sys.argv[1]))
font = app.font()
print(json.dumps({"report": check_qt_environment(app), "ui": QFontInfo(font).family(),
                  "draws": chinese_face(font)}))
"""


def _system_cjk_font() -> Path:
    """A CJK font file of this machine (CI installs fonts-wqy-microhei), to play the bundled one."""
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
    ).stdout
    files = [Path(line.split(":")[0]) for line in listed.splitlines() if line.strip()]
    files = [f for f in files if f.suffix.lower() in (".ttc", ".otf", ".ttf")]
    if not files:
        pytest.skip("no CJK font on this machine to stand in for the bundled one")
    return files[0]


def _regional_cjk_collection() -> Path:
    """A font file holding the SC face beside other regional ones: the installer's choice
    (WORKBENCH_CJK_FONT) or this machine's Noto Sans CJK."""
    chosen = os.environ.get("WORKBENCH_CJK_FONT")
    if chosen and Path(chosen).is_file():
        return Path(chosen)
    listed = subprocess.run(
        ["fc-list", ":family=Noto Sans CJK SC", "file"], capture_output=True, text=True, check=False
    ).stdout
    files = [Path(line.split(":")[0]) for line in listed.splitlines() if line.strip()]
    if not files:
        pytest.skip("no Noto Sans CJK collection here (set WORKBENCH_CJK_FONT to one)")
    return files[0]


def _probe(
    tmp_path: Path, system_fonts: Path, bundled: Path, script: str = PROBE
) -> dict[str, Any]:
    cache = tmp_path / "fc-cache"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{system_fonts}</dir><cachedir>{cache}</cachedir></fontconfig>",
        "utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", script, str(bundled)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_no_cjk_font_is_reported_and_the_bundled_one_fixes_it(tmp_path: Path) -> None:
    empty, bundled = tmp_path / "system-fonts", tmp_path / "resources-fonts"
    empty.mkdir()
    bundled.mkdir()
    nothing = _probe(tmp_path, empty, bundled)  # no system font, nothing bundled
    assert nothing == {"before": [], "after": []}
    shutil.copy(_system_cjk_font(), bundled)
    fixed = _probe(tmp_path, empty, bundled)
    assert fixed["before"] == []
    assert fixed["after"], "the bundled font was not loaded"


def test_a_system_cjk_font_is_used_and_nothing_is_loaded(tmp_path: Path) -> None:
    system = _system_cjk_font().parent
    result = _probe(tmp_path, system, tmp_path / "no-such-folder")
    assert result["before"] and result["after"] == result["before"]


def test_simplified_chinese_is_drawn_and_named_in_the_sc_face(tmp_path: Path) -> None:
    empty, bundled = tmp_path / "system-fonts", tmp_path / "resources-fonts"
    empty.mkdir()
    bundled.mkdir()
    shutil.copy(_regional_cjk_collection(), bundled)  # as the installer bundles it
    result = _probe(tmp_path, empty, bundled, SELFTEST_PROBE)
    assert result["ui"] == result["draws"] == "Noto Sans CJK SC"
    assert result["report"].endswith("Noto Sans CJK SC")  # not the collection's first, HK


def test_the_launch_warning_is_readable_without_chinese(qtbot: QtBot) -> None:
    box = no_cjk_font_box()
    qtbot.addWidget(box)
    first = box.text().splitlines()[0]
    assert first.isascii() and "No Chinese (CJK) font" in first  # drawn even when 汉字 are not
    assert "没有找到中文字体" in box.text()
    assert box.windowTitle().startswith("No Chinese font")
    with english_ui():
        english = no_cjk_font_box()
        qtbot.addWidget(english)
        assert english.text().isascii() and "fonts-noto-cjk" in english.text()
        assert english.windowTitle() == "No Chinese font"
