"""作废… on a record page: asks for the reason, voids through the core, and is disabled with the
core's own reason (a dry run of the void service) for a record the user may not void."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from shiboken6 import isValid

from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from workbench.services.voiding import void, void_refusal


def ask_reason(page: RecordListPage, view: Any) -> str | None:
    """The reason typed, or ``None`` if the user cancelled (an empty one goes to the core, which
    refuses it with its message)."""
    label = getattr(view, "number", "") or getattr(view, "title", "") or ""
    reason, ok = QInputDialog.getMultiLineText(
        page,
        _tr("作废记录"),
        _tr(
            "作废“%1”。作废后记录不再出现在列表、检索、统计和文书中，编号不再使用；"
            "作废及其理由记入审计日志并随数据包传递。\n\n作废理由（必填）："
        ).replace("%1", label),
    )
    return reason if ok else None


def add_void_action(page: RecordListPage, kind: str) -> QPushButton:
    """The 作废… button of a page whose records are of ``kind`` (an editor's record type)."""
    tip = _tr("作废所选记录（须填写理由）")
    asked: list[str | None] = [None]  # the record last asked about: older answers are dropped

    def show(record_id: str, reason: str | None) -> None:
        if record_id != asked[0] or not isValid(button):
            return
        button.setEnabled(reason is None)
        button.setToolTip(tip if reason is None else core_text(reason))

    def selected(view: Any) -> None:
        asked[0] = getattr(view, "id", None)
        meta = getattr(view, "meta", None)
        if view is None or (meta is not None and meta.deleted):
            button.setEnabled(False)
            button.setToolTip(_tr("记录已作废") if view is not None else tip)
            return
        record_id = view.id
        button.setEnabled(True)  # until the core answers: a click early is refused by the void
        button.setToolTip(tip)
        page.tasks.run(
            lambda s: void_refusal(s, kind, record_id),
            lambda reason: show(record_id, reason),
            lambda _e: None,
            write=True,
        )

    def clicked() -> None:
        view = page.current_view()
        if view is None:
            return
        reason = ask_reason(page, view)
        if reason is None:
            return
        record_id = view.id

        def done(_result: Any) -> None:
            page.refresh()

        def refused(error: BaseException) -> None:
            QMessageBox.warning(page, _tr("不能作废"), error_text(error))

        page.tasks.run(lambda s: void(s, kind, record_id, reason), done, refused, write=True)

    button = QPushButton(_tr("作废…"))
    button.setObjectName("void")
    button.setToolTip(tip)
    button.clicked.connect(clicked)
    page.filters_row.addWidget(button)
    page.record_selected.connect(selected)
    selected(page.current_view())
    return button
