"""How to reach the office server, typed in: its address, the office's CA certificate file and
the database account's password. Asked where this desktop's sealed copy cannot serve: the
recovery code's 忘记口令 (the copy is sealed under the forgotten passphrase)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbench.workspace import OfficeAddress


class ServerFields(QObject):
    """Three rows for a ``QFormLayout`` (``add_rows``); ``address()`` is what was typed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.url = QLineEdit()
        self.url.setObjectName("server_url")
        self.url.setPlaceholderText(self.tr("postgresql://账号@服务器:5432/数据库名"))
        self.ca = QLineEdit()
        self.ca.setObjectName("ca_file")
        self.browse = QPushButton(self.tr("选择…"))
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        self.ca_row = QHBoxLayout()
        self.ca_row.addWidget(self.ca, 1)
        self.ca_row.addWidget(self.browse)
        self.db_password = QLineEdit()
        self.db_password.setObjectName("db_password")
        self.db_password.setEchoMode(QLineEdit.EchoMode.Password)

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("服务器地址"), self.url)
        form.addRow(self.tr("CA 证书文件"), self.ca_row)
        form.addRow(self.tr("数据库账号口令"), self.db_password)

    def inputs(self) -> tuple[QWidget, ...]:
        return (self.url, self.ca, self.browse, self.db_password)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.browse,
            self.tr("选择巡察办的 CA 证书"),
            "",
            self.tr("证书 (*.pem *.crt);;所有文件 (*)"),
        )
        if chosen:
            self.ca.setText(chosen)

    def address(self) -> OfficeAddress:
        ca = self.ca.text().strip()
        return OfficeAddress(
            self.url.text().strip(),
            Path(ca).expanduser() if ca else None,
            self.db_password.text() or None,
        )

    def clear_secret(self) -> None:
        self.db_password.clear()
