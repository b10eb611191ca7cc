"""Documents from the record pages: a 生成文书 menu on each page lists the document types built
from its records (``document_menu``), and opens the document dialog for the selected record or
the toolbar's round, where the pages are previewed and the file exported (plaintext warning, then
打开 or 打印). The 整改台账 page also reads an edited ledger back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.dialogs.document_dialog import DocumentDialog
from ui.dialogs.document_export import import_ledger_from_file
from ui.i18n import tr as _tr
from ui.pages.document_menu import (
    CHOSEN_RECORDS,
    documents_for,
    fill_menu,
    unavailable,
    uses_record,
)
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from workbench.reports import DocRequest, get_spec
from workbench.services import Session
from workbench.services import rectification_followup as followup
from workbench.services.reports import list_reports
from workbench.services.rounds import get_round
from workbench.services.targets import get_target
from workbench.vocab.enums import ReportType


def _tasks_scope(page: QWidget) -> tuple[Tasks, Callable[[], dict[str, Any]]]:
    return page.tasks, page.scope  # type: ignore[attr-defined]


def _record_label(view: Any) -> str:
    return str(getattr(view, "number", "") or getattr(view, "subject_name", "") or view.id[:8])


def _selected(page: QWidget) -> Any | None:
    return page.current_view() if isinstance(page, RecordListPage) else None


def open_document(page: QWidget, code: str) -> None:
    """The document dialog for ``code``, filled in from the page: its selected record, a record
    chosen from the toolbar's round, or the toolbar's round and target (their names are read
    first, for the dialog and the file)."""
    tasks, scope = _tasks_scope(page)
    spec = get_spec(code)
    view = _selected(page)
    if unavailable(spec, view, scope()):
        return  # the menu said why; the selection changed since it opened
    if view is not None and uses_record(spec, view):
        open_record_document(page, tasks, code, view.id, _record_label(view))
        return
    chosen = scope()
    round_id: str = chosen.get("round_id") or ""
    target_id = chosen.get("target_id") if spec.scope != "record_or_round" else None
    if spec.code in CHOSEN_RECORDS:
        choose_record(page, tasks, code, round_id, target_id)
        return

    def names(s: Session) -> tuple[str, str]:
        target = get_target(s, target_id).name if target_id else ""
        return get_round(s, round_id).name, target

    def opened(loaded: tuple[str, str]) -> None:
        round_name, target_name = loaded
        text = _tr("巡察轮次：%1").replace("%1", round_name)
        if target_name:
            text += "\n" + _tr("被巡察对象：%1").replace("%1", target_name)
        request = DocRequest(code, round_id=round_id, target_id=target_id)
        name = f"{spec.title}-{target_name or round_name}"
        DocumentDialog(tasks, request, text, name, page).open()

    tasks.run(names, opened)


def open_record_document(
    parent: QWidget, tasks: Tasks, code: str, record_id: str, label: str
) -> DocumentDialog:
    """The document dialog of one record (``label`` names it in the dialog and the file)."""
    spec = get_spec(code)
    request = DocRequest(code, record_id=record_id)
    text = _tr("选中的记录：%1").replace("%1", label)
    dialog = DocumentDialog(tasks, request, text, f"{spec.title}-{label}", parent)
    dialog.open()
    return dialog


def chosen_records(code: str, round_id: str, target_id: str | None) -> Callable[[Session], Any]:
    """The records of the round (and target) a CHOSEN_RECORDS type is made from, as (id, label)."""

    def reminders(s: Session) -> list[tuple[str, str]]:
        found = followup.list_reminders(s, round_id=round_id, target_id=target_id)
        units = {t: get_target(s, t).name for t in {r.target_id for r in found} if t}

        def label(r: Any) -> str:
            unit = units.get(r.target_id or "", "")
            return "　".join(filter(None, (unit, f"{r.changed_on:%Y-%m-%d}", r.old_leader)))

        return [(r.id, f"{label(r)} → {r.new_leader}") for r in found]

    def suggestions(s: Session) -> list[tuple[str, str]]:
        found = list_reports(
            s, round_id=round_id, target_id=target_id, report_type=ReportType.SUGGESTION
        )
        return [(r.id, r.title) for r in found.items]

    return reminders if code == "reminder-letter" else suggestions


def choose_record(
    page: QWidget, tasks: Tasks, code: str, round_id: str, target_id: str | None
) -> None:
    """Which of the round's (and target's) records a CHOSEN_RECORDS type is made from, then its
    dialog."""
    spec = get_spec(code)

    def loaded(records: list[tuple[str, str]]) -> None:
        if not records:
            QMessageBox.information(
                page,
                spec.title,
                _tr("本轮（所选对象）没有可用于%1的记录。").replace("%1", spec.title),
            )
            return
        # numbered: two records may read alike (the same title), the choice must not
        labels = [f"{n}. {label}" for n, (_id, label) in enumerate(records, 1)]
        picked, ok = QInputDialog.getItem(
            page, spec.title, _tr("根据哪一条记录生成："), labels, 0, False
        )
        if ok and picked in labels:
            record_id, label = records[labels.index(picked)]
            open_record_document(page, tasks, code, record_id, label)

    tasks.run(chosen_records(code, round_id, target_id), loaded)


def import_rectification(page: QWidget) -> None:
    """An edited 整改台账 back into the store; the page shows the result afterwards."""
    tasks, scope = _tasks_scope(page)
    refresh = getattr(page, "refresh", None)
    import_ledger_from_file(
        page, tasks, scope().get("round_id"), lambda _report: refresh() if refresh else None
    )


def _action_row(page: QWidget) -> Callable[[QPushButton], None]:
    """Where a page's buttons go: a record page's action row, or a row of its own on top of any
    other page."""
    if isinstance(page, RecordListPage):
        return page.actions_row.addWidget
    row = page.findChild(QHBoxLayout, "document_actions")
    if row is None:
        row = QHBoxLayout()
        row.setObjectName("document_actions")
        row.setContentsMargins(9, 9, 9, 0)
        row.addStretch(1)
        layout = page.layout()
        layout.insertLayout(0, row)  # type: ignore[union-attr]
    return row.addWidget


def add_documents_menu(page: QWidget, page_key: str) -> QPushButton | None:
    """A 生成文书 button whose menu, filled as it opens, lists the page's document types."""
    if not documents_for(page_key):
        return None
    _tasks, scope = _tasks_scope(page)
    button = QPushButton(_tr("生成文书"))
    button.setObjectName("documents")
    menu = QMenu(button)
    menu.setObjectName("documents_menu")
    menu.aboutToShow.connect(
        lambda: fill_menu(
            menu, page_key, _selected(page), scope(), lambda code: open_document(page, code)
        )
    )
    button.setMenu(menu)
    _action_row(page)(button)
    return button


def add_document_actions(pages: dict[str, QWidget]) -> None:
    """The 生成文书 menu on every page that offers documents; 导入整改台账 on its page."""
    for key, page in pages.items():
        add_documents_menu(page, key)
    rectification = pages.get("rectification")
    if rectification is not None:
        button = QPushButton(_tr("导入整改台账"))
        button.setObjectName("import_rectification")
        button.clicked.connect(lambda: import_rectification(rectification))
        _action_row(rectification)(button)
