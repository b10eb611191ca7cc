"""三员分立 in the main window: a user holding only 三员 roles sees the pages of their duty and a
note saying why the case pages are absent (the core refuses those reads anyway, whatever asks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.i18n import core_text
from ui.i18n import tr as _tr
from workbench.roles import Role, case_read_refusal

SEPARATION_PAGE = "separation"

# The pages of each duty: 系统管理员 users, devices and backups; 安全保密管理员 the settings (in
# the toolbar, no page); 安全审计员 the audit log.
DUTY_PAGES: dict[Role, frozenset[str]] = {
    Role.AUDITOR: frozenset({"audit"}),
    Role.SYSADMIN: frozenset({"devices", "exchange"}),
    Role.SECADMIN: frozenset(),
}


def _duties(roles: tuple[Role, ...]) -> list[str]:
    duties = {
        Role.SYSADMIN: _tr(
            "系统管理员：管理用户、设备和备份（“账户”菜单中的用户管理、备份与恢复；设备管理、数据交换）。"
        ),
        Role.SECADMIN: _tr("安全保密管理员：管理密级和安全设置（工具栏“设置”）。"),
        Role.AUDITOR: _tr("安全审计员：查看、校验和导出审计日志（审计日志）。"),
    }
    return [text for role, text in duties.items() if role in roles]


def separation_note(roles: tuple[Role, ...], reason: str) -> QWidget:
    page = QWidget()
    page.setObjectName("separation_note")
    layout = QVBoxLayout(page)
    text = "\n\n".join(
        [
            core_text(reason),
            _tr(
                "信访件、谈话、底稿、线索、画像、整改、附件、文书和检索等案件内容不向三员显示"
                "（分级保护的三员分立要求）。如确需办理案件，须另行分配业务角色，"
                "此时本数据库即不再三员分立。"
            ),
            *_duties(roles),
        ]
    )
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(label)
    layout.addStretch(1)
    return page


def keep_to_duty(window: Any, search: QAction) -> None:
    """For a 三员-only user: hide every page outside their duty, disable 检索, show the note."""
    roles = tuple(window.workspace.user.roles)
    reason = case_read_refusal(roles)
    if reason is None:
        return
    allowed = frozenset().union(*(DUTY_PAGES.get(r, frozenset()) for r in roles))
    window._add_page(SEPARATION_PAGE, _tr("三员分立"), separation_note(roles, reason))
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        item.setHidden(key != SEPARATION_PAGE and key not in allowed)
    search.setEnabled(False)
    search.setToolTip(core_text(reason))
    window.show_page(SEPARATION_PAGE)
