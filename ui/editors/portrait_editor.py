"""政治画像: who is portrayed, each item of the catalog template rated with a comment, and the
overall rating with its conclusion and 运用建议 — saved together in one transaction. An overall
rating the items contradict is refused by the core; the reason shows under it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
)

from ui.editors.base import RecordEditor, State
from ui.editors.fields import EnumCombo, TargetCombo
from ui.i18n import aside, core_text
from ui.tasks import Tasks
from ui.widgets.form import Form
from workbench.services import Session
from workbench.services.catalog import catalog
from workbench.services.portraits import (
    PortraitDraft,
    create_portrait,
    rate_item,
    set_overall,
    update_portrait,
)
from workbench.services.targets import PersonView, list_persons
from workbench.taxonomy import PortraitTemplate, TaxonomyNotFound
from workbench.vocab.enums import Grade, PortraitSubject


@dataclass(frozen=True)
class Row:
    code: str
    dimension: str
    title: str
    description: str


@dataclass(frozen=True)
class Choice:
    code: str  # what rate_item takes: the template's letter ("A")
    title: str  # 好 / 较好 …, the Grade label
    description: str


def latest_templates() -> list[PortraitTemplate]:
    newest: dict[str, PortraitTemplate] = {}
    for t in catalog().portrait_templates():  # ordered by id, then version
        newest[t.id] = t
    return list(newest.values())


def template_of(template_id: str, version: str | int | None) -> PortraitTemplate | None:
    try:
        return catalog().portrait_template(template_id, None if version is None else int(version))
    except (TaxonomyNotFound, ValueError):
        return None  # an office template since removed: the portrait still shows its items


def choices_of(template: PortraitTemplate | None) -> list[Choice]:
    if template is None:
        return [Choice(g.value, g.label, "") for g in Grade]
    return [Choice(r.code, r.title, r.description) for r in template.ratings]


class RatingCombo(QComboBox):
    """A rating, blank for 未评价. The wheel only turns it once it has focus, so scrolling
    down the long item list does not change ratings on the way."""

    def __init__(self, choices: list[Choice], blank: str) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.addItem(blank, None)
        for c in choices:
            self.addItem(core_text(c.title), c.code)  # 好…差 are the Grade labels
            self.setItemData(self.count() - 1, c.description, Qt.ItemDataRole.ToolTipRole)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(code), 0) if code else 0)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class PersonCombo(QComboBox):
    """人员 of the chosen target (loaded once for the round on the worker)."""

    def __init__(self, tasks: Tasks, round_id: str | None, blank: str) -> None:
        super().__init__()
        self._blank = blank
        self._people: list[PersonView] = []
        self._target: str | None = None
        self._wanted: str | None = None
        self.addItem(blank, None)
        if round_id:
            tasks.run(lambda s: list_persons(s, round_id=round_id, limit=1000).items, self._loaded)

    def _loaded(self, people: tuple[PersonView, ...]) -> None:
        self._people = list(people)
        self.set_target(self._target)

    def set_target(self, target_id: str | None) -> None:
        self._target = target_id
        wanted = self._wanted
        self.blockSignals(True)
        self.clear()
        self.addItem(self._blank, None)
        for p in self._people:
            if p.target_id == target_id:
                self.addItem(aside(p.name, p.position) if p.position else p.name, p.id)
        self.blockSignals(False)
        self.set_value(wanted)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else (self._wanted if not self._people else None)

    def set_value(self, person_id: str | None) -> None:
        self._wanted = person_id
        index = self.findData(person_id) if person_id else 0
        self.setCurrentIndex(max(index, 0))


class PortraitEditor(RecordEditor):
    kind = "portrait"

    def build(self) -> None:
        self.resize(960, 780)
        f = self.form
        self.subject_type = EnumCombo(PortraitSubject)
        self.target = TargetCombo(self.tasks, self.round_id)
        self.person = PersonCombo(self.tasks, self.round_id, self.tr("（不关联人员）"))
        self.subject_name = QLineEdit()
        self.subject_name.setPlaceholderText(self.tr("留空则按被巡察单位或人员自动命名"))
        self.template = QComboBox()
        self.overall = RatingCombo([], self.tr("（暂不评价）"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setMinimumHeight(110)
        self.usage_advice = QPlainTextEdit()
        self.usage_advice.setObjectName("usage_advice")
        self.usage_advice.setMinimumHeight(80)
        self.usage_advice.setPlaceholderText(
            self.tr("每段一条；留空则报告按评价等次给出一般性建议")
        )
        self.progress = QLabel()
        self.progress.setObjectName("rated_progress")
        f.add("subject_type", self.tr("画像对象类型"), self.subject_type)
        f.add("target_id", self.tr("被巡察单位"), self.target)
        f.add("person_id", self.tr("人员"), self.person)
        f.add("subject_name", self.tr("画像对象名称"), self.subject_name)
        f.add("template", self.tr("画像模板"), self.template)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("portrait_items")
        self.table.setHorizontalHeaderLabels(
            [self.tr("方面"), self.tr("评价条目"), self.tr("评价"), self.tr("评价说明")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 120)
        self.table.setColumnWidth(1, 190)
        self.table.setColumnWidth(2, 96)
        heading = QLabel(self.tr("逐项评价"))
        heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
        self.extra.addWidget(heading)
        self.extra.addWidget(self.progress)
        self.extra.addWidget(self.table)
        self.form.errors["item_code"] = self.form.errors["rating"] = self.form.banner
        self.form.errors["comment"] = self.form.errors["evidence_refs"] = self.form.banner
        overall_form = self._overall_form()
        self.extra.addWidget(overall_form)
        self.rows: list[Row] = []
        self.ratings: dict[str, RatingCombo] = {}
        self.comments: dict[str, QLineEdit] = {}
        self.target.currentIndexChanged.connect(self._target_changed)
        self.subject_type.currentIndexChanged.connect(self._subject_changed)
        if self.view is None:
            for t in latest_templates():
                self.template.addItem(
                    self._template_label(t.title, t.version), f"{t.id}@{t.version}"
                )
            self.template.currentIndexChanged.connect(self._template_changed)
            self._template_changed()
        else:
            v = self.view
            found = template_of(v.template_id, v.template_version)
            title = found.title if found else v.template_id
            self.template.addItem(self._template_label(title, v.template_version), v.template_id)
            self.template.setEnabled(False)  # the items are keyed by this template's codes
            self._load_rows(
                [Row(i.item_code, i.dimension, i.title, "") for i in v.items], choices_of(found)
            )
            self.restore(self.state_of(v))
        self._subject_changed()
        self._count_rated()

    def _template_label(self, title: str, version: object) -> str:
        return self.tr("%1（第 %2 版）").replace("%1", title).replace("%2", str(version))

    def _overall_form(self) -> Form:
        form = Form()
        form.add("overall", self.tr("总体评价"), self.overall)
        form.add("conclusion", self.tr("综合评价"), self.conclusion)
        form.add("usage_advice", self.tr("运用建议"), self.usage_advice)
        # refusals of these fields land under them, though they sit below the item table
        for name in ("overall", "conclusion", "usage_advice"):
            self.form.errors[name] = form.errors[name]
        return form

    # -- the item table --------------------------------------------------------------------------

    def _template_changed(self) -> None:
        key = str(self.template.currentData() or "")
        template_id, _, version = key.partition("@")
        template = template_of(template_id, version or None) if template_id else None
        rows = []
        if template is not None:
            for d in template.dimensions:
                rows += [Row(i.code, d.title, i.title, i.description) for i in d.items]
        kept = self._item_state()
        self._load_rows(rows, choices_of(template))
        self._restore_items(kept)
        self.watch_new_widgets(self.table)

    def _load_rows(self, rows: list[Row], choices: list[Choice]) -> None:
        self.rows = rows
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        self.ratings, self.comments = {}, {}
        self.overall.blockSignals(True)
        self.overall.clear()
        self.overall.addItem(self.tr("（暂不评价）"), None)
        for c in choices:
            self.overall.addItem(core_text(c.title), c.code)
        self.overall.blockSignals(False)
        start = 0
        for n, row in enumerate(rows):
            dimension = QTableWidgetItem(row.dimension)
            dimension.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(n, 0, dimension)
            title = QTableWidgetItem(row.title)
            title.setToolTip(row.description)
            self.table.setItem(n, 1, title)
            rating = RatingCombo(choices, self.tr("未评价"))
            rating.currentIndexChanged.connect(self._count_rated)
            comment = QLineEdit()
            comment.setPlaceholderText(self.tr("依据和说明"))
            self.table.setCellWidget(n, 2, rating)
            self.table.setCellWidget(n, 3, comment)
            self.ratings[row.code], self.comments[row.code] = rating, comment
            if n + 1 == len(rows) or rows[n + 1].dimension != row.dimension:
                if n > start:
                    self.table.setSpan(start, 0, n - start + 1, 1)
                start = n + 1
        self.table.resizeRowsToContents()
        # the dialog scrolls, not the table: show every row
        height = self.table.verticalHeader().length() + self.table.horizontalHeader().height()
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def _count_rated(self) -> None:
        rated = sum(1 for r in self.ratings.values() if r.value() is not None)
        self.progress.setText(
            self.tr("已评价 %1 / %2 项；全部评价后才能给出总体评价。")
            .replace("%1", str(rated))
            .replace("%2", str(len(self.ratings)))
        )

    def _item_state(self) -> dict[str, list[Any]]:
        return {
            code: [self.ratings[code].value(), self.comments[code].text()] for code in self.ratings
        }

    def _restore_items(self, items: dict[str, Any]) -> None:
        for code, rating in self.ratings.items():
            value, comment = [*(items.get(code) or []), None, ""][:2]
            if rating.value() != value:
                rating.set_value(value)
            edit = self.comments[code]
            if edit.text() != str(comment or ""):
                edit.setText(str(comment or ""))
                edit.setCursorPosition(0)  # show the start of a long comment, not its end
                edit.setToolTip(edit.text())

    # -- subject -----------------------------------------------------------------------------

    def _target_changed(self) -> None:
        self.person.set_target(self.target.value())

    def _subject_changed(self) -> None:
        is_person = self.subject_type.value() == PortraitSubject.PERSON.value
        self.person.setEnabled(is_person)
        if not is_person and self.person.value() and not self._applying:
            self.person.set_value(None)

    # -- state -------------------------------------------------------------------------------

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("新建政治画像")
        return self.tr("编辑政治画像 %1").replace("%1", self.view.subject_name)

    @staticmethod
    def state_of(view: Any) -> State:
        found = template_of(view.template_id, view.template_version)
        by_title = {c.title: c.code for c in choices_of(found)}

        def code(grade: Grade | None) -> str | None:
            return by_title.get(grade.label, grade.value) if grade is not None else None

        return {
            "subject_type": view.subject_type.value,
            "target_id": view.target_id,
            "person_id": view.person_id,
            "subject_name": view.subject_name,
            "template": view.template_id,
            "items": {i.item_code: [code(i.rating), i.comment] for i in view.items},
            "overall": code(view.overall),
            "conclusion": view.conclusion,
            "usage_advice": view.usage_advice,
        }

    def state(self) -> State:
        return {
            "subject_type": self.subject_type.value(),
            "target_id": self.target.value(),
            "person_id": self.person.value(),
            "subject_name": self.subject_name.text(),
            "template": self.template.currentData(),
            "items": self._item_state(),
            "overall": self.overall.value(),
            "conclusion": self.conclusion.toPlainText(),
            "usage_advice": self.usage_advice.toPlainText(),
        }

    def restore(self, state: State) -> None:
        self.subject_type.set_value(state.get("subject_type"))
        self.target.set_value(state.get("target_id"))
        self.person.set_target(self.target.value())
        self.person.set_value(state.get("person_id"))
        name = str(state.get("subject_name") or "")
        if self.subject_name.text() != name:
            self.subject_name.setText(name)
        template = state.get("template")
        if self.view is None and template and self.template.currentData() != template:
            index = self.template.findData(template)
            if index >= 0:
                self.template.setCurrentIndex(index)
        self._restore_items(state.get("items") or {})
        if self.overall.value() != state.get("overall"):
            self.overall.set_value(state.get("overall"))
        conclusion = str(state.get("conclusion") or "")
        if self.conclusion.toPlainText() != conclusion:
            self.conclusion.setPlainText(conclusion)
        advice = str(state.get("usage_advice") or "")
        if self.usage_advice.toPlainText() != advice:
            self.usage_advice.setPlainText(advice)
        self._count_rated()

    def save_work(self) -> Callable[[Session], Any]:
        key = str(self.template.currentData() or "")
        template_id, _, version = key.partition("@")
        if not template_id:
            raise ValueError(self.tr("没有可用的政治画像模板。"))
        view = self.view
        draft = PortraitDraft(
            subject_type=self.subject_type.value(),
            target_id=self.target.value() or "",
            template_id=template_id,
            template_version=int(version) if version and view is None else None,
            subject_name=self.subject_name.text().strip(),
            person_id=self.person.value() if self.person.isEnabled() else None,
            team_id=self.team_id,
        )
        before = self.state_of(view)["items"] if view is not None else {}
        refs = {i.item_code: i.evidence_refs for i in view.items} if view is not None else {}
        changed = [
            (code, rating, comment.strip(), refs.get(code, ()))
            for code, (rating, comment) in self._item_state().items()
            if [rating, comment.strip()] != list(before.get(code, [None, ""]))
        ]
        had_overall = view is not None and view.overall is not None
        overall, conclusion = self.overall.value(), self.conclusion.toPlainText().strip()
        advice = self.usage_advice.toPlainText().strip()
        round_id = self.round_id

        def work(s: Session) -> Any:
            if view is None:
                saved = create_portrait(s, round_id or "", draft)
            else:
                saved = update_portrait(s, view.id, draft, expected_version=view.meta.version)
            if had_overall and changed:  # the overall rating is weighed again after the items
                set_overall(s, saved.id, None)
            for code, rating, comment, item_refs in changed:
                rate_item(s, saved.id, code, rating, comment, item_refs)
            return set_overall(s, saved.id, overall, conclusion, usage_advice=advice)

        return work
