"""What the 轮次配置 page shows of one round, read in one unit of work, and the table helper
its tabs share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from workbench.errors import PermissionDenied
from workbench.services import Session
from workbench.services.common import MAX_PAGE, Page
from workbench.services.focus import (
    FocusItemView,
    ListEntryView,
    list_focus_items,
    list_list_entries,
)
from workbench.services.office_setup import TeamSummary, list_round_teams
from workbench.services.rounds import RoundView, get_round
from workbench.services.targets import PersonView, TargetView, list_persons, list_targets
from workbench.services.users import list_users

T = TypeVar("T")


@dataclass(frozen=True)
class SetupData:
    round: RoundView
    teams: tuple[TeamSummary, ...]
    targets: tuple[TargetView, ...]
    persons: tuple[PersonView, ...]
    entries: tuple[ListEntryView, ...]
    focus: dict[str, tuple[FocusItemView, ...]]  # target id → its items
    users: tuple[tuple[str, str], ...]  # (display name, user name) of the store's users

    def target_name(self, target_id: str | None) -> str:
        return next((t.name for t in self.targets if t.id == target_id), "")

    def team_of(self, target: TargetView) -> TeamSummary | None:
        listed = [s for s in self.teams if target.id in s.team.target_ids]
        own = [s for s in self.teams if s.team.id == target.team_id]
        found = own or listed
        return found[0] if found else None


def _every(fetch: Callable[[int], Page[T]]) -> tuple[T, ...]:
    items: list[T] = []
    while True:
        got = fetch(len(items))
        items.extend(got.items)
        if not got.items or len(items) >= got.counted:
            return tuple(items)


def load_setup(session: Session, round_id: str) -> SetupData:
    focus: dict[str, list[FocusItemView]] = {}
    try:
        items = _every(
            lambda o: list_focus_items(session, round_id=round_id, offset=o, limit=MAX_PAGE)
        )
    except PermissionDenied:  # a 三员 sees the set-up, not what the team found on each 监督重点
        items = ()
    for item in items:
        focus.setdefault(item.target_id, []).append(item)
    return SetupData(
        round=get_round(session, round_id),
        teams=tuple(list_round_teams(session, round_id)),
        targets=_every(
            lambda o: list_targets(session, round_id=round_id, offset=o, limit=MAX_PAGE)
        ),
        persons=_every(
            lambda o: list_persons(session, round_id=round_id, offset=o, limit=MAX_PAGE)
        ),
        entries=_every(
            lambda o: list_list_entries(session, round_id=round_id, offset=o, limit=MAX_PAGE)
        ),
        focus={key: tuple(value) for key, value in focus.items()},
        users=tuple((u.display_name, u.name) for u in list_users(session) if not u.disabled),
    )


def make_table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Rows as (record id, cells); the selection is kept on the same record when it remains."""
    kept = selected_id(table)
    table.setRowCount(len(rows))
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setToolTip(text if len(text) > 30 else "")
            table.setItem(r, c, item)
    ids = [record_id for record_id, _ in rows]
    if kept in ids:
        table.selectRow(ids.index(kept))


def selected_id(table: QTableWidget) -> str | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


def select_id(table: QTableWidget, record_id: str) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
            table.selectRow(row)
            return
