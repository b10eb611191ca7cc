"""A list's filters: a 搜索 box, a date range and drop-downs; the drop-downs' choices are
remembered per page.

The text and the dates are not remembered: a list that opens already narrowed by a word typed
last week looks like missing records. Their values go to the list service as ``text`` and
``date_from``/``date_to`` (the page maps the dates onto the service's own range, as the CLI's
``--from``/``--to`` do).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import settings
from ui.i18n import tr as _tr

TYPING_PAUSE_MS = 300  # the list reloads once the user pauses, not at every key
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as 不限: no bound on that side


@dataclass(frozen=True)
class FilterSpec:
    key: str  # keyword argument of the list service
    label: str  # translated
    options: tuple[tuple[str, Any], ...]  # (translated text, value); value None = all


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(_tr("不限"))  # shown while the date is the minimum
    edit.setDate(NO_DATE)
    return edit


class FilterBar(QWidget):
    changed = Signal(dict)

    def __init__(
        self,
        page_key: str,
        specs: list[FilterSpec],
        parent: QWidget | None = None,
        *,
        date_label: str | None = None,
        searchable: bool = True,
    ):
        """``date_label`` names the list's date (收到日期, 反馈期限…); None: no date range.
        ``searchable``: whether the list service takes a text filter (the 搜索 box)."""
        super().__init__(parent)
        self.page_key = page_key
        self.specs = specs
        self.combos: dict[str, QComboBox] = {}
        # two rows: the search and the dates, then the drop-downs (one row would not fit the
        # letters' filters beside the navigation at 1366 pixels in English)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(4)
        layout = QHBoxLayout()
        choices = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(choices)
        self.text = QLineEdit()
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText(_tr("搜索…"))
        self.text.setToolTip(_tr("按编号、姓名、名称或摘要中的文字查找，不区分大小写"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(140)
        self.text.setMaximumWidth(240)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _text: self._typing.start())
        self.text.returnPressed.connect(self._emit)
        layout.addWidget(self.text)
        self.text.setVisible(searchable)
        self.date_from: QDateEdit | None = None
        self.date_to: QDateEdit | None = None
        if date_label is not None:
            self.date_from = _date_edit("filter_date_from")
            self.date_to = _date_edit("filter_date_to")
            layout.addWidget(QLabel(date_label))
            layout.addWidget(self.date_from)
            layout.addWidget(QLabel(_tr("至")))
            layout.addWidget(self.date_to)
            for edit in (self.date_from, self.date_to):
                edit.dateChanged.connect(lambda _date: self._emit())
        self.reset_button = QToolButton()
        self.reset_button.setObjectName("filter_reset")
        self.reset_button.setText(_tr("清除筛选"))
        self.reset_button.clicked.connect(self.reset)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)
        for spec in specs:
            choices.addWidget(QLabel(spec.label))
            combo = QComboBox()
            combo.setObjectName(f"filter_{spec.key}")
            for text, value in spec.options:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self._emit)
            choices.addWidget(combo)
            self.combos[spec.key] = combo
        choices.addStretch(1)
        self._restore()

    def values(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {}
        text = self.text.text().strip()
        if text:
            chosen["text"] = text
        for key, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            if edit is not None and edit.date() != NO_DATE:
                chosen[key] = date(edit.date().year(), edit.date().month(), edit.date().day())
        chosen.update(
            (key, combo.currentData())
            for key, combo in self.combos.items()
            if combo.currentData() is not None
        )
        return chosen

    def summary(self) -> str:
        """The filters in force, in words, for a printed list's heading ("" when none)."""
        parts = []
        if text := self.text.text().strip():
            parts.append(_tr("含“%1”").replace("%1", text))
        if self.date_from is not None and self.date_to is not None:
            low, high = self.date_from, self.date_to
            if low.date() != NO_DATE or high.date() != NO_DATE:
                until = _tr("至")  # outside the f-string, where lupdate finds it
                parts.append(f"{low.text()} {until} {high.text()}")
        for spec in self.specs:
            combo = self.combos[spec.key]
            if combo.currentData() is not None:
                parts.append(f"{spec.label}：{combo.currentText()}")
        return "；".join(parts)

    def select(self, key: str, value: Any) -> None:
        """Choose the option of ``key`` whose value is ``value`` (as a person would)."""
        combo = self.combos[key]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def set_dates(self, low: date | None, high: date | None) -> None:
        """Bound the list's date (None: no bound on that side), as a person would."""
        for edit, value in ((self.date_from, low), (self.date_to, high)):
            if edit is not None:
                edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)

    def reset(self) -> None:
        """Every filter back to 全部/不限, and one reload."""
        widgets = [self.text, *self.combos.values(), self.date_from, self.date_to]
        for widget in widgets:
            if widget is not None:
                widget.blockSignals(True)
        self.text.clear()
        self.set_dates(None, None)
        for combo in self.combos.values():
            combo.setCurrentIndex(0)
        for widget in widgets:
            if widget is not None:
                widget.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self._typing.stop()
        store = settings.open_settings()
        texts = {k: c.currentText() for k, c in self.combos.items()}
        settings.filter_key(self.page_key).set(store, json.dumps(texts, ensure_ascii=False))
        self.changed.emit(self.values())

    def _restore(self) -> None:
        raw = settings.filter_key(self.page_key).get(settings.open_settings())
        try:
            saved = json.loads(raw) if raw else {}
        except ValueError:
            saved = {}
        for key, combo in self.combos.items():
            index = combo.findText(str(saved.get(key, "")))
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
