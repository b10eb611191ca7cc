"""轮次配置 › "3+1"清单 (entries by list and target) and 监督清单 (each target's 监督重点
清单 as seeded from the catalog, and 按类型重新生成 for targets that have none)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.job_wizard import note_label
from ui.dialogs.list_entry_dialog import ListEntryDialog
from ui.errors import error_text
from ui.i18n import core_text
from ui.pages.setup_data import SetupData, fill_table, make_table, selected_id
from workbench.services.focus import ListEntryView
from workbench.services.office_setup import TargetSetup, seed_round_focus
from workbench.vocab.enums import ListKind

if TYPE_CHECKING:
    from ui.pages.setup_page import SetupPage

_EXCERPT = 40  # characters of an entry's text shown in the table


class ListsTab(QWidget):
    def __init__(self, page: SetupPage) -> None:
        super().__init__()
        self.page = page
        self.data: SetupData | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("entries_kind")
        self.kind.addItem(self.tr("全部清单"), None)
        for kind in ListKind:
            self.kind.addItem(core_text(kind.label), kind)
        self.target = QComboBox()
        self.target.setObjectName("entries_target")
        self.target.setMinimumWidth(200)
        for combo in (self.kind, self.target):
            combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.table = make_table(
            "entries_table",
            [
                self.tr("清单"),
                self.tr("名称"),
                self.tr("被巡察单位"),
                self.tr("文号"),
                self.tr("条款"),
                self.tr("来源单位"),
                self.tr("原文摘录 / 内容"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._allow)
        self.add = page.action("add_entry", self.tr("添加条目…"), self.open_add)
        self.edit = page.action("edit_entry", self.tr("编辑…"), self.open_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("清单：")))
        buttons.addWidget(self.kind)
        buttons.addWidget(QLabel(self.tr("被巡察单位：")))
        buttons.addWidget(self.target)
        buttons.addWidget(self.add)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        buttons.addWidget(page.import_button("list_entries"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def show_data(self, data: SetupData | None) -> None:
        self.data = data
        kept = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("全部"), None)
        self.target.addItem(self.tr("本轮通用"), "")
        for t in data.targets if data else ():
            self.target.addItem(t.name, t.id)
        self.target.setCurrentIndex(max(0, self.target.findData(kept)))
        self.target.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        data, kind, only = self.data, self.kind.currentData(), self.target.currentData()
        rows = []
        for e in data.entries if data else ():
            assert data is not None
            if (kind is not None and e.kind is not kind) or (
                only is not None and (e.target_id or "") != only
            ):
                continue
            where = data.target_name(e.target_id) if e.target_id else self.tr("本轮通用")
            text = " ".join(e.content.split())
            short = text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"
            cells = [
                core_text(e.kind.label),
                e.title,
                where,
                e.document_no,
                e.clause,
                e.source,
                short,
            ]
            rows.append((e.id, cells))
        fill_table(self.table, rows)
        self._allow()

    def entry(self) -> ListEntryView | None:
        chosen = selected_id(self.table)
        return next((e for e in self.data.entries if e.id == chosen), None) if self.data else None

    def _allow(self) -> None:
        self.page.allow(self.add, self.data is not None)
        self.page.allow(self.edit, self.entry() is not None, self.tr("请先选择一个条目"))

    def open_add(self) -> None:
        data = self.data
        assert data is not None
        dialog = ListEntryDialog(
            self.page.tasks, data.round.id, data.targets, kind=self.kind.currentData(), parent=self
        )
        self.page.open_dialog(
            dialog,
            lambda e: self.page.say(
                self.tr("已在%1中添加“%2”。")
                .replace("%2", e.title)
                .replace("%1", core_text(e.kind.label))
            ),
        )

    def open_edit(self) -> None:
        data, entry = self.data, self.entry()
        assert data is not None and entry is not None
        dialog = ListEntryDialog(self.page.tasks, data.round.id, data.targets, entry, parent=self)
        self.page.open_dialog(dialog)


class FocusTab(QWidget):
    def __init__(self, page: SetupPage) -> None:
        super().__init__()
        self.page = page
        self.data: SetupData | None = None
        self.targets = QListWidget()
        self.targets.setObjectName("focus_targets")
        self.targets.currentRowChanged.connect(lambda _r: self._fill())
        self.table = make_table(
            "focus_table",
            [self.tr("序号"), self.tr("监督重点"), self.tr("状态"), self.tr("说明")],
        )
        self.seed = page.action("seed_focus", self.tr("按类型重新生成"), self.run_seed)
        self.note = note_label("focus_note")
        self.note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.seed)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.targets)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)

    def show_data(self, data: SetupData | None) -> None:
        self.data = data
        kept = self.targets.currentRow()
        self.targets.blockSignals(True)
        self.targets.clear()
        for t in data.targets if data else ():
            assert data is not None
            count = len(data.focus.get(t.id, ()))
            item = QListWidgetItem(
                self.tr("%1（%2 条）").replace("%2", str(count)).replace("%1", t.name)
            )
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.targets.addItem(item)
        self.targets.blockSignals(False)
        if self.targets.count():
            self.targets.setCurrentRow(min(max(kept, 0), self.targets.count() - 1))
        self._fill()
        empty = self.empty_targets()
        self.page.allow(self.seed, bool(empty), self.tr("每个被巡察单位都已有监督重点清单"))

    def empty_targets(self) -> list[str]:
        data = self.data
        return [t.name for t in data.targets if not data.focus.get(t.id)] if data else []

    def _fill(self) -> None:
        item = self.targets.currentItem()
        target_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        items = self.data.focus.get(target_id, ()) if self.data and target_id else ()
        rows = [
            (i.id, [str(n), i.title, core_text(i.status.label), i.description])
            for n, i in enumerate(items, 1)
        ]
        fill_table(self.table, rows)

    def run_seed(self) -> None:
        data = self.data
        assert data is not None
        round_id = data.round.id
        self.seed.setEnabled(False)
        self.page.tasks.run(
            lambda s: seed_round_focus(s, round_id), self._seeded, self._failed, write=True
        )

    def _seeded(self, results: list[TargetSetup]) -> None:
        done = [r for r in results if r.focus_items]
        notes = [r.note for r in results if r.note]
        text = self.tr("已按类型生成监督重点清单：%1 个单位有清单。").replace("%1", str(len(done)))
        self.note.setText("\n".join([text, *notes]))
        self.note.show()
        self.page.reload()

    def _failed(self, error: BaseException) -> None:
        self.note.setText(error_text(error))
        self.note.show()
        self.page.reload()
