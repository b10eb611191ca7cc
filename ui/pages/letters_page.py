"""信访件: the letters of the round, filtered by status, channel and category."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ui.dialogs.letter_dialog import LetterDialog
from ui.errors import error_text
from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.models.record_table_model import Column, display
from ui.pages.record_list_page import RecordListPage
from ui.tasks import Tasks
from ui.widgets.filter_bar import FilterSpec
from workbench.models.enums import CadreLevel, LetterCategory, LetterChannel, LetterStatus
from workbench.services.letters import get_letter, list_letters
from workbench.services.letters_disposal import clue_draft_from_letter, dispose_letter


def _enum_options(enum: Any) -> tuple[tuple[str, Any], ...]:
    return ((_tr("全部"), None), *((core_text(m.label), m.value) for m in enum))


def _reported(view: Any) -> str:
    return "、".join(p.name for p in view.reported_persons) or _tr("（未写明）")


def describe_letter(view: Any) -> str:
    reporter = _tr("匿名") if view.anonymous else f"{view.reporter_name}（{view.reporter_contact}）"
    lines = [
        f"{view.number}　{display(view.channel)}　{display(view.received_at)}",
        _tr("反映人：") + reporter,
        _tr("被反映人：") + _reported(view),
        _tr("状态：")
        + display(view.status)
        + (_tr("　分类：") + display(view.category) if view.category else "")
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
            Column("number", _tr("编号"), 130),
            Column("received_at", _tr("收到时间"), 140),
            Column("channel", _tr("渠道"), 80),
            Column("reported", _tr("被反映人"), 140, render=_reported),
            Column("category", _tr("分类"), 110),
            Column("status", _tr("状态"), 90),
            Column("summary", _tr("摘要"), 300),
        ],
        filters=[
            FilterSpec("status", _tr("状态"), _enum_options(LetterStatus)),
            FilterSpec("channel", _tr("渠道"), _enum_options(LetterChannel)),
            FilterSpec("category", _tr("分类"), _enum_options(LetterCategory)),
        ],
        list_service=list_letters,
        describe=describe_letter,
    )


class LettersPage(RecordListPage):
    def __init__(
        self, tasks: Tasks, scope: Callable[[], dict[str, Any]], parent: QWidget | None = None
    ) -> None:
        super().__init__(tasks, scope=scope, parent=parent, **_config())
        self.register_button = self.add_action(self.tr("登记信访件"), self.register, "register")
        self.add_action(self.tr("转为线索"), self.to_clue, "to_clue")

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

        def work(s: Any) -> Any:
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

    def register(self) -> LetterDialog | None:
        round_id = self.scope().get("round_id")
        if not round_id:
            self.detail.setPlainText(self.tr("请先在上方选择巡察轮次，再登记信访件。"))
            return None
        dialog = LetterDialog(self.tasks, round_id, self)
        dialog.saved.connect(self._registered)
        dialog.open()
        return dialog

    def _registered(self, view: Any) -> None:
        self.refresh()
        self.show_record(view)
