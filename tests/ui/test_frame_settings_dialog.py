"""The 巡察办 sets the 公文 frame (发文机关标志, 机关代字 …) in 设置, and the store keeps it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.office_store import Opened, office_dir, office_template, opened
from tests.ui.office_store import open_window as open_office_window
from workbench.reports.frame_settings import frame_settings

__all__ = ["office_dir", "office_template", "opened"]  # fixtures


def test_office_sets_the_frame_in_settings(qtbot: QtBot, office_dir: Path, opened: Opened) -> None:
    window = open_office_window(qtbot, office_dir, opened)
    dialog = window.open_settings()
    code = dialog.frame_fields["office_code"]
    qtbot.waitUntil(code.isEnabled, timeout=10000)
    assert code.text() == ""
    code.setText("云巡办")
    dialog.frame_fields["team_code"].setText(" 云巡 ")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.click()
    qtbot.waitUntil(lambda: opened[0].read(frame_settings).office_code == "云巡办", timeout=10000)
    saved = opened[0].read(frame_settings)
    assert (saved.office_code, saved.team_code, saved.printer) == ("云巡办", "云巡", "")
    window.close()
