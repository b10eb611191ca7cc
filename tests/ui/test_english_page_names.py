"""The English UI names pages as its sidebar does, without the Chinese “” the CJK-first UI font
draws full width (issue #20's screen review); the Chinese UI shows Qt's own buttons in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.english import english_ui
from ui.i18n import install_translators

CHECKLIST_STEP = "在“设备管理”中为各组笔记本签发设备证书，再在“数据交换”页生成部署包交各组导入。"
NO_DEVICE = "还没有已登记的巡察组设备：请先在“设备管理”中签发设备证书。"


def _page_names() -> list[str]:
    return [QCoreApplication.translate("MainWindow", s) for s in ("设备管理", "数据交换")]


def test_the_checklist_names_the_sidebars_pages_in_plain_english(qtbot: QtBot) -> None:
    with english_ui():
        devices, exchange = _page_names()
        step = QCoreApplication.translate("FirstRunChecklist", CHECKLIST_STEP)
        no_device = QCoreApplication.translate("ExchangePage", NO_DEVICE)
    assert f"{devices} page" in step and f"{exchange} page" in step
    assert f"{devices} page" in no_device
    assert not {"“", "”"} & set(step + no_device)


@pytest.fixture
def chinese_qt() -> Iterator[None]:
    """What the app installs in zh_CN (ui/application.py), taken out again after the test."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QLocale()
    installed = install_translators(app, "zh_CN")
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


def test_the_chinese_ui_shows_qts_own_buttons_in_chinese(qtbot: QtBot, chinese_qt: None) -> None:
    """关于's Close button: Qt's qtbase_zh_CN, which the installer bundles (test_bundle)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "关闭"
