"""问题底稿: the problem, how it was found, who is responsible, how it is classified in the round's
supervision framework, what it is based on, and its 佐证材料 (files dropped here become evidence
when the 底稿 is saved, in the same transaction).

Only a 底稿 in draft may change; the core refuses the others and the editor shows why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.editors.attachments_field import AttachmentDropZone
from ui.editors.base import RecordEditor, State
from ui.editors.fields import EnumChecks, EnumCombo, TargetCombo
from ui.i18n import aside, core_text
from ui.models.record_table_model import display
from ui.tasks import Tasks
from ui.widgets.header_fit import fit_header, header_minimum
from workbench.services import Session
from workbench.services.catalog import catalog
from workbench.services.findings import (
    FindingDraft,
    ResponsibleParty,
    create_finding,
    get_finding,
    update_finding,
)
from workbench.services.findings_evidence import (
    EvidenceDraft,
    EvidenceView,
    create_evidence,
    list_evidence,
)
from workbench.services.focus import ListEntryView, list_list_entries
from workbench.services.rounds import RoundView, get_round
from workbench.vocab.enums import (
    CadreLevel,
    Discipline,
    EvidenceType,
    FindingStatus,
    ListKind,
    ResponsibilityType,
)
from workbench.vocab.labels import type_label

TEXT_FIELDS = ("number", "title", "amount")


def _evidence_type_for(media_type: str) -> EvidenceType:
    if media_type.startswith("image/"):
        return EvidenceType.PHOTO
    if media_type.startswith(("audio/", "video/")):
        return EvidenceType.MEDIA
    return EvidenceType.DOCUMENT


class ResponsibleTable(QWidget):
    """责任主体 rows: 类型, 单位, 姓名, 干部级别 (a linked 干部名册 person is kept per row)."""

    changed = Signal()
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("responsible")
        self.table.setHorizontalHeaderLabels(
            [self.tr("责任类型"), self.tr("责任单位"), self.tr("责任人"), self.tr("干部级别")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for section, width in ((0, 130), (2, 110), (3, 90)):  # at least the (English) title
            fit_header(header, section, width)
        header.setMinimumSectionSize(header_minimum(header, 1))  # nor is the stretched one cut
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(130)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        add = QPushButton(self.tr("添加责任主体"))
        add.setObjectName("add_responsible")
        add.clicked.connect(self._add_clicked)
        remove = QPushButton(self.tr("删除所选"))
        remove.setObjectName("remove_responsible")
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)

    def _add_clicked(self) -> None:
        self.add_row()
        self.changed.emit()

    def add_row(self, row: dict[str, Any] | None = None) -> int:
        row = row or {}
        index = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(index)
        kind = EnumCombo(ResponsibilityType)
        kind.set_value(row.get("type") or ResponsibilityType.MAIN)
        kind.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(index, 0, kind)
        for col, key in ((1, "unit"), (2, "name")):
            self.table.setItem(index, col, QTableWidgetItem(str(row.get(key) or "")))
        level = EnumCombo(CadreLevel, blank=self.tr("（未注明）"))
        level.set_value(row.get("level"))
        if not row.get("level"):
            level.setCurrentIndex(0)
        level.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(index, 3, level)
        for col, combo in ((0, kind), (3, level)):  # its longest choice whole (English ones)
            if self.table.columnWidth(col) < combo.sizeHint().width():
                self.table.setColumnWidth(col, combo.sizeHint().width())
        # the 干部名册 link travels with the row (not shown: the name says who it is)
        first = self.table.item(index, 1)
        assert first is not None
        first.setData(Qt.ItemDataRole.UserRole, row.get("person_id"))
        self.table.blockSignals(False)
        return index

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for r in range(self.table.rowCount()):
            kind, level = self.table.cellWidget(r, 0), self.table.cellWidget(r, 3)
            unit, name = self.table.item(r, 1), self.table.item(r, 2)
            assert isinstance(kind, EnumCombo) and isinstance(level, EnumCombo)
            out.append(
                {
                    "type": kind.value(),
                    "unit": unit.text().strip() if unit else "",
                    "name": name.text().strip() if name else "",
                    "level": level.value(),
                    "person_id": unit.data(Qt.ItemDataRole.UserRole) if unit else None,
                }
            )
        return out

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        if rows == self.rows():
            return
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)

    def parties(self) -> tuple[ResponsibleParty, ...]:
        return tuple(
            ResponsibleParty(
                type=r["type"],
                name=r["name"],
                unit=r["unit"],
                person_id=r["person_id"],
                level=r["level"],
            )
            for r in self.rows()
        )


class ClassificationCombo(QComboBox):
    """方面 → 类 → 表现 of the framework version the round pins (codes from the core's catalog)."""

    loaded = Signal()

    def __init__(self, tasks: Tasks, round_id: str | None) -> None:
        super().__init__()
        self.addItem(self.tr("（未分类）"), "")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)
        self.view().setMinimumWidth(560)
        self._wanted = ""
        if round_id:
            tasks.run(lambda s: get_round(s, round_id), self._loaded)

    def _loaded(self, rnd: RoundView) -> None:
        if not isValid(self):
            return
        framework = catalog().framework(rnd.framework_id, int(rnd.framework_version))
        for path in framework.walk():
            node = path[-1]
            indent = "　" * (len(path) - 1)
            self.addItem(f"{indent}{node.code.split('.', 1)[-1]}  {node.title}", node.code)
            self.setItemData(self.count() - 1, node.title, Qt.ItemDataRole.ToolTipRole)
        if self._wanted:
            self.set_value(self._wanted)
        self.loaded.emit()

    def value(self) -> str:
        data = self.currentData()
        return str(data) if data else (self._wanted if self.count() == 1 else "")

    def set_value(self, code: str | None) -> None:
        self._wanted = code or ""
        index = self.findData(code) if code else 0
        if index >= 0:
            self.setCurrentIndex(index)


