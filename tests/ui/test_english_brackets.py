"""Names with a note beside them (a person's unit, a user's login) use the language's own
brackets: “张伟（县教育局）” in Chinese, “张伟 (县教育局)” in English (issue #20's screen
review)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from ui.dialogs.member_dialog import person_label
from ui.dialogs.office_packages import device_text
from ui.i18n import aside, aside_list

UI = Path(__file__).resolve().parents[2] / "ui"
# a 线索 or 整改 record made from a hit keeps the Chinese title a report will print
CHINESE_RECORD_TITLES = {"dialogs/hit_convert_dialog.py"}


def _person() -> Any:
    return SimpleNamespace(name="张伟", unit="县教育局", position="局长", target_id=None)


def test_a_persons_label_takes_the_languages_brackets(qtbot: QtBot) -> None:
    assert person_label(_person(), []) == "张伟（县教育局 局长）"
    with english_ui():
        assert person_label(_person(), []) == "张伟 (县教育局 局长)"


def test_a_devices_holder_takes_the_languages_brackets(qtbot: QtBot) -> None:
    device = SimpleNamespace(display_name="张伟", user="zhang", device_id="0123456789abcdef")
    assert device_text(device) == "张伟（zhang）  01234567"  # type: ignore[arg-type]
    with english_ui():
        assert device_text(device) == "张伟 (zhang)  01234567"  # type: ignore[arg-type]


def test_no_ui_fstring_builds_chinese_brackets_around_a_value() -> None:
    """``f"{a}（{b}）"`` shows full-width brackets in English: ``ui.i18n.aside`` instead."""
    found = [
        f"{path.relative_to(UI)}:{n}"
        for path in sorted(UI.rglob("*.py"))
        if path.relative_to(UI).as_posix() not in CHINESE_RECORD_TITLES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"f\"[^\"]*（\{", line)
    ]
    assert found == []


def test_a_notes_parts_take_the_languages_comma(qtbot: QtBot) -> None:
    assert aside("张伟", aside_list("局长", "", "正处级")) == "张伟（局长，正处级）"
    with english_ui():
        assert aside("张伟", aside_list("局长", "", "正处级")) == "张伟 (局长, 正处级)"
