"""Errors reach people as a message with its code and 详细信息 (code, time, log file), never a
traceback; an unexpected error's traceback goes to the rotating log."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.errors import error_details, error_text, log_file, show_error
from workbench.errors import OfficeUnreachable, ValidationError
from workbench.logs import setup_logging


def _raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:  # a real traceback to log
        return caught


def _shown(qtbot: QtBot, parent: QWidget, error: BaseException) -> QMessageBox:
    qtbot.addWidget(parent)
    parent.show()
    show_error(parent, error)
    box = parent.findChild(QMessageBox, "error_box")
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=10000)
    return box


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown_without(
    qtbot: QtBot,
) -> None:
    setup_logging()
    error = _raised(RuntimeError("磁盘控制器返回 0x5e1f"))
    window = QWidget()
    box = _shown(qtbot, window, error)
    shown = box.text() + "\n" + box.detailedText()
    assert "WB-INTERNAL" in box.text() and "详情已写入日志" in box.text()
    assert "Traceback" not in shown and "0x5e1f" not in shown
    details = box.detailedText()
    assert "WB-INTERNAL" in details and "RuntimeError" in details
    assert str(log_file()) in details
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: 磁盘控制器返回 0x5e1f" in logged
    box.close()


def test_an_expected_error_shows_its_message_and_code_and_logs_no_traceback(
    qtbot: QtBot,
) -> None:
    setup_logging()
    before = log_file().read_text(encoding="utf-8") if log_file().exists() else ""
    window = QWidget()
    box = _shown(qtbot, window, _raised(ValidationError("不能按此列排序", field="order")))
    assert box.text() == "不能按此列排序\n（WB-VALIDATION）"
    assert box.icon() == QMessageBox.Icon.Warning and box.windowTitle() == "操作未完成"
    details = box.detailedText().splitlines()
    assert details[0] == "错误代码：WB-VALIDATION"
    assert details[1].startswith("时间：20")
    assert details[2] == "日志文件：" + str(log_file())
    after = log_file().read_text(encoding="utf-8") if log_file().exists() else ""
    assert "Traceback" not in after[len(before) :]
    box.close()


def test_details_name_no_exception_text() -> None:
    secret = "张三 13800000000"
    text = error_details(KeyError(secret))
    assert secret not in text and "KeyError" in text and "WB-INTERNAL" in text


def _wrapped(text: str, font: QFont, width: int) -> list[str]:
    """The lines a word-wrapping label (``QLabel.setWordWrap``) draws ``text`` in."""
    lines = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
    return lines


def test_a_code_is_never_broken_across_lines() -> None:
    """Wrapped at any width the label can show the code in, the code stays whole: it used to
    break at a hyphen (“（WB-” / “OFFICE-UNREACHABLE）”) when it followed the text."""
    text, code, font = error_text(OfficeUnreachable()), "WB-OFFICE-UNREACHABLE", QFont()
    narrowest = QFontMetrics(font).horizontalAdvance(f"（{code}）") + 1
    for width in range(narrowest, 900, 3):
        lines = _wrapped(text, font, width)
        assert any(code in line for line in lines), (width, lines)
