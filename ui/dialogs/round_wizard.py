"""新建巡察轮次 / 编辑本轮 (巡察办): 基本信息 → 巡察类型 → 阶段日期 → 确认.

Each page says what its choices imply; the finish saves through ``office_setup.add_round`` or
``edit_round`` on the DB worker, and a refusal (a name in use, someone else's edit) is shown at
the top of the last page with the wizard left open. Who may do it and what a round may hold are
the core's rules; the wizard only offers the choices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.dialogs.job_wizard import note_label
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.services import Session
from workbench.services.catalog import catalog
from workbench.services.office_setup import (
    DEFAULT_FRAMEWORK,
    RoundChanges,
    add_round,
    edit_round,
    next_round_number,
)
from workbench.services.round_names import suggested_round_name
from workbench.services.rounds import RoundDraft, RoundView, get_round, list_rounds
from workbench.vocab.enums import OrgLevel, RoundPhase, RoundType

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"


def type_title(round_type: RoundType) -> str:
    titles = {
        RoundType.REGULAR: _tr("常规巡察"),
        RoundType.SPECIAL: _tr("专项巡察"),
        RoundType.MOBILE: _tr("机动巡察"),
        RoundType.ELEVATED: _tr("提级巡察"),
        RoundType.CROSS: _tr("交叉巡察"),
        RoundType.LINKED: _tr("联动巡察"),
        RoundType.REVISIT: _tr("巡察“回头看”"),
        RoundType.VILLAGE: _tr("对村巡察"),
    }
    return titles[round_type]


def type_note(round_type: RoundType) -> str:
    """What choosing the type implies, in one line."""
    notes = {
        RoundType.REGULAR: _tr("按巡察规划对党组织开展的全面政治监督。"),
        RoundType.SPECIAL: _tr("围绕一个专项主题开展；工作方案须报备上级并经审核通过后才能进驻。"),
        RoundType.MOBILE: _tr("根据需要灵活安排对象和时间，规模小、时间短。"),
        RoundType.ELEVATED: _tr("由市级派出；可由一个市级组带领若干县级人员（1托N）。"),
        RoundType.CROSS: _tr("巡察组不得巡察本组所在县（区）的单位。"),
        RoundType.LINKED: _tr("市县联动组队：市级副组长可带领县级巡察组。"),
        RoundType.REVISIT: _tr("对此前巡察过的单位检查整改落实情况，须选择原轮次。"),
        RoundType.VILLAGE: _tr("巡察对象只能是村（社区）党组织。"),
    }
    return notes[round_type]


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _title_text(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


@dataclass(frozen=True)
class _Loaded:
    rounds: tuple[RoundView, ...]
    frameworks: tuple[tuple[str, int, str], ...]  # id, version, title
    current: RoundView | None
    next_number: int


class _BasicsPage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("基本信息"))
        self.setSubTitle(self.tr("届次、年度和轮次决定轮次的建议名称；名称在各轮之间不能重复。"))
        self._filling = False
        self.term = QLineEdit()
        self.term.setObjectName("term")
        self.term.setPlaceholderText(self.tr("如：十五届市委"))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self._year_changed)
        self.number = QSpinBox()
        self.number.setObjectName("number")
        self.number.setRange(1, 99)
        self.number.valueChanged.connect(self._number_changed)
        self.number_touched = False
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.textChanged.connect(self.completeChanged)
        self.authorization = QLineEdit()
        self.authorization.setObjectName("authorization_no")
        self.authorization.setPlaceholderText(self.tr("如：市巡办〔2026〕3号"))
        self.framework = QComboBox()
        self.framework.setObjectName("framework")
        self.framework_hint = _title_text(self.tr("发现的问题按此框架分类；轮次建立后不能更换。"))
        form = QFormLayout(self)
        form.addRow(self.tr("届次"), self.term)
        form.addRow(self.tr("年度"), self.year)
        form.addRow(self.tr("轮次"), self.number)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("授权文号"), self.authorization)
        form.addRow(self.tr("问题分类框架"), self.framework)
        form.addRow("", self.framework_hint)

    def fill(self, loaded: _Loaded) -> None:
        self._filling = True
        for framework_id, version, title in loaded.frameworks:
            self.framework.addItem(
                self.tr("%1（%2 版）").replace("%2", str(version)).replace("%1", title),
                f"{framework_id}@{version}",
            )
        current = loaded.current
        if current is None:
            wanted = "{}@{}".format(*DEFAULT_FRAMEWORK)
            self.number.setValue(loaded.next_number)
        else:
            wanted = f"{current.framework_id}@{current.framework_version}"
            self.term.setText(current.term)
            self.year.setValue(current.year)
            self.number.setValue(current.number)
            self.number_touched = True
            self.authorization.setText(current.authorization_no)
            self.framework.setEnabled(False)
        self.framework.setCurrentIndex(max(self.framework.findData(wanted), 0))
        self._filling = False
        if current is None:
            self.suggest()
        else:
            self.name.setText(current.name)
            self.name.setModified(True)  # its own name, never replaced by a suggestion
        self.completeChanged.emit()

    def suggest(self) -> None:
        """The name follows year, number and type until someone types one."""
        if not self.name.isModified():
            chosen = self.wizard_.type_page.chosen()
            self.name.setText(suggested_round_name(self.year.value(), self.number.value(), chosen))

    def _year_changed(self, year: int) -> None:
        if self._filling:
            return
        if not self.number_touched:
            self.wizard_.tasks.run(
                lambda s: next_round_number(s, year), lambda n: self._number_for(year, n)
            )
        self.suggest()

    def _number_for(self, year: int, number: int) -> None:
        if year == self.year.value() and not self.number_touched:
            self._filling = True
            self.number.setValue(number)
            self._filling = False
            self.suggest()

    def _number_changed(self, _number: int) -> None:
        if self._filling:
            return
        self.number_touched = True
        self.suggest()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.name.text().strip()) and self.framework.count() > 0


class _TypePage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("巡察类型"))
        self.setSubTitle(self.tr("类型决定组队和对象的规则，保存后由系统据此检查。"))
        self.group = QButtonGroup(self)
        self.radios: dict[RoundType, QRadioButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for row, round_type in enumerate(RoundType):
            radio = QRadioButton(type_title(round_type))
            radio.setObjectName(f"type_{round_type.value}")
            self.group.addButton(radio, row)
            self.radios[round_type] = radio
            grid.addWidget(radio, row, 0)
            grid.addWidget(_title_text(type_note(round_type)), row, 1)
        grid.setColumnStretch(1, 1)
        self.group.idToggled.connect(self._type_changed)
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.topic.setPlaceholderText(self.tr("如：乡村振兴领域"))
        self.topic.textChanged.connect(self.completeChanged)
        self.revisit = QComboBox()
        self.revisit.setObjectName("revisit_of")
        self.revisit.currentIndexChanged.connect(self.completeChanged)
        self.level = QComboBox()
        self.level.setObjectName("dispatch_level")
        for level in OrgLevel:
            self.level.addItem(core_text(level.label), level)
        self.level_note = _title_text("")
        self.message = note_label("type_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.form = QFormLayout()
        self.form.addRow(self.tr("专项主题"), self.topic)
        self.form.addRow(self.tr("回头看的原轮次"), self.revisit)
        self.form.addRow(self.tr("派出层级"), self.level)
        self.form.addRow("", self.level_note)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def fill(self, loaded: _Loaded) -> None:
        current = loaded.current
        for r in loaded.rounds:
            if current is None or r.id != current.id:
                self.revisit.addItem(r.name, r.id)
        if current is None:
            self.radios[RoundType.REGULAR].setChecked(True)
            return
        self.radios[current.round_type].setChecked(True)
        self.topic.setText(current.topic)
        self.level.setCurrentIndex(self.level.findData(current.dispatch_level))
        if current.revisit_of:
            self.revisit.setCurrentIndex(max(self.revisit.findData(current.revisit_of), 0))

    def chosen(self) -> RoundType | None:
        checked = self.group.checkedId()
        return list(RoundType)[checked] if checked >= 0 else None

    def _type_changed(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        chosen = self.chosen()
        self.form.setRowVisible(self.topic, chosen is RoundType.SPECIAL)
        self.form.setRowVisible(self.revisit, chosen is RoundType.REVISIT)
        elevated = chosen is RoundType.ELEVATED
        if elevated:
            self.level.setCurrentIndex(self.level.findData(OrgLevel.CITY))
        self.level.setEnabled(not elevated)
        self.level_note.setText(
            self.tr("提级巡察由市级派出。")
            if elevated
            else self.tr("本轮由哪一级派出：市级，或县级。")
        )
        self.wizard_.basics.suggest()
        self.completeChanged.emit()

    def problem(self) -> str:
        chosen = self.chosen()
        if chosen is None:
            return self.tr("请选择巡察类型")
        if chosen is RoundType.SPECIAL and not self.topic.text().strip():
            return self.tr("专项巡察请填写专项主题")
        if chosen is RoundType.REVISIT and self.revisit.currentData() is None:
            if self.revisit.count() == 0:
                return self.tr("还没有可以“回头看”的轮次，请先建立原轮次")
            return self.tr("请选择回头看的原轮次")
        return ""

    def isComplete(self) -> bool:  # noqa: N802
        problem = self.problem()
        self.message.setText(problem)
        return not problem


class _PhaseRow:
    def __init__(self, page: _DatesPage, phase: RoundPhase) -> None:
        self.phase = phase
        self.enabled = QCheckBox(core_text(phase.label))
        self.enabled.setObjectName(f"dates_{phase.value}")
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit, name in ((self.start, "start"), (self.end, "end")):
            edit.setObjectName(f"{name}_{phase.value}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
            edit.setEnabled(False)
            edit.dateChanged.connect(page.check)
        self.error = QLabel()
        self.error.setObjectName(f"error_{phase.value}")
        self.error.setStyleSheet(ERROR_STYLE)
        self.enabled.toggled.connect(lambda on: page.toggled(self, on))

    def dates(self) -> tuple[date, date] | None:
        if not self.enabled.isChecked():
            return None
        return _pydate(self.start.date()), _pydate(self.end.date())

    def set_dates(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))


class _DatesPage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("阶段日期"))
        self.setSubTitle(
            self.tr(
                "各阶段的计划起止日期，可暂不填写、以后再改；轮次的起止日期取自各阶段。"
                "推进阶段在概览页进行。"
            )
        )
        self.rows = [_PhaseRow(self, phase) for phase in RoundPhase]
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("阶段")), 0, 0)
        grid.addWidget(QLabel(self.tr("开始日期")), 0, 1)
        grid.addWidget(QLabel(self.tr("结束日期")), 0, 3)
        for i, row in enumerate(self.rows, 1):
            grid.addWidget(row.enabled, i, 0)
            grid.addWidget(row.start, i, 1)
            grid.addWidget(QLabel(self.tr("至")), i, 2)
            grid.addWidget(row.end, i, 3)
            grid.addWidget(row.error, i, 4)
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)

    def fill(self, current: RoundView | None) -> None:
        if current is None:
            return
        for row in self.rows:
            start, end = current.phase_dates.get(row.phase, (None, None))
            if start or end:
                row.enabled.setChecked(True)
                row.set_dates(start or end or date.today(), end or start or date.today())

    def toggled(self, row: _PhaseRow, on: bool) -> None:
        row.start.setEnabled(on)
        row.end.setEnabled(on)
        if on:  # start where the previous phase ends
            before = [r.dates() for r in self.rows[: self.rows.index(row)]]
            ends = [d[1] for d in before if d is not None]
            start = ends[-1] + timedelta(days=1) if ends else date.today()
            row.set_dates(start, start)
        self.check()

    def check(self) -> None:
        """The range of each phase, shown next to it as soon as it is wrong."""
        for row in self.rows:
            dates = row.dates()
            wrong = dates is not None and dates[1] < dates[0]
            row.error.setText(self.tr("结束日期早于开始日期") if wrong else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not any(row.error.text() for row in self.rows)

    def phase_dates(self) -> dict[RoundPhase, tuple[date, date]]:
        return {row.phase: dates for row in self.rows if (dates := row.dates()) is not None}


class _ConfirmPage(QWizardPage):
    def __init__(self, wizard: RoundWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("确认"))
        self.banner = note_label("wizard_error")
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.hide()
        self.summary = note_label("summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.saving = False

    def initializePage(self) -> None:  # noqa: N802
        w = self.wizard_
        self.setSubTitle(
            self.tr("点“完成”保存本轮。") if w.current is None else self.tr("点“完成”保存修改。")
        )
        self.banner.hide()
        self.summary.setText("\n".join(w.summary_lines()))

    def show_error(self, error: BaseException) -> None:
        self.saving = False
        self.banner.setText(error_text(error))
        self.banner.show()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return not self.saving

    def validatePage(self) -> bool:  # noqa: N802
        if not self.saving:
            self.saving = True
            self.banner.hide()
            self.completeChanged.emit()
            self.wizard_.save()
        return False  # the wizard closes itself once the worker has saved


class RoundWizard(QWizard):
    """``saved`` carries the round as stored."""

    saved = Signal(object)
    BASICS, TYPE, DATES, CONFIRM = range(4)

    def __init__(
        self, tasks: Tasks, round_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.current: RoundView | None = None
        self.setObjectName("round_wizard")
        self.setWindowTitle(self.tr("新建巡察轮次") if round_id is None else self.tr("编辑本轮"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(760, 580)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.type_page = _TypePage(self)
        self.basics = _BasicsPage(self)
        self.dates = _DatesPage(self)
        self.confirm = _ConfirmPage(self)
        self.setPage(self.BASICS, self.basics)
        self.setPage(self.TYPE, self.type_page)
        self.setPage(self.DATES, self.dates)
        self.setPage(self.CONFIRM, self.confirm)
        self.loaded = False
        year = date.today().year

        def load(s: Session) -> _Loaded:
            frameworks = tuple((f.id, f.version, f.title) for f in catalog().frameworks())
            current = get_round(s, round_id) if round_id is not None else None
            rounds = list_rounds(s, limit=1000).items
            return _Loaded(rounds, frameworks, current, next_round_number(s, year))

        tasks.run(load, self._loaded, self.confirm.show_error)

    def _loaded(self, loaded: _Loaded) -> None:
        self.current = loaded.current
        self.type_page.fill(loaded)
        self.basics.fill(loaded)
        self.dates.fill(loaded.current)
        self.loaded = True

    # -- what was chosen ---------------------------------------------------------------------------

    def _choices(self) -> dict[str, Any]:
        b, t = self.basics, self.type_page
        round_type = t.chosen() or RoundType.REGULAR
        phase_dates = self.dates.phase_dates()
        starts = [d[0] for d in phase_dates.values()]
        ends = [d[1] for d in phase_dates.values()]
        return {
            "name": b.name.text().strip(),
            "term": b.term.text().strip(),
            "year": b.year.value(),
            "number": b.number.value(),
            "authorization_no": b.authorization.text().strip(),
            "round_type": round_type,
            "dispatch_level": OrgLevel.CITY
            if round_type is RoundType.ELEVATED
            else OrgLevel.parse(str(t.level.currentData())),
            "topic": t.topic.text().strip() if round_type is RoundType.SPECIAL else "",
            "revisit_of": t.revisit.currentData() if round_type is RoundType.REVISIT else None,
            "phase_dates": phase_dates,
            "start_date": min(starts) if starts else None,
            "end_date": max(ends) if ends else None,
        }

    def summary_lines(self) -> list[str]:
        c = self._choices()
        b, t = self.basics, self.type_page
        lines = [
            self.tr("名称：%1").replace("%1", c["name"]),
            self.tr("届次：%1").replace("%1", c["term"] or self.tr("（未填）")),
            self.tr("年度与轮次：%1 年第 %2 轮")
            .replace("%1", str(c["year"]))
            .replace("%2", str(c["number"])),
            self.tr("授权文号：%1").replace("%1", c["authorization_no"] or self.tr("（未填）")),
            self.tr("问题分类框架：%1").replace("%1", b.framework.currentText()),
            self.tr("巡察类型：%1").replace("%1", type_title(c["round_type"])),
            self.tr("派出层级：%1").replace("%1", core_text(c["dispatch_level"].label)),
        ]
        if c["topic"]:
            lines.append(self.tr("专项主题：%1").replace("%1", c["topic"]))
        if c["revisit_of"]:
            lines.append(self.tr("回头看的原轮次：%1").replace("%1", t.revisit.currentText()))
        lines.append(self.tr("阶段日期："))
        for phase in RoundPhase:
            dates = c["phase_dates"].get(phase)
            when = f"{dates[0]:%Y-%m-%d} — {dates[1]:%Y-%m-%d}" if dates else self.tr("未定")
            lines.append(f"    {core_text(phase.label)}  {when}")
        if c["round_type"] is RoundType.SPECIAL:
            lines.append("")
            lines.append(self.tr("保存后请在概览页报备工作方案；审核通过后才能进入进驻阶段。"))
        return lines

    # -- saving ------------------------------------------------------------------------------------

    def save(self) -> None:
        c = self._choices()
        current = self.current
        work: Callable[[Any], RoundView]
        if current is None:
            framework_id, framework_version = str(self.basics.framework.currentData()).rsplit(
                "@", 1
            )
            draft = RoundDraft(framework_id=framework_id, framework_version=framework_version, **c)

            def work(s: Session) -> RoundView:
                return add_round(s, draft)

        else:
            round_id, version = current.id, current.meta.version
            changes = RoundChanges(**c)

            def work(s: Session) -> RoundView:
                return edit_round(s, round_id, changes, expected_version=version)

        self.tasks.run(work, self._saved, self.confirm.show_error, write=True)

    def _saved(self, view: RoundView) -> None:
        self.confirm.saving = False
        self.saved.emit(view)
        self.accept()


def open_round_wizard(
    tasks: Tasks, parent: QWidget, on_saved: Callable[[RoundView], None], round_id: str | None
) -> RoundWizard:
    wizard = RoundWizard(tasks, round_id, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.saved.connect(on_saved)
    wizard.open()
    return wizard
