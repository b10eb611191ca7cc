"""Document buttons on the record pages: the selected record's form (登记表, 谈话记录, 底稿 …) or
the round's ledger, saved through the shared export flow (plaintext warning, then open)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from ui.dialogs.document_export import export_to_file, import_ledger_from_file
from ui.i18n import tr as _tr
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from workbench.reports import DocRequest, get_spec
from workbench.services.rounds import get_round


def _tasks_scope(page: QWidget) -> tuple[Tasks, Callable[[], dict[str, Any]]]:
    return page.tasks, page.scope  # type: ignore[attr-defined]


def _record_label(view: Any) -> str:
    return str(getattr(view, "number", "") or getattr(view, "subject_name", "") or view.id[:8])


def record_document(page: RecordListPage, code: str) -> None:
    """The selected record's document (登记表, 处理单, 谈话记录, 底稿, 移交表, 画像报告)."""
    view = page.current_view()
    if view is None:
        QMessageBox.information(page, _tr("生成文书"), _tr("请先在列表中选择一条记录。"))
        return
    spec = get_spec(code)
    export_to_file(
        page,
        page.tasks,
        DocRequest(code, record_id=view.id),
        f"{spec.title}-{_record_label(view)}",
        ("docx",),
    )


def round_document(page: QWidget, code: str, formats: Sequence[str], name: str = "") -> None:
    """A ledger or table of the round chosen in the toolbar, named after it."""
    tasks, scope = _tasks_scope(page)
    round_id = scope().get("round_id")
    if not round_id:
        QMessageBox.information(page, _tr("生成文书"), _tr("请先在工具栏选择巡察轮次。"))
        return
    title = name or get_spec(code).title

    def named(round_name: str) -> None:
        export_to_file(
            page, tasks, DocRequest(code, round_id=round_id), f"{title}-{round_name}", formats
        )

    tasks.run(lambda s: get_round(s, round_id).name, named)


def import_rectification(page: QWidget) -> None:
    """An edited 整改台账 back into the store; the page shows the result afterwards."""
    tasks, scope = _tasks_scope(page)
    refresh = getattr(page, "refresh", None)
    import_ledger_from_file(
        page, tasks, scope().get("round_id"), lambda _report: refresh() if refresh else None
    )


def _add_button(page: QWidget, text: str, slot: Callable[[], object], name: str) -> QPushButton:
    """A record page's action row, or a row of its own on top of any other page."""
    if isinstance(page, RecordListPage):
        return page.add_action(text, slot, name)
    row = page.findChild(QHBoxLayout, "document_actions")
    if row is None:
        row = QHBoxLayout()
        row.setObjectName("document_actions")
        row.setContentsMargins(9, 9, 9, 0)
        row.addStretch(1)
        layout = page.layout()
        layout.insertLayout(0, row)  # type: ignore[union-attr]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    row.addWidget(button)
    return button


def _actions() -> dict[str, list[tuple[str, str, Callable[[QWidget], None]]]]:
    """page key → (button text, object name, what it does), in button order."""

    def record(code: str) -> Callable[[QWidget], None]:
        return lambda page: record_document(page, code)  # type: ignore[arg-type]

    def ledger(code: str, *formats: str) -> Callable[[QWidget], None]:
        return lambda page: round_document(page, code, formats)

    return {
        "letters": [
            (_tr("登记表"), "doc_letter_register", record("letter-register")),
            (_tr("处理单"), "doc_letter_handling", record("letter-handling")),
            (_tr("导出台账"), "export_letter_ledger", ledger("letter-ledger", "xlsx")),
        ],
        "interviews": [(_tr("谈话记录"), "doc_interview", record("interview"))],
        "findings": [
            (_tr("问题底稿"), "doc_finding", record("finding")),
            (_tr("导出台账"), "export_finding_ledger", ledger("finding-ledger", "xlsx")),
        ],
        "clues": [
            (_tr("移交表"), "doc_clue_transfer", record("clue-transfer")),
            (_tr("线索台账"), "export_clue_ledger", ledger("clue-ledger", "xlsx", "docx")),
        ],
        "portraits": [(_tr("画像报告"), "doc_portrait", record("portrait"))],
        "rectification": [
            (
                _tr("导出整改台账"),
                "export_rectification",
                ledger("rectification", "xlsx", "docx"),
            ),
            (_tr("导入整改台账"), "import_rectification", import_rectification),
        ],
        "dashboard": [(_tr("导出统计表"), "doc_stats", ledger("stats", "docx", "xlsx"))],
    }


def add_document_actions(pages: dict[str, QWidget]) -> None:
    """Add the document buttons to whichever of these pages exist."""
    for key, actions in _actions().items():
        page = pages.get(key)
        if page is None:
            continue
        for text, name, action in actions:
            _add_button(page, text, _bound(action, page), name)


def _bound(action: Callable[[QWidget], None], page: QWidget) -> Callable[[], None]:
    return lambda: action(page)
