"""添加 / 编辑 "3+1" 清单条目: 政策、职能、综合监督信息、问题, for one target or the whole round.
A policy entry is quoted as 定性依据, so its 原文摘录 is required (the core says so)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.dialogs.setup_dialog import SetupDialog, Work, choose, enum_combo
from ui.tasks import Tasks
from workbench.services.focus import ListEntryDraft, ListEntryView
from workbench.services.setup_records import add_list_entry, edit_list_entry
from workbench.services.targets import TargetView
from workbench.vocab.enums import ListKind


class ListEntryDialog(SetupDialog):
    def __init__(
        self,
        tasks: Tasks,
        round_id: str,
        targets: Sequence[TargetView],
        entry: ListEntryView | None = None,
        kind: ListKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("编辑清单条目") if entry else self.tr("添加清单条目")
        super().__init__(tasks, title, parent)
        self.setObjectName("list_entry_dialog")
        self.round_id = round_id
        self.entry = entry
        self.kind = enum_combo("entry_kind", ListKind, entry.kind if entry else kind)
        self.form.add("kind", self.tr("清单类型"), self.kind)
        self.target = QComboBox()
        self.target.setObjectName("entry_target")
        self.target.addItem(self.tr("本轮全部单位适用"), None)
        for t in targets:
            self.target.addItem(t.name, t.id)
        choose(self.target, entry.target_id if entry else None)
        self.form.add("target_id", self.tr("被巡察单位"), self.target)
        self.title = QLineEdit(entry.title if entry else "")
        self.title.setObjectName("entry_title")
        self.form.add("title", self.tr("名称"), self.title)
        self.document_no = QLineEdit(entry.document_no if entry else "")
        self.document_no.setObjectName("entry_document_no")
        self.form.add("document_no", self.tr("文号"), self.document_no)
        self.clause = QLineEdit(entry.clause if entry else "")
        self.clause.setObjectName("entry_clause")
        self.form.add("clause", self.tr("条款"), self.clause)
        self.content = QPlainTextEdit(entry.content if entry else "")
        self.content.setObjectName("entry_content")
        self.content.setFixedHeight(110)
        self.form.add("content", self.tr("内容"), self.content)
        self.source = QLineEdit(entry.source if entry else "")
        self.source.setObjectName("entry_source")
        self.form.add("source", self.tr("来源单位"), self.source)
        self.kind.currentIndexChanged.connect(lambda _i: self._follow_kind())
        self._follow_kind()

    def _follow_kind(self) -> None:
        """The title field's name and the text's hint as each list calls them."""
        kind = self.kind.currentData()
        titles = {
            ListKind.POLICY: self.tr("文件名"),
            ListKind.FUNCTION: self.tr("职能"),
            ListKind.SUPERVISION: self.tr("监督信息"),
            ListKind.PROBLEM: self.tr("问题"),
        }
        self.title.setPlaceholderText(titles[kind])
        box = self.content.parentWidget()
        label = self.form.layout_.labelForField(box) if box is not None else None
        if isinstance(label, QLabel):
            label.setText(self.tr("原文摘录") if kind is ListKind.POLICY else self.tr("内容"))
        self.content.setPlaceholderText(
            self.tr("必填：政策文件的原文摘录，问题定性时引用")
            if kind is ListKind.POLICY
            else self.tr("内容（可不填）")
        )

    def work(self) -> Work | None:
        base = self.entry
        draft = ListEntryDraft(
            kind=self.kind.currentData(),
            title=self.title.text(),
            target_id=self.target.currentData(),
            team_id=base.team_id if base else None,
            document_no=self.document_no.text(),
            clause=self.clause.text(),
            content=self.content.toPlainText(),
            source=self.source.text(),
            extra=dict(base.extra) if base else {},
        )
        if base is not None:
            entry_id, version = base.id, base.meta.version
            return lambda s: edit_list_entry(s, entry_id, draft, expected_version=version)
        round_id = self.round_id
        return lambda s: add_list_entry(s, round_id, draft)
