"""A list of records to tick (回避 declarations, a team's targets): labels shown, ids kept."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget


class CheckList(QListWidget):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumHeight(90)

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        """``items`` as (label, id); those whose id is in ``checked`` start ticked."""
        ticked = set(checked)
        self.clear()
        for label, record_id in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if record_id in ticked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.addItem(item)

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(
            str(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, label: str, checked: bool = True) -> None:
        """Tick the item shown as ``label`` (as a person clicking it would)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.text() == label:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(state)
                return
        raise KeyError(label)