class BasisList(QListWidget):
    """定性依据: the round's 政策清单 entries, ticked."""

    changed = Signal()

    def __init__(self, tasks: Tasks, round_id: str | None) -> None:
        super().__init__()
        self.setObjectName("basis_ids")
        self.setMinimumHeight(110)
        self._wanted: list[str] = []
        self.itemChanged.connect(lambda _item: self.changed.emit())
        if round_id:
            tasks.run(
                lambda s: (
                    list_list_entries(s, round_id=round_id, kind=ListKind.POLICY, limit=500).items
                ),
                self._loaded,
            )

    def _loaded(self, entries: tuple[ListEntryView, ...]) -> None:
        if not isValid(self):
            return
        self.blockSignals(True)
        for entry in entries:
            clause = f" {entry.clause}" if entry.clause else ""
            item = QListWidgetItem(f"{entry.title}{clause}")
            item.setToolTip(entry.content or entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.set_values(self._wanted)  # ticking what was loaded is no edit
        self.blockSignals(False)

    def values(self) -> list[str]:
        if not self.count():
            return list(self._wanted)  # not loaded yet: what was asked for
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_values(self, ids: list[str]) -> None:
        self._wanted = list(ids)
        for i in range(self.count()):
            item = self.item(i)
            state = (
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in ids
                else Qt.CheckState.Unchecked
            )
            if item.checkState() != state:
                item.setCheckState(state)
        checked = Qt.CheckState.Checked
        ticked = [self.item(i) for i in range(self.count()) if self.item(i).checkState() == checked]
        if ticked:
            self.scrollToItem(ticked[0])  # what this 底稿 is based on, in view


class FindingEditor(RecordEditor):
    kind = "finding"

    def build(self) -> None:
        self.resize(800, 780)
        f = self.form
        self.texts: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.texts["number"].setPlaceholderText(self.tr("留空则自动编号"))
        self.texts["title"].setPlaceholderText(self.tr("一个问题一份底稿"))
        self.texts["amount"].setPlaceholderText(self.tr("单位：元，可留空"))
        self.target = TargetCombo(self.tasks, self.round_id)
        self.compiled_on = QDateEdit(QDate.currentDate())
        self.compiled_on.setCalendarPopup(True)
        self.compiled_on.setDisplayFormat("yyyy-MM-dd")
        self.method = QComboBox()
        self.method.setObjectName("method_code")
        # no silent default: a new 底稿 says how it was found, on purpose (save requires it)
        self.method.addItem(self.tr("请选择"), "")
        for method in catalog().work_methods():
            self.method.addItem(f"{method.code}  {method.title}", method.code)
        self.classification = ClassificationCombo(self.tasks, self.round_id)
        self.disciplines = EnumChecks(Discipline)
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("问题的具体表现：事实、时间、金额"))
        self.summary.setFixedHeight(110)
        self.discovery = QPlainTextEdit()
        self.discovery.setPlaceholderText(self.tr("通过何种方式、查阅哪些材料发现"))
        self.discovery.setFixedHeight(80)
        self.responsible = ResponsibleTable()
        self.responsible.changed.connect(self.changed)
        self.basis = BasisList(self.tasks, self.round_id)
        self.basis.changed.connect(self.changed)
        self.immediate_fix = QCheckBox(self.tr("立行立改"))
        self.in_report = QCheckBox(self.tr("纳入巡察报告"))
        self.in_report.setChecked(True)
        flags = QWidget()
        flags_row = QHBoxLayout(flags)
        flags_row.setContentsMargins(0, 0, 0, 0)
        flags_row.addWidget(self.immediate_fix)
        flags_row.addWidget(self.in_report)
        flags_row.addStretch(1)
        f.add("number", self.tr("编号"), self.texts["number"])
        f.add("title", self.tr("底稿名称"), self.texts["title"])
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("compiled_on", self.tr("编制日期"), self.compiled_on)
        f.add("method_code", self.tr("发现方式"), self.method)
        f.add("taxonomy_code", self.tr("问题分类"), self.classification)
        f.add("disciplines", self.tr("涉及纪律"), self.disciplines)
        f.add("summary", self.tr("问题概述"), self.summary)
        f.add("discovery", self.tr("发现过程"), self.discovery)
        f.add("responsible", self.tr("责任主体"), self.responsible)
        f.add("amount", self.tr("涉及金额（元）"), self.texts["amount"])
        f.add("immediate_fix", self.tr("处理"), flags)
        f.add("basis_ids", self.tr("定性依据"), self.basis)
        self.sources = QLabel()
        self.sources.setStyleSheet("color: #555;")
        f.add("source_refs", self.tr("问题来源"), self.sources)
        self._build_evidence()
        if self.view is not None:
            self.restore(self.state_of(self.view))
            self._show_sources(self.view.source_refs)
            self._explain_status()
        else:
            self._show_sources(())  # no 责任主体 row until one is added: a blank one is refused

    def _build_evidence(self) -> None:
        heading = QLabel(self.tr("佐证材料"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.extra.addWidget(heading)
        self.evidence = QListWidget()
        self.evidence.setObjectName("evidence")
        self.evidence.setMaximumHeight(120)
        self.extra.addWidget(self.evidence)
        if self.view is None:
            self.evidence.addItem(self.tr("（尚无佐证材料）"))
        else:
            finding_id = self.view.id
            self.evidence.addItem(self.tr("正在读取…"))
            self.tasks.run(lambda s: list_evidence(s, finding_id), self._evidence_loaded)
        type_row = QHBoxLayout()
        type_row.addWidget(QLabel(self.tr("新加文件作为：")))
        self.evidence_type = EnumCombo(EvidenceType, blank=self.tr("按文件类型判断"))
        type_row.addWidget(self.evidence_type)
        type_row.addStretch(1)
        self.extra.addLayout(type_row)
        self.files = AttachmentDropZone(self.tasks)
        self.files.changed.connect(self.changed)
        self.extra.addWidget(self.files)
        self._media: dict[str, str] = {}  # sha → media type of files added here
        self.files.attached.connect(lambda info: self._media.update({info.sha256: info.media_type}))
        note = QLabel(self.tr("加入的文件在保存底稿时登记为佐证材料。"))
        note.setStyleSheet("color: #666;")
        self.extra.addWidget(note)

    def _evidence_loaded(self, items: list[EvidenceView]) -> None:
        if not isValid(self.evidence):
            return
        self.evidence.clear()
        for e in items:
            pages = self.tr("，%1 页").replace("%1", str(e.pages)) if e.pages else ""
            attached = self.tr("，附电子件") if e.attachment_sha256 else ""
            self.evidence.addItem(
                f"{display(e.evidence_type)}　" + aside(e.title, f"{e.source}{pages}{attached}")
            )
        if not items:
            self.evidence.addItem(self.tr("（尚无佐证材料）"))

    def _show_sources(self, refs: Any) -> None:
        kinds = {
            kind: core_text(type_label(kind))
            for kind in ("interview", "letter", "activity", "data_hit")
        }
        counts: dict[str, int] = {}
        for ref in refs:
            counts[ref.kind] = counts.get(ref.kind, 0) + 1
        parts = [
            self.tr("%1 %2 件").replace("%1", kinds.get(k, k)).replace("%2", str(n))
            for k, n in counts.items()
        ]
        self.sources.setText("、".join(parts) or self.tr("（未关联）"))

    def _explain_status(self) -> None:
        assert self.view is not None
        status = self.view.status
        if status is FindingStatus.DRAFT:
            if self.view.return_reason:
                note = QLabel(self.tr("退回理由：") + self.view.return_reason)
                note.setWordWrap(True)
                note.setStyleSheet("color: #8a5a00;")
                self.extra.insertWidget(0, note)
            return
        text = (
            self.tr("底稿已审签，已锁定，不能修改（只读）。")
            if status is FindingStatus.APPROVED
            else self.tr("底稿处于“%1”状态，只读；退回后才能修改。").replace("%1", display(status))
        )
        self.set_read_only(text)

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("新建问题底稿")
        return self.tr("编辑问题底稿 %1").replace("%1", self.view.number)

    @staticmethod
    def state_of(view: Any) -> State:
        return {
            "number": view.number,
            "title": view.title,
            "amount": "" if view.amount is None else str(view.amount),
            "target_id": view.target_id,
            "compiled_on": view.compiled_on.isoformat(),
            "method_code": view.method_code,
            "taxonomy_code": view.taxonomy_code,
            "disciplines": list(view.disciplines),
            "summary": view.summary,
            "discovery": view.discovery,
            "responsible": [
                {
                    "type": r.type.value,
                    "unit": r.unit,
                    "name": r.name,
                    "level": r.level.value if r.level else None,
                    "person_id": r.person_id,
                }
                for r in view.responsible
            ],
            "immediate_fix": view.immediate_fix,
            "include_in_report": view.include_in_report,
            "basis_ids": list(view.basis_ids),
            "evidence_type": None,
            "files": [],
        }

    def state(self) -> State:
        compiled: date = self.compiled_on.date().toPython()  # type: ignore[assignment]
        return {
            **{name: edit.text() for name, edit in self.texts.items()},
            "target_id": self.target.value(),
            "compiled_on": compiled.isoformat(),
            "method_code": self.method.currentData(),
            "taxonomy_code": self.classification.value(),
            "disciplines": list(self.disciplines.values()),
            "summary": self.summary.toPlainText(),
            "discovery": self.discovery.toPlainText(),
            "responsible": self.responsible.rows(),
            "immediate_fix": self.immediate_fix.isChecked(),
            "include_in_report": self.in_report.isChecked(),
            "basis_ids": self.basis.values(),
            "evidence_type": self.evidence_type.value(),
            "files": self.files.shas(),
        }

    def restore(self, state: State) -> None:
        for name, edit in self.texts.items():
            value = str(state.get(name) or "")
            if edit.text() != value:
                edit.setText(value)
        self.target.set_value(state.get("target_id"))
        if state.get("compiled_on"):
            day = date.fromisoformat(state["compiled_on"])
            if self.compiled_on.date().toPython() != day:
                self.compiled_on.setDate(QDate(day.year, day.month, day.day))
        method = max(self.method.findData(state.get("method_code") or ""), 0)
        if method != self.method.currentIndex():
            self.method.setCurrentIndex(method)
        self.classification.set_value(state.get("taxonomy_code"))
        self.disciplines.set_values(state.get("disciplines") or [])
        for box, key in ((self.summary, "summary"), (self.discovery, "discovery")):
            value = str(state.get(key) or "")
            if box.toPlainText() != value:
                box.setPlainText(value)
        self.responsible.set_rows(list(state.get("responsible") or []))
        for check, key in (
            (self.immediate_fix, "immediate_fix"),
            (self.in_report, "include_in_report"),
        ):
            wanted = bool(state.get(key, key == "include_in_report"))
            if check.isChecked() != wanted:
                check.setChecked(wanted)
        self.basis.set_values(list(state.get("basis_ids") or []))
        self.evidence_type.set_value(state.get("evidence_type"))
        if state.get("evidence_type") is None:
            self.evidence_type.setCurrentIndex(0)
        self.files.set_shas(list(state.get("files") or []))

    def save_work(self) -> Callable[[Session], Any]:
        t = self.texts
        view = self.view
        compiled: date = self.compiled_on.date().toPython()  # type: ignore[assignment]
        draft = FindingDraft(
            round_id=self.round_id or "",
            title=t["title"].text().strip(),
            target_id=self.target.value() or "",
            method_code=str(self.method.currentData() or ""),
            compiled_on=compiled,
            summary=self.summary.toPlainText().strip(),
            discovery=self.discovery.toPlainText().strip(),
            source_refs=view.source_refs if view is not None else (),
            basis_ids=tuple(self.basis.values()),
            responsible=self.responsible.parties(),
            amount=t["amount"].text().strip() or None,
            taxonomy_code=self.classification.value(),
            disciplines=self.disciplines.values(),
            immediate_fix=self.immediate_fix.isChecked(),
            include_in_report=self.in_report.isChecked(),
            team_id=self.team_id,
            number=t["number"].text().strip() or None,
        )
        chosen = self.evidence_type.value()
        names = {sha: self.files.name_of(sha) or sha[:12] for sha in self.files.shas()}
        evidence = [
            EvidenceDraft(
                evidence_type=chosen or _evidence_type_for(self._media.get(sha, "")),
                title=name,
                source=self.tr("巡察组"),
                attachment_sha256=sha,
            )
            for sha, name in names.items()
        ]

        def work(s: Session) -> Any:
            if view is None:
                saved = create_finding(s, draft)
            else:
                saved = update_finding(s, view.id, draft, expected_version=view.meta.version)
            for item in evidence:  # the files dropped in become its 佐证材料, in this transaction
                create_evidence(s, saved.id, item)
            return get_finding(s, saved.id) if evidence else saved

        return work
