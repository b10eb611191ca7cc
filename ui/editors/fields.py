"""Field widgets the editors share: enum combos, targets of the round, dates that may be empty,
lists of names typed in one line. Each reads and writes plain JSON-able values for drafts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QWidget,
)

from ui.i18n import core_text
from ui.i18n import tr as _tr
from ui.tasks import Tasks
from workbench.services.findings import list_findings
from workbench.services.targets import list_targets

NAME_SEPARATORS = "、，,；; "


def split_names(text: str) -> tuple[str, ...]:
    """“王明、李华 张三” → (王明, 李华, 张三): people type whichever separator is at hand."""
    for sep in NAME_SEPARATORS[1:]:
        text = text.replace(sep, NAME_SEPARATORS[0])
    return tuple(n for n in (p.strip() for p in text.split(NAME_SEPARATORS[0])) if n)


def join_names(names: Iterable[str]) -> str:
    return "、".join(names)


class EnumCombo(QComboBox):
    """The members of a LabeledEnum by their Chinese labels; value() is the member's value."""

    def __init__(self, enum: Any, *, blank: str | None = None) -> None:
        super().__init__()
        if blank is not None:
            self.addItem(blank, None)
        for member in enum:
            self.addItem(core_text(member.label), member.value)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        raw = getattr(value, "value", value)
        index = self.findData(raw)
        self.setCurrentIndex(max(index, 0))


class RecordCombo(QComboBox):
    """Records of the round loaded on the worker, with a first "none" entry; a value set before
    the list arrives is kept and selected when it does (drafts restore before loading ends)."""

    loaded = Signal()

    def __init__(
        self,
        tasks: Tasks,
        round_id: str | None,
        none_text: str,
        fetch: Callable[[Any, str], Any],
        label: Callable[[Any], str],
    ) -> None:
        super().__init__()
        self.addItem(none_text, None)
        self._wanted: str | None = None
        self._label = label
        if round_id:
            tasks.run(lambda s: fetch(s, round_id), self._loaded)

    def _loaded(self, records: Any) -> None:
        for record in records:
            self.addItem(self._label(record), record.id)
        if self._wanted:
            self.set_value(self._wanted)
        self.loaded.emit()

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else (self._wanted if self.count() == 1 else None)

    def set_value(self, record_id: str | None) -> None:
        self._wanted = record_id
        index = self.findData(record_id) if record_id else 0
        if index >= 0:
            self.setCurrentIndex(index)


class TargetCombo(RecordCombo):
    """被巡察单位 of the round."""

    def __init__(self, tasks: Tasks, round_id: str | None) -> None:
        super().__init__(
            tasks,
            round_id,
            _tr("（未指定）"),
            lambda s, rid: list_targets(s, round_id=rid, limit=1000).items,
            lambda target: str(target.name),
        )


class DateTimeField(QDateTimeEdit):
    def __init__(self) -> None:
        super().__init__(QDateTime.currentDateTime())
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")

    def value(self) -> datetime:
        moment: datetime = self.dateTime().toPython()  # type: ignore[assignment]
        return moment.replace(second=0, microsecond=0)

    def text_value(self) -> str:
        return self.value().isoformat(timespec="minutes")

    def set_text_value(self, text: str | None) -> None:
        if text:
            moment = datetime.fromisoformat(text)
            self.setDateTime(
                QDateTime(
                    QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
                )
            )


class DateField(QDateEdit):
    """A day that must be given (today to start with)."""

    def __init__(self) -> None:
        super().__init__(QDate.currentDate())
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def value(self) -> date:
        day: date = self.date().toPython()  # type: ignore[assignment]
        return day


class OptionalDate(QWidget):
    """A date that may be left empty: a check box turns the date on."""

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.enabled = QCheckBox(label or _tr("填写"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setEnabled(False)
        self.enabled.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.date, 1)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        day: date = self.date.date().toPython()  # type: ignore[assignment]
        return day

    def set_value(self, day: date | str | None) -> None:
        if isinstance(day, str):
            day = date.fromisoformat(day) if day else None
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))

    def text_value(self) -> str | None:
        day = self.value()
        return day.isoformat() if day else None


def finding_label(finding: Any) -> str:
    return f"{finding.number}  {finding.title}"


class FindingCombo(RecordCombo):
    """问题底稿 of the round by number and title."""

    def __init__(self, tasks: Tasks, round_id: str | None) -> None:
        super().__init__(
            tasks,
            round_id,
            _tr("（不关联）"),
            lambda s, rid: list_findings(s, rid, order="number", limit=1000).items,
            finding_label,
        )


class EnumChecks(QWidget):
    """Several members of a LabeledEnum (六项纪律 of a letter, a 底稿, a clue) as check boxes."""

    def __init__(self, enum: Any) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)  # three a row: six English names in one row overflow an editor
        grid.setContentsMargins(0, 0, 0, 0)
        for i, member in enumerate(enum):
            box = QCheckBox(core_text(member.label))
            self.boxes[member.value] = box
            grid.addWidget(box, i // 3, i % 3)
        grid.setColumnStretch(3, 1)

    def values(self) -> tuple[str, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())

    def set_values(self, values: Iterable[Any]) -> None:
        wanted = {getattr(v, "value", v) for v in values}
        for value, box in self.boxes.items():
            if box.isChecked() != (value in wanted):
                box.setChecked(value in wanted)
