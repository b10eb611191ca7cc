"""信访件: the letters of the round, filtered by status, channel and category."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from ui.dialogs.step_dialog import StepDialog, Work, ask_step
from ui.editors.fields import EnumChecks
from ui.editors.letter_editor import LetterEditor
from ui.errors import error_text
from ui.i18n import aside, core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column, display
from ui.pages.locked_actions import disable_when_locked
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from ui.widgets.filter_bar import FilterSpec
from workbench.services import Session
from workbench.services.letters import (
    UNCLASSIFIED,
    LetterDraft,
    find_possible_duplicates,
    get_letter,
    list_letters,
    summarize_letter,
)
from workbench.services.letters_disposal import (
    clue_draft_from_letter,
    discuss_letter,
    dispose_letter,
    mark_duplicate,
)
from workbench.vocab.enums import (
    CadreLevel,
    Discipline,
    LetterCategory,
    LetterChannel,
    LetterDisposition,
    LetterStatus,
)


def _enum_options(enum: Any) -> tuple[tuple[str, Any], ...]:
    return ((_tr("全部"), None), *((core_text(m.label), m.value) for m in enum))


def _reported(view: Any) -> str:
    return "、".join(p.name for p in view.reported_persons) or _tr("（未写明）")


def _category(view: Any) -> str:
    """未分类 until the letter is classified, as the dashboard counts it."""
    return display(view.category) if view.category else _tr("未分类")


def describe_letter(view: Any) -> str:
    reporter = _tr("匿名") if view.anonymous else aside(view.reporter_name, view.reporter_contact)
    lines = [
        f"{view.number}　{display(view.channel)}　{display(view.received_at)}",
        _tr("反映人：") + reporter,
        _tr("被反映人：") + _reported(view),
        _tr("状态：")
        + display(view.status)
        + _tr("　分类：")
        + _category(view)
        + (_tr("　处置：") + display(view.disposition) if view.disposition else ""),
        "",
        _tr("摘要："),
        view.summary or _tr("（尚未摘要）"),
    ]
    if view.proposal:
        lines += ["", _tr("拟办意见："), view.proposal]
    return "\n".join(lines)


def _config() -> dict[str, Any]:
    return dict(
        page_key="letters",
        title=_tr("信访件"),
        columns=[
            Column("number", _tr("编号"), 130, sort_key="number"),
            Column("received_at", _tr("收到时间"), 140, sort_key="received_at"),
            Column("channel", _tr("渠道"), 80, sort_key="channel"),
            Column("reported", _tr("被反映人"), 140, render=_reported),
            Column("category", _tr("分类"), 110, render=_category, sort_key="category"),
            Column("status", _tr("状态"), 90, sort_key="status"),
            Column("summary", _tr("摘要"), 300),
        ],
        filters=[
            FilterSpec("status", _tr("状态"), _enum_options(LetterStatus)),
            FilterSpec("channel", _tr("渠道"), _enum_options(LetterChannel)),
            FilterSpec(
                "category",
                _tr("分类"),
                (*_enum_options(LetterCategory), (_tr("未分类"), UNCLASSIFIED)),
            ),
        ],
        list_service=list_letters,
        describe=describe_letter,
        date_label=_tr("收到日期"),
    )


def _disposed(view: Any) -> bool:
    """A letter fixed by the 组务会 is still to be disposed of; one disposed of takes no step."""
    return bool(view.status is LetterStatus.DISPOSED)


class LettersPage(RecordListPage):
    """登记 → 摘要 → 组务会研究 → 分类处置; the 组长 decides at the meeting, the core says who
    may take which step and refuses the rest with its reason."""

    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, scope=scope, parent=parent, **_config())
        self.register_button = self.add_action(self.tr("登记信访件"), self.register, "register")
        to_clue = self.add_action(self.tr("转为线索"), self.to_clue, "to_clue")
        self.disposal_button = self.add_action(self.tr("分类处置"), lambda: None, "disposal")
        menu = QMenu(self.disposal_button)
        self.disposal_actions: dict[str, QAction] = {}
        for name, text, slot in (
            ("summarize", self.tr("摘要…"), self.summarize),
            ("discuss", self.tr("组务会研究…"), self.discuss),
            ("to_finding", self.tr("纳入底稿"), self.to_finding),
            ("transfer", self.tr("转交…"), self.transfer),
            ("keep", self.tr("留存备查"), lambda: self.dispose("keep")),
            ("close", self.tr("了结"), lambda: self.dispose("close")),
            ("duplicate", self.tr("标记为重复件…"), self.mark_duplicate),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"letter_{name}")
            action.triggered.connect(slot)
            self.disposal_actions[name] = action
            if name in ("discuss", "duplicate"):
                menu.addSeparator()
        self.disposal_button.setMenu(menu)
        disable_when_locked(
            self, "letter", dict.fromkeys((to_clue, self.disposal_button), _disposed)
        )

    def to_clue(self) -> None:
        """分类处置 “转为线索”: the clue is created from the letter and opened."""
        view = self.current_view()
        if view is None:
            return
        levels = [core_text(level.label) for level in CadreLevel]
        choice, ok = QInputDialog.getItem(
            self, self.tr("转为线索"), self.tr("被反映人的干部级别："), levels, 1, False
        )
        if not ok:
            return
        level = list(CadreLevel)[levels.index(choice)]
        letter_id = view.id

        def work(s: Session) -> Any:
            letter = get_letter(s, letter_id)
            draft = clue_draft_from_letter(letter, subject_level=level)
            return dispose_letter(s, letter_id, "to_clue", clue=draft)

        def done(result: Any) -> None:
            self.refresh()
            if result.clue is not None:
                self.record_opened.emit("clue", result.clue.id)

        def refused(error: BaseException) -> None:
            QMessageBox.warning(self, self.tr("不能转为线索"), error_text(error))

        self.tasks.run(work, done, refused, write=True)

    # -- 摘要, 组务会, 分类处置 ----------------------------------------------------------------

    def summarize(self) -> StepDialog | None:
        def build(dialog: StepDialog, view: Any) -> Callable[[], Work]:
            summary = dialog.add("summary", self.tr("摘要"), QPlainTextEdit(view.summary))
            summary.setFixedHeight(140)
            disciplines = dialog.add("disciplines", self.tr("涉及纪律"), EnumChecks(Discipline))
            disciplines.set_values(view.disciplines)
            letter_id, version = view.id, view.meta.version

            def make() -> Work:
                text, chosen = summary.toPlainText().strip(), disciplines.values()
                return lambda s: summarize_letter(
                    s, letter_id, summary=text, disciplines=chosen, expected_version=version
                )

            return make

        return ask_step(self, self.tr("摘要信访件"), build, action=self.tr("保存摘要"))

    def discuss(self) -> StepDialog | None:
        def build(dialog: StepDialog, view: Any) -> Callable[[], Work]:
            dialog.set_note(self.tr("记录组务会研究的日期、分类和拟办意见（组长）。"))
            meeting = dialog.add("meeting_date", self.tr("组务会日期"), QDateEdit())
            meeting.setCalendarPopup(True)
            meeting.setDisplayFormat("yyyy-MM-dd")
            day = view.meeting_date
            meeting.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
            category = dialog.add("category", self.tr("分类"), QComboBox())
            for member in LetterCategory:
                if member is not LetterCategory.DUPLICATE:  # linked by 标记为重复件 instead
                    category.addItem(core_text(member.label), member.value)
            if view.category is not None:
                category.setCurrentIndex(max(0, category.findData(view.category.value)))
            proposal = dialog.add("proposal", self.tr("拟办意见"), QPlainTextEdit(view.proposal))
            proposal.setFixedHeight(90)
            letter_id, version = view.id, view.meta.version

            def make() -> Work:
                on = meeting.date().toPython()
                chosen, text = category.currentData(), proposal.toPlainText().strip()
                return lambda s: discuss_letter(
                    s,
                    letter_id,
                    meeting_date=on,
                    category=chosen,
                    proposal=text,
                    expected_version=version,
                )

            return make

        return ask_step(self, self.tr("组务会研究"), build, action=self.tr("记录"))

    def _disposal(
        self, disposition: str, title: str, **extra: tuple[str, Callable[[], QLineEdit]]
    ) -> StepDialog | None:
        """A 分类处置, confirmed in a dialog; ``extra`` names the text fields it needs
        (field → label and the widget's factory)."""

        def build(dialog: StepDialog, view: Any) -> Callable[[], Work]:
            label = core_text(LetterDisposition.parse(disposition).label)
            dialog.set_note(
                self.tr("将信访件 %1 处置为“%2”。").replace("%1", view.number).replace("%2", label)
            )
            fields = {name: dialog.add(name, text, new()) for name, (text, new) in extra.items()}
            letter_id, version = view.id, view.meta.version

            def make() -> Work:
                values = {name: w.text().strip() for name, w in fields.items()}
                return lambda s: dispose_letter(
                    s, letter_id, disposition, expected_version=version, **values
                )

            return make

        return ask_step(self, title, build, action=title, on_done=self._disposed)

    def _disposed(self, result: Any) -> None:
        if getattr(result, "finding", None) is not None:
            self.record_opened.emit("finding", result.finding.id)

    def to_finding(self) -> StepDialog | None:
        return self._disposal("to_finding", self.tr("纳入底稿"))

    def transfer(self) -> StepDialog | None:
        def unit() -> QLineEdit:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("如：县信访局、乡镇党委"))
            return edit

        return self._disposal("transfer", self.tr("转交"), transfer_to=(self.tr("转交单位"), unit))

    def dispose(self, disposition: str) -> StepDialog | None:
        title = core_text(LetterDisposition.parse(disposition).label)
        return self._disposal(disposition, title)

    def mark_duplicate(self) -> StepDialog | None:
        def build(dialog: StepDialog, view: Any) -> Callable[[], Work]:
            dialog.set_note(self.tr("重复件关联到原件，留存备查，由原件继续办理。"))
            original = dialog.add("duplicate_of_id", self.tr("原件"), QComboBox())
            original.addItem(self.tr("正在查找相似的信访件…"), None)
            probe = LetterDraft(
                round_id=view.round_id or "",
                channel=view.channel,
                received_at=view.received_at,
                reported_persons=view.reported_persons,
                summary=view.summary,
            )
            letter_id, version = view.id, view.meta.version

            def found(letters: Any) -> None:
                original.clear()
                for letter in letters:
                    names = _reported(letter)
                    original.addItem(f"{letter.number}　{names}　{letter.summary[:30]}", letter.id)
                if not letters:
                    original.addItem(self.tr("（未找到相似的信访件）"), None)

            self.tasks.run(
                lambda s: find_possible_duplicates(s, probe, exclude_id=letter_id), found
            )

            def make() -> Work:
                of_id = original.currentData() or ""
                return lambda s: mark_duplicate(s, letter_id, of_id, expected_version=version)

            return make

        return ask_step(self, self.tr("标记为重复件"), build, action=self.tr("标记"))

    # -- 登记 ------------------------------------------------------------------------------

    def register(self) -> LetterEditor | None:
        round_id, team_id = self.scope().get("round_id"), self.scope().get("team_id")
        if not round_id:
            self.detail.setPlainText(self.tr("请先在上方选择巡察轮次，再登记信访件。"))
            return None
        editor = LetterEditor(self.tasks, round_id=round_id, team_id=team_id, parent=self)
        editor.saved.connect(self._registered)
        editor.open()
        return editor

    def _registered(self, view: Any) -> None:
        self.refresh()
        self.show_record(view)
