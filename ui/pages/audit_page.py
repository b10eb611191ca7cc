"""审计日志: the hash-chained log, for the 安全审计员 only (the core refuses anyone else)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from ui.widgets.filter_bar import FilterSpec
from workbench.services.audit_log import action_label, list_audit_entries, verify_audit_chain
from workbench.services.reads import ATTACHMENT_OPEN, RECORD_READ
from workbench.vocab.labels import RECORD_TYPES

ACTIONS = (
    "unlock",
    "insert",
    "update",
    "delete",
    "record.void",
    RECORD_READ,
    ATTACHMENT_OPEN,
    "attachment.export",
    "report.export",
    "view.export",
    "report.preview",
    "document.number",
    "recusal.override",
    "backup",
)


def _object_types() -> dict[str, str]:
    """What a logged object is, in words (the log keeps the table's name): the registry's one
    name of each record type, and the two objects that are not records."""
    return {
        **{t.table: core_text(t.label) for t in RECORD_TYPES},
        "attachments": _tr("附件"),
        "user": _tr("用户"),
        "users": _tr("用户"),
    }


def _action(entry: Any) -> str:
    return core_text(action_label(entry.action))


def _object_type(entry: Any) -> str:
    kind = entry.object_type or ""
    return _object_types().get(kind, kind)


def _describe(entry: Any) -> str:
    detail = "\n".join(f"  {k}: {v}" for k, v in entry.detail.items())
    return "\n".join(
        [
            f"#{entry.seq}　{entry.at:%Y-%m-%d %H:%M:%S}　{entry.actor_name or ''}",
            _tr("操作：") + aside(_action(entry), entry.action),
            _tr("对象：") + aside(_object_type(entry), entry.object_type) + f" {entry.object_id}"
            if entry.object_type
            else _tr("对象：") + (entry.object_id or ""),
            _tr("详情：") + ("\n" + detail if detail else ""),
            _tr("本条哈希：") + entry.entry_hash,
        ]
    )


def _config() -> dict[str, Any]:
    return {
        "page_key": "audit",
        "title": _tr("审计日志"),
        "columns": [
            Column("seq", _tr("序号"), 70),
            Column("at", _tr("时间（UTC）"), 150),
            Column("actor_name", _tr("用户"), 90),
            Column("action", _tr("操作"), 140, render=_action),
            Column("object_type", _tr("对象类型"), 120, render=_object_type),
            Column("object_id", _tr("对象"), 300),
        ],
        "filters": [
            FilterSpec(
                "action",
                _tr("操作"),
                ((_tr("全部"), None), *((core_text(action_label(a)), a) for a in ACTIONS)),
            )
        ],
        "list_service": list_audit_entries,
        "describe": _describe,
        "date_label": _tr("日期（UTC）"),
    }


class AuditPage(RecordListPage):
    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, scope=dict, parent=parent, **_config())  # the log has no round
        del scope
        self.add_action(self.tr("校验哈希链"), self.verify, "verify_chain")

    def verify(self) -> None:
        self.tasks.run(
            verify_audit_chain,
            lambda report: self.count_label.setText(
                self.tr("哈希链完整：共 %1 条").replace("%1", str(report.entries))
                + "\n"
                + report.statement  # what the anchors prove, in the core's words
            ),
            lambda error: self.count_label.setText(str(getattr(error, "message", error))),
        )
