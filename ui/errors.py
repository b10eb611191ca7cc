"""Errors as people see them: a translated message with its stable code, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.errors import WorkbenchError

log = logging.getLogger("workbench.ui")


def error_text(error: BaseException) -> str:
    if isinstance(error, WorkbenchError):
        message = QCoreApplication.translate("core", error.message)
        return f"{message}（{error.code}）"
    log.error("unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "errors", "发生意外错误，操作未完成，数据未改变。详情已写入日志。（WB-INTERNAL）"
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    QMessageBox.warning(
        parent, QCoreApplication.translate("errors", "操作未完成"), error_text(error)
    )
