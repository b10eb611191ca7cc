"""Which page offers which document: each registry type on the page of the records it is built
from, in a 生成文书 menu. A record document is made for the record selected there, a round or
target document for the round (and target) chosen in the toolbar.

A new type in ``workbench.reports.registry.DOCUMENTS`` appears on a page once it is named here;
tests/ui/test_document_menu.py fails for a type that is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu

from ui.i18n import tr as _tr
from workbench.reports import DOCUMENTS, DocSpec

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
    "clue-transfer": "clues",
    "clue-ledger": "clues",
    "clue-report": "clues",
    "portrait": "portraits",
    "rectification": "rectification",
    "archive": "dashboard",
    "stats": "dashboard",
}


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
    }.get(key, "")


def documents_for(page_key: str) -> list[DocSpec]:
    """The document types a page offers, in the registry's order."""
    return [spec for spec in DOCUMENTS if DOCUMENT_PAGES.get(spec.code) == page_key]


def by_record(spec: DocSpec) -> bool:
    """Made for the record selected on its page (a 底稿 or 线索 could also be made for the whole
    round: that is on the 文书报表 page)."""
    return spec.scope in ("record", "record_or_round")


def unavailable(spec: DocSpec, record: Any | None, scope: dict[str, Any]) -> str:
    """Why the document cannot be made now (empty: it can)."""
    if by_record(spec):
        return "" if record is not None else _tr("请先在列表中选择一条记录。")
    if not scope.get("round_id"):
        return _tr("请先在工具栏选择巡察轮次。")
    if spec.scope == "target" and not scope.get("target_id"):
        return _tr("请先在工具栏选择被巡察对象。")
    return ""


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
        text = spec.title if by_record(spec) or spec.scope == "target" else _round_title(spec)
        action = menu.addAction(text + ("…" if not reason else ""))
        action.setObjectName(f"doc:{spec.code}")
        action.setData(spec.code)
        action.setEnabled(not reason)
        action.setToolTip(reason)
        action.triggered.connect(lambda _on=False, code=spec.code: chosen(code))


def _round_title(spec: DocSpec) -> str:
    return _tr("%1（本轮）").replace("%1", spec.title)
