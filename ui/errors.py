"""Errors as people see them: a translated message with its stable code, never a traceback.

The dialog's 详细信息 part gives what a support call needs — the code, the time and where the log
is — and nothing more: an unexpected error's traceback goes to the rotating log only.
"""

from __future__ import annotations

import logging
import logging.handlers
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import core_text
from workbench import paths
from workbench.errors import WorkbenchError

log = logging.getLogger("workbench.ui")

INTERNAL_CODE = "WB-INTERNAL"


def error_code(error: BaseException) -> str:
    return error.code if isinstance(error, WorkbenchError) else INTERNAL_CODE


def error_text(error: BaseException) -> str:
    """The translated message, then its code on a line of its own: a label wraps a long code
    at its hyphens ("（WB-" / "OFFICE-UNREACHABLE）") when the code follows the text."""
    if isinstance(error, WorkbenchError):
        message = core_text(error.message)
    else:
        log.error("unexpected error", exc_info=error)
        message = QCoreApplication.translate(
            "errors", "发生意外错误，操作未完成，数据未改变。详情已写入日志。"
        )
    return (
        QCoreApplication.translate("errors", "%1\n（%2）")
        .replace("%2", error_code(error))
        .replace("%1", message)  # last, so nothing in the message is taken for a marker
    )


def log_file() -> Path:
    """The file the rotating log writes to (the default place before logging is set up)."""
    for handler in logging.getLogger("workbench").handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return paths.log_dir() / "workbench.log"


def error_details(error: BaseException, when: datetime | None = None) -> str:
    """Code, time and the log file: safe to read out on the phone, never the traceback."""
    moment = (when or datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    lines = [
        QCoreApplication.translate("errors", "错误代码：") + error_code(error),
        QCoreApplication.translate("errors", "时间：") + moment,
        QCoreApplication.translate("errors", "日志文件：") + str(log_file()),
    ]
    if not isinstance(error, WorkbenchError):
        lines.insert(1, QCoreApplication.translate("errors", "错误类型：") + type(error).__name__)
        lines.append(QCoreApplication.translate("errors", "请把日志文件交给系统管理员。"))
    return "\n".join(lines)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Window-modal but not blocking: the event loop (and the DB worker's callbacks) keep
    running while it is shown. Tests find it as the parent's child named ``error_box``."""
    error_box(parent, error).open()


def error_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """The message, its code, and 详细信息 (code, time, log file) folded away."""
    box = QMessageBox(parent)
    box.setObjectName("error_box")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "操作未完成"))
    box.setText(error_text(error))
    box.setDetailedText(error_details(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
