"""Which page offers which document: each registry type on the page of the records it is built
from, in a 生成文书 menu. A record document is made for the record selected there, a round or
target document for the round (and target) chosen in the toolbar, a "record or target" one for
the selected record, else the toolbar's target. A voided record offers none of its documents.

A new type in ``workbench.reports.registry.DOCUMENTS`` appears on a page once it is named here;
tests/ui/test_document_preview.py fails for a type that is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu

from ui.document_titles import document_title
from ui.i18n import tr as _tr
from workbench.reports import DOCUMENTS, DocSpec
from workbench.reports.registry import missing_scope

# document type → the page whose 生成文书 menu lists it (page keys as in MainWindow.pages)
DOCUMENT_PAGES: dict[str, str] = {
    "interview": "interviews",
    "letter-register": "letters",
    "letter-handling": "letters",
    "letter-ledger": "letters",
    "finding": "findings",
    "finding-ledger": "findings",
    "inspection-report": "findings",
    "feedback": "findings",
    "immediate-fix-notice": "findings",
    "clue-transfer": "clues",
    "clue-approval": "clues",
    "clue-letter": "clues",
    "clue-ledger": "clues",
    "clue-report": "clues",
    "portrait": "portraits",
    "rectification": "rectification",
    "rectification-notice": "rectification",
    "supervision-letter": "rectification",
    "reminder-letter": "rectification",
    "suggestion-letter": "reports",
    "archive": "dashboard",
    "stats": "dashboard",
    "work-plan": "dashboard",
    "entry-notice": "dashboard",
    "announcement": "dashboard",
    "envelopes": "dashboard",
}

# record types whose records are not the rows of the page offering them (提醒函 live in the
# follow-through dialog, 巡察建议书 report records are listed nowhere): one is chosen from the
# toolbar's round (and target) when the type is picked
CHOSEN_RECORDS = frozenset({"reminder-letter", "suggestion-letter"})


def page_title(key: str) -> str:
    """A page's name in the navigation, for the hint that sends the user there."""
    return {
        "interviews": _tr("个别谈话"),
        "letters": _tr("信访件"),
        "findings": _tr("问题底稿"),
        "clues": _tr("问题线索"),
        "portraits": _tr("政治画像"),
        "rectification": _tr("整改台账"),
        "dashboard": _tr("概览"),
        "reports": _tr("文书报表"),
    }.get(key, "")


def documents_for(page_key: str) -> list[DocSpec]:
    """The document types a page offers, in the registry's order."""
    return [spec for spec in DOCUMENTS if DOCUMENT_PAGES.get(spec.code) == page_key]


def by_record(spec: DocSpec) -> bool:
    """Made for the record selected on its page (a 底稿 or 线索 could also be made for the whole
    round: that is on the 文书报表 page)."""
    return spec.scope in ("record", "record_or_round") and spec.code not in CHOSEN_RECORDS


def uses_record(spec: DocSpec, record: Any | None) -> bool:
    """Made for the page's selected record: a record type, or a 'record or target' type while a
    record is selected (without one, it is the toolbar's target's)."""
    return by_record(spec) or (spec.scope == "record_or_target" and record is not None)


def _voided(record: Any | None) -> bool:
    meta = getattr(record, "meta", None)
    return bool(meta is not None and meta.deleted)


def unavailable(spec: DocSpec, record: Any | None, scope: dict[str, Any]) -> str:
    """Why the document cannot be made now (empty: it can)."""
    if uses_record(spec, record) and _voided(record):
        return _tr("所选记录已作废，不能生成文书。")
    if spec.code in CHOSEN_RECORDS:  # chosen from the round's records when picked
        return "" if scope.get("round_id") else _tr("请先在工具栏选择巡察轮次。")
    if by_record(spec):
        return "" if record is not None else _tr("请先在列表中选择一条记录。")
    missing = missing_scope(
        spec,
        record=record is not None,
        round_chosen=bool(scope.get("round_id")),
        target=bool(scope.get("target_id")),
    )
    return {
        "": "",
        "record": _tr("请先在列表中选择一条记录。"),
        "round": _tr("请先在工具栏选择巡察轮次。"),
        "target": _tr("请先在工具栏选择被巡察对象。"),
        "record_or_target": _tr("请先在列表中选择一条记录，或在工具栏选择被巡察对象。"),
    }[missing]


def fill_menu(
    menu: QMenu,
    page_key: str,
    record: Any | None,
    scope: dict[str, Any],
    chosen: Callable[[str], None],
) -> None:
    """The page's document types, each disabled with its reason when it cannot be made now."""
    menu.clear()
    menu.setToolTipsVisible(True)
    for spec in documents_for(page_key):
        reason = unavailable(spec, record, scope)
        action = menu.addAction(_entry_title(spec) + ("…" if not reason else ""))
        action.setObjectName(f"doc:{spec.code}")
        action.setData(spec.code)
        action.setEnabled(not reason)
        action.setToolTip(reason)
        action.triggered.connect(lambda _on=False, code=spec.code: chosen(code))


def _entry_title(spec: DocSpec) -> str:
    """A round document says so; a record's or a target's goes by its title."""
    if spec.scope == "round" or (spec.scope == "record_or_round" and not by_record(spec)):
        return _tr("%1（本轮）").replace("%1", document_title(spec))
    return document_title(spec)
