"""监督清单: how far the team got with one seeded focus item — status, notes and the 底稿 it
led to. The item itself (code, title, what to check) comes from the catalog and is read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPlainTextEdit

from ui.editors.base import RecordEditor, State
from ui.editors.fields import EnumCombo, finding_label
from ui.tasks import Tasks
from workbench.services import Session
from workbench.services.findings import FindingView, list_findings
from workbench.services.focus import update_focus_item
from workbench.vocab.enums import FocusStatus


class FindingChecklist(QListWidget):
    """The round's 问题底稿 with a check box each, loaded on the worker; checked ids set before
    loading are kept."""

    changed = Signal()

    def __init__(self, tasks: Tasks, round_id: str | None) -> None:
        super().__init__()
        self.setObjectName("finding_checklist")
        self._wanted: set[str] = set()
        self._filling = False
        self.itemChanged.connect(self._item_changed)
        if round_id:
            tasks.run(
                lambda s: list_findings(s, round_id, order="number", limit=1000).items,
                self._loaded,
            )

    def _loaded(self, findings: tuple[FindingView, ...]) -> None:
        self._filling = True
        for finding in findings:
            item = QListWidgetItem(finding_label(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = finding.id in self._wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self._filling = False

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        finding_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._wanted.add(finding_id)
        else:
            self._wanted.discard(finding_id)
        self.changed.emit()

    def value(self) -> list[str]:
        return sorted(self._wanted)

    def set_value(self, finding_ids: list[str]) -> None:
        self._wanted = set(finding_ids)
        self._filling = True
        for row in range(self.count()):
            item = self.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in self._wanted
            state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            if item.checkState() != state:
                item.setCheckState(state)
        self._filling = False


class FocusEditor(RecordEditor):
    kind = "focus"

    def build(self) -> None:
        if self.view is None:  # seeded from the catalog, never typed in (registry: creatable)
            raise ValueError("focus items are seeded, not created")
        f = self.form
        v = self.view
        self.code = QLabel(v.item_code)
        self.item_title = QLabel(v.title)
        self.description = QLabel(v.description or self.tr("（目录中无说明）"))
        for label in (self.code, self.item_title, self.description):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item_title.setStyleSheet("font-weight: bold;")
        self.description.setStyleSheet("color: #444;")
        self.status_combo = EnumCombo(FocusStatus)
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(160)
        self.notes.setPlaceholderText(self.tr("了解了哪些情况、查阅了哪些材料、与谁谈过"))
        self.findings = FindingChecklist(self.tasks, self.round_id)
        self.findings.setMinimumHeight(180)
        self.findings.changed.connect(self._findings_changed)
        f.add("item_code", self.tr("代码"), self.code)
        f.add("title", self.tr("监督重点事项"), self.item_title)
        f.add("description", self.tr("了解要点"), self.description)
        f.add("status", self.tr("状态"), self.status_combo)
        f.add("notes", self.tr("情况记录"), self.notes)
        f.add("finding_ids", self.tr("关联问题底稿"), self.findings)
        self.restore(self.state_of(v))

    def _findings_changed(self) -> None:
        """A linked 底稿 means a problem was found: say so, as the core would when linking."""
        quiet = (FocusStatus.NOT_STARTED.value, FocusStatus.NO_PROBLEM.value)
        if self.findings.value() and self.status_combo.value() in quiet:
            self.status_combo.set_value(FocusStatus.PROBLEM_FOUND)
        self.changed()

    def title_text(self) -> str:
        assert self.view is not None
        return self.tr("监督重点 %1").replace("%1", self.view.item_code)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "status": view.status.value,
            "notes": view.notes,
            "finding_ids": sorted(view.finding_ids),
        }

    def state(self) -> State:
        return {
            "status": self.status_combo.value(),
            "notes": self.notes.toPlainText(),
            "finding_ids": self.findings.value(),
        }

    def restore(self, state: State) -> None:
        self.status_combo.set_value(state.get("status"))
        notes = str(state.get("notes") or "")
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)
        wanted = [str(i) for i in state.get("finding_ids") or []]
        if self.findings.value() != sorted(wanted):
            self.findings.set_value(wanted)

    def save_work(self) -> Callable[[Session], Any]:
        assert self.view is not None
        item_id, version = self.view.id, self.view.meta.version
        status = self.status_combo.value()
        notes = self.notes.toPlainText().strip()
        finding_ids = self.findings.value()

        def work(s: Session) -> Any:
            return update_focus_item(
                s,
                item_id,
                status=status,
                notes=notes,
                finding_ids=finding_ids,
                expected_version=version,
            )

        return work
