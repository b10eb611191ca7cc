"""冲突处理 (office): a record edited on two devices (or here and on a device) has several
current versions. They are shown side by side, field by field, differences highlighted; a person
picks one and the core makes it the new version above them all."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.pages.exchange_support import record_type_label, run_with_vault
from ui.tasks import Tasks
from workbench.exchange import ConflictView, HeadView, list_conflicts, resolve_conflict
from workbench.exchange.conflicts import value_label

DIFFERENT = QColor("#fff3cd")
CELL_LIMIT = 400


def field_label(name: str) -> str:
    labels = {
        "title": _tr("标题"),
        "name": _tr("名称"),
        "number": _tr("编号"),
        "summary": _tr("概述"),
        "content": _tr("内容"),
        "status": _tr("状态"),
        "subject_name": _tr("谈话对象"),
        "overview": _tr("概况"),
        "description": _tr("说明"),
        "remarks": _tr("备注"),
        "deleted_at": _tr("作废时间"),
        "county": _tr("所属县（区）"),
        "round_id": _tr("巡察轮次"),
        "target_id": _tr("被巡察单位"),
        "secrecy": _tr("密级"),
        "attention": _tr("关注程度"),
        "kind": _tr("类别"),
        "subtype": _tr("子类"),
        "leader_name": _tr("负责人"),
        "parent_org": _tr("上级单位"),
        "team_id": _tr("巡察组"),
        "deleted_by": _tr("作废人"),
        "void_reason": _tr("作废理由"),
        "children": _tr("子记录（如谈话记录条目）"),
    }
    label = labels.get(name)
    return _tr("%1（%2）").replace("%2", name).replace("%1", label) if label else name


def value_text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return _tr("（空）")
    if isinstance(value, bool):
        return _tr("是") if value else _tr("否")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and "T" in value:  # a moment (作废时间) as people write it
        try:
            return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M:%S")
        except ValueError:
            pass
    return str(value)


def head_title(head: HeadView, between: str = "") -> str:
    """“版本 1：设备 …，第 2 版（已作废）”; ``between`` goes before the parenthesis (a column's
    title takes it on a line of its own, or it is cut off in English)."""
    base = _tr("版本 %1：设备 %2，第 %3 版").replace("%1", str(head.index))
    base = base.replace("%2", head.device_id[:8]).replace("%3", str(head.version))
    if head.live:
        base += between + _tr("（本库当前显示）")
    if head.held:
        base += between + _tr("（提议：来件设备无权直接修改此记录）")
    if head.deleted:
        base += between + _tr("（已作废）")
    return base


def keep_text(head: HeadView) -> str:
    if head.live:
        return _tr("采用本地版本（版本 %1）").replace("%1", str(head.index))
    return (
        _tr("采用来件版本（版本 %1，设备 %2）")
        .replace("%1", str(head.index))
        .replace("%2", head.device_id[:8])
    )


class ConflictsPage(QWidget):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.tasks = tasks
        self.conflicts: list[ConflictView] = []
        self.last_dialog: QWidget | None = None
        heading = QLabel(self.tr("冲突处理"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = note_label()
        intro.setText(
            self.tr(
                "同一记录在两处被修改时，两个版本都保留在这里，由您比较后选定一个；"
                "黄色底色的行是两个版本不同之处。"
            )
        )
        self.count_label = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("conflicts_list")
        self.list.currentRowChanged.connect(self._show)
        self.title = QLabel()
        self.title.setObjectName("conflict_title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget()
        self.table.setObjectName("conflict_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_row = QHBoxLayout()
        self.keep_buttons: list[QPushButton] = []
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(self.keep_row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 840])
        self.message = note_label("conflicts_message")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(list_conflicts, self._loaded, self._failed)

    def clear(self) -> None:
        self.conflicts = []
        self.list.clear()
        self._show(-1)
        self.count_label.clear()

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        current = self.current()
        self.conflicts = list(conflicts)
        self.list.blockSignals(True)
        self.list.clear()
        for c in conflicts:
            text = self.tr("%1：%2（%3 处不同）").replace("%1", record_type_label(c.record_type))
            item = QListWidgetItem(text.replace("%2", c.title).replace("%3", str(len(c.differing))))
            item.setData(Qt.ItemDataRole.UserRole, c.record_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.record_id for c in conflicts]
        row = ids.index(current.record_id) if current and current.record_id in ids else 0
        self.list.setCurrentRow(row if conflicts else -1)
        self._show(self.list.currentRow())
        self.count_label.setText(
            self.tr("待处理冲突 %1 条").replace("%1", str(len(conflicts)))
            if conflicts
            else self.tr("没有待处理的冲突。")
        )

    def current(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    # -- comparison -----------------------------------------------------------------------------

    def _show(self, row: int) -> None:
        for button in self.keep_buttons:
            button.deleteLater()
        self.keep_buttons = []
        conflict = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        if conflict is None:
            self.title.clear()
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        self.title.setText(
            f"{record_type_label(conflict.record_type)}：{conflict.title}  ({conflict.record_id})"
        )
        heads = conflict.heads
        names = sorted({k for h in heads for k in h.fields} - {"id"})  # the id is the record's
        differing = set(conflict.differing)
        # what differs first, then the rest, so the decision is visible without scrolling
        names = [n for n in names if n in differing] + [n for n in names if n not in differing]
        if "children" in differing:
            names.insert(0, "children")
        self.table.clear()
        self.table.setColumnCount(len(heads))
        self.table.setRowCount(len(names))
        self.table.setHorizontalHeaderLabels([head_title(h, "\n") for h in heads])
        self.table.setVerticalHeaderLabels([field_label(n) for n in names])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, name in enumerate(names):
            for c, head in enumerate(heads):
                if name == "children":
                    text = self.tr("与其他版本不同")
                else:
                    raw = head.fields.get(name)
                    label = value_label(conflict.record_type, name, raw, head.fields)
                    text = core_text(label) if label else value_text(raw)
                item = QTableWidgetItem(text[:CELL_LIMIT])
                item.setToolTip(text)
                if name in differing:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        for head in heads:
            button = QPushButton(keep_text(head))
            button.setObjectName(f"keep_{head.index}")
            button.clicked.connect(lambda _=False, h=head.index: self.confirm_keep(h))
            self.keep_row.addWidget(button)
            self.keep_buttons.append(button)

    # -- resolving ------------------------------------------------------------------------------

    def confirm_keep(self, keep: int) -> QMessageBox | None:
        conflict = self.current()
        if conflict is None:
            return None
        head = conflict.heads[keep - 1]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("确认采用此版本"),
            self.tr("采用“%1”？其他版本将被取代（仍保留在版本记录中）。").replace(
                "%1", head_title(head)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("采用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        record_id = conflict.record_id
        box.accepted.connect(lambda: self.resolve(record_id, keep))
        box.open()
        self.last_dialog = box
        return box

    def resolve(self, record_id: str, keep: int) -> None:
        def done(view: ConflictView) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(
                self.tr("已采用版本 %1：%2").replace("%1", str(keep)).replace("%2", view.title)
            )
            self.refresh()

        run_with_vault(
            self.tasks, lambda vault: resolve_conflict(vault, record_id, keep), done, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error))
